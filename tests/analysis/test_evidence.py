"""Evidence through the app (issue 13): PDF page starts stored by the extract stage, evidence
saved with the profile and its pages, the JSON export's `evidence` key (absent for old
profiles), the openai backend's evidence against the stand-in server (a value not in the resume
kept as unverified), and the profile page linking each value to its marked passage."""

import json
from datetime import UTC, date, datetime

import pytest

from analysis.backends.local import analyze_locally
from analysis.backends.openai import analyze_with_openai
from analysis.documents.extraction import extract_document, extract_text
from analysis.exports.service import FORMATS
from analysis.models import AnalysisJob, JobStatus, UserProfile
from analysis.parsing.evidence import with_pages
from analysis.services import profile_save, stage_extract
from tests.analysis.conftest import FILES, store_upload
from tests.analysis.test_qa_bank import PROFILE
from tests.parsing.test_openai_analysis import model_profile

EXPORTED_AT = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def test_pdf_page_starts_do_not_change_the_text():
    extracted = extract_document(FILES / "resume.pdf")
    assert extracted.text == extract_text(FILES / "resume.pdf")
    assert extracted.page_starts[0] == 0 and len(extracted.page_starts) == 2
    second = extracted.page_starts[1]
    assert extracted.text[second - 2 : second] == "\n\n" and extracted.text[second].strip()
    assert extract_document(FILES / "resume.docx").page_starts == []


def completed_job(owner, name: str = "resume.pdf") -> AnalysisJob:
    upload = store_upload(owner, name)
    return AnalysisJob.objects.create(upload=upload, owner=owner, status=JobStatus.COMPLETED, progress=100,
                                      current_step="Analysis complete")  # fmt: skip


def analysed(job: AnalysisJob) -> UserProfile:
    """What stage_analyze saves for the local backend (without the Q&A bank's embeddings)."""
    text = stage_extract(job=job)
    result = analyze_locally(text)
    result.profile["evidence"] = with_pages(result.profile["evidence"], job.page_starts)
    return profile_save(job=job, data=result.profile)


@pytest.mark.django_db
def test_the_extract_stage_stores_page_starts_and_evidence_gets_pages(owner):
    job = completed_job(owner)
    profile = analysed(job)
    job.refresh_from_db()
    assert job.page_starts == extract_document(FILES / "resume.pdf").page_starts
    evidence = profile.data.evidence
    assert evidence and all(job.extracted_text[e.start : e.end] == e.raw for e in evidence if e.verified)
    assert {e.page for e in evidence if e.verified} == {1, 2}
    assert profile.data.evidence_for("personal_info.name").page == 1


@pytest.mark.django_db
def test_the_json_export_carries_evidence_only_when_there_is_some(owner):
    job = completed_job(owner, "resume.docx")
    profile = analysed(job)
    document = json.loads(FORMATS["json"].render(job, profile, EXPORTED_AT))
    assert list(document)[-2:] == ["evidence", "exported_at"]
    assert list(document)[:10] == ["job_id", "personal_info", "skills", "experience", "education", "summary",
                                   "job_recommendations", "strengths", "weaknesses", "evidence"]  # fmt: skip
    assert document["evidence"] == profile.evidence and document["evidence"][0]["page"] is None  # a DOCX

    old = completed_job(owner)
    old_profile = UserProfile.objects.create(job=old, **PROFILE)
    assert "evidence" not in json.loads(FORMATS["json"].render(old, old_profile, EXPORTED_AT))


@pytest.mark.django_db
def test_a_rerun_without_evidence_clears_the_old_evidence(owner):
    job = completed_job(owner, "resume.docx")
    analysed(job)
    profile = profile_save(job=job, data={**PROFILE})
    assert profile.evidence == []


def test_openai_values_are_located_and_unfound_ones_kept_unverified(fake_openai, openai_settings):
    openai_settings.AI_BACKEND = "openai"
    text = ("Ada Lovelace\nada@example.com\nExperience\nAnalyst, Babbage & Co, 2019 – 2021\n"
            "Education\nB.Sc. Mathematics, University of London, 2018\nSkills: Golang, k8s")  # fmt: skip
    fake_openai.chat_reply(json.dumps(model_profile()))

    profile = analyze_with_openai(text, today=date(2026, 11, 28)).profile

    found = {item["field"]: item for item in profile["evidence"]}
    assert found["personal_info.name"]["verified"] and found["personal_info.name"]["start"] == 0
    assert found["experience.0.company"]["raw"] == "Babbage & Co"
    assert found["education.0.degree"]["raw"] == "B.Sc. Mathematics"
    assert found["skills.Programming Languages.0"]["raw"] == "Golang"  # "Go", the taxonomy's name
    assert found["skills.Cloud & DevOps.0"]["raw"] == "k8s"
    # Not in the resume: kept, but unverified and with no confidence, never shown as found.
    for field in ("personal_info.location", "experience.1.company", "skills.Programming Languages.1"):
        assert (found[field]["verified"], found[field]["confidence"], found[field]["start"]) == (False, 0.0, None)
    assert profile["education"][0] | {} == {**profile["education"][0], "level": "Bachelor's", "subject": "Mathematics"}
    assert all(text[e["start"] : e["end"]] == e["raw"] for e in profile["evidence"] if e["verified"])


@pytest.mark.django_db
def test_profile_page_links_values_to_marked_passages(client, owner):
    job = completed_job(owner, "resume.docx")
    profile = analysed(job)
    evidence = profile.evidence
    # One value made uncertain and one not found, to see both marks.
    name = next(i for i, e in enumerate(evidence) if e["field"] == "personal_info.name")
    evidence[name]["confidence"] = 0.4
    evidence.append({"field": "personal_info.github", "value": "https://github.com/nobody", "raw": "",
                     "start": None, "end": None, "page": None, "confidence": 0.0, "verified": False})  # fmt: skip
    info = {**profile.personal_info, "github": "https://github.com/nobody"}
    UserProfile.objects.filter(id=profile.id).update(evidence=evidence, personal_info=info)
    client.force_login(owner)

    page = client.get(f"/jobs/{job.id}").content.decode()

    assert '<pre class="source" id="source"' in page
    assert f'<a class="ev-link is-review" href="#ev-{name}" data-evidence="ev-{name}"' in page
    assert '<span class="badge review"' in page
    raw = evidence[name]["raw"]
    assert f'<mark id="ev-{name}" data-field="personal_info.name" tabindex="-1">{raw}</mark>' in page
    assert page.count("<mark ") >= 10
    # The collected, content-hashed name (WhiteNoise); CSP: no inline script.
    assert 'src="/static/js/evidence.' in page and "<script>" not in page


@pytest.mark.django_db
def test_unverified_values_are_marked_and_the_text_is_escaped(client, owner):
    job = completed_job(owner, "resume.docx")
    AnalysisJob.objects.filter(id=job.id).update(extracted_text="<b>Jordan</b> Lee")
    UserProfile.objects.create(job=job, **{**PROFILE, "evidence": [
        {"field": "personal_info.name", "value": "Jordan Avery Lee", "raw": "", "start": None, "end": None,
         "page": None, "confidence": 0.0, "verified": False},
        {"field": "skills.Languages.0", "value": "Python", "raw": "Jordan", "start": 3, "end": 9,
         "page": None, "confidence": 0.9, "verified": True},
    ]})  # fmt: skip
    client.force_login(owner)

    page = client.get(f"/jobs/{job.id}").content.decode()

    assert '<span class="ev-unverified">Jordan Avery Lee</span> <span class="badge unverified">not found in the resume</span>' in page
    assert "&lt;b&gt;<mark id=\"ev-1\" data-field=\"skills.Languages.0\" tabindex=\"-1\">Jordan</mark>&lt;/b&gt; Lee" in page


@pytest.mark.django_db
def test_a_profile_without_evidence_shows_no_source_panel(client, owner):
    job = completed_job(owner, "resume.docx")
    UserProfile.objects.create(job=job, **PROFILE)
    client.force_login(owner)
    page = client.get(f"/jobs/{job.id}").content.decode()
    assert '<h1 class="candidate-name">Jordan Avery Lee</h1>' in page and "ev-link" not in page
    assert 'id="source"' not in page and "evidence.js" not in page

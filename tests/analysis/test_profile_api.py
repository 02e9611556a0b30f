"""The profile API (issue 16): GET /api/profiles/<job_id>, PATCH it (a merge patch validated by the
typed profile, each change a version), GET .../versions and POST .../versions/<n>/restore; owner
only, the seed's error bodies, never a 500."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from analysis.models import (
    PROFILE_FIELDS,
    AnalysisJob,
    JobStatus,
    ProfileVersion,
    QAPair,
    UserProfile,
)
from tests.export.sample import SAMPLE_PROFILE

RESUME_PDF = Path(__file__).resolve().parent.parent / "fixtures" / "files" / "resume.pdf"
NAME = SAMPLE_PROFILE["personal_info"]["name"]
EVIDENCE = [
    {"field": "personal_info.name", "value": NAME, "raw": NAME, "start": 0, "end": len(NAME), "page": 1,
     "confidence": 0.95, "verified": True},
    {"field": "personal_info.email", "value": "jordan.alvarez@example.com", "raw": "jordan.alvarez@example.com",
     "start": 30, "end": 56, "page": 1, "confidence": 0.99, "verified": True},
    {"field": "skills.Languages.0", "value": "Python", "raw": "Python", "start": 100, "end": 106, "page": 1,
     "confidence": 0.9, "verified": True},
    {"field": "skills.Languages.1", "value": "Go", "raw": "Go", "start": 110, "end": 112, "page": 1,
     "confidence": 0.5, "verified": True},
    {"field": "experience.0.company", "value": "Northwind Analytics", "raw": "Northwind Analytics", "start": 200,
     "end": 219, "page": 1, "confidence": 0.8, "verified": True},
]  # fmt: skip


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_job(user, status: str = JobStatus.COMPLETED, profile: dict | None = SAMPLE_PROFILE) -> AnalysisJob:
    from uploads.models import Upload

    content = RESUME_PDF.read_bytes()
    upload = Upload.objects.create(
        owner=user, file=ContentFile(content, name="resume.pdf"), filename="resume.pdf", kind=Upload.Kind.PDF,
        content_type="application/pdf", file_size=len(content), sha256=hashlib.sha256(content).hexdigest(),
    )  # fmt: skip
    job = AnalysisJob.objects.create(upload=upload, owner=user, status=status, progress=100)
    if profile is not None:
        fields = {key: value for key, value in copy.deepcopy(profile).items() if key in PROFILE_FIELDS}
        UserProfile.objects.create(job=job, evidence=copy.deepcopy(EVIDENCE), **fields)
    return job


@pytest.fixture
def job(owner):
    return make_job(owner)


def url(job, suffix: str = "") -> str:
    return f"/api/profiles/{job.id}{suffix}"


def patch(api, job, body, **headers):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return api.generic("PATCH", url(job), data, content_type=headers.pop("content_type", "application/json"), **headers)


def name_of(job) -> str:
    return UserProfile.objects.get(job=job).personal_info["name"]


# --- reading -------------------------------------------------------------------------------------


def test_the_owner_reads_the_profile_with_evidence_confidence_and_version(api, job):
    response = api.get(url(job))
    assert response.status_code == 200
    body = response.json()
    assert list(body)[:10] == ["job_id", *PROFILE_FIELDS]
    assert body["corrected"] == []
    assert body["job_id"] == str(job.id) and body["personal_info"]["name"] == NAME
    assert body["experience"][0]["company"] == "Northwind Analytics"
    assert body["education"][0] == {**SAMPLE_PROFILE["education"][0], "level": None, "subject": None}
    assert body["evidence"] == EVIDENCE
    assert body["confidence"]["personal_info.name"] == 0.95
    assert body["version"] == 1 and response["ETag"] == '"1"' and body["updated_at"]


def test_others_jobs_missing_jobs_and_bad_ids_are_404(api, outsider_api, job):
    assert outsider_api.get(url(job)).json() == {
        "error": "Job not found", "message": "No analysis job with this id", "job_id": str(job.id),
    }  # fmt: skip
    assert outsider_api.get(url(job)).status_code == 404
    assert api.get("/api/profiles/3f2b8c1e-0000-4000-8000-000000000000").status_code == 404
    for bad in ("not-a-uuid", "0" * 32 + "zz", "12345678123456781234567812345678"):
        response = api.get(f"/api/profiles/{bad}")
        assert response.status_code == 404 and response.json()["error"], bad


def test_a_completed_job_without_a_profile_is_404_and_an_unfinished_one_400(api, owner):
    bare = make_job(owner, profile=None)
    assert api.get(url(bare)).json()["error"] == "Profile not found"
    assert api.get(url(bare)).status_code == 404
    running = make_job(owner, status=JobStatus.ANALYZING, profile=None)
    response = api.get(url(running))
    assert response.status_code == 400
    assert response.json()["error"] == "Analysis not yet completed" and response.json()["current_status"] == "analyzing"


def test_no_token_is_401(anon_api, job):
    assert anon_api.get(url(job)).status_code == 401
    assert patch(anon_api, job, {"summary": "x"}).status_code == 401


def test_put_and_delete_are_not_allowed(api, job):
    assert api.put(url(job), {"summary": "x"}, format="json").status_code == 405
    assert api.delete(url(job)).status_code == 405


# --- editing -------------------------------------------------------------------------------------


def test_patching_the_name_changes_it_alone_as_a_new_version(api, owner, job):
    response = patch(api, job, {"personal_info": {"name": "Jordan Nakamura"}})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["personal_info"] == {**SAMPLE_PROFILE["personal_info"], "name": "Jordan Nakamura"}
    assert body["skills"] == SAMPLE_PROFILE["skills"] and body["version"] == 2 and response["ETag"] == '"2"'
    assert name_of(job) == "Jordan Nakamura" and body["corrected"] == ["personal_info.name"]
    versions = api.get(url(job, "/versions")).json()
    assert [(v["version"], v["source"], v["fields"]) for v in versions] == [
        (2, "edit", ["personal_info.name"]),
        (1, "analysis", []),
    ]
    assert versions[0]["author"] == {"id": owner.id, "name": owner.name, "email": owner.email}
    assert versions[1]["author"] is None and versions[0]["created_at"]


def test_an_edited_values_evidence_is_dropped_unless_it_still_matches(api, job):
    body = patch(api, job, {"personal_info": {"name": "Jordan Nakamura"},
                            "skills": {"Languages": ["Python", "Rust", "SQL"]}}).json()  # fmt: skip
    fields = [item["field"] for item in body["evidence"]]
    # The name and skills.Languages.1 ("Go", now "Rust") no longer match; Python is still item 0.
    assert fields == ["personal_info.email", "skills.Languages.0", "experience.0.company"]
    assert "personal_info.name" not in body["confidence"]
    assert body["skills"]["Frameworks"] == SAMPLE_PROFILE["skills"]["Frameworks"]  # categories merge


def test_null_removes_and_lists_replace(api, job):
    body = patch(api, job, {"personal_info": {"github": None}, "strengths": ["Calm"], "summary": None}).json()
    assert body["personal_info"]["github"] is None and body["strengths"] == ["Calm"] and body["summary"] == ""
    assert UserProfile.objects.get(job=job).summary == ""


def test_a_patch_that_changes_nothing_makes_no_version(api, job):
    for body in ({}, {"personal_info": {"name": NAME}}, b""):
        response = patch(api, job, body)
        assert response.status_code == 200 and response.json()["version"] == 1
    assert UserProfile.objects.get(job=job).version == 1


def test_merge_patch_content_type_is_accepted_and_forms_are_not(api, job):
    response = patch(api, job, {"summary": "Short."}, content_type="application/merge-patch+json")
    assert response.status_code == 200 and response.json()["summary"] == "Short."
    form = patch(api, job, "summary=Long", content_type="application/x-www-form-urlencoded")
    assert form.status_code == 415 and form.json()["error"] == "Unsupported media type"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"experience": [{"company": "X", "years": "3"}]}, "experience.0.years"),
        ({"education": [{"year": 2016.5}]}, "education.0.year"),
        ({"total_years_experience": -1}, "total_years_experience"),
        ({"total_years_experience": "8"}, "total_years_experience"),
        ({"total_years_experience": True}, "total_years_experience"),
        ({"personal_info": "Jordan"}, "personal_info"),
        ({"personal_info": {"name": 42}}, "personal_info.name"),
        ({"skills": ["Python"]}, "skills"),
        ({"skills": {"Languages": "Python"}}, "skills.Languages"),
        ({"strengths": [1, 2]}, "strengths.0"),
        ({"summary": ["a"]}, "summary"),
        ({"personal_info": {"nickname": "JJ"}}, "personal_info.nickname"),
        ({"experience": [{"company": "X", "salary": 1}]}, "experience.0.salary"),
        ({"hobbies": ["chess"]}, "hobbies"),
        ({"evidence": []}, "evidence"),
        ({"version": 5}, "version"),
        ({"job_id": "x"}, "job_id"),
    ],
)  # fmt: skip
def test_bad_input_is_400_naming_the_field_and_changes_nothing(api, job, body, field):
    response = patch(api, job, body)
    assert response.status_code == 400, response.content
    error = response.json()
    assert error["error"] == "Validation error" and error["field"] == field and error["message"]
    assert set(error) == {"error", "message", "field"}
    assert UserProfile.objects.get(job=job).version == 1 and name_of(job) == NAME
    assert not ProfileVersion.objects.filter(profile__job=job, source="edit").exists()


@pytest.mark.parametrize(
    "raw", [b"{not json", b'{"summary": NaN}', b"[1, 2]", b'"a string"', b"null", b"42", b"\xff\xfe"]
)
def test_malformed_or_non_object_bodies_are_400(api, job, raw):
    response = patch(api, job, raw)
    assert response.status_code == 400, (raw, response.content)
    assert response.json()["error"] in {"Malformed request body", "Validation error"}
    assert name_of(job) == NAME


def test_deep_nesting_and_nul_characters_are_400(api, job):
    deep = '{"summary": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert patch(api, job, deep).status_code == 400
    assert patch(api, job, {"summary": "a\x00b"}).status_code == 400


def test_a_huge_body_is_413(api, job):
    response = patch(api, job, {"summary": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413 and response.json()["error"] == "Request too large"
    assert UserProfile.objects.get(job=job).version == 1


def test_a_large_but_allowed_body_is_stored(api, job):
    response = patch(api, job, {"strengths": [f"Strength {n}" for n in range(5000)]})
    assert response.status_code == 200 and len(response.json()["strengths"]) == 5000


# --- If-Match ------------------------------------------------------------------------------------


def test_a_stale_if_match_is_409_and_a_current_one_passes(api, job):
    assert patch(api, job, {"summary": "One."}, HTTP_IF_MATCH='"1"').status_code == 200
    stale = patch(api, job, {"summary": "Two."}, HTTP_IF_MATCH='"1"')
    assert stale.status_code == 409
    assert stale.json() == {
        "error": "Profile changed",
        "message": "The profile is at version 2, not 1; reload it and apply the change again",
        "field": "If-Match",
        "version": 2,
    }
    assert UserProfile.objects.get(job=job).summary == "One."
    for header in ('W/"2"', "3", "*"):  # each passes and makes the next version
        assert patch(api, job, {"summary": f"By {header}"}, HTTP_IF_MATCH=header).status_code == 200, header
    assert UserProfile.objects.get(job=job).version == 5


@pytest.mark.parametrize("header", ["abc", '"-1"', '"1.0"', "9" * 40, '"²"'])
def test_a_malformed_if_match_is_400(api, job, header):
    response = patch(api, job, {"summary": "x"}, HTTP_IF_MATCH=header)
    assert response.status_code == 400 and response.json()["field"] == "If-Match"


# --- others' jobs --------------------------------------------------------------------------------


def test_an_outsider_can_neither_edit_nor_list_nor_restore(outsider_api, api, job):
    assert patch(outsider_api, job, {"personal_info": {"name": "Mallory"}}).status_code == 404
    assert outsider_api.get(url(job, "/versions")).status_code == 404
    assert outsider_api.post(url(job, "/versions/1/restore")).status_code == 404
    assert name_of(job) == NAME and UserProfile.objects.get(job=job).version == 1
    assert api.get(url(job)).status_code == 200


# --- versions and restore ------------------------------------------------------------------------


def test_restoring_a_version_is_a_new_version_with_its_evidence(api, job):
    patch(api, job, {"personal_info": {"name": "Wrong Name"}})
    patch(api, job, {"summary": "Edited."})
    response = api.post(url(job, "/versions/1/restore"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == 4 and body["personal_info"]["name"] == NAME and body["corrected"] == []
    assert api.post(url(job, "/versions/3/restore")).json()["corrected"] == ["personal_info.name", "summary"]
    assert body["summary"] == SAMPLE_PROFILE["summary"] and body["evidence"] == EVIDENCE
    versions = api.get(url(job, "/versions")).json()
    assert [(v["version"], v["source"], v["restored_from"]) for v in versions] == [
        (5, "restore", 3), (4, "restore", 1), (3, "edit", None), (2, "edit", None), (1, "analysis", None),
    ]  # fmt: skip
    assert sorted(versions[1]["fields"]) == ["personal_info.name", "summary"]


def test_restoring_an_unknown_version_is_404_and_a_stale_if_match_409(api, job):
    response = api.post(url(job, "/versions/99/restore"))
    assert response.status_code == 404 and response.json()["error"] == "Version not found"
    assert api.post(url(job, "/versions/0/restore")).status_code == 404
    assert api.post(url(job, "/versions/99999999999999999999/restore")).status_code == 404
    patch(api, job, {"summary": "Edited."})
    assert api.post(url(job, "/versions/1/restore"), HTTP_IF_MATCH='"1"').status_code == 409
    assert api.post(url(job, "/versions/1/restore"), HTTP_IF_MATCH='"2"').status_code == 200


def test_restoring_the_current_state_makes_no_version(api, job):
    response = api.post(url(job, "/versions/1/restore"))
    assert response.status_code == 200 and response.json()["version"] == 1


def test_profiles_from_before_versions_get_their_first_one(api, job):
    from django.apps import apps
    from django.utils.module_loading import import_string

    first_versions = import_string("analysis.migrations.0007_first_profile_versions.first_versions")
    ProfileVersion.objects.filter(profile__job=job).delete()
    first_versions(apps, None)
    first_versions(apps, None)  # once only
    assert [(v["version"], v["source"], v["fields"]) for v in api.get(url(job, "/versions")).json()] == [
        (1, "analysis", [])
    ]
    assert ProfileVersion.objects.get(profile__job=job).data["personal_info"]["name"] == NAME
    # A correction of such a profile can still go back to the analysis.
    patch(api, job, {"summary": "Edited."})
    assert api.post(url(job, "/versions/1/restore")).json()["summary"] == SAMPLE_PROFILE["summary"]


def test_versions_page_with_limit_and_offset(api, job):
    for number in range(3):
        patch(api, job, {"summary": f"Edit {number}."})
    response = api.get(url(job, "/versions"), {"limit": 2, "offset": 1})
    assert [v["version"] for v in response.json()] == [3, 2]
    assert response["X-Total-Count"] == "4" and 'rel="next"' in response["Link"]
    assert api.get(url(job, "/versions"), {"limit": 0}).status_code == 400
    assert api.get(url(job, "/versions"))["X-Total-Count"] == "4"


def test_the_analysis_records_its_version(owner):
    from analysis.services import profile_save

    job = make_job(owner, profile=None)
    profile = profile_save(job=job, data=copy.deepcopy(SAMPLE_PROFILE))
    profile_save(job=job, data={**copy.deepcopy(SAMPLE_PROFILE), "summary": "Again."})
    assert list(profile.versions.values_list("number", "source")) == [(2, "analysis"), (1, "analysis")]


# --- corrections flow everywhere -----------------------------------------------------------------


def test_a_fresh_export_shows_the_corrected_name(api, job):
    export = {"job_id": str(job.id), "format": "json"}
    before = api.get("/api/analysis/export", export)
    assert before.json()["personal_info"]["name"] == NAME
    patch(api, job, {"personal_info": {"name": "Jordan Nakamura"}})
    after = api.get("/api/analysis/export", export)
    assert after.json()["personal_info"]["name"] == "Jordan Nakamura" and after["ETag"] != before["ETag"]
    csv = api.get("/api/analysis/export", {**export, "format": "csv"}).content.decode()
    assert "Jordan Nakamura" in csv and NAME not in csv


def test_the_qa_bank_and_the_chat_answer_with_the_corrected_name(api, job):
    from chat.services import answer_question

    patch(api, job, {"personal_info": {"name": "Jordan Nakamura"}})
    profile = UserProfile.objects.get(job=job)
    answers = dict(QAPair.objects.filter(profile=profile).values_list("question", "answer"))
    assert answers["What is the candidate's name?"] == "The resume belongs to Jordan Nakamura."
    job = AnalysisJob.objects.select_related("profile").get(id=job.id)
    answer = answer_question(job=job, question="What is the candidate's name?")
    assert answer.content == "The resume belongs to Jordan Nakamura."
    assert answer.metadata["from_qa"] is True


def test_the_resumes_list_shows_the_corrected_name(client, api, owner, job):
    client.force_login(owner)
    assert NAME in client.get("/uploads").content.decode()
    patch(api, job, {"personal_info": {"name": "Jordan Nakamura"}})
    page = client.get("/uploads").content.decode()
    assert "Jordan Nakamura" in page and NAME not in page


def test_the_resumes_list_names_only_completed_profiles_and_escapes_them(client, api, owner, job):
    patch(api, job, {"personal_info": {"name": "<b>Jo</b>"}})
    make_job(owner, status=JobStatus.FAILED, profile=None)
    client.force_login(owner)
    page = client.get("/uploads").content.decode()
    assert "&lt;b&gt;Jo&lt;/b&gt;" in page and "<b>Jo</b>" not in page


# --- re-analysis keeps corrections ---------------------------------------------------------------


def reanalyse(job, monkeypatch, extracted: dict) -> AnalysisJob:
    """A new job on the same upload, analysed by a stand-in backend returning `extracted`."""
    from analysis.backends.result import AnalysisResult
    from analysis.services import stage_analyze

    monkeypatch.setattr("analysis.backends.analyze_resume", lambda text: AnalysisResult(copy.deepcopy(extracted)))
    again = AnalysisJob.objects.create(upload=job.upload, owner=job.owner, status=JobStatus.ANALYZING, progress=70)
    stage_analyze(job=again, text="resume text")
    AnalysisJob.objects.filter(pk=again.pk).update(status=JobStatus.COMPLETED)
    return again


def test_a_reanalysis_keeps_corrected_fields_and_offers_the_extraction_beside_them(api, job, monkeypatch):
    patch(api, job, {"personal_info": {"name": "Jordan Nakamura"}, "skills": {"Frameworks": None}})
    extracted = {**SAMPLE_PROFILE, "personal_info": {**SAMPLE_PROFILE["personal_info"], "name": "Clinical Experience",
                                                      "phone": "+1-555-0199"}}  # fmt: skip
    again = reanalyse(job, monkeypatch, extracted)
    body = api.get(url(again)).json()
    assert body["personal_info"]["name"] == "Jordan Nakamura"  # the correction is kept
    assert body["personal_info"]["phone"] == "+1-555-0199"  # what nobody corrected is the new extraction
    assert "Frameworks" not in body["skills"] and body["version"] == 2
    assert sorted(body["corrected"]) == ["personal_info.name", "skills"]
    versions = api.get(url(again, "/versions")).json()
    assert [(v["version"], v["source"]) for v in versions] == [(2, "carried"), (1, "analysis")]
    # The fresh extraction is version 1, restorable.
    restored = api.post(url(again, "/versions/1/restore")).json()
    assert restored["personal_info"]["name"] == "Clinical Experience" and restored["corrected"] == []
    answers = dict(QAPair.objects.filter(profile__job=again).values_list("question", "answer"))
    assert answers["What is the candidate's name?"] == "The resume belongs to Clinical Experience."


def test_a_reanalysis_without_corrections_is_the_extraction(api, job, monkeypatch):
    extracted = {**SAMPLE_PROFILE, "summary": "Fresh."}
    body = api.get(url(reanalyse(job, monkeypatch, extracted))).json()
    assert body["summary"] == "Fresh." and body["version"] == 1 and body["corrected"] == []


def test_interview_questions_use_the_corrected_company(api, job):
    patch(api, job, {"experience": [{**SAMPLE_PROFILE["experience"][0], "company": "Northwind Labs"},
                                    *SAMPLE_PROFILE["experience"][1:]]})  # fmt: skip
    response = api.post("/api/interview/generate", {"job_id": str(job.id), "num_questions": 10}, format="json")
    assert response.status_code == 200, response.content
    answers = " ".join(q["question"] + " " + q["answer"] for q in response.json()["questions"])
    assert "Northwind Labs" in answers and "Northwind Analytics" not in answers


def test_options_on_every_profile_route_describes_it_instead_of_a_500(api, job):
    # bench/fuzz_api.py (schemathesis) found OPTIONS .../restore answering 500: DRF's metadata asked the
    # viewset for a serializer it does not have.
    for suffix in ("", "/versions", "/versions/1/restore"):
        response = api.options(url(job, suffix))
        assert response.status_code == 200, suffix
        assert response.json()["name"] and "actions" not in response.json()

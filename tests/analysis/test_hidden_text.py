"""Text a reader never sees (analysis/documents/hidden.py) is left out of the text and the
analysis, kept on the job for audit and reported as a warning in the API and every export.
The files are made by real tools at test time (tests/uploads/badfiles.py: WeasyPrint,
python-docx, a hand-written PDF with render mode 3)."""

import csv
import io
import json

import pytest

from analysis.documents.extraction import extract_document
from tests.analysis.conftest import FILES
from tests.analysis.test_pipeline import new_job, run
from tests.export.readers import pdf_text
from tests.uploads import badfiles as bad


def _skills(profile) -> set[str]:
    return {name for names in profile.skills.values() for name in names}


def _extract(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return extract_document(path)


def test_pdf_hidden_text_is_left_out_and_listed_with_its_reason(tmp_path):
    extracted = _extract(tmp_path, "hidden.pdf", bad.hidden_text_pdf())
    for skill in bad.HIDDEN_SKILLS:
        assert skill not in extracted.text
    assert extracted.text.startswith("Morgan Ellis Hart")  # white on the dark banner: visible
    assert "Python, SQL, Django" in extracted.text
    reasons = {item.text: item.reason for item in extracted.hidden}
    assert reasons == {
        "Kubernetes Terraform Haskell": "invisible",  # #fff and #fdfdfd on white
        "Erlang": "tiny",
        "COBOL": "outside",
        "Clojure Fortran Scala": "invisible",  # under a white box, under an opaque white image
    }
    assert {item.page for item in extracted.hidden} == {1}


def test_render_mode_3_text_is_invisible(tmp_path):
    extracted = _extract(tmp_path, "mode3.pdf", bad.invisible_mode_pdf())
    assert "Kubernetes" not in extracted.text and "Python, SQL, Django" in extracted.text
    assert [(item.text, item.reason) for item in extracted.hidden] == [("Kubernetes Terraform Haskell", "invisible")]


def test_docx_hidden_runs_are_left_out(tmp_path):
    extracted = _extract(tmp_path, "hidden.docx", bad.hidden_text_docx())
    assert extracted.text.startswith("Morgan Ellis Hart\n")  # white on a dark table cell: visible
    assert "Python, SQL, Django" in extracted.text
    for skill in ("Kubernetes", "Terraform", "Haskell", "Erlang", "COBOL"):
        assert skill not in extracted.text
    assert [(item.text, item.reason) for item in extracted.hidden] == [
        ("Kubernetes", "vanish"), ("Terraform Haskell", "white"), ("Erlang", "tiny"), ("COBOL", "vanish"),
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["resume.pdf", "two_column.pdf", "resume.docx"])
def test_ordinary_resumes_hide_nothing(name):
    assert extract_document(FILES / name).hidden == []


def test_a_job_of_a_stuffed_resume_completes_without_the_hidden_keywords(owner, api):
    job = run(new_job(owner, "stuffed.pdf", bad.hidden_text_pdf()))

    assert job.status == "completed", job.error_message
    skills = _skills(job.profile)
    assert {"Python", "SQL", "Django"} <= skills
    assert not skills & set(bad.HIDDEN_SKILLS)
    assert not any(skill in job.extracted_text for skill in bad.HIDDEN_SKILLS)
    assert "[page 1, invisible] Kubernetes Terraform Haskell" in job.hidden_text  # kept for audit
    [warning] = job.warnings
    assert (warning["kind"], warning["count"]) == ("hidden_text", 4)
    assert warning["sample"].startswith("COBOL Kubernetes Terraform Haskell")

    # The API: the jobs list and the profile carry the warning.
    jobs = api.get("/api/analysis/jobs", {"upload_id": job.upload_id}).json()
    assert jobs[0]["warnings"] == job.warnings
    assert api.get(f"/api/profiles/{job.id}").json()["warnings"] == job.warnings

    # Every export says so; a blind-review export leaves out the quoted sample.
    exported = json.loads(_export(api, job, "json"))
    assert exported["warnings"] == job.warnings
    rows = list(csv.reader(io.StringIO(_export(api, job, "csv").decode())))
    [warning_row] = [row for row in rows if row and row[0] == "WARNINGS"]
    assert warning_row[1] == "Hidden text" and "Kubernetes" in warning_row[2]
    printed = pdf_text(_export(api, job, "pdf"))
    assert "DOCUMENT WARNINGS" in printed.upper() and "Hidden text:" in printed
    import docx

    document = docx.Document(io.BytesIO(_export(api, job, "docx")))
    assert any(p.text.startswith("Hidden text: ") for p in document.paragraphs)
    blind = json.loads(_export(api, job, "json", redact="true"))
    assert blind["warnings"][0]["count"] == 4 and "sample" not in blind["warnings"][0]


def _export(api, job, fmt: str, **params) -> bytes:
    response = api.get("/api/analysis/export", {"job_id": str(job.id), "format": fmt, **params})
    assert response.status_code == 200, response.content[:300]
    return response.content

"""Blind review (issue 16): `&redact=true` takes what identifies the candidate out of every
format's content and file properties; `&age_cues=true` also institutions and graduation years."""

import io
import json

import docx
import pdfplumber
import pytest

from analysis.exports.models import ExportFile
from analysis.models import UserProfile
from tests.export.readers import pdf_text
from tests.export.sample import SAMPLE_PROFILE

URL = "/api/analysis/export"
INFO = SAMPLE_PROFILE["personal_info"]
IDENTIFYING = [INFO["name"], "Jordan", "Álvarez-Nakamura", INFO["email"], INFO["phone"], INFO["location"],
               "San Francisco", "linkedin.com/in/jordan-alvarez", "github.com/jalvarez", "+1 415 555 0199",
               "jordan@personal.example", "https://jordan.dev"]  # fmt: skip
# Graduation years (2016, 2014): the text's "class of 2016"; a job's start date (2016-09) is no age cue.
AGE_CUES = ["University of Washington", "Universidad de Chile", "class of 2016"]


@pytest.fixture
def identified_job(make_job, owner):
    """The sample profile, with identity also leaking into the free text."""
    job = make_job(owner)
    UserProfile.objects.filter(job=job).update(
        summary="Jordan Álvarez-Nakamura is a backend engineer in San Francisco (jordan@personal.example, "
        "+1 415 555 0199, https://jordan.dev). Studied at University of Washington, class of 2016.",
        strengths=["Jordan mentors well", "Deep backend experience"],
        evidence=[{"field": "personal_info.name", "value": INFO["name"], "raw": INFO["name"], "start": 0,
                   "end": len(INFO["name"]), "page": 1, "confidence": 0.9, "verified": True}],
    )  # fmt: skip
    return job


def all_text(fmt: str, content: bytes) -> str:
    """Everything a reader of the file can see: the content and the file's own properties."""
    if fmt == "pdf":
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            return pdf_text(content) + "\n" + json.dumps(pdf.metadata, default=str, ensure_ascii=False)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(content))
        core = document.core_properties
        props = [core.title, core.author, core.subject, core.keywords, core.comments, core.last_modified_by, core.category]
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells + [str(p or "") for p in props])
    return content.decode()


def export(api, job, fmt, **params):
    response = api.get(URL, {"job_id": str(job.id), "format": fmt, **params})
    assert response.status_code == 200, response.content
    return all_text(fmt, response.content)


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "docx"])
def test_a_redacted_export_names_nobody(api, identified_job, fmt):
    full = export(api, identified_job, fmt)
    assert INFO["name"] in full or "Jordan" in full  # the unredacted file does name them
    text = export(api, identified_job, fmt, redact="true")
    leaked = [value for value in IDENTIFYING if value.lower() in text.lower()]
    assert leaked == [], (fmt, leaked)
    assert "Northwind Analytics" in text and "Python" in text  # the rest of the profile is still there
    assert "University of Washington" in text  # age cues stay unless asked


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "docx"])
def test_age_cues_go_too_when_asked(api, identified_job, fmt):
    text = export(api, identified_job, fmt, redact="true", age_cues="true")
    leaked = [value for value in IDENTIFYING + AGE_CUES if value.lower() in text.lower()]
    assert leaked == [], (fmt, leaked)
    assert "MSc Computer Science" in text


def test_the_redacted_json_has_no_contact_details_or_evidence(api, identified_job):
    body = json.loads(api.get(URL, {"job_id": str(identified_job.id), "format": "json", "redact": "1"}).content)
    assert body["personal_info"] == {} and "evidence" not in body
    assert body["experience"][0]["company"] == "Northwind Analytics"
    assert body["education"][0]["year"] == 2016
    blind = json.loads(api.get(URL, {"job_id": str(identified_job.id), "format": "json", "age_cues": "yes"}).content)
    assert [(e["institution"], e["year"]) for e in blind["education"]] == [(None, None), (None, None)]
    assert blind["personal_info"] == {}  # age_cues implies redact


def test_redacted_and_full_files_are_kept_apart(api, identified_job):
    full = api.get(URL, {"job_id": str(identified_job.id), "format": "csv"}).content
    redacted = api.get(URL, {"job_id": str(identified_job.id), "format": "csv", "redact": "true"}).content
    assert full != redacted
    assert api.get(URL, {"job_id": str(identified_job.id), "format": "csv"}).content == full
    assert set(ExportFile.objects.filter(job=identified_job).values_list("format", flat=True)) == {"csv", "csv-r"}


@pytest.mark.parametrize("value", ["maybe", "2", "truee"])
def test_a_bad_redact_value_is_400(api, identified_job, value):
    response = api.get(URL, {"job_id": str(identified_job.id), "format": "json", "redact": value})
    assert response.status_code == 400 and response.json()["field"] == "redact"


def test_the_page_download_redacts_too(client, owner, identified_job):
    client.force_login(owner)
    response = client.get(f"/jobs/{identified_job.id}/export/csv?redact=true")
    assert response.status_code == 200 and INFO["email"] not in b"".join(response).decode()

"""Issue 15, parts 1-4 on the pages without a browser: the resumes list as candidates (versions,
filters, sorting), deleting from it, the upload form with many files and the analyse setting."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analysis.models import AnalysisJob, JobStatus
from tests.uploads.badfiles import MIME, fixture, html_page
from tests.uploads.factories import make_upload, variant
from tests.uploads.test_recruiter_api import analysed, profile_with, zip_of
from uploads.models import Upload, UploadPreference


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def test_the_list_shows_one_row_per_candidate_with_the_other_versions_linked(owner_client, owner):
    old = make_upload(owner, "jane-2023.pdf", days_ago=9)
    analysed(old)
    new = make_upload(owner, "jane-2024.pdf", days_ago=1)
    analysed(new, profile_with(personal_info__location="York, UK"))
    raj = make_upload(owner, "raj.pdf", days_ago=3)
    analysed(raj, profile_with(personal_info={"name": "Raj <b>Patel</b>", "email": "raj@example.com"},
                               skills={"Tools": ["Kafka"]}))
    html = owner_client.get("/uploads").content.decode()
    assert html.count('data-upload-id="') == 2  # Jane once, Raj once
    assert f'data-upload-id="{new.id}"' in html and f'data-upload-id="{old.id}"' not in html
    assert "1 other version" in html and f'href="/uploads/{old.id}/jobs" data-version="{old.id}"' in html
    assert "Senior Backend Engineer at Acme Cloud Inc." in html and "York, UK" in html
    assert "Raj &lt;b&gt;Patel&lt;/b&gt;" in html and "<b>Patel</b>" not in html
    assert f'action="/uploads/{new.id}/delete"' in html and "data-confirm=" in html
    every = owner_client.get("/uploads?latest=false").content.decode()
    assert every.count('data-upload-id="') == 3


def test_the_list_filters_and_sorts(owner_client, owner):
    for index, (name, skill, years) in enumerate((("Ann Lee", "Go", 9.0), ("Bob Roe", "Rust", 2.0))):
        upload = make_upload(owner, f"r{index}.pdf", days_ago=index + 1)
        analysed(upload, profile_with(personal_info={"name": name, "email": f"{index}@example.com"},
                                      skills={"Languages": [skill]}, total_years_experience=years))
    def rows(query):
        response = owner_client.get(f"/uploads?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        return [name for name in ("Ann Lee", "Bob Roe") if name in html], html

    assert rows("skills=rust")[0] == ["Bob Roe"]
    assert rows("min_years=5")[0] == ["Ann Lee"]
    assert rows("q=nobody")[1].count("No candidate matches these filters") == 1
    _, html = rows("sort=years")
    assert html.index("Bob Roe") < html.index("Ann Lee")
    _, html = rows("sort=-years")
    assert html.index("Ann Lee") < html.index("Bob Roe") and 'aria-sort="descending"' in html
    _, html = rows("sort=salary")  # a hand-edited query: said, and the list still shows
    assert "&#x27;sort&#x27; must be one of" in html and "Ann Lee" in html


def test_delete_button_removes_the_resume_and_others_get_404(owner_client, owner, outsider, client,
                                                              django_capture_on_commit_callbacks):
    upload = make_upload(owner)
    analysed(upload)
    path = Path(upload.file.path)
    theirs = make_upload(outsider)
    assert owner_client.post(f"/uploads/{theirs.id}/delete").status_code == 404
    assert owner_client.get(f"/uploads/{upload.id}/delete").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(f"/uploads/{upload.id}/delete", follow=True)
    assert response.redirect_chain == [("/uploads", 302)]
    assert "The resume and everything made from it were deleted." in response.content.decode()
    assert not path.exists() and not Upload.objects.filter(id=upload.id).exists()
    assert not AnalysisJob.objects.filter(upload_id=upload.id).exists()
    assert Upload.objects.filter(id=theirs.id).exists()


def test_the_form_takes_many_files_and_a_zip_without_the_script(owner_client, owner):
    existing = make_upload(owner, same_bytes=True)
    files = [
        SimpleUploadedFile("a.pdf", variant(fixture("resume.pdf"), "pdf"), MIME["pdf"]),
        SimpleUploadedFile("again.pdf", fixture("resume.pdf"), MIME["pdf"]),
        SimpleUploadedFile("fake.pdf", html_page(), MIME["pdf"]),
        SimpleUploadedFile("set.zip", zip_of({"in/b.docx": fixture("resume.docx")}), "application/zip"),
    ]
    response = owner_client.post("/upload", {"file": files, "analyze_shown": "1"})  # the box unticked
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="upload-result ') == 4
    assert f'data-action="existing" href="/uploads/{existing.id}/jobs"' in html
    assert "Invalid file type" in html and "from set.zip" in html
    assert sorted(Upload.objects.filter(owner=owner).values_list("filename", flat=True)) == ["a.pdf", "b.docx", "resume.pdf"]
    assert not AnalysisJob.objects.filter(owner=owner).exists()  # not analysed: the box was off...
    assert UploadPreference.objects.get(owner=owner).analyze_on_upload is False  # ...and that is remembered
    assert 'id="id_analyze" checked' not in owner_client.get("/upload").content.decode()
    owner_client.post("/upload", {"file": SimpleUploadedFile("c.docx", variant(fixture("resume.docx"), "docx"))})
    assert not AnalysisJob.objects.filter(owner=owner).exists()  # the remembered setting applies


def test_the_script_gets_json_per_file(owner_client, owner):
    response = owner_client.post(
        "/upload", {"file": SimpleUploadedFile("a.pdf", fixture("resume.pdf"), MIME["pdf"]), "analyze_shown": "1",
                    "analyze": "on"}, HTTP_ACCEPT="application/json")
    (result,) = response.json()["results"]
    upload = Upload.objects.get(owner=owner)
    assert result["ok"] and result["analysis"] and result["url"] == f"/uploads/{upload.id}/jobs"
    assert AnalysisJob.objects.get(upload=upload).status == JobStatus.QUEUED
    again = owner_client.post("/upload", {"file": SimpleUploadedFile("b.pdf", fixture("resume.pdf"), MIME["pdf"])},
                              HTTP_ACCEPT="application/json")
    (duplicate,) = again.json()["results"]
    assert duplicate["status"] == 409 and duplicate["existing_url"] == f"/uploads/{upload.id}/jobs"
    refused = owner_client.post("/upload", {"linkedin_url": ""}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 400 and refused.json()["error"] == "No file uploaded"

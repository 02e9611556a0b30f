"""The session-authenticated download behind the export buttons, and the buttons themselves."""

import uuid

import pytest
from django.template.loader import render_to_string
from django.test import Client

from analysis.models import JobStatus
from tests.conftest import PASSWORD
from tests.export.readers import csv_profile

FORMATS = {"json": "application/json", "csv": "text/csv", "pdf": "application/pdf",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def browser_for(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.mark.parametrize("fmt", FORMATS)
def test_owner_downloads_each_format(owner, job, fmt):
    response = browser_for(owner).get(f"/jobs/{job.id}/export/{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[fmt]
    assert response["Content-Disposition"] == f'attachment; filename="resume_analysis_{str(job.id)[:8]}.{fmt}"'
    assert response["ETag"]


def test_page_and_api_share_the_cached_file(owner, job, api):
    page = browser_for(owner).get(f"/jobs/{job.id}/export/csv")
    from_api = api.get("/api/analysis/export", {"job_id": str(job.id), "format": "csv"})
    assert page.content == from_api.content
    assert csv_profile(page.content)["personal_info"]["email"] == "jordan.alvarez@example.com"


def test_page_download_answers_304(owner, job):
    client = browser_for(owner)
    etag = client.get(f"/jobs/{job.id}/export/pdf")["ETag"]
    assert client.get(f"/jobs/{job.id}/export/pdf", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize("fmt", FORMATS)
def test_outsider_gets_404(outsider, job, fmt):
    assert browser_for(outsider).get(f"/jobs/{job.id}/export/{fmt}").status_code == 404


def test_missing_job_and_unknown_format_are_404(owner, job):
    client = browser_for(owner)
    assert client.get(f"/jobs/{uuid.uuid4()}/export/pdf").status_code == 404
    assert client.get(f"/jobs/{job.id}/export/xml").status_code == 404
    assert client.get("/jobs/not-a-uuid/export/pdf").status_code == 404


def test_anonymous_is_sent_to_login(job):
    response = Client().get(f"/jobs/{job.id}/export/pdf")
    assert response.status_code == 302
    assert response["Location"].startswith("/login?next=")


def test_unfinished_job_redirects_back_with_a_message(owner, make_job):
    job = make_job(owner, status=JobStatus.ANALYZING, profile=None)
    client = browser_for(owner)
    response = client.get(f"/jobs/{job.id}/export/pdf")
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{job.id}"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["This analysis has no results to export yet."]


def test_buttons_link_every_format_for_a_completed_job(job):
    html = render_to_string("analysis/_export_buttons.html", {"job": job})
    for fmt in FORMATS:
        assert f'href="/jobs/{job.id}/export/{fmt}"' in html
    assert html.count(" download ") == 4


def test_no_buttons_for_an_unfinished_job(owner, make_job):
    job = make_job(owner, status=JobStatus.CHUNKING, profile=None)
    assert "/export/" not in render_to_string("analysis/_export_buttons.html", {"job": job})


def test_head_gets_headers_without_a_body(owner, job):
    response = browser_for(owner).head(f"/jobs/{job.id}/export/json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content == b""

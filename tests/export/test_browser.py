"""Through a real daphne server: each export button on the profile page downloads its file in
Chromium, and the bearer-token API answers with the seed's headers and 304 over HTTP."""

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from accounts.services import token_issue
from tests.export.conftest import profile_of
from tests.export.readers import csv_profile, docx_document, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def click_each_button(page, job) -> dict[str, bytes]:
    files = {}
    for fmt in ("pdf", "docx", "csv", "json"):
        with page.expect_download() as download_info:
            page.click(f"a[data-export={fmt}]")
        download = download_info.value
        assert download.failure() is None
        assert download.suggested_filename == f"resume_analysis_{str(job.id)[:8]}.{fmt}"
        files[fmt] = Path(download.path()).read_bytes()
    return files


def api_get(url: str, headers: dict[str, str]):
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30)
    except urllib.error.HTTPError as error:  # 304 and 4xx arrive as HTTPError
        return error


def test_export_over_the_real_server(logged_in_page, daphne_server, owner, outsider, make_job):
    page, job = logged_in_page, make_job(owner)
    stored = profile_of(job)
    page.goto(f"/jobs/{job.id}")
    files = click_each_button(page, job)
    assert json.loads(files["json"])["skills"] == stored["skills"]
    assert csv_profile(files["csv"])["strengths"] == stored["strengths"]
    assert stored["personal_info"]["email"] in pdf_text(files["pdf"])
    assert stored["summary"] in [p.text for p in docx_document(files["docx"]).paragraphs]

    url = f"{daphne_server.url}/api/analysis/export?job_id={job.id}&format=pdf"
    bearer = {"Authorization": f"Bearer {token_issue(user=owner).raw}"}
    response = api_get(url, bearer)
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="resume_analysis_{str(job.id)[:8]}.pdf"'
    assert response.read() == files["pdf"]  # the page and the API share one cached file
    assert api_get(url, {**bearer, "If-None-Match": response.headers["ETag"]}).status == 304
    assert api_get(url, {"Authorization": f"Bearer {token_issue(user=outsider).raw}"}).status == 404

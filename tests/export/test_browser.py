"""On the profile page, each export button downloads its file (real daphne, real Chromium)."""

import json
from pathlib import Path

import pytest

from tests.export.conftest import profile_of
from tests.export.readers import csv_profile, docx_document, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_each_export_button_downloads_its_file(logged_in_page, owner, make_job):
    page, job = logged_in_page, make_job(owner)
    stored = profile_of(job)
    page.goto(f"/jobs/{job.id}")
    files = {}
    for fmt in ("pdf", "docx", "csv", "json"):
        with page.expect_download() as download_info:
            page.click(f"a[data-export={fmt}]")
        download = download_info.value
        assert download.failure() is None
        assert download.suggested_filename == f"resume_analysis_{str(job.id)[:8]}.{fmt}"
        files[fmt] = Path(download.path()).read_bytes()
    assert json.loads(files["json"])["skills"] == stored["skills"]
    assert csv_profile(files["csv"])["strengths"] == stored["strengths"]
    assert stored["personal_info"]["email"] in pdf_text(files["pdf"])
    assert stored["summary"] in [p.text for p in docx_document(files["docx"]).paragraphs]

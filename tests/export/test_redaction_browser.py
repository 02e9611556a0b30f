"""Through a real daphne server (issue 16): the profile page's "Blind review" row, a plain GET form
(no script), downloads a redacted export in Chromium; the checkbox also removes age cues."""

import json
import os
from pathlib import Path

import pytest

from tests.export.readers import pdf_text
from tests.export.sample import SAMPLE_PROFILE

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path(os.environ.get("DATA_DIR", ".data")) / "screenshots"
INFO = SAMPLE_PROFILE["personal_info"]


def download(page, fmt: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(f"button[data-blind-export={fmt}]")
    assert info.value.failure() is None
    return info.value.url, Path(info.value.path()).read_bytes()


def test_blind_review_downloads_a_redacted_export(logged_in_page, owner, make_job):
    page, job = logged_in_page, make_job(owner)
    page.goto(f"/jobs/{job.id}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", {"width": 1280, "height": 900}), ("390", {"width": 390, "height": 844})):
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"blind-review-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    url, pdf = download(page, "pdf")
    assert url.endswith(f"/jobs/{job.id}/export/pdf?redact=true")
    text = pdf_text(pdf)
    assert "Northwind Analytics" in text  # the work stays
    for value in (INFO["name"], "Jordan", INFO["email"], INFO["phone"], "San Francisco"):
        assert value not in text, value
    assert "University of Washington" in text  # age cues stay unless asked

    page.check("input[data-blind=age_cues]")
    url, raw = download(page, "json")
    assert url.endswith(f"/jobs/{job.id}/export/json?redact=true&age_cues=true")
    body = raw.decode("utf-8")
    for value in (INFO["name"], INFO["email"], "University of Washington"):
        assert value not in body, value
    profile = json.loads(body)
    assert profile["experience"][0]["company"] == "Northwind Analytics"
    assert [entry.get("year") for entry in profile["education"]] == [None, None]  # graduation years gone
    assert profile["education"][0]["degree"] == "MSc Computer Science"

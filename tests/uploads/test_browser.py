"""The upload page and the resumes list in Chromium (real daphne): many files and a zip dropped
at once with per-file results, and deleting a resume with its confirmation."""

import base64
import os
from pathlib import Path

import pytest

from tests.uploads.badfiles import fixture, html_page
from tests.uploads.factories import make_upload, variant
from tests.uploads.test_recruiter_api import analysed, profile_with, zip_of
from uploads.models import Upload

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path(os.environ.get("DATA_DIR", ".data")) / "screenshots"

DROP_FILES = """(files) => {
  const transfer = new DataTransfer();
  for (const [b64, name, type] of files) {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], name, { type }));
  }
  return transfer;
}"""


def drop(page, files: list[tuple[bytes, str, str]]) -> None:
    encoded = [[base64.b64encode(content).decode(), name, mime] for content, name, mime in files]
    transfer = page.evaluate_handle(DROP_FILES, encoded)
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, suffix in ((1280, "desktop"), (390, "390")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{suffix}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_drop_many_files_and_a_zip_and_see_each_result(logged_in_page, owner):
    page = logged_in_page
    existing = make_upload(owner, "already.pdf", same_bytes=True)
    page.goto("/upload")
    assert page.locator("#id_analyze").is_checked()  # analysis on upload is the default
    archive = zip_of({"team/jose.docx": fixture("resume.docx"), "../evil.pdf": fixture("two_column.pdf"),
                      "team/inner.zip": zip_of({"x.pdf": b"%PDF-"})})
    drop(page, [
        (variant(fixture("resume.pdf"), "pdf"), "anna.pdf", "application/pdf"),
        (fixture("two_column.pdf"), "two_column.pdf", "application/pdf"),
        (fixture("resume.pdf"), "copy-of-already.pdf", "application/pdf"),
        (html_page(), "fake.pdf", "application/pdf"),
        (b"plain text", "notes.txt", "text/plain"),
        (archive, "team.zip", "application/zip"),
    ])
    assert page.locator("#file-summary").inner_text().startswith("6 files")
    assert page.locator("input[name=linkedin_url]").is_disabled()  # only for a single resume
    page.click("#upload-submit")
    page.locator("#results-summary a[href='/uploads']").wait_for()
    rows = page.locator(".upload-result")
    assert rows.count() == 8  # 5 files + the zip's 3 members
    texts = {row.locator(".result-name").inner_text(): row for row in rows.all()}
    assert "Uploaded · analysis started" in texts["anna.pdf"].inner_text()
    assert texts["two_column.pdf"].get_attribute("data-status") == "201"
    duplicate = texts["copy-of-already.pdf"]
    assert "Duplicate upload" in duplicate.inner_text()
    assert duplicate.locator("a[data-action=existing]").get_attribute("href") == f"/uploads/{existing.id}/jobs"
    assert "Invalid file type" in texts["fake.pdf"].inner_text()
    assert "Only PDF, DOC, DOCX and .zip files are supported." in texts["notes.txt"].inner_text()  # never sent
    assert texts["jose.docx from team.zip"].get_attribute("data-status") == "201"
    assert "leaves the archive" in texts["evil.pdf from team.zip"].inner_text()
    assert "inside an archive" in texts["inner.zip from team.zip"].inner_text()
    assert page.locator("#results-summary").inner_text().startswith("3 uploaded, 1 already uploaded, 4 refused.")
    shoot(page, "upload-batch")
    stored = set(Upload.objects.filter(owner=owner).values_list("filename", flat=True))
    assert stored == {"already.pdf", "anna.pdf", "two_column.pdf", "jose.docx"}
    assert all(upload.jobs.count() == 1 for upload in Upload.objects.exclude(filename="already.pdf"))

    # Following a result leads to that upload's analysis.
    texts["anna.pdf"].locator("a[data-action=jobs]").click()
    page.wait_for_url(f"**/uploads/{Upload.objects.get(filename='anna.pdf').id}/jobs")


def test_delete_a_resume_after_confirming(logged_in_page, owner):
    page = logged_in_page
    old = make_upload(owner, "jane-2023.pdf", days_ago=5)
    analysed(old)
    new = make_upload(owner, "jane-2024.docx", days_ago=1)
    analysed(new, profile_with(personal_info__location="York, UK"))
    other = make_upload(owner, "raj.pdf", days_ago=2)
    analysed(other, profile_with(personal_info={"name": "Raj Patel", "email": "raj@example.com"},
                                 skills={"Tools": ["Kafka", "Spark"]}, total_years_experience=3.5))
    page.goto("/uploads")
    row = page.locator(f"tr[data-upload-id='{new.id}']")
    assert row.locator(".candidate-name").inner_text() == "Jane Doe"
    assert row.locator(".role").inner_text() == "Senior Backend Engineer at Acme Cloud Inc."
    assert row.locator(".years").inner_text() == "7"
    row.locator("details.versions summary").click()
    assert row.locator(f"a[data-version='{old.id}']").is_visible()
    shoot(page, "uploads-list")

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    row.locator("button[data-action=delete]").click()
    assert questions and questions[0].startswith("Delete jane-2024.docx with its analyses")
    assert Upload.objects.filter(id=new.id).exists() and page.url.endswith("/uploads")  # dismissed: kept

    path = Path(new.file.path)
    page.once("dialog", lambda dialog: dialog.accept())
    row.locator("button[data-action=delete]").click()
    page.locator(".msg.success").wait_for()
    assert "everything made from it were deleted" in page.locator(".msg.success").inner_text()
    assert not Upload.objects.filter(id=new.id).exists() and not path.exists()
    # The older version is now the candidate's latest.
    assert page.locator(f"tr[data-upload-id='{old.id}'] .candidate-name").inner_text() == "Jane Doe"
    assert page.locator("tr[data-upload-id]").count() == 2


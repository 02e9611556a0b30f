import base64
import re

import pytest

from tests.uploads.badfiles import FIXTURES, fixture, html_page
from uploads.models import Upload

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DROP_FILE = """([b64, name, type]) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, { type }));
  return transfer;
}"""


def drop(page, content: bytes, name: str, mime: str) -> None:
    transfer = page.evaluate_handle(DROP_FILE, [base64.b64encode(content).decode(), name, mime])
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})


def test_upload_pdf_through_the_page_and_see_it_listed(logged_in_page, owner):
    page = logged_in_page
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(FIXTURES / "resume.pdf"))
    assert page.locator("#file-summary").inner_text() == "resume.pdf (46.6 KB)"
    page.fill("input[name=linkedin_url]", "https://www.linkedin.com/in/jordan-avery-lee")
    page.click("#upload-submit")
    page.wait_for_url(re.compile(r"/uploads$"))
    row = page.locator("tr", has_text="resume.pdf")
    assert row.locator("td.size").inner_text() == "46.6\xa0KB"
    assert "Not analysed" in row.inner_text()
    upload = Upload.objects.get(owner=owner)
    assert row.locator("a").get_attribute("href") == f"/uploads/{upload.id}/jobs"
    assert upload.linkedin_url == "https://www.linkedin.com/in/jordan-avery-lee"

    # Drag and drop a second resume; it is listed first (newest first).
    page.goto("/upload")
    drop(page, fixture("two_column.pdf"), "two_column.pdf", "application/pdf")
    assert page.locator("#file-summary").inner_text().startswith("two_column.pdf")
    page.click("#upload-submit")
    page.wait_for_url(re.compile(r"/uploads$"))
    names = page.locator("td.filename").all_inner_texts()
    assert [name.split(" ", 1)[1] for name in names] == ["two_column.pdf", "resume.pdf"]


def test_client_hint_and_server_error_inline(logged_in_page):
    page = logged_in_page
    page.goto("/upload")
    # Client side: a wrong extension is flagged and the form is not sent.
    drop(page, b"plain text", "notes.txt", "text/plain")
    assert page.locator("#file-hint").inner_text() == "Only PDF, DOC and DOCX files are supported."
    page.click("#upload-submit")
    assert page.url.endswith("/upload") and page.locator("#file-hint").is_visible()
    # Server side: an HTML page named resume.pdf passes the client's check but not the server's.
    page.set_input_files("input[type=file]", files=[{"name": "resume.pdf", "mimeType": "application/pdf", "buffer": html_page()}])
    assert page.locator("#file-hint").is_hidden()
    page.click("#upload-submit")
    page.wait_for_load_state()
    alert = page.locator(".field.has-error [role=alert]")
    assert alert.inner_text() == "Invalid file type. Only PDF, DOC, and DOCX files are supported."
    assert not Upload.objects.exists()

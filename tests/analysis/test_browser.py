"""End to end in Chromium: upload a resume, start the analysis, watch the progress bar climb to
100 (live job_update events over /ws, htmx polling as the fallback) (real daphne, real qcluster with the local MiniLM model), see the profile."""

import time

import pytest

from tests.analysis.conftest import FILES

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_upload_start_watch_progress_and_see_profile(logged_in_page, start_worker):
    page = logged_in_page
    start_worker(EMBEDDING_BACKEND="local")
    page.goto("/upload")
    page.set_input_files("#id_file", str(FILES / "resume.pdf"))
    page.uncheck("#id_analyze")  # this test starts the analysis itself, from the job list
    page.click("#upload-submit")
    page.click(".upload-result.ok a[data-action=jobs]")
    page.wait_for_url("**/uploads/*/jobs")
    page.click("button[data-action=start]")
    # The page follows the job over the /ws socket (job_update events), polling paused meanwhile.
    page.wait_for_function("() => window.raLive === true")  # a function: the CSP forbids eval

    bar = page.locator("tr.job [role=progressbar]").first
    seen: list[int] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        value = int(bar.get_attribute("aria-valuenow"))
        if not seen or seen[-1] != value:
            seen.append(value)
        if value == 100:
            break
        page.wait_for_timeout(100)
    assert seen[-1] == 100, f"progress stopped at {seen}"
    assert seen == sorted(seen) and len(seen) >= 2, seen  # it moved on the page, without reloads
    assert page.locator("#job-list").get_attribute("data-polling") == "false"  # polling stopped

    page.click("a[data-action=view]")
    page.wait_for_url("**/jobs/*")
    assert page.locator("h1.candidate-name").inner_text() == "Jordan Avery Lee"
    assert page.locator(".contact-card").get_by_text("jordan.avery.lee@example.com").is_visible()
    chips = page.locator(".skills-card .chip").all_inner_texts()
    assert {"Python", "Go", "Kafka"} <= set(chips)
    assert page.locator(".timeline-item").count() >= 3
    assert page.locator("a[data-export=pdf]").is_visible()
    assert page.locator("a[data-action=chat]").get_attribute("href").startswith("/chat?job=")


def test_progress_still_moves_by_polling_when_the_socket_is_unavailable(logged_in_page, owner, start_worker):
    """The fallback: with WebSocket unavailable in the page, htmx polling carries the progress."""
    from django.core.files import File

    from uploads.models import Upload

    page = logged_in_page
    with open(FILES / "resume.docx", "rb") as handle:
        upload = Upload(owner=owner, filename="resume.docx", kind="docx", file_size=1, sha256="0" * 64,
                        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        upload.file.save("resume.docx", File(handle), save=True)
    start_worker(EMBEDDING_BACKEND="local")
    page.add_init_script("window.WebSocket = function () { throw new Error('blocked by the test'); };")
    page.goto(f"/uploads/{upload.id}/jobs")
    page.click("button[data-action=start]")
    page.wait_for_url(f"**/uploads/{upload.id}/jobs")
    page.locator("tr.job [role=progressbar][aria-valuenow='100']").wait_for(timeout=90_000)
    assert page.evaluate("window.raLive") is False
    assert page.locator("#job-list").get_attribute("data-polling") == "false"

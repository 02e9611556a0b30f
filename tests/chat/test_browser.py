"""The chat page in Chromium against a real daphne: ask about skills, see the answer and history."""

import pytest
from playwright.sync_api import expect

from analysis.models import JobStatus
from chat.events import job_update_publish

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_ask_about_skills_and_see_the_answer(logged_in_page, owner, make_analysis):
    page = logged_in_page
    chosen = make_analysis(owner, filename="maria-gonzalez.pdf")
    make_analysis(owner, filename="newer-resume.pdf")
    page.goto(f"/chat?job={chosen.pk}")
    expect(page.locator("#chat-job")).to_have_value(str(chosen.pk))
    expect(page.locator("#chat-status")).to_have_text("Connected")

    page.fill("#chat-input", "What are my top skills?")
    page.click("#chat-send")
    expect(page.locator(".chat-msg.user")).to_have_text("What are my top skills?")
    expect(page.locator("#chat-typing")).to_be_visible()  # the first answer loads the model
    answer = page.locator(".chat-msg.assistant")
    expect(answer).to_contain_text("your top skills are: Python, PostgreSQL, Go", timeout=90_000)
    expect(answer.locator(".chat-meta")).to_contain_text("From the Q&A bank")
    expect(page.locator("#chat-typing")).to_be_hidden()

    # Progress pushed from another process shows up live.
    job_update_publish(owner_id=owner.pk, job_id=str(chosen.pk), status=JobStatus.ANALYZING, progress=70)
    expect(page.locator("#chat-job-notice")).to_contain_text("analyzing (70%)")

    # The conversation is there again after a reload; the other resume has its own (empty) one.
    page.reload()
    expect(page.locator(".chat-msg.assistant")).to_contain_text("Python")
    page.select_option("#chat-job", label=page.locator("#chat-job option", has_text="newer-resume.pdf").inner_text())
    expect(page.locator(".chat-msg")).to_have_count(0)
    assert "job=" in page.url and str(chosen.pk) not in page.url


def test_the_page_reconnects_with_backoff_and_authenticates_again(logged_in_page, daphne_server, owner, make_analysis):
    page = logged_in_page
    make_analysis(owner)
    page.goto("/chat")
    status = page.locator("#chat-status")
    expect(status).to_have_text("Connected")
    daphne_server.kill()  # at once: a graceful stop may outlast the first 2 s retry on a busy machine
    expect(status).to_have_text("Reconnecting in 2 s…")
    expect(page.locator("#chat-send")).to_be_disabled()
    expect(status).to_have_text("Reconnecting in 4 s…", timeout=10_000)  # the first retry failed
    daphne_server.start()
    # "Connected" is shown only after the server accepted the re-sent auth.
    expect(status).to_have_text("Connected", timeout=40_000)
    expect(page.locator("#chat-send")).to_be_enabled()

"""End to end in Chromium: generate a set, regenerate an answer and save it in place (htmx), then
find it in the library by its tag and delete it."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_generate_regenerate_save_and_find_by_tag(logged_in_page, make_job, owner):
    page = logged_in_page
    job = make_job(owner)
    page.goto(f"/interview/{job.id}")
    page.fill("input[name=job_title]", "Staff Engineer")
    page.fill("input[name=company]", "ABC Corp")
    page.fill("input[name=num_questions]", "6")
    page.click("button:has-text('Generate questions')")
    cards = page.locator("article.q-card")
    cards.nth(5).wait_for()
    assert cards.count() == 6
    assert page.url.endswith(f"/interview/{job.id}")  # swapped in place, no navigation
    groups = page.locator("section.q-group h2").all_inner_texts()
    assert [g.split(" (")[0] for g in groups] == [
        "Technical",
        "Behavioral",
        "Situational",
        "Problem-Solving",
    ]

    card = cards.first
    question = card.locator(".q-text").inner_text()
    answer = card.locator(".answer-text")
    assert not answer.is_visible()
    card.locator("summary").click()
    assert answer.is_visible()
    before = answer.inner_text()
    assert "Acme Cloud" in before or "Globex" in before

    card.locator("button:has-text('Regenerate answer')").click()
    page.wait_for_function(
        "([sel, old]) => { const el = document.querySelector(sel); return el && el.innerText.trim() !== old.trim(); }",
        arg=[f"#{card.get_attribute('id')} .answer-text", before],
    )
    after = card.locator(".answer-text").inner_text()
    assert after != before and card.locator("details.answer[open]").count() == 1

    card.locator("input[name=tags]").fill("golang-prep, backend")
    card.locator("button:has-text('Save to library')").click()
    card.locator(".save-result.ok").wait_for()
    assert "golang-prep" in card.locator(".save-result").inner_text()

    page.click("nav a:has-text('Question library')")
    page.wait_for_url(re.compile(r"/interview/library$"))
    page.click(".tag-chips a.chip:has-text('golang-prep')")
    page.wait_for_url(re.compile(r"tags=golang-prep"))
    saved = page.locator("article.saved-card")
    assert saved.count() == 1
    assert saved.first.locator(".q-text").inner_text() == question
    saved.first.locator("summary").click()
    assert saved.first.locator(".answer-text").inner_text() == after

    page.on("dialog", lambda dialog: dialog.accept())
    saved.first.locator("button:has-text('Delete')").click()
    saved.first.wait_for(state="detached")
    page.goto("/interview/library")
    assert "Your library is empty" in page.locator(".saved-list").inner_text()

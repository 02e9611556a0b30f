"""In Chromium (real daphne): on the profile page each value links to its passage in the resume
text; a click or keyboard focus marks the passage and scrolls the source panel to it, at desktop
width and at 390 px. Screenshots go to /tmp/shots/ for a look."""

from pathlib import Path

import pytest

from analysis.models import UserProfile
from tests.analysis.test_evidence import analysed, completed_job

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path("/tmp/shots")


def passage_in_panel(page, mark_id: str) -> bool:
    return page.evaluate(
        """(id) => { const mark = document.getElementById(id), panel = document.getElementById('source');
        const m = mark.getBoundingClientRect(), p = panel.getBoundingClientRect();
        return m.top >= p.top - 1 && m.bottom <= p.bottom + 1; }""",
        mark_id,
    )


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_values_show_their_passages(logged_in_page, owner, width, height):
    page = logged_in_page
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.set_viewport_size({"width": width, "height": height})
    job = completed_job(owner)
    profile = analysed(job)
    evidence = profile.evidence
    low = next(i for i, e in enumerate(evidence) if e["field"].startswith("skills.") and e["verified"])
    evidence[low]["confidence"] = 0.3
    UserProfile.objects.filter(id=profile.id).update(evidence=evidence)

    page.goto(f"/jobs/{job.id}")
    link = page.locator("a.ev-link[data-evidence]").filter(has_text="Go").first
    assert page.locator("#source mark").count() >= 10
    assert page.locator(".badge.review").count() >= 2  # the legend's and the skill's

    # A passage on the second page, far down the panel: clicking scrolls the panel to it.
    last_company = page.locator(".timeline-item a.ev-link").last
    target = last_company.get_attribute("data-evidence")
    last_company.click()
    mark = page.locator(f"#{target}")
    page.wait_for_function("(id) => document.getElementById(id).classList.contains('is-active')", arg=target)
    page.wait_for_timeout(600)  # the smooth scroll
    assert passage_in_panel(page, target)
    assert page.url.endswith(f"/jobs/{job.id}")  # the script handled it, no jump to #ev-…
    page.screenshot(path=str(SHOTS / f"evidence-{width}.png"), full_page=False)

    # Keyboard: focusing a link (Tab order) marks its passage; Space shows it too.
    link.focus()
    first = link.get_attribute("data-evidence")
    page.wait_for_function("(id) => document.getElementById(id).classList.contains('is-active')", arg=first)
    page.keyboard.press(" ")
    page.wait_for_timeout(600)
    assert passage_in_panel(page, first)
    assert mark.get_attribute("class") in ("", None) or "is-active" not in mark.get_attribute("class")
    page.screenshot(path=str(SHOTS / f"evidence-{width}-full.png"), full_page=True)

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {width}px"
    assert not errors, errors  # no CSP refusal or script error

"""In Chromium (real daphne): the profile of a resume stuffed with hidden keywords shows the
hidden-text notice, and none of the hidden keywords among its skills; at desktop width and at
390 px. Screenshots go to /tmp/shots/ for a look."""

from pathlib import Path

import pytest

from tests.analysis.test_pipeline import new_job, run
from tests.uploads import badfiles as bad

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path("/tmp/shots")


def test_the_profile_page_shows_the_hidden_text_notice(logged_in_page, owner):
    page = logged_in_page
    job = run(new_job(owner, "stuffed.pdf", bad.hidden_text_pdf()))
    assert job.status == "completed", job.error_message
    SHOTS.mkdir(exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/jobs/{job.id}")
        notice = page.locator(".doc-warnings")
        assert notice.is_visible()
        item = notice.locator(".doc-warning[data-kind=hidden_text]")
        assert "4 passages of text a reader cannot see" in item.inner_text()
        assert "Kubernetes" in item.locator(".doc-warning-sample").inner_text()
        box = notice.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # fits the narrow screen
        chips = set(page.locator(".skills-card .chip").all_inner_texts())
        assert {"Python", "SQL", "Django"} <= chips and not chips & set(bad.HIDDEN_SKILLS)
        page.screenshot(path=str(SHOTS / f"hidden-text-{width}.png"), full_page=False)

"""In Chromium (real daphne, the session's analysed resumes): search with a facet, create an
opening from pasted text, edit its requirements, read the explained shortlist, export it, and
compare two candidates. Named to run after the other matching modules: its flush empties the
committed corpus (the next user of it rebuilds it)."""

import csv
import io
import os
from pathlib import Path

import pytest

from tests.matching.conftest import PASSWORD
from tests.matching.test_openings import ICU_JOB

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path(os.environ["DATA_DIR"]) / "screenshots"


def shoot(page, name: str) -> None:
    """Desktop and 390 px screenshots (looked at by hand when the pages change)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, label in [(1280, "desktop"), (390, "phone")]:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_search_openings_shortlist_export_and_compare(corpus, page):
    c = corpus
    page.goto("/login")
    page.fill("input[name=email]", c["owner"].email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))

    page.click("nav >> text=Search")
    page.fill("#q", "ICU nurse with ACLS")
    # the first query may wait for the web process to load MiniLM
    page.click("form[role=search] button[type=submit]", timeout=90_000)
    hits = page.locator("li.hit")
    assert hits.first.locator(".hit-name").inner_text() == "Grace Okonkwo"
    assert hits.first.locator("mark").count() >= 1
    assert "ACLS" in hits.first.locator(".chips.matched").inner_text()
    assert hits.nth(1).locator(".hit-name").inner_text() == "Daniel Moreau"
    assert "Otto" not in page.content()
    shoot(page, "search")
    page.fill("#location", "Manchester")
    page.click("form[role=search] button[type=submit]")
    assert page.locator("li.hit .hit-name").all_inner_texts() == ["Daniel Moreau"]

    page.click("nav >> text=Openings")
    shoot(page, "openings")
    page.fill("#id_title", "ICU Registered Nurse")
    page.fill("#id_description", ICU_JOB)
    page.click("text=Create and rank")
    page.wait_for_url("**/openings/*")
    names = page.locator("li.fit .fit-name").all_inner_texts()
    assert names[:2] == ["Grace Okonkwo", "Daniel Moreau"]
    first = page.locator("li.fit").first
    first.locator("summary").click()
    assert "of 7 required skills" in first.locator(".parts").inner_text()
    assert "ACLS" in first.locator(".evidence").first.inner_text()
    shoot(page, "shortlist")

    page.locator("details.requirements summary").click()
    page.fill("#id_required_skills", "Kafka, Java")
    page.fill("#id_preferred_skills", "")
    page.fill("#id_min_years", "5")
    page.click("text=Save requirements")
    page.wait_for_selector("text=Requirements saved")
    assert page.locator("li.fit .fit-name").first.inner_text() == "Marta Kowalczyk"

    with page.expect_download() as download:
        page.click("text=Export CSV")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[1][1] == "Marta Kowalczyk" and len(rows) == 6

    page.locator(f"li.fit[data-upload='{c['payments'].id}'] input[type=checkbox]").check()
    page.locator(f"li.fit[data-upload='{c['jordan'].id}'] input[type=checkbox]").check()
    page.click("text=Compare selected")
    page.wait_for_url("**/compare?*")
    header = page.locator("table.compare thead").inner_text()
    assert "Marta Kowalczyk" in header and "Jordan Avery Lee" in header
    kafka_row = page.locator("tr.skill-row").filter(has=page.locator("th", has_text="Kafka required"))
    assert kafka_row.locator("td.has").count() == 2
    assert page.locator("ol.timeline").first.locator("li").count() >= 2
    shoot(page, "compare")

    page.goto("/openings/999999")
    assert page.locator("h1").first.inner_text() != "ICU Registered Nurse"

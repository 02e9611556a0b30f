"""Issue 19, pages: what a recruiter on a phone and a screen-reader user meet. Chromium against a real
daphne: the menu folds behind a button on a phone (and stays reachable without JavaScript), axe-core
finds no serious or critical WCAG 2.1 A/AA violation on the main pages at 1280 and 390 px, and the
copy and state defects the issue lists are gone (failed-analysis wording, a stale "Analysis started.",
the library's count after a delete and the candidate of each saved question, "Problem-Solving",
the chat picker's look-alike entries, long file names, the chat composer on a phone).

One module, one daphne (shared per module); SCREENSHOT_DIR=<dir> writes the pages at both widths.
axe-core is vendored for tests only (tests/support/axe/, MPL-2.0), never served by the product."""

import os
from pathlib import Path

import pytest

from analysis.models import AnalysisJob, JobStatus, UserProfile
from analysis.services import job_fail
from interview.models import SavedQuestion, question_fingerprint
from tests.chat.conftest import PROFILE, make_analysis  # noqa: F401  (the fixture)
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = (Path(__file__).parents[1] / "support" / "axe" / "axe.min.js").read_text()
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LONG_NAME = "maria-gonzalez-senior-registered-nurse-resume-final-version-updated-2026-copy.pdf"


def shoot(page, name: str) -> None:
    if folder := os.environ.get("SCREENSHOT_DIR"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def log_in(page, user) -> None:
    page.goto("/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))


@pytest.fixture
def a11y_page(browser, daphne_server):
    """A page whose context may inject axe: bypass_csp lets the test's own script in (the policy
    itself is tested in test_csp_browser.py, with no bypass)."""
    context = browser.new_context(base_url=daphne_server.url, bypass_csp=True, viewport=DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE)
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                    resultTypes: ["violations"]})"""
    )
    return [
        f"{v['impact']} {v['id']}: " + "; ".join(n["target"][0] + " " + n.get("failureSummary", "")[:220].replace("\n", " ") for n in v["nodes"][:4])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]  # fmt: skip


@pytest.fixture
def data(owner, make_analysis):  # noqa: F811
    done = make_analysis(owner)
    # Re-analysed: a second completed analysis of the same upload (the chat picker lists both).
    again = AnalysisJob.objects.create(
        upload=done.upload, owner=owner, status=JobStatus.COMPLETED, progress=100,
        extracted_text=done.extracted_text, completed_at=done.completed_at,
    )  # fmt: skip
    UserProfile.objects.create(job=again, **PROFILE)
    failed = make_analysis(owner, status=JobStatus.FAILED, filename=LONG_NAME)
    for n, (category, difficulty) in enumerate([("Problem-Solving", "Medium"), ("Technical", "Hard")]):
        text = f"How would you triage {n + 3} patients arriving at once?"
        SavedQuestion.objects.create(
            owner=owner, job=done, question_id=f"q{n + 1}", question=text, fingerprint=question_fingerprint(text),
            answer="By acuity, using the ESI scale.", category=category, difficulty=difficulty, tags=["triage"],
            job_title="Charge Nurse",
        )  # fmt: skip
    return {"done": done, "again": again, "failed": failed}


def test_menu_folds_on_a_phone_and_stays_reachable_without_javascript(browser, daphne_server, owner):
    context = browser.new_context(base_url=daphne_server.url, viewport=PHONE)
    page = context.new_page()
    log_in(page, owner)
    page.goto("/uploads")
    toggle = page.locator("button.nav-toggle")
    nav = page.locator("nav[aria-label=Main]")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "site-menu" and not nav.is_visible()
    header = page.locator("header.topbar").bounding_box()
    assert header["height"] < 70, header  # was about a quarter of the 844 px screen
    shoot(page, "nav-phone-closed")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and nav.is_visible()
    assert page.locator(".who").is_visible() and page.locator(".who").inner_text() == owner.name
    links = nav.locator("a")
    assert links.count() >= 7 and all(links.nth(i).is_visible() for i in range(links.count()))
    assert nav.locator("a[aria-current=page]").inner_text() == "Resumes"
    shoot(page, "nav-phone-open")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not nav.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('nav-toggle')")
    nav.locator("a", has_text="Chat").evaluate("a => a.focus()")  # hidden: not focusable
    assert not page.evaluate("document.activeElement.textContent === 'Chat'")
    toggle.click()
    nav.locator("a", has_text="Question library").click()
    page.wait_for_url("**/interview/library")

    page.set_viewport_size(DESKTOP)  # desktop: no button, the menu in the bar
    page.goto("/uploads")
    assert not toggle.is_visible() and nav.is_visible() and page.locator(".who").is_visible()
    assert page.locator("header.topbar").bounding_box()["height"] < 70
    shoot(page, "nav-desktop")
    context.close()

    context = browser.new_context(base_url=daphne_server.url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    log_in(page, owner)
    page.goto("/uploads")
    assert not page.locator("button.nav-toggle").is_visible()
    assert page.locator("nav[aria-label=Main] a", has_text="Chat").is_visible()
    context.close()


def test_main_pages_have_no_serious_accessibility_violations(a11y_page, owner, data):
    page = a11y_page
    done = data["done"]
    found = {}
    for path in ["/login", "/register"]:
        page.goto(path)
        found[path] = axe_violations(page)
    log_in(page, owner)
    # A generated set, so the interview page shows its question cards and difficulty badges.
    page.goto(f"/interview/{done.pk}")
    page.fill("input[name=num_questions]", "4")
    page.click("#workspace button[type=submit]")
    page.locator(".q-card").first.wait_for()
    paths = [
        "/", "/uploads", "/upload", f"/uploads/{done.upload_id}/jobs", f"/jobs/{done.pk}",
        f"/interview/{done.pk}", f"/interview/{data['failed'].pk}", "/interview/library", "/chat",
        "/candidates/search", "/openings",
    ]  # fmt: skip
    # Phones: the pages whose layout changes most (menu, stacked tables, the pinned composer).
    phone_paths = ["/", "/uploads", f"/uploads/{done.upload_id}/jobs", "/interview/library", "/chat"]
    for viewport, label, visit in [(DESKTOP, "desktop", paths), (PHONE, "phone", phone_paths)]:
        page.set_viewport_size(viewport)
        for path in visit:
            page.goto(path)
            if path == "/chat":  # its status chip in the connected colours
                page.locator("#chat-status[data-state=connected]").wait_for()
            found[f"{label} {path}"] = axe_violations(page)
            shoot(page, f"{label}{path.replace('/', '_') or '_home'}")
    bad = {page_: v for page_, v in found.items() if v}
    if os.environ.get("A11Y_REPORT"):
        Path(os.environ["A11Y_REPORT"]).write_text("\n".join(f"{k}\n  " + "\n  ".join(v) for k, v in bad.items()))
    assert bad == {}


def test_copy_and_state_defects(logged_in_page, owner, data):
    page = logged_in_page
    done, failed = data["done"], data["failed"]

    # A failed analysis reads naturally and points to a new one.
    page.goto(f"/interview/{failed.pk}")
    banner = page.locator("#workspace [role=alert]")
    assert banner.inner_text().startswith("This analysis failed,"), banner.inner_text()
    assert "analysis is failed" not in page.content()

    # "Analysis started." goes once every job of the list has finished, and is not shown again.
    page.goto(f"/uploads/{done.upload_id}/jobs")
    page.click("button[data-action=start]")
    page.wait_for_url(f"**/uploads/{done.upload_id}/jobs")
    flash = page.locator("#flash")
    assert flash.inner_text() == "Analysis started."
    started = AnalysisJob.objects.filter(upload=done.upload).order_by("-created_at").first()
    job_fail(job_id=started.pk, message="Stopped by the test")  # as the worker would: the page hears of it
    page.locator("#job-list[data-polling=false]").wait_for(state="attached", timeout=8_000)
    assert flash.inner_text() == ""
    page.goto("/uploads")
    assert "Analysis started." not in page.content()

    # The library: each question names its candidate; the filter says Problem-Solving like the
    # cards; the count follows a delete.
    page.goto("/interview/library")
    assert page.locator("#library-count").inner_text() == "2 questions"
    sources = page.locator("[data-candidate]").all_inner_texts()
    assert len(sources) == 2 and all("About Maria Gonzalez (maria-gonzalez.pdf)" in s for s in sources), sources
    assert "Problem-Solving" in page.locator("select[name=category]").inner_text()
    assert "Problem Solving" not in page.content()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".saved-card").first.locator("button", has_text="Delete").click()
    page.locator(".saved-card").nth(1).wait_for(state="detached")
    assert page.locator("#library-count").inner_text() == "1 question"
    assert SavedQuestion.objects.filter(owner=owner).count() == 1

    # The chat picker names the candidate, the file and when it was uploaded and analysed; no two
    # entries read the same.
    page.goto("/chat")
    options = page.locator("#chat-job option").all_inner_texts()
    assert len(options) == 2 and len(set(options)) == 2, options
    assert all(o.startswith("Maria Gonzalez — maria-gonzalez.pdf (uploaded ") for o in options)
    assert " · analysed " in options[0] and " · earlier analysis " in options[1], options

    # A long file name ends in an ellipsis, with the whole name in its title, and the page does
    # not scroll sideways on a phone.
    page.set_viewport_size(PHONE)
    page.goto("/uploads")
    name = page.locator(f".fname[title='{LONG_NAME}']")
    assert name.evaluate("e => e.scrollWidth > e.clientWidth && getComputedStyle(e).textOverflow === 'ellipsis'")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, "uploads-phone-long-name")

    # The chat composer is on screen on a phone, at the bottom, even with a long conversation.
    page.goto("/chat")
    page.locator("#chat-status[data-state=connected]").wait_for()
    box = page.locator("#chat-input").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = page.locator("#chat-input").bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], box
    shoot(page, "chat-phone")

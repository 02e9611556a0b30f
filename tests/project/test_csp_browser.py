"""A Content-Security-Policy on every page (issue 19): scripts and styles from this server only,
no inline code, no eval; and no page breaks it. Chromium against a real daphne visits each page
and records every `securitypolicyviolation` event and CSP console message."""

import pytest

from analysis.models import JobStatus
from tests.chat.conftest import make_analysis  # noqa: F401  (the fixture)
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.fixture
def csp_page(browser, daphne_server):
    context = browser.new_context(base_url=daphne_server.url)
    context.set_default_timeout(20_000)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_csp = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.console_csp.append(m.text))
    yield page
    context.close()


# Redoc creates <style> elements before it could take a nonce: its page alone allows inline
# styles (resume_analyzer/openapi.py REDOC_CSP); its scripts are as strict as everywhere.
INLINE_STYLES_ALLOWED = {"/api/redoc"}


def visit(page, path: str) -> list[str]:
    response = page.goto(path)
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["script-src"].startswith("'self'") and "unsafe" not in policy["script-src"], path
    assert policy["default-src"] == "'self'" and policy["frame-ancestors"] == "'none'", path
    if path not in INLINE_STYLES_ALLOWED:
        assert "unsafe" not in response.headers["content-security-policy"], path
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # late style and script insertions (htmx, Redoc)
    found = page.evaluate("window.__csp") + page.console_csp
    page.console_csp.clear()
    return found


def test_no_page_violates_the_content_security_policy(csp_page, owner, make_analysis):  # noqa: F811
    page = csp_page
    owner.is_staff = owner.is_superuser = True
    owner.save()
    done = make_analysis(owner)
    running = make_analysis(owner, status=JobStatus.ANALYZING, filename="second.pdf")
    violations = {}
    for path in ["/login", "/register", "/no-such-page", "/api/docs", "/api/redoc"]:
        violations[path] = visit(page, path)
    page.fill("input[name=email]", owner.email) if page.goto("/login") else None
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))
    pages = [
        "/", "/upload", "/uploads", f"/uploads/{done.upload_id}/jobs", f"/uploads/{running.upload_id}/jobs",
        f"/jobs/{done.pk}", f"/jobs/{running.pk}", f"/interview/{done.pk}", "/interview/library", "/chat",
        "/logout", "/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{owner.pk}/change/",
        "/api/docs", "/api/redoc",
    ]  # fmt: skip
    for path in pages:
        violations[path] = visit(page, path)
    assert {path: found for path, found in violations.items() if found} == {}


    # The job list's delete still asks first (data-confirm and static/js/confirm.js, not onsubmit).
    page.goto(f"/uploads/{done.upload_id}/jobs")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.click("button[data-action=delete]")
    assert questions == ["Delete this analysis and its profile?"]
    assert page.locator("tr.job").count() == 1 and page.evaluate("window.__csp") == []

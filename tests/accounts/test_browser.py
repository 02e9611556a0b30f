import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_register_lands_on_dashboard(page):
    page.goto("/register")
    page.fill("input[name=name]", "Rita Recruiter")
    page.fill("input[name=email]", "rita@example.com")
    page.fill("input[name=password]", "a-long-enough-passphrase-7")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("h1").inner_text() == "Welcome, Rita Recruiter"
    assert page.locator("nav a", has_text="Upload").is_visible()


def test_bad_login_shows_error_inline(page, owner):
    page.goto("/login")
    page.fill("input[name=email]", owner.email)
    page.fill("input[name=password]", "wrong")
    page.click("button[type=submit]")
    assert page.locator("[role=alert]").inner_text() == "Invalid email or password."

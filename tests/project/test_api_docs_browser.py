"""Swagger UI and Redoc in Chromium against a real daphne: they render every operation, and every
request they make stays on this server (no CDN, no web fonts): the docs work offline (issue 19)."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def requests_of(page, daphne_server, path: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(path)
    return seen


def assert_same_origin(seen: list[str], daphne_server) -> None:
    origin = urlsplit(daphne_server.url)
    # blob: and data: URLs are made by the page itself.
    others = [url for url in seen if urlsplit(url)[:2] != origin[:2] and urlsplit(url).scheme not in {"blob", "data"}]
    assert seen and others == []


def test_swagger_ui_renders_every_operation_from_this_server_only(page, daphne_server, anon_api):
    schema = anon_api.get("/api/schema").json()
    operations = sum(len(item) for item in schema["paths"].values())
    seen = requests_of(page, daphne_server, "/api/docs")
    expect(page.locator(".opblock")).to_have_count(operations, timeout=30_000)
    expect(page.locator(".opblock-summary-description", has_text="Upload a resume")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/api/schema") for url in seen)
    assert_same_origin(seen, daphne_server)


def test_redoc_renders_from_this_server_only(page, daphne_server):
    seen = requests_of(page, daphne_server, "/api/redoc")
    expect(page.get_by_role("heading", name="Upload a resume")).to_be_visible(timeout=30_000)
    page.wait_for_load_state("networkidle")
    assert_same_origin(seen, daphne_server)

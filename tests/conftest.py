"""Shared fixtures: users (owner/outsider), API clients, a real daphne server, a real django-q2
worker, an OpenAI-compatible stand-in server, and a Playwright-driven Debian Chromium."""

import os
from pathlib import Path

import pytest

# The environment (DATA_DIR, offline model, async guard) is set before the settings load, by the
# plugin tests/support/environment.py (pyproject's addopts).
from tests.support.fake_openai import FakeOpenAI
from tests.support.processes import ServerProcess, WorkerProcess, test_database_url

PASSWORD = "correct-horse-battery-9"


@pytest.fixture(scope="session", autouse=True)
def _static_files():
    """Pages name collected (hashed) static files: collect them once, when the sources changed."""
    from resume_analyzer.staticfiles import static_files_collect

    static_files_collect()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Uploaded files land in the test data dir, shared with server and worker processes."""
    media = Path(os.environ["DATA_DIR"]) / "media"
    media.mkdir(parents=True, exist_ok=True)
    settings.MEDIA_ROOT = media


@pytest.fixture
def make_user(db):
    from accounts.models import User

    def make(email: str, name: str = "Test User", password: str = PASSWORD, **extra) -> User:
        return User.objects.create_user(email=email, password=password, name=name, **extra)

    return make


@pytest.fixture
def owner(make_user):
    return make_user("owner@example.com", name="Olivia Owner")


@pytest.fixture
def outsider(make_user):
    return make_user("outsider@example.com", name="Oscar Outsider")


def _client_for(user):
    from rest_framework.test import APIClient

    from accounts.services import token_issue

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user).raw}")
    return client


@pytest.fixture
def api(owner):
    """An API client authenticated as `owner` with a real bearer token."""
    return _client_for(owner)


@pytest.fixture
def outsider_api(outsider):
    return _client_for(outsider)


@pytest.fixture
def anon_api():
    from rest_framework.test import APIClient

    return APIClient()


# --- Real processes --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def _module_daphne(django_db_setup):
    """One daphne process per test module: starting and stopping one costs about 6 s, which every
    test paid when each had its own. Nothing it keeps between requests outlives a test: sessions,
    tokens, rate limits and the channel layer are rows, flushed after each test."""
    server = ServerProcess(database_url=test_database_url())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def daphne_server(transactional_db, _module_daphne):
    """A real daphne process serving the test database (data must be committed: transactional_db)."""
    if _module_daphne.proc.poll() is not None:
        raise RuntimeError(f"daphne died during an earlier test of this module:\n{_module_daphne.log()[-3000:]}")
    return _module_daphne


@pytest.fixture
def worker(transactional_db):
    """A real django-q2 cluster (`manage.py worker`) on the test database."""
    process = WorkerProcess(database_url=test_database_url())
    process.start()
    yield process
    process.stop()


@pytest.fixture
def fake_openai():
    """An OpenAI-compatible HTTP server on 127.0.0.1 whose answers each test scripts."""
    server = FakeOpenAI()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def openai_settings(settings, fake_openai):
    """Point the AI layer at the stand-in server for this test (in-process code paths)."""
    settings.OPENAI_BASE_URL = fake_openai.base_url
    settings.OPENAI_API_KEY = "test-key"
    settings.OPENAI_MAX_RETRIES = 0
    settings.OPENAI_TIMEOUT_SECONDS = 5
    return settings


# --- Browser ---------------------------------------------------------------------------------------


# Module scope, not session: while Playwright's sync API is alive it keeps an event loop running in
# the test thread, which makes async_to_sync (channel layer calls from tests) refuse to run.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, daphne_server):
    context = browser.new_context(base_url=daphne_server.url, accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def logged_in_page(page, owner):
    """A browser page logged in as `owner` through the real login form."""
    page.goto("/login")
    page.fill("input[name=email]", owner.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))
    return page

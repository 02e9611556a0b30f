"""The /chat page view: login required, only the user's completed analyses, ?job= preselects."""

import pytest

from analysis.models import JobStatus
from tests.conftest import PASSWORD


@pytest.fixture
def browser_client(client, owner):
    client.login(email=owner.email, password=PASSWORD)
    return client


def test_chat_page_requires_login(client):
    response = client.get("/chat")
    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_chat_page_lists_only_own_completed_analyses(browser_client, owner, outsider, make_analysis):
    mine = make_analysis(owner, filename="mine.pdf")
    make_analysis(owner, status=JobStatus.ANALYZING, filename="running.pdf")
    theirs = make_analysis(outsider, filename="theirs.pdf")
    html = browser_client.get(f"/chat?job={theirs.pk}").content.decode()
    assert "Maria Gonzalez — mine.pdf (uploaded " in html
    assert "running.pdf" not in html and "theirs.pdf" not in html and str(theirs.pk) not in html
    assert f'value="{mine.pk}" selected' in html
    assert "js/chat." in html and 'id="chat-form"' in html


def test_chat_page_preselects_the_requested_job(browser_client, owner, make_analysis):
    first, _ = make_analysis(owner, filename="first.pdf"), make_analysis(owner, filename="second.pdf")
    html = browser_client.get(f"/chat?job={first.pk}").content.decode()
    assert f'value="{first.pk}" selected' in html


def test_chat_page_without_analyses_explains_what_to_do(browser_client):
    html = browser_client.get("/chat").content.decode()
    assert "Nothing to talk about yet" in html and 'href="/upload"' in html and "data-chat-live" in html

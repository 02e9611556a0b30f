"""Interview pages through Django's test client: access, htmx partials and plain-form fallbacks."""

import uuid

import pytest
from django.test import Client
from django.utils.html import escape

from interview.models import GeneratedQuestion, QuestionGeneration, SavedQuestion
from interview.services import generation_create, question_find, saved_question_create

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def browser_client(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def outsider_client(outsider):
    client = Client()
    client.force_login(outsider)
    return client


def test_pages_need_login(client, job):
    for url in (f"/interview/{job.id}", "/interview/library"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login")


def test_interview_page_404_for_missing_and_foreign_jobs(browser_client, outsider_client, job):
    assert browser_client.get(f"/interview/{uuid.uuid4()}").status_code == 404
    assert outsider_client.get(f"/interview/{job.id}").status_code == 404
    assert (
        outsider_client.post(f"/interview/{job.id}/generate", {"num_questions": 3}).status_code
        == 404
    )


@pytest.mark.parametrize("wanted", ["%C2%B2", "99999999999999999999", "abc", "-1"])
def test_an_unknown_question_set_is_a_404(browser_client, job, wanted):
    assert browser_client.get(f"/interview/{job.id}?set={wanted}").status_code == 404


def test_interview_page_prefills_target_from_recommendations(browser_client, job):
    page = browser_client.get(f"/interview/{job.id}").content.decode()
    assert 'value="Staff Backend Engineer"' in page and "No questions yet" in page


def test_unfinished_job_explains_instead_of_offering_the_form(browser_client, make_job, owner):
    running = make_job(owner, status="analyzing", profile=None)
    page = browser_client.get(f"/interview/{running.id}").content.decode()
    assert "once it has completed" in page and "Generate questions" not in page
    response = browser_client.post(f"/interview/{running.id}/generate", {"num_questions": 3})
    assert response.status_code == 400 and not QuestionGeneration.objects.exists()


def test_htmx_generate_returns_cards_grouped_by_category(browser_client, job):
    response = browser_client.post(
        f"/interview/{job.id}/generate",
        {"job_title": "Staff Engineer", "company": "ABC Corp", "num_questions": 8},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="workspace">') and "<html" not in html
    assert html.count('class="card q-card"') == 8
    headings = [
        c
        for c in ("Technical", "Behavioral", "Situational", "Problem-Solving")
        if f'data-category="{c}"' in html
    ]
    assert headings == ["Technical", "Behavioral", "Situational", "Problem-Solving"]
    assert 'class="badge ' in html and "Show answer" in html


def test_generate_form_errors_are_shown(browser_client, job):
    response = browser_client.post(f"/interview/{job.id}/generate", {"num_questions": 99}, **HTMX)
    assert "Ensure this value is less than or equal to 50" in response.content.decode()
    assert not QuestionGeneration.objects.exists()


def test_plain_generate_redirects_back(browser_client, job):
    response = browser_client.post(f"/interview/{job.id}/generate", {"num_questions": 2})
    assert response.status_code == 302 and response["Location"] == f"/interview/{job.id}"
    assert QuestionGeneration.objects.get().questions.count() == 2


def test_htmx_regenerate_and_save_in_place(browser_client, outsider_client, job, owner):
    generation = generation_create(user=owner, job_id=job.id, num_questions=2)
    base = f"/interview/{job.id}/{generation.id}/q1"
    before = GeneratedQuestion.objects.get(generation=generation, position=1).answer
    response = browser_client.post(f"{base}/regenerate", **HTMX)
    after = GeneratedQuestion.objects.get(generation=generation, position=1).answer
    # A different answer from the resume, or (none differs) the same one and a note saying so.
    assert escape(after) in response.content.decode()
    assert after != before or "answer is unchanged" in response.content.decode()
    assert (
        response.content.decode()
        .lstrip()
        .startswith(f'<details class="answer" id="answer-{generation.id}-1" open')
    )
    assert outsider_client.post(f"{base}/regenerate", **HTMX).status_code == 404
    assert outsider_client.post(f"{base}/save", {"tags": "x"}, **HTMX).status_code == 404
    saved = browser_client.post(f"{base}/save", {"tags": "Go, backend"}, **HTMX).content.decode()
    assert "Saved to your library" in saved and ">go<" in saved
    assert SavedQuestion.objects.get(owner=owner).tags == ["go", "backend"]
    assert (
        "Already in your library"
        in browser_client.post(f"{base}/save", {}, **HTMX).content.decode()
    )


@pytest.mark.parametrize("tags", ["x" * 401, "go\x00lang"])
def test_invalid_tags_are_reported_and_nothing_is_saved(browser_client, job, owner, tags):
    """Found by fuzzing: the question was saved without its tags and the page said "Saved"."""
    generation = generation_create(user=owner, job_id=job.id, num_questions=1)
    response = browser_client.post(f"/interview/{job.id}/{generation.id}/q1/save", {"tags": tags}, **HTMX)
    assert "Not saved. Tags:" in response.content.decode()
    assert not SavedQuestion.objects.exists()
    plain = browser_client.post(f"/interview/{job.id}/{generation.id}/q1/save", {"tags": tags}, follow=True)
    assert "Not saved. Tags:" in plain.content.decode() and not SavedQuestion.objects.exists()


def test_library_page_filters_and_chips(browser_client, job, owner):
    generation = generation_create(user=owner, job_id=job.id, num_questions=12)
    questions = list(generation.questions.all())
    saved_question_create(user=owner, question=questions[0], tags=["golang"])
    saved_question_create(user=owner, question=questions[-1], tags=["teamwork"])
    page = browser_client.get("/interview/library").content.decode()
    assert page.count('class="card saved-card"') == 2 and 'href="?tags=golang"' in page
    filtered = browser_client.get("/interview/library", {"tags": "golang"}).content.decode()
    assert (
        filtered.count('class="card saved-card"') == 1 and escape(questions[0].question) in filtered
    )
    by_category = browser_client.get(
        "/interview/library", {"category": questions[-1].category}
    ).content.decode()
    assert (
        escape(questions[-1].question) in by_category
        and escape(questions[0].question) not in by_category
    )
    bad = browser_client.get("/interview/library", {"difficulty": "Extreme"})
    assert bad.status_code == 400 and "Select a valid choice" in bad.content.decode()


def test_library_delete(browser_client, outsider_client, job, owner):
    generation = generation_create(user=owner, job_id=job.id, num_questions=1)
    saved = saved_question_create(
        user=owner, question=question_find(user=owner, job_id=job.id, question_id="q1")
    )
    assert outsider_client.post(f"/interview/library/{saved.id}/delete", **HTMX).status_code == 404
    response = browser_client.post(f"/interview/library/{saved.id}/delete", **HTMX)
    assert response.status_code == 200 and response.content == b""
    assert not SavedQuestion.objects.exists() and generation.questions.count() == 1


def test_page_generation_shares_the_expensive_throttle(browser_client, job, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    monkeypatch.setattr(
        ScopedRateThrottle,
        "THROTTLE_RATES",
        {**ScopedRateThrottle.THROTTLE_RATES, "expensive": "1/min"},
    )
    first = browser_client.post(f"/interview/{job.id}/generate", {"num_questions": 1}, **HTMX)
    assert "Too many requests" not in first.content.decode()
    second = browser_client.post(f"/interview/{job.id}/generate", {"num_questions": 1})
    assert second.status_code == 429 and "Too many requests" in second.content.decode()
    assert QuestionGeneration.objects.count() == 1


def test_admin_lists_generations_and_saved_questions(make_user, job, owner):
    staff = make_user("staff@example.com", name="Sam Staff", is_staff=True, is_superuser=True)
    generation = generation_create(user=owner, job_id=job.id, num_questions=2)
    saved_question_create(user=owner, question=generation.questions.first(), tags=["go"])
    client = Client()
    client.force_login(staff)
    for url in (
        "/admin/interview/questiongeneration/",
        f"/admin/interview/questiongeneration/{generation.id}/change/",
        "/admin/interview/savedquestion/",
        "/admin/interview/savedquestion/?q=Acme",
    ):
        assert client.get(url).status_code == 200, url


def test_out_of_range_page_ids_are_404(browser_client, job, owner):
    generation = generation_create(user=owner, job_id=job.id, num_questions=1)
    huge = 10**30
    assert browser_client.post(f"/interview/library/{huge}/delete").status_code == 404
    assert browser_client.post(f"/interview/{job.id}/{huge}/q1/regenerate").status_code == 404
    assert (
        browser_client.post(f"/interview/{job.id}/{generation.id}/q{huge}/save").status_code == 404
    )


def test_earlier_sets_stay_reachable(browser_client, outsider_client, job, owner):
    old = generation_create(user=owner, job_id=job.id, job_title="Old Title", num_questions=2)
    new = generation_create(user=owner, job_id=job.id, job_title="New Title", num_questions=3)
    latest = browser_client.get(f"/interview/{job.id}").content.decode()
    assert latest.count('class="card q-card"') == 3 and f'href="?set={old.id}"' in latest
    earlier = browser_client.get(f"/interview/{job.id}", {"set": old.id}).content.decode()
    assert earlier.count('class="card q-card"') == 2 and f'id="q-{old.id}-1"' in earlier
    assert browser_client.get(f"/interview/{job.id}", {"set": 10**30}).status_code == 404
    assert outsider_client.get(f"/interview/{job.id}", {"set": new.id}).status_code == 404

"""The openai backend through the real `openai` client against the stand-in server on 127.0.0.1."""

import json

import pytest

from interview.models import QuestionGeneration
from tests.interview.conftest import post_json
from tests.support.fake_openai import Reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def openai_backend(openai_settings):
    openai_settings.AI_BACKEND = "openai"
    return openai_settings


def question_set(count: int, *, duplicate: bool = False) -> str:
    items = [
        {
            "question": f"How did you scale Go services at Acme Cloud, part {n}?",
            "category": "Technical",
            "difficulty": "Hard",
            "answer": f"At Acme Cloud I built Go microservices for payments (story {n}).",
            "answer_kind": "grounded",
            "listen_for": ["a real system"],
            "follow_ups": ["What broke first?"],
            "flags": [],
        }
        for n in range(1, count + 1)
    ]
    if duplicate:
        items[-1] = dict(items[0])
    return json.dumps({"questions": items})


def generate(api, job, num=3):
    return post_json(
        api,
        "/api/interview/generate",
        {
            "job_id": str(job.id),
            "job_title": "Staff Engineer",
            "company": "ABC Corp",
            "num_questions": num,
        },
    )


def test_generate_with_openai_sends_schema_and_profile_and_stores_usage(
    api, job, fake_openai, openai_backend
):
    fake_openai.chat_reply(question_set(3), prompt_tokens=300, completion_tokens=200)
    response = generate(api, job)
    assert response.status_code == 200
    body = response.json()
    assert [q["id"] for q in body["questions"]] == ["q1", "q2", "q3"]
    assert body["questions"][0]["answer"].startswith("At Acme Cloud")
    [request] = fake_openai.calls("chat")
    assert request["response_format"]["type"] == "json_schema"
    user_message = json.loads(request["messages"][-1]["content"])
    assert user_message["number_of_questions"] == 3 and user_message["target_company"] == "ABC Corp"
    assert user_message["profile"]["experience"][0]["company"] == "Acme Cloud"
    assert user_message["profile"]["personal_info"] == {"name": "Jane Doe"}  # no email or phone
    assert sum(user_message["questions_per_difficulty"].values()) == 3
    generation = QuestionGeneration.objects.get()
    assert generation.backend == "openai" and generation.prompt_version == "interview-openai-v2"
    assert generation.token_usage["total_tokens"] == 500
    # Issue 17: the prompt names the family and says to use only the profile's facts; the answer
    # kind comes back in the API's shape.
    system = request["messages"][0]["content"]
    assert "Use only these facts" in system and "A strong answer would show" in system
    assert user_message["occupation_family"] == "software_data"
    assert {q["answer_kind"] for q in body["questions"]} == {"grounded"}
    assert request["response_format"]["json_schema"]["schema"]["properties"]["questions"]["items"][
        "properties"]["answer_kind"]["enum"] == ["grounded", "guide"]


def test_interviewer_mode_with_openai_keeps_listen_for_follow_ups_and_flags(api, job, fake_openai, openai_backend):
    fake_openai.chat_reply(question_set(2))
    response = post_json(api, "/api/interview/generate", {
        "job_id": str(job.id), "num_questions": 2, "mode": "interviewer",
        "job_description": "We need Kubernetes and Rust.",
    })  # fmt: skip
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["mode"] == "interviewer"
    first = body["questions"][0]
    assert first["listen_for"] == ["a real system"] and first["follow_ups"] == ["What broke first?"]
    assert first["answer_kind"] == "guide"
    request = fake_openai.calls("chat")[-1]
    assert "recruiter" in request["messages"][0]["content"] and "Use only these facts" in request["messages"][0]["content"]
    sent = json.loads(request["messages"][-1]["content"])
    assert sent["required_skills_of_the_job"] == ["Kubernetes", "Rust"]


def test_extra_questions_are_trimmed(api, job, fake_openai, openai_backend):
    fake_openai.chat_reply(question_set(5))
    assert len(generate(api, job, num=3).json()["questions"]) == 3


@pytest.mark.parametrize(
    "script",
    [
        lambda fake: [fake.chat_reply("not json at all") for _ in range(2)],
        lambda fake: [
            fake.chat_reply(json.dumps({"questions": [{"question": "Q?"}]})) for _ in range(2)
        ],
        lambda fake: fake.chat_reply(question_set(2)),
        lambda fake: fake.chat_reply(question_set(3, duplicate=True)),
        lambda fake: fake.fail("chat", 401),
        lambda fake: fake.fail("chat", 400),
    ],
    ids=["not-json", "schema-mismatch", "too-few", "duplicates", "unauthorised", "bad-request"],
)
def test_permanent_failures_are_502_and_store_nothing(
    api, job, fake_openai, openai_backend, script
):
    script(fake_openai)
    response = generate(api, job)
    assert response.status_code == 502
    body = response.json()
    assert body["error"] == "AI service error" and body["message"].startswith("OpenAI API error")
    assert not QuestionGeneration.objects.exists()


@pytest.mark.parametrize("status", [429, 500, 503])
def test_transient_failures_are_503(api, job, fake_openai, openai_backend, status):
    fake_openai.fail("chat", status)
    response = generate(api, job)
    assert response.status_code == 503
    assert (
        response.json()["error"] == "AI service unavailable"
        and response.json()["retryable"] is True
    )


def test_timeout_is_503(api, job, fake_openai, openai_backend):
    openai_backend.OPENAI_TIMEOUT_SECONDS = 0.5
    fake_openai.enqueue("chat", Reply(body={}, delay=2))
    response = generate(api, job)
    assert response.status_code == 503 and "timed out" in response.json()["message"]


def test_regenerate_with_openai_asks_for_a_different_answer(api, job, fake_openai, openai_backend):
    fake_openai.chat_reply(question_set(2))
    original = generate(api, job, num=2).json()["questions"][0]["answer"]
    fake_openai.chat_reply(
        json.dumps(
            {"answer": "In my 4.5 years at Acme Cloud I led four engineers building Go services.",
             "answer_kind": "grounded"}
        )
    )
    response = post_json(
        api, "/api/interview/regenerate-answer", {"job_id": str(job.id), "question_id": "q1"}
    )
    assert response.status_code == 200
    assert response.json()["answer"].startswith("In my 4.5 years at Acme Cloud")
    request = json.loads(fake_openai.calls("chat")[-1]["messages"][-1]["content"])
    assert request["previous_answer_to_avoid"] == original
    assert response.json()["answer_kind"] == "grounded"
    fake_openai.chat_reply(json.dumps({"answer": response.json()["answer"], "answer_kind": "grounded"}))
    same = post_json(
        api, "/api/interview/regenerate-answer", {"job_id": str(job.id), "question_id": "q1"}
    )
    assert same.status_code == 502


def test_unknown_backend_is_a_clean_502(api, job, settings):
    settings.AI_BACKEND = "nonsense"
    response = generate(api, job)
    assert response.status_code == 502 and "AI_BACKEND" in response.json()["message"]


def test_huge_profiles_are_trimmed_not_a_crash(api, make_job, owner, fake_openai, openai_backend):
    from tests.interview.conftest import PROFILE

    huge = {**PROFILE, "summary": "x" * 50_000, "strengths": [f"strength {n}" for n in range(500)]}
    fake_openai.chat_reply(question_set(3))
    assert generate(api, make_job(owner, profile=huge)).status_code == 200
    sent = json.loads(fake_openai.calls("chat")[-1]["messages"][-1]["content"])["profile"]
    assert len(sent["summary"]) == 1500 and len(sent["strengths"]) == 30

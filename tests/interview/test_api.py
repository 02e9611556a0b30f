"""The interview API against the seed's contract, with real tokens and the real database."""

import re
import uuid

import pytest

from interview.models import GeneratedQuestion, QuestionGeneration, SavedQuestion
from tests.interview.conftest import post_json

pytestmark = pytest.mark.django_db
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def generate(api, job, **extra):
    return post_json(api, "/api/interview/generate", {"job_id": str(job.id), **extra})


def error_of(response) -> dict:
    body = response.json()
    assert set(body) >= {"error", "message"} and isinstance(body["message"], str), body
    return body


# --- generate -------------------------------------------------------------------------------------


def test_generate_matches_the_seed_shape(api, job):
    response = generate(
        api, job, job_title="Senior Software Engineer", company="ABC Corp", num_questions=10
    )
    assert response.status_code == 200
    body = response.json()
    assert {"questions", "job_id", "generated_at"} <= set(body)
    assert body["job_id"] == str(job.id) and ISO.match(body["generated_at"])
    assert [q["id"] for q in body["questions"]] == [f"q{i}" for i in range(1, 11)]
    for q in body["questions"]:
        assert set(q) == {"id", "question", "category", "difficulty", "answer", "answer_kind"}
        assert q["answer_kind"] in ("grounded", "guide")
        assert q["category"] in {"Technical", "Behavioral", "Situational", "Problem-Solving"}
        assert q["difficulty"] in {"Easy", "Medium", "Hard"}
    assert len({q["question"] for q in body["questions"]}) == 10


def test_generate_stores_the_set(api, job, owner):
    body = generate(api, job, num_questions=4).json()
    generation = QuestionGeneration.objects.get(pk=body["generation_id"])
    assert generation.owner == owner and generation.job == job and generation.backend == "local"
    stored = [(f"q{q.position}", q.question, q.answer) for q in generation.questions.all()]
    assert stored == [(q["id"], q["question"], q["answer"]) for q in body["questions"]]


def test_generate_defaults_to_ten_questions(api, job):
    assert len(generate(api, job).json()["questions"]) == 10


def test_generate_answers_cite_the_resume(api, job):
    body = generate(api, job, num_questions=10).json()
    answers = " ".join(q["answer"] for q in body["questions"])
    assert "Acme Cloud" in answers and "Globex" in answers
    assert any(skill in answers for skill in ("Go", "Django", "PostgreSQL", "Python"))


@pytest.mark.parametrize("num", [1, 50])
def test_generate_accepts_the_bounds(api, job, num):
    assert len(generate(api, job, num_questions=num).json()["questions"]) == num


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"num_questions": 0}, "num_questions"),
        ({"num_questions": 51}, "num_questions"),
        ({"num_questions": "ten"}, "num_questions"),
        ({"num_questions": 2.5}, "num_questions"),
        ({"num_questions": True}, "num_questions"),
        ({"num_questions": [3]}, "num_questions"),
        ({"job_title": 42}, "job_title"),
        ({"company": ["ABC"]}, "company"),
        ({"job_title": "x" * 201}, "job_title"),
    ],
)
def test_generate_rejects_bad_fields_with_400(api, job, payload, field):
    response = generate(api, job, **payload)
    assert response.status_code == 400
    assert error_of(response)["field"] == field


@pytest.mark.parametrize("job_id", [None, "", "not-a-uuid", 12])
def test_generate_rejects_bad_job_id(api, job_id):
    response = post_json(
        api, "/api/interview/generate", {"job_id": job_id} if job_id is not None else {}
    )
    assert response.status_code == 400
    assert error_of(response)["field"] == "job_id"


def test_generate_rejects_malformed_json_and_non_objects(api):
    response = api.post(
        "/api/interview/generate", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400 and error_of(response)["error"] == "Malformed request body"
    response = post_json(api, "/api/interview/generate", ["a", "b"])
    assert response.status_code == 400 and error_of(response)


def test_generate_404_for_missing_and_other_users_jobs(api, outsider_api, job):
    missing = post_json(api, "/api/interview/generate", {"job_id": str(uuid.uuid4())})
    foreign = generate(outsider_api, job)
    assert missing.status_code == foreign.status_code == 404
    assert (
        missing.json()
        == foreign.json()
        == {"error": "Job not found", "message": "No analysis job with this id"}
    )
    assert not QuestionGeneration.objects.exists()


def test_generate_400_for_unfinished_job(api, make_job, owner):
    running = make_job(owner, status="analyzing", profile=None)
    response = generate(api, running)
    assert response.status_code == 400
    assert error_of(response) | {} == {
        "error": "Analysis not yet completed",
        "message": "Interview questions need a completed analysis",
        "current_status": "analyzing",
        "progress": 70,
    }


def test_generate_404_when_profile_missing(api, make_job, owner):
    response = generate(api, make_job(owner, profile=None))
    assert response.status_code == 404 and error_of(response)["error"] == "Profile not found"


def test_generate_requires_authentication(anon_api, job):
    response = generate(anon_api, job)
    assert response.status_code == 401 and error_of(response)


def test_generate_is_throttled_with_429(api, job, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    monkeypatch.setattr(
        ScopedRateThrottle,
        "THROTTLE_RATES",
        {**ScopedRateThrottle.THROTTLE_RATES, "expensive": "2/min"},
    )
    statuses = [generate(api, job, num_questions=1).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert error_of(generate(api, job, num_questions=1))["error"] == "Too many requests"


def test_too_many_questions_for_a_sparse_profile_is_a_clear_400(api, make_job, owner):
    response = generate(api, make_job(owner, profile={}), num_questions=50)
    assert response.status_code == 400
    body = error_of(response)
    assert body["error"] == "Not enough resume data" and 0 < body["max_questions"] < 50


# --- regenerate -----------------------------------------------------------------------------------


def regenerate(api, job, question_id="q1", **extra):
    return post_json(
        api,
        "/api/interview/regenerate-answer",
        {"job_id": str(job.id), "question_id": question_id, **extra},
    )


def test_regenerate_gives_a_different_grounded_answer_or_says_none_differs(api, job):
    questions = generate(api, job, num_questions=10).json()["questions"]
    grounded = next(q for q in questions if q["answer_kind"] == "grounded")
    number = grounded["id"]
    answers, changed = [grounded["answer"]], 0
    for _ in range(3):
        response = regenerate(api, job, number, question=grounded["question"])
        assert response.status_code == 200
        body = response.json()
        assert body["question_id"] == number and body["answer_kind"] in ("grounded", "guide")
        if body["unchanged"]:  # no other fact of the resume answers it: said so, answer kept
            assert body["answer"] == answers[-1] and "unchanged" in body["message"]
        else:
            assert ISO.match(body["regenerated_at"]) and body["answer"] not in answers
            answers.append(body["answer"])
            changed += 1
    stored = GeneratedQuestion.objects.get(generation_id=body["generation_id"], position=int(number[1:]))
    assert stored.answer == answers[-1] and stored.answer_revision == changed
    assert stored.answer_history == answers[:-1][::-1]
    assert body["unchanged"]  # three regenerations use up Jane Doe's few achievements


def test_regenerate_uses_the_latest_generation_by_default(api, job):
    old = generate(api, job, num_questions=2).json()
    new = generate(api, job, num_questions=2).json()
    body = regenerate(api, job, "q1").json()
    assert body["generation_id"] == new["generation_id"] != old["generation_id"]


def test_regenerate_reaches_an_older_generation_by_id_or_by_text(api, job):
    old = generate(api, job, num_questions=3).json()
    generate(api, job, num_questions=1)  # the newest set has no q3, so only the old one can match
    by_id = regenerate(api, job, "q3", generation_id=old["generation_id"]).json()
    assert by_id["generation_id"] == old["generation_id"]
    by_text = regenerate(api, job, "q3", question=old["questions"][2]["question"]).json()
    assert by_text["generation_id"] == old["generation_id"]


@pytest.mark.parametrize("question_id", ["q0", "x1", "1", "", None, 3, "q1000"])
def test_regenerate_rejects_malformed_question_ids(api, job, question_id):
    response = regenerate(api, job, question_id)
    assert response.status_code == 400 and error_of(response)["field"] == "question_id"


def test_regenerate_404s(api, outsider_api, job):
    generate(api, job, num_questions=2)
    assert regenerate(api, job, "q3").status_code == 404
    assert regenerate(api, job, "q1", question="A question that was never asked").status_code == 404
    assert regenerate(api, job, "q1", generation_id=999999).status_code == 404
    foreign = regenerate(outsider_api, job, "q1")
    assert foreign.status_code == 404 and foreign.json()["error"] == "Job not found"


# --- save and library -----------------------------------------------------------------------------


def save(api, job, question_id="q1", **extra):
    return post_json(
        api,
        "/api/interview/save-question",
        {"job_id": str(job.id), "question_id": question_id, **extra},
    )


def test_save_then_duplicate_is_409(api, job, owner):
    question = generate(
        api, job, num_questions=2, job_title="Senior Software Engineer", company="ABC Corp"
    ).json()["questions"][0]
    response = save(
        api,
        job,
        "q1",
        question=question["question"],
        answer="My own answer.",
        tags=["Go ", "backend", "go"],
    )
    assert response.status_code == 201
    body = response.json()
    assert body["success"] is True and body["message"] == "Question saved successfully"
    saved = SavedQuestion.objects.get(pk=body["saved_question_id"], owner=owner)
    assert saved.question == question["question"] and saved.answer == "My own answer."
    assert saved.tags == ["go", "backend"]
    assert (saved.job_title, saved.company) == ("Senior Software Engineer", "ABC Corp")
    again = save(api, job, "q1")
    assert again.status_code == 409
    assert again.json() == {
        "error": "Question already saved",
        "message": "This question is already in your library",
    }


def test_save_keeps_the_current_answer_when_none_is_sent(api, job):
    generate(api, job, num_questions=1)
    regenerated = regenerate(api, job, "q1").json()["answer"]
    saved_id = save(api, job, "q1").json()["saved_question_id"]
    assert SavedQuestion.objects.get(pk=saved_id).answer == regenerated


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"tags": "go,backend"}, "tags"),
        ({"tags": [1, 2]}, "tags"),
        ({"tags": ["x"] * 21}, "tags"),
        ({"category": "Trivia"}, "category"),
        ({"difficulty": "Impossible"}, "difficulty"),
        ({"answer": 5}, "answer"),
    ],
)
def test_save_rejects_bad_fields(api, job, payload, field):
    generate(api, job, num_questions=1)
    response = save(api, job, "q1", **payload)
    assert response.status_code == 400 and error_of(response)["field"] == field


def test_outsider_cannot_save_or_see_owner_questions(api, outsider_api, job):
    generate(api, job, num_questions=1)
    assert save(outsider_api, job, "q1").status_code == 404
    save(api, job, "q1")
    assert outsider_api.get("/api/interview/library").json() == []


def test_library_lists_newest_first_with_seed_fields(api, job):
    generate(api, job, num_questions=3)
    ids = [save(api, job, f"q{n}", tags=[f"t{n}"]).json()["saved_question_id"] for n in (1, 2, 3)]
    body = api.get("/api/interview/library").json()
    assert [item["id"] for item in body] == ids[::-1]
    assert set(body[0]) == {
        "id",
        "question_id",
        "question",
        "answer",
        "category",
        "difficulty",
        "tags",
        "job_title",
        "company",
        "saved_at",
        "resume_deleted",
    }
    assert body[0]["question_id"] == "q3" and ISO.match(body[0]["saved_at"])


def test_library_filters_by_category_difficulty_and_any_tag(api, job, owner):
    generate(api, job, num_questions=12)
    for n, tags in ((1, ["golang", "backend"]), (2, ["frontend"]), (3, ["backend"]), (4, [])):
        assert save(api, job, f"q{n}", tags=tags).status_code == 201
    by_tags = api.get("/api/interview/library", {"tags": "golang, frontend"}).json()
    assert sorted(item["question_id"] for item in by_tags) == ["q1", "q2"]
    assert {
        i["question_id"] for i in api.get("/api/interview/library", {"tags": "BACKEND"}).json()
    } == {"q1", "q3"}
    saved = SavedQuestion.objects.for_owner(owner)
    category, difficulty = saved.first().category, saved.first().difficulty
    by_category = api.get("/api/interview/library", {"category": category}).json()
    assert by_category and all(i["category"] == category for i in by_category)
    assert len(by_category) == saved.filter(category=category).count()
    both = api.get(
        "/api/interview/library", {"category": category, "difficulty": difficulty}
    ).json()
    assert len(both) == saved.filter(category=category, difficulty=difficulty).count() >= 1


@pytest.mark.parametrize(
    "query, field",
    [
        ({"category": "Trivia"}, "category"),
        ({"difficulty": "easy"}, "difficulty"),
        # Empty values were read as absent and answered 200 (issue 19).
        ({"category": ""}, "category"),
        ({"difficulty": ""}, "difficulty"),
        ({"category": "", "difficulty": "Easy"}, "category"),
    ],
)
def test_library_rejects_unknown_filter_values(api, query, field):
    response = api.get("/api/interview/library", query)
    assert response.status_code == 400 and error_of(response)["field"] == field


def test_delete_saved_question(api, outsider_api, job):
    generate(api, job, num_questions=1)
    saved_id = save(api, job, "q1").json()["saved_question_id"]
    assert outsider_api.delete(f"/api/interview/library/{saved_id}").status_code == 404
    response = api.delete(f"/api/interview/library/{saved_id}")
    assert response.status_code == 200 and response.json()["success"] is True
    assert api.delete(f"/api/interview/library/{saved_id}").status_code == 404
    assert api.get("/api/interview/library").json() == []
    assert save(api, job, "q1").status_code == 201  # can be saved again after deletion


def test_saved_questions_survive_job_deletion(api, job):
    generate(api, job, num_questions=1)
    save(api, job, "q1")
    job.delete()
    assert len(api.get("/api/interview/library").json()) == 1


def test_library_requires_authentication(anon_api):
    assert anon_api.get("/api/interview/library").status_code == 401
    assert anon_api.delete("/api/interview/library/1").status_code == 401


def test_out_of_range_ids_are_404_not_500(api, job):
    generate(api, job, num_questions=1)
    huge = 10**30
    assert api.delete(f"/api/interview/library/{huge}").status_code == 404
    response = regenerate(api, job, "q1", generation_id=huge)
    assert response.status_code == 404 and error_of(response)["error"] == "Question not found"


@pytest.mark.parametrize("method", ["get", "put", "patch"])
def test_wrong_methods_are_405_json(api, method):
    response = getattr(api, method)("/api/interview/generate")
    assert response.status_code == 405 and error_of(response)


# --- issue 17: modes, answer kinds, job descriptions and openings -----------------------------------


def test_interviewer_mode_gives_notes_and_flags_and_an_opening_focuses_the_set(api, outsider_api, job, owner, outsider):
    from analysis.matching.models import Opening

    opening = Opening.objects.create(
        owner=owner, title="Platform Engineer", description="Platform team. Kubernetes and Rust.",
        requirements={"required_skills": ["Kubernetes", "Rust"]},
    )  # fmt: skip
    response = generate(api, job, num_questions=6, mode="interviewer", opening_id=opening.id)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["mode"] == "interviewer"
    assert any("asks for Rust" in flag for flag in body["flags"]) and not any("Kubernetes;" in f for f in body["flags"])
    assert any("Rust" in q["question"] for q in body["questions"])
    for q in body["questions"]:
        assert q["listen_for"] and q["follow_ups"] is not None and q["answer_kind"] == "guide"
    assert QuestionGeneration.objects.get(id=body["generation_id"]).job_title == "Platform Engineer"
    theirs = Opening.objects.create(owner=outsider, title="Theirs", description="Go.")
    assert generate(api, job, num_questions=2, opening_id=theirs.id).status_code == 404
    assert generate(api, job, num_questions=2, mode="boss").status_code == 400
    candidate = generate(api, job, num_questions=6, job_description="We need Rust.").json()
    assert candidate["mode"] == "candidate" and "listen_for" not in candidate["questions"][0]

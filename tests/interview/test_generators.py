"""The local generator on its own: personalisation, no repeats, grounded or guide answers, seniority tilt,
regeneration. The measured 24-resume and chat sets are in test_quality.py."""

import re
from collections import Counter

import pytest

from interview.generators import GeneratedQuestion, NotEnoughMaterial, generate_set, new_answer
from interview.generators.facts import facts_from_profile
from interview.generators.local import apportion, generate_local, plan_slots
from tests.interview.conftest import JUNIOR_PROFILE, PROFILE

SKILLS = {s for group in PROFILE["skills"].values() for s in group}
COMPANIES = {"Acme Cloud", "Globex"}


def local_set(profile=PROFILE, count=10, seed=7, **targets):
    return generate_local(facts_from_profile(profile, **targets), count=count, seed=seed)


def cites(text: str, terms: set[str]) -> set[str]:
    return {t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text)}


def test_apportion_sums_and_follows_weights():
    assert apportion(10, {"a": 0.5, "b": 0.3, "c": 0.2}) == {"a": 5, "b": 3, "c": 2}
    assert sum(apportion(7, {"a": 0.4, "b": 0.25, "c": 0.15, "d": 0.2}).values()) == 7


def test_set_has_requested_size_categories_and_difficulties():
    questions = local_set(count=10)
    assert len(questions) == 10
    assert {q.category for q in questions} == {
        "Technical",
        "Behavioral",
        "Situational",
        "Problem-Solving",
    }
    assert {q.difficulty for q in questions} <= {"Easy", "Medium", "Hard"}


@pytest.mark.parametrize("count", [1, 3, 25, 50])
def test_questions_never_repeat_within_a_set(count):
    questions = local_set(count=count, seed=count)
    texts = [q.question.lower() for q in questions]
    assert len(texts) == count and len(set(texts)) == count


def test_questions_draw_on_the_profile_and_target():
    questions = local_set(count=20, job_title="Principal Engineer", company="Umbrella Corp")
    text = " ".join(q.question for q in questions)
    assert len(cites(text, SKILLS)) >= 3
    assert cites(text, COMPANIES) == COMPANIES
    assert "Umbrella Corp" in text or "Principal Engineer" in text


def test_grounded_answers_are_first_person_and_only_the_resume_s_achievements():
    descriptions = " ".join(job["description"] for job in PROFILE["experience"])
    grounded = [q for q in local_set(count=12, seed=3) if q.context["answer_kind"] == "grounded"]
    assert grounded
    for q in grounded:
        assert q.answer.startswith("As ") and " I " in q.answer, q.answer
        cited = q.context["cited"]
        assert cited in descriptions and cited[1:] in q.answer, q.answer


def test_answers_never_cite_companies_or_skills_the_resume_lacks():
    foreign = {"Google", "Microsoft", "Rust", "Java", "Kafka"}
    for q in local_set(count=30, seed=11):
        assert not cites(q.answer, foreign), q.answer


def test_a_set_has_no_identical_answers_and_no_repeated_closing_line():
    for seed in range(4):
        answers = [q.answer for q in local_set(count=20, seed=seed)]
        assert len(set(answers)) == len(answers)
        last_sentences = Counter(re.split(r"(?<=[.!?])\s+", a.strip())[-1] for a in answers)
        repeated = [line for line, n in last_sentences.items() if n > 1 and not line.startswith("A strong answer")]
        assert not repeated, repeated


def test_guides_say_what_a_strong_answer_shows_and_invent_nothing():
    guides = [q for q in local_set(count=20, seed=5) if q.context["answer_kind"] == "guide"]
    assert guides
    for q in guides:
        assert q.answer.startswith("A strong answer would show ")
        assert not re.search(r"\d", q.answer), q.answer  # no numbers: nothing to invent


def test_difficulty_tilts_with_seniority():
    def hard_share(profile):
        counts = Counter(
            q.difficulty for seed in range(5) for q in local_set(profile, count=20, seed=seed)
        )
        return counts["Hard"] / sum(counts.values()), counts["Easy"] / sum(counts.values())

    senior_hard, senior_easy = hard_share(PROFILE)
    junior_hard, junior_easy = hard_share(JUNIOR_PROFILE)
    assert senior_hard > junior_hard + 0.15
    assert junior_easy > senior_easy + 0.15


def test_plan_for_a_lead_has_more_hard_than_easy():
    import random

    plan = plan_slots(10, "lead", random.Random(1))
    difficulties = Counter(d for _, d in plan)
    assert difficulties["Hard"] > difficulties["Easy"]


def test_same_seed_reproduces_and_new_seed_varies():
    first, again, other = local_set(seed=1), local_set(seed=1), local_set(seed=2)
    assert [(q.question, q.answer) for q in first] == [(q.question, q.answer) for q in again]
    assert [q.question for q in first] != [q.question for q in other]


def test_sparse_profile_still_yields_distinct_honest_questions():
    questions = local_set({}, count=10, seed=4)
    assert len({q.question for q in questions}) == 10
    for q in questions:
        assert "{" not in q.question and "{" not in q.answer


def test_sparse_profile_reports_when_it_runs_out():
    with pytest.raises(NotEnoughMaterial) as caught:
        local_set({}, count=50, seed=4)
    assert 10 <= caught.value.available < 50


def test_new_answer_is_another_achievement_or_says_none_differs(settings):
    settings.AI_BACKEND = "local"
    questions = generate_set(profile=PROFILE, job_title="", company="", count=10, seed=9).questions
    question = next(q for q in questions if q.context["answer_kind"] == "grounded")
    answers = [question.answer]
    for seed in range(4):
        result = new_answer(profile=PROFILE, question=question, previous=answers[::-1], job_title="",
                            company="", seed=seed)  # fmt: skip
        if result.unchanged:
            assert result.answer == answers[-1]
            break
        assert result.answer not in answers
        answers.append(result.answer)
    else:
        raise AssertionError("Jane Doe has three achievements: the fourth regeneration has none left")


def test_new_answer_for_a_question_without_context_uses_what_it_mentions(settings):
    settings.AI_BACKEND = "local"
    question = GeneratedQuestion("How did you use Django at Globex?", "Technical", "Medium", "", {})
    result = new_answer(profile=PROFILE, question=question, previous=[], job_title="", company="", seed=1)
    assert result.answer_kind == "grounded"
    assert "Developed Django APIs"[1:] in result.answer and "Globex" in result.answer
def test_malformed_profile_fields_do_not_break_generation():
    odd = {
        "skills": ["Go", 3, None],
        "experience": [None, "x", {"company": 5, "role": "Dev", "years": "abc"}],
        "education": "none",
        "total_years_experience": "lots",
        "strengths": None,
    }
    questions = local_set(odd, count=8, seed=2)
    assert len(questions) == 8


PARSED_STYLE = {
    "skills": {
        "Programming Languages": ["Go", "Python"],
        "Frameworks & Libraries": ["Django"],
        "Spoken Languages": ["English", "Spanish"],
        "Certifications": ["AWS Certified Solutions Architect"],
    },
    "experience": [
        {
            "company": "Northwind Analytics",
            "role": "Senior Software Engineer",
            "years": 7.8,
            "end_date": "Present",
            "description": "Led a team of six engineers building a platform on Kafka,\nPostgreSQL and Kubernetes.\n"
            "Designed an ingestion service in Go processing 40,000 events per\nsecond.\n"
            "- Introduced contract testing in CI",
        },
    ],
    "total_years_experience": 7.8,
}


def test_highlights_rejoin_wrapped_lines_and_split_bullets():
    from interview.generators.facts import highlights_of

    assert highlights_of(PARSED_STYLE["experience"][0]["description"]) == (
        "Led a team of six engineers building a platform on Kafka, PostgreSQL and Kubernetes",
        "Designed an ingestion service in Go processing 40,000 events per second",
        "Introduced contract testing in CI",
    )


def test_spoken_languages_and_certificates_are_not_tools_and_used_skills_come_first():
    facts = facts_from_profile(PARSED_STYLE)
    assert facts.skills == ["Go", "Python", "Django"]
    facts_used_first = facts_from_profile(
        {**PARSED_STYLE, "skills": {"Languages": ["Python", "Rust", "Go"]}}
    )
    assert facts_used_first.skills[0] == "Go"


def test_answer_cites_the_achievement_that_names_the_tool(settings):
    settings.AI_BACKEND = "local"
    question = GeneratedQuestion(
        "Walk me through how you used Go in your work at Northwind Analytics.", "Technical", "Medium", "",
        {"competency": "sw-depth", "tool": "Go", "company": "Northwind Analytics",
         "pattern": "Walk me through how you used {tool} in your work at {company}."},
    )  # fmt: skip
    for seed in range(5):
        result = new_answer(profile=PARSED_STYLE, question=question, previous=[], job_title="", company="", seed=seed)
        assert "I designed an ingestion service in Go processing 40,000 events per second" in result.answer
        assert result.answer.startswith("As Senior Software Engineer at Northwind Analytics")

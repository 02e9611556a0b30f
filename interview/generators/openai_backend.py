"""Question sets and answers from an OpenAI-compatible model: a versioned prompt, a JSON schema
checked by resume_analyzer.ai.llm.complete_json, and our own checks on top (count, duplicates,
lengths). Any failure surfaces as AIError."""

import json
from collections.abc import Mapping
from typing import Any

from analysis.profile import Profile
from interview.generators.bank import CATEGORIES, DIFFICULTIES
from interview.generators.types import GeneratedQuestion
from resume_analyzer.ai.errors import AIError
from resume_analyzer.ai.llm import LLMResult, complete_json

PROMPT_VERSION = "interview-openai-v1"
PROFILE_KEYS = (
    "personal_info",
    "skills",
    "experience",
    "education",
    "summary",
    "strengths",
    "total_years_experience",
    "job_recommendations",
)

SYSTEM = (
    "You prepare a candidate for job interviews. Write interview questions grounded in the "
    "candidate's resume profile and, for each, a suggested answer in the candidate's own voice "
    "(first person). Answers must cite only facts present in the profile (companies, roles, "
    "skills, years, education) and never invent employers, numbers or technologies. Behavioral "
    "answers follow STAR and are labelled 'Situation:', 'Task:', 'Action:', 'Result:'. Never "
    "repeat a question. Reply with JSON only."
)

QUESTION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["question", "category", "difficulty", "answer"],
    "properties": {
        "question": {"type": "string"},
        "category": {"type": "string", "enum": list(CATEGORIES)},
        "difficulty": {"type": "string", "enum": list(DIFFICULTIES)},
        "answer": {"type": "string"},
    },
}
SET_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["questions"],
    "properties": {"questions": {"type": "array", "items": QUESTION}},
}
ANSWER_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["answer"],
    "properties": {"answer": {"type": "string"}},
}


def _trimmed(value: Any, depth: int = 0) -> Any:
    """Bound the prompt: long strings cut, long lists shortened, deep nesting dropped."""
    if isinstance(value, str):
        return value[:1500]
    if isinstance(value, list) and depth < 4:
        return [_trimmed(item, depth + 1) for item in value[:30]]
    if isinstance(value, dict) and depth < 4:
        return {str(k)[:100]: _trimmed(v, depth + 1) for k, v in list(value.items())[:30]}
    return value if isinstance(value, int | float | bool) or value is None else None


def prompt_profile(profile: Profile | Mapping[str, Any]) -> dict:
    """The profile the prompt needs; contact details stay out (the answers never use them)."""
    profile = Profile.from_stored(profile)
    given = profile.model_dump(exclude_unset=True)  # what was stored, not padded with nulls
    facts = {key: _trimmed(given.get(key)) for key in PROFILE_KEYS}
    facts["personal_info"] = {"name": _trimmed(profile.personal_info.name)}
    return facts


def generate_openai(profile: Profile | Mapping[str, Any], *, job_title: str, company: str, plan: dict) -> LLMResult:
    """`plan` gives the wanted count per category and per difficulty (tilted by seniority)."""
    count = sum(plan["categories"].values())
    request = {
        "target_job_title": job_title or None,
        "target_company": company or None,
        "number_of_questions": count,
        "questions_per_category": plan["categories"],
        "questions_per_difficulty": plan["difficulties"],
        "profile": prompt_profile(profile),
    }
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": json.dumps(request, ensure_ascii=False)},
    ]
    result = complete_json(
        messages=messages, schema=SET_SCHEMA, schema_name="interview_questions", temperature=0.7
    )
    result.data = _checked_questions(result.data["questions"], count)
    return result


def _checked_questions(items: list[dict], count: int) -> list[GeneratedQuestion]:
    seen: set[str] = set()
    questions = []
    for item in items:
        text, answer = item["question"].strip()[:1000], item["answer"].strip()[:6000]
        if len(text) < 10 or len(answer) < 20 or text.lower() in seen:
            continue
        seen.add(text.lower())
        questions.append(GeneratedQuestion(text, item["category"], item["difficulty"], answer))
    if len(questions) < count:
        raise AIError(
            f"OpenAI API error: model returned {len(questions)} usable questions of {count}",
            permanent=True,
        )
    return questions[:count]


def answer_openai(
    profile: Profile | Mapping[str, Any], *, question: str, category: str, previous: str, job_title: str, company: str
) -> LLMResult:
    request = {
        "question": question,
        "category": category,
        "target_job_title": job_title or None,
        "target_company": company or None,
        "previous_answer_to_avoid": previous,
        "profile": prompt_profile(profile),
    }
    messages = [
        {
            "role": "system",
            "content": SYSTEM + " Write one new answer that differs clearly from the previous one.",
        },
        {"role": "user", "content": json.dumps(request, ensure_ascii=False)},
    ]
    result = complete_json(
        messages=messages, schema=ANSWER_SCHEMA, schema_name="interview_answer", temperature=0.9
    )
    answer = result.data["answer"].strip()[:6000]
    if len(answer) < 20 or answer == previous.strip():
        raise AIError("OpenAI API error: model returned an unusable answer", permanent=True)
    result.data = answer
    return result

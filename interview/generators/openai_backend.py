"""Question sets and answers from an OpenAI-compatible model: a versioned prompt, a JSON schema
checked by resume_analyzer.ai.llm.complete_json, and our own checks on top (count, duplicates,
lengths). Any failure surfaces as AIError."""

import json
from collections.abc import Mapping
from typing import Any

from analysis.profile import Profile
from interview.generators.local import CATEGORIES, DIFFICULTIES, GROUNDED, GUIDE, INTERVIEWER, MODES
from interview.generators.types import GeneratedQuestion
from resume_analyzer.ai.errors import AIError
from resume_analyzer.ai.llm import LLMResult, complete_json

PROMPT_VERSION = "interview-openai-v2"  # v2: use only these facts; grounded or guide; interviewer mode
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
    "You prepare a candidate for job interviews. Write interview questions a domain interviewer in "
    "the candidate's occupation family (given as occupation_family) would ask; technical questions "
    "are about that field's own practice, and never name a skill or tool of another field. For each "
    "question write a suggested answer in the candidate's own voice (first person). Use only these "
    "facts: the profile given (employers, roles, years, achievements as written, numbers as "
    "written); never invent an employer, event, outcome, number or technology. When the profile has "
    "no fact that answers a question, write a guide instead, starting 'A strong answer would show', "
    "and set answer_kind to 'guide'; otherwise answer_kind is 'grounded'. No two answers alike, no "
    "closing phrase repeated. Never repeat a question. Reply with JSON only."
)
INTERVIEWER_SYSTEM = (
    "You help a recruiter interview one candidate. Write the questions the recruiter should ask "
    "this candidate, for the candidate's occupation family (occupation_family), and for each: "
    "listen_for (what a good answer contains), follow_ups, and flags drawn from the resume only "
    "(gaps over six months, stays under a year, required skills the resume does not show). Use only "
    "these facts: the profile given; never invent anything about the candidate. Put a short "
    "'Listen for: ...' text in answer and set answer_kind to 'guide'. Reply with JSON only."
)

QUESTION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["question", "category", "difficulty", "answer", "answer_kind", "listen_for", "follow_ups", "flags"],
    "properties": {
        "question": {"type": "string"},
        "category": {"type": "string", "enum": list(CATEGORIES)},
        "difficulty": {"type": "string", "enum": list(DIFFICULTIES)},
        "answer": {"type": "string"},
        "answer_kind": {"type": "string", "enum": [GROUNDED, GUIDE]},
        "listen_for": {"type": "array", "items": {"type": "string"}},
        "follow_ups": {"type": "array", "items": {"type": "string"}},
        "flags": {"type": "array", "items": {"type": "string"}},
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
    "required": ["answer", "answer_kind"],
    "properties": {"answer": {"type": "string"}, "answer_kind": {"type": "string", "enum": [GROUNDED, GUIDE]}},
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


def generate_openai(profile: Profile | Mapping[str, Any], *, job_title: str, company: str, plan: dict,
                    mode: str = "candidate", family: str = "general", required: list[str] | None = None) -> LLMResult:  # fmt: skip
    """`plan` gives the wanted count per category and per difficulty (tilted by seniority)."""
    if mode not in MODES:
        raise AIError(f"unknown interview mode {mode!r}", permanent=True)
    count = sum(plan["categories"].values())
    request = {
        "occupation_family": family,
        "required_skills_of_the_job": list(required or []),
        "target_job_title": job_title or None,
        "target_company": company or None,
        "number_of_questions": count,
        "questions_per_category": plan["categories"],
        "questions_per_difficulty": plan["difficulties"],
        "profile": prompt_profile(profile),
    }
    messages = [
        {"role": "system", "content": INTERVIEWER_SYSTEM if mode == INTERVIEWER else SYSTEM},
        {"role": "user", "content": json.dumps(request, ensure_ascii=False)},
    ]
    result = complete_json(
        messages=messages, schema=SET_SCHEMA, schema_name="interview_questions", temperature=0.7
    )
    result.data = _checked_questions(result.data["questions"], count, mode=mode, family=family)
    return result


def _checked_questions(items: list[dict], count: int, *, mode: str = "candidate", family: str = "") -> list[GeneratedQuestion]:
    seen: set[str] = set()
    questions = []
    for item in items:
        text, answer = item["question"].strip()[:1000], item["answer"].strip()[:6000]
        if len(text) < 10 or len(answer) < 20 or text.lower() in seen:
            continue
        seen.add(text.lower())
        context = {"mode": mode, "family": family,
                   "answer_kind": GUIDE if mode == INTERVIEWER else item.get("answer_kind", GUIDE)}
        if mode == INTERVIEWER:
            context.update({key: [str(v)[:300] for v in item.get(key, [])][:6]
                            for key in ("listen_for", "follow_ups", "flags")})  # fmt: skip
        questions.append(GeneratedQuestion(text, item["category"], item["difficulty"], answer, context))
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
    result.data = (answer, result.data.get("answer_kind", GUIDE))
    return result

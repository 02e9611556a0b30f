"""Interview question generation behind two functions; the backend comes from settings.AI_BACKEND
(GENERATORS maps each backend name to its pair of functions).

`generate_set` returns a GenerationResult with `count` distinct questions for the candidate's
occupation family (interview/generators/families.py), in one of two modes: "candidate" (the
default: suggested answers, each `answer_kind` "grounded" in the resume's own facts or a "guide")
or "interviewer" (questions to ask, with what to listen for, follow-ups and flags). A job
description's text, when given, puts its required skills first. `new_answer` returns an
AnswerResult: a different grounded answer when the resume has one, else the guide's other
wording, else the current answer with `unchanged` set. Failures raise AIError (backend) or
NotEnoughMaterial (the local bank cannot fill that many distinct questions from this profile).
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from analysis.profile import Profile
from interview.generators.facts import Facts, facts_from_profile
from interview.generators.local import (
    CANDIDATE,
    CATEGORY_WEIGHTS,
    DIFFICULTY_WEIGHTS,
    MODES,
    apportion,
    generate_local,
    new_local_answer,
)
from interview.generators.types import GeneratedQuestion, NotEnoughMaterial
from resume_analyzer.ai.backends import LOCAL, OPENAI, pick

# interview/services.py passes the typed Profile; facts and the openai backend also take its dict form.
ProfileLike = Profile | Mapping[str, Any]

LOCAL_VERSION = "interview-local-v2"  # v2: occupation-family banks, grounded or guide answers
__all__ = [
    "GENERATORS",
    "MODES",
    "AnswerResult",
    "required_skills",
    "GeneratedQuestion",
    "GenerationResult",
    "NotEnoughMaterial",
    "generate_set",
    "new_answer",
]


@dataclass
class GenerationResult:
    questions: list[GeneratedQuestion]
    backend: str
    prompt_version: str
    usage: dict = field(default_factory=dict)


@dataclass
class AnswerResult:
    answer: str
    usage: dict = field(default_factory=dict)
    answer_kind: str = "guide"
    unchanged: bool = False  # no other grounded answer exists: the answer is the current one


def required_skills(job_description: str) -> list[str]:
    """The skills a job description names, in the taxonomy's spelling, in order of mention."""
    from analysis.parsing.skills import find_skills

    lines = [line for line in (job_description or "").splitlines() if line.strip()][:400]
    found = find_skills(lines, prose=True)
    return [skill.name for skill in found if not re.search(r"spoken|soft skill", skill.category, re.I)][:20]


@dataclass(frozen=True)
class Generator:
    """One backend's way to write a question set and to write a new answer to one question.

    Both get the facts and every input by keyword; a backend takes the ones it uses and leaves
    the rest in `**_unused` (the local one writes from the facts, openai from the profile)."""

    generate: Callable[..., GenerationResult]
    answer: Callable[..., tuple[str, dict]]


def generate_set(
    *, profile: ProfileLike, job_title: str, company: str, count: int, seed: int,
    mode: str = CANDIDATE, job_description: str = "",
) -> GenerationResult:  # fmt: skip
    required = required_skills(job_description)
    facts = facts_from_profile(profile, job_title=job_title, company=company, required=required)
    return pick(GENERATORS, "AI_BACKEND").generate(
        facts, profile=profile, job_title=job_title, company=company, count=count, seed=seed, mode=mode,
        required=required,
    )


def new_answer(
    *,
    profile: ProfileLike,
    question: GeneratedQuestion,
    previous: list[str],
    job_title: str,
    company: str,
    seed: int,
) -> AnswerResult:
    """A different answer for `question` (or the current one, `unchanged`) and what it cost."""
    facts = facts_from_profile(profile, job_title=job_title, company=company)
    return pick(GENERATORS, "AI_BACKEND").answer(
        facts,
        profile=profile,
        question=question,
        previous=previous,
        job_title=job_title,
        company=company,
        seed=seed,
    )


def _generate_local(facts: Facts, *, count: int, seed: int, mode: str = CANDIDATE, **_unused) -> GenerationResult:
    questions = generate_local(facts, count=count, seed=seed, mode=mode)
    return GenerationResult(questions, LOCAL, LOCAL_VERSION)


def _generate_openai(
    facts: Facts, *, profile: ProfileLike, job_title: str, company: str, count: int, seed: int,
    mode: str = CANDIDATE, required: list[str] | None = None, **_unused,
) -> GenerationResult:  # fmt: skip
    from interview.generators.openai_backend import PROMPT_VERSION, generate_openai

    plan = {
        "categories": apportion(count, CATEGORY_WEIGHTS),
        "difficulties": apportion(count, DIFFICULTY_WEIGHTS[facts.seniority]),
    }
    result = generate_openai(profile, job_title=job_title, company=company, plan=plan, mode=mode,
                             family=facts.bank.family, required=required or [])  # fmt: skip
    return GenerationResult(result.data, OPENAI, PROMPT_VERSION, result.usage)


def _answer_openai(
    facts: Facts, *, profile: ProfileLike, question: GeneratedQuestion, previous: list[str],
    job_title: str, company: str, **_unused,
) -> AnswerResult:  # fmt: skip
    from interview.generators.openai_backend import answer_openai

    result = answer_openai(
        profile,
        question=question.question,
        category=question.category,
        previous=previous[0] if previous else "",
        job_title=job_title,
        company=company,
    )
    answer, kind = result.data
    return AnswerResult(answer, result.usage, kind)


def _answer_local(
    facts: Facts, *, question: GeneratedQuestion, previous: list[str], seed: int, **_unused
) -> AnswerResult:
    answer, kind, unchanged = new_local_answer(facts, question, previous, seed)
    return AnswerResult(answer, {}, kind, unchanged)


GENERATORS: dict[str, Generator] = {
    LOCAL: Generator(generate=_generate_local, answer=_answer_local),
    OPENAI: Generator(generate=_generate_openai, answer=_answer_openai),
}

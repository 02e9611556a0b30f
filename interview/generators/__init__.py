"""Interview question generation behind two functions; the backend comes from settings.AI_BACKEND
(GENERATORS maps each backend name to its pair of functions).

`generate_set` returns a GenerationResult with `count` distinct questions; `new_answer` returns a
fresh answer that differs from every answer in `previous` (newest first) when it can, and always
from the current one. Failures raise AIError (backend) or NotEnoughMaterial
(the local bank cannot fill that many distinct questions from this profile).
"""

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from analysis.profile import Profile
from interview.generators.facts import Facts, facts_from_profile
from interview.generators.local import (
    CATEGORY_WEIGHTS,
    DIFFICULTY_WEIGHTS,
    apportion,
    compose_answer,
    generate_local,
    infer_context,
)
from interview.generators.types import GeneratedQuestion, NotEnoughMaterial
from resume_analyzer.ai.backends import LOCAL, OPENAI, pick
from resume_analyzer.ai.errors import AIError

# interview/services.py passes the typed Profile; facts and the openai backend also take its dict form.
ProfileLike = Profile | Mapping[str, Any]

LOCAL_VERSION = "interview-local-v1"
__all__ = [
    "GENERATORS",
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


@dataclass(frozen=True)
class Generator:
    """One backend's way to write a question set and to write a new answer to one question.

    Both get the facts and every input by keyword; a backend takes the ones it uses and leaves
    the rest in `**_unused` (the local one writes from the facts, openai from the profile)."""

    generate: Callable[..., GenerationResult]
    answer: Callable[..., tuple[str, dict]]


def generate_set(
    *, profile: ProfileLike, job_title: str, company: str, count: int, seed: int
) -> GenerationResult:
    facts = facts_from_profile(profile, job_title=job_title, company=company)
    return pick(GENERATORS, "AI_BACKEND").generate(
        facts, profile=profile, job_title=job_title, company=company, count=count, seed=seed
    )


def new_answer(
    *,
    profile: ProfileLike,
    question: GeneratedQuestion,
    previous: list[str],
    job_title: str,
    company: str,
    seed: int,
) -> tuple[str, dict]:
    """A different answer for `question` and the token usage it cost."""
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


def _generate_local(facts: Facts, *, count: int, seed: int, **_unused) -> GenerationResult:
    questions = generate_local(facts, count=count, seed=seed)
    return GenerationResult(questions, LOCAL, LOCAL_VERSION)


def _generate_openai(
    facts: Facts, *, profile: ProfileLike, job_title: str, company: str, count: int, seed: int
) -> GenerationResult:
    from interview.generators.openai_backend import PROMPT_VERSION, generate_openai

    plan = {
        "categories": apportion(count, CATEGORY_WEIGHTS),
        "difficulties": apportion(count, DIFFICULTY_WEIGHTS[facts.seniority]),
    }
    result = generate_openai(profile, job_title=job_title, company=company, plan=plan)
    return GenerationResult(result.data, OPENAI, PROMPT_VERSION, result.usage)


def _answer_openai(
    facts: Facts, *, profile: ProfileLike, question: GeneratedQuestion, previous: list[str],
    job_title: str, company: str, **_unused,
) -> tuple[str, dict]:  # fmt: skip
    from interview.generators.openai_backend import answer_openai

    result = answer_openai(
        profile,
        question=question.question,
        category=question.category,
        previous=previous[0] if previous else "",
        job_title=job_title,
        company=company,
    )
    return result.data, result.usage


def _answer_local(
    facts: Facts, *, question: GeneratedQuestion, previous: list[str], seed: int, **_unused
) -> tuple[str, dict]:
    context = question.context or infer_context(facts, question.question, question.category)
    rng = random.Random(seed)
    current = previous[:1]
    for attempt in range(24):  # the phrase space is large: a repeat is rare, two in a row rarer
        answer = compose_answer(
            facts, category=question.category, context=context, seed=rng.getrandbits(64)
        )
        if answer not in (previous if attempt < 12 else current):
            return answer, {}
    raise AIError("could not produce a different answer", permanent=False)


GENERATORS: dict[str, Generator] = {
    LOCAL: Generator(generate=_generate_local, answer=_answer_local),
    OPENAI: Generator(generate=_generate_openai, answer=_answer_openai),
}

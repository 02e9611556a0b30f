"""Interview workflows: generate a stored question set, regenerate an answer, save to and delete
from the library. Every function starts from the caller's own scope; another user's job or
question is reported exactly like a missing one.

Addressing a question: (job_id, question_id "qN") means question N of the job's *latest*
generation, unless `generation_id` names an older one. When the caller also sends the question's
text, the newest generation of that job whose qN has that text is used, so a client holding an
older set still reaches the question it shows.
"""

import re
import secrets
from collections import Counter
from collections.abc import Iterable
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from analysis.models import AnalysisJob
from analysis.selectors import api_refusals, completed_job_with_profile, job_not_found
from interview import generators
from interview.models import (
    GeneratedQuestion,
    QuestionGeneration,
    SavedQuestion,
    question_fingerprint,
)
from resume_analyzer.errors import Conflict, NotFound

MAX_TAGS = 20
ANSWER_HISTORY = 5  # a regenerated answer also avoids this many earlier ones
MAX_ID = (
    2**63 - 1
)  # URL ids beyond a bigint would make PostgreSQL raise instead of matching nothing


REFUSALS = api_refusals(needs="Interview questions need a completed analysis", name_job_id=False)


class QuestionAlreadySaved(Conflict):
    def __init__(self) -> None:
        super().__init__("Question already saved", "This question is already in your library")


def completed_job(*, user, job_id: UUID | str) -> AnalysisJob:
    """The user's completed job, its profile at `job.profile`."""
    return completed_job_with_profile(user=user, job_id=job_id, refusals=REFUSALS)


def generation_create(
    *, user, job_id: UUID | str, job_title: str = "", company: str = "", num_questions: int = 10,
    mode: str = "candidate", job_description: str = "", opening_id: int | None = None,
) -> QuestionGeneration:  # fmt: skip
    """Generate and store a set; raises an ApplicationError or resume_analyzer.ai.AIError.
    `mode` "candidate" (suggested answers) or "interviewer" (questions to ask, what to listen
    for, follow-ups, flags); a job description's required skills are asked about first. The
    profile read is the job's current version, so a correction shows in the next set."""
    job = completed_job(user=user, job_id=job_id)
    if opening_id is not None:  # an opening of the recruiter's (analysis/matching): its text and skills
        from analysis.matching.selectors import opening_for_owner

        opening = opening_for_owner(user=user, opening_id=opening_id)  # another's: 404 like a missing one
        skills = (opening.requirements or {}).get("required_skills") or []
        job_description = "\n".join(filter(None, [job_description, opening.description, ", ".join(map(str, skills))]))
        job_title = job_title or opening.title[:200]
    profile = job.profile
    seed = secrets.randbits(63)
    result = generators.generate_set(  # NotEnoughMaterial is a Rejected with the seed's body
        profile=profile.data,
        job_title=job_title,
        company=company,
        count=num_questions,
        seed=seed,
        mode=mode,
        job_description=job_description,
    )
    if job_description.strip():
        for question in result.questions:
            question.context = {**question.context, "job_description": True}
    with transaction.atomic():
        generation = QuestionGeneration.objects.create(
            job=job,
            owner=user,
            job_title=job_title,
            company=company,
            num_questions=num_questions,
            backend=result.backend,
            prompt_version=result.prompt_version,
            seed=seed,
            token_usage=result.usage,
        )
        GeneratedQuestion.objects.bulk_create(
            GeneratedQuestion(
                generation=generation,
                position=index,
                question=q.question,
                category=q.category,
                difficulty=q.difficulty,
                answer=q.answer,
                context=q.context,
            )
            for index, q in enumerate(result.questions, start=1)
        )
    return generation


def latest_generation(*, user, job: AnalysisJob) -> QuestionGeneration | None:
    return generation_for(user=user, job=job)


def generation_for(
    *, user, job: AnalysisJob, generation_id: int | None = None
) -> QuestionGeneration | None:
    """The job's set with this id, or its latest set; None when there is none (or not the user's)."""
    sets = QuestionGeneration.objects.for_owner(user).filter(job=job).prefetch_related("questions")
    if generation_id is not None:
        sets = sets.filter(pk=generation_id if generation_id <= MAX_ID else 0)
    return sets.first()


def generation_history(*, user, job: AnalysisJob, limit: int = 10) -> list[QuestionGeneration]:
    return list(QuestionGeneration.objects.for_owner(user).filter(job=job)[:limit])


def question_position(question_id: str) -> int | None:
    match = re.fullmatch(r"q([1-9]\d{0,2})", question_id or "")
    return int(match.group(1)) if match else None


def question_find(
    *,
    user,
    job_id: UUID | str,
    question_id: str,
    question_text: str = "",
    generation_id: int | None = None,
) -> GeneratedQuestion:
    if not AnalysisJob.objects.for_owner(user).filter(pk=job_id).exists():
        raise job_not_found()
    candidates = (
        GeneratedQuestion.objects.filter(
            generation__owner=user,
            generation__job_id=job_id,
            position=question_position(question_id) or 0,
        )
        .select_related("generation")
        .order_by("-generation__generated_at", "-generation_id")
    )
    if generation_id is not None:
        candidates = candidates.filter(
            generation_id=generation_id if generation_id <= MAX_ID else 0
        )
    if question_text:
        wanted = question_fingerprint(question_text)
        found = next(
            (q for q in candidates[:50] if question_fingerprint(q.question) == wanted), None
        )
    else:
        found = candidates.first()
    if found is None:
        raise NotFound("Question not found", "No generated question with this id for this job")
    return found


def question_regenerate_answer(*, question: GeneratedQuestion, user) -> GeneratedQuestion:
    """Replace the question's current answer with a different one; raises AIError on backend failure."""
    generation = question.generation
    profile = completed_job(user=user, job_id=generation.job_id).profile
    draft = generators.GeneratedQuestion(
        question.question, question.category, question.difficulty, question.answer, question.context
    )
    result = generators.new_answer(
        profile=profile.data,
        question=draft,
        previous=[question.answer, *question.answer_history],
        job_title=generation.job_title,
        company=generation.company,
        seed=secrets.randbits(63),
    )
    question.unchanged = result.unchanged or result.answer == question.answer
    if question.unchanged:  # nothing else in the resume answers it: say so, keep the answer
        return question
    question.answer_history = [question.answer, *question.answer_history][:ANSWER_HISTORY]
    question.answer = result.answer
    question.context = {**(question.context or {}), "answer_kind": result.answer_kind}
    question.answer_revision += 1
    question.answer_updated_at = timezone.now()
    question.save(
        update_fields=["answer", "answer_history", "answer_revision", "answer_updated_at", "context"]
    )
    return question


def normalise_tags(raw: Iterable[str] | str) -> list[str]:
    """Lower-case, trimmed, unique tags; a string is split on commas."""
    items = raw.split(",") if isinstance(raw, str) else raw
    tags: list[str] = []
    for item in items:
        tag = re.sub(r"\s+", "-", str(item).strip().lower())[:40]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:MAX_TAGS]


def saved_question_create(
    *,
    user,
    question: GeneratedQuestion,
    answer: str = "",
    tags: Iterable[str] = (),
    job_title: str = "",
    company: str = "",
) -> SavedQuestion:
    """Save a generated question (with the caller's answer, or its current one) to the library."""
    fingerprint = question_fingerprint(question.question)
    if SavedQuestion.objects.for_owner(user).filter(fingerprint=fingerprint).exists():
        raise QuestionAlreadySaved()
    generation = question.generation
    try:
        with transaction.atomic():
            return SavedQuestion.objects.create(
                owner=user,
                job_id=generation.job_id,
                source=question,
                question_id=question.key,
                question=question.question,
                fingerprint=fingerprint,
                answer=answer.strip() or question.answer,
                category=question.category,
                difficulty=question.difficulty,
                tags=normalise_tags(tags),
                job_title=job_title or generation.job_title,
                company=company or generation.company,
            )
    except IntegrityError as exc:  # a concurrent save of the same question won
        raise QuestionAlreadySaved() from exc


def saved_question_delete(*, user, saved_id: int) -> None:
    deleted = 0
    if saved_id <= MAX_ID:
        deleted, _ = SavedQuestion.objects.for_owner(user).filter(pk=saved_id).delete()
    if not deleted:
        raise NotFound("Question not found", "No saved question with this id in your library")


def library(
    *, user, category: str = "", difficulty: str = "", tags: Iterable[str] = ()
) -> QuerySet[SavedQuestion]:
    """The user's saved questions, newest first; a question matches when it has any of `tags`."""
    queryset = SavedQuestion.objects.for_owner(user)
    if category:
        queryset = queryset.filter(category=category)
    if difficulty:
        queryset = queryset.filter(difficulty=difficulty)
    if tags:
        queryset = queryset.filter(tags__overlap=list(tags))
    return queryset


def library_tags(*, user) -> list[tuple[str, int]]:
    counts = Counter(
        tag
        for tags in SavedQuestion.objects.for_owner(user).values_list("tags", flat=True)
        for tag in tags
    )
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

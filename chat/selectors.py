"""Reads for the chat: conversation context, history and similarity search over a resume.

Similarity queries order by the similarity expression, not the raw cosine distance, on purpose:
an HNSW index scan picks its approximate top-k over all rows and filters by profile/job only
afterwards, so it can miss this resume's rows entirely. Ordering by `1 - distance` keeps Postgres
on the exact path (the foreign-key filter, then a sort over a few dozen rows).
"""

from dataclasses import dataclass

from django.db.models import F, FloatField, QuerySet
from django.db.models.expressions import ExpressionWrapper
from django.db.models.functions import Coalesce
from pgvector.django import CosineDistance

from analysis.models import AnalysisJob, JobStatus, QAPair, ResumeChunk, UserProfile
from chat.models import ChatMessage

HISTORY_LIMIT = 50


@dataclass(frozen=True)
class QAMatch:
    question: str
    answer: str
    similarity: float


@dataclass(frozen=True)
class Passage:
    index: int
    section: str
    text: str
    similarity: float


def _similarity(vector: list[float]) -> ExpressionWrapper:
    return ExpressionWrapper(1 - CosineDistance("embedding", vector), output_field=FloatField())


def chat_jobs(user) -> QuerySet[AnalysisJob]:
    """The user's analyses that can be discussed: completed and with a profile, newest first."""
    return (
        AnalysisJob.objects.for_owner(user)
        .filter(status=JobStatus.COMPLETED, profile__isnull=False)
        .order_by(Coalesce("completed_at", "created_at").desc(), "-created_at")
    )


def qa_best_match(*, profile: UserProfile, vector: list[float]) -> QAMatch | None:
    row = (
        QAPair.objects.filter(profile=profile, embedding__isnull=False)
        .annotate(similarity=_similarity(vector))
        .order_by(F("similarity").desc(nulls_last=True))
        .values("question", "answer", "similarity")
        .first()
    )
    return QAMatch(**row) if row else None


def passages_similar(*, job: AnalysisJob, vector: list[float], limit: int = 3) -> list[Passage]:
    rows = (
        ResumeChunk.objects.filter(job=job, embedding__isnull=False)
        .annotate(similarity=_similarity(vector))
        .order_by(F("similarity").desc(nulls_last=True))
        .values("index", "section", "text", "similarity")[:limit]
    )
    return [Passage(**row) for row in rows]


def history_list(*, user, job: AnalysisJob, limit: int = HISTORY_LIMIT) -> list[ChatMessage]:
    """The latest `limit` messages of the user's conversation about `job`, oldest first."""
    latest = ChatMessage.objects.for_owner(user).filter(job=job).order_by("-created_at", "-id")[:limit]
    return list(reversed(latest))

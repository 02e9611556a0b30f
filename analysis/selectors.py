"""Reads of the analysis app, always from the user's scope: another user's rows do not exist."""

import uuid

from django.db.models import OuterRef, QuerySet, Subquery

from analysis.models import AnalysisJob, UserProfile
from uploads.models import Upload

BIGINT_MAX = 2**63 - 1  # the largest id PostgreSQL's bigint holds


def parse_positive_id(value: object) -> int | None:
    """A positive integer id (one a bigint primary key can hold) from a query string, else None."""
    text = str(value or "").strip()
    # ASCII digits only: str.isdigit() also accepts "²" and "①", which int() refuses.
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= BIGINT_MAX else None


parse_upload_id = parse_positive_id


def parse_job_id(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value or "").strip()) if value else None
    except ValueError:
        return None


def upload_for_owner(*, user, upload_id: int) -> Upload | None:
    return Upload.objects.for_owner(user).filter(id=upload_id).first()


def job_for_owner(*, user, job_id: uuid.UUID) -> AnalysisJob | None:
    return AnalysisJob.objects.for_owner(user).select_related("upload").filter(id=job_id).first()


def jobs_for_upload(*, upload: Upload) -> list[AnalysisJob]:
    """Newest first."""
    return list(AnalysisJob.objects.filter(upload=upload).order_by("-created_at", "-id"))


def profile_for_job(*, job: AnalysisJob) -> UserProfile | None:
    return UserProfile.objects.filter(job=job).first()


def uploads_with_latest_job(user) -> QuerySet[Upload]:
    """The user's uploads, newest first, each annotated with its latest analysis job (one query)."""
    latest = AnalysisJob.objects.filter(upload=OuterRef("pk")).order_by("-created_at")
    return Upload.objects.for_owner(user).annotate(
        latest_status=Subquery(latest.values("status")[:1]),
        latest_progress=Subquery(latest.values("progress")[:1]),
    )

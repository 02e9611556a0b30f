"""Reads of the analysis app, always from the user's scope: another user's rows do not exist."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.fields.json import KT

from analysis.models import AnalysisJob, JobStatus, UserProfile
from resume_analyzer.errors import ApplicationError, NotFound, NotReady
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
    """The user's uploads, newest first, each annotated with its latest analysis job and the
    candidate's name from its latest completed profile, corrections included (one query)."""
    latest = AnalysisJob.objects.filter(upload=OuterRef("pk")).order_by("-created_at")
    profiles = UserProfile.objects.filter(job__upload=OuterRef("pk"), job__status=JobStatus.COMPLETED)
    names = profiles.order_by("-job__created_at").annotate(name=KT("personal_info__name")).values("name")
    return Upload.objects.for_owner(user).annotate(
        latest_status=Subquery(latest.values("status")[:1]),
        latest_progress=Subquery(latest.values("progress")[:1]),
        candidate_name=Subquery(names[:1]),
    )


# --- the owner's completed job with its profile ---------------------------------------------------


class JobNotFound(NotFound):
    """No such job in the user's scope: missing, another user's, or deleted meanwhile."""


class JobNotCompleted(NotReady):
    pass


class ProfileNotFound(NotFound):
    pass


JOB_NOT_FOUND = ("Job not found", "No analysis job with this id")


def job_not_found(job_id: uuid.UUID | None = None) -> JobNotFound:
    """The seed's refusal for a job that is not the user's; the job and export endpoints name the
    id in the body, interview's do not."""
    extra = {} if job_id is None else {"job_id": str(job_id)}
    return JobNotFound(*JOB_NOT_FOUND, **extra)


@dataclass(frozen=True)
class Refusals:
    """How a caller of `completed_job_with_profile` words its refusals. The checks are the same
    everywhere; the seed's words are not (each endpoint says why it needs a completed analysis,
    the export names the job id, the chat socket has titles of its own)."""

    not_found: Callable[[uuid.UUID], ApplicationError]
    not_completed: Callable[[AnalysisJob], ApplicationError]
    no_profile: Callable[[AnalysisJob], ApplicationError]


def api_refusals(*, needs: str, name_job_id: bool) -> Refusals:
    """The API's refusals; `needs` is the endpoint's message for an analysis not yet completed."""
    return Refusals(
        not_found=lambda job_id: job_not_found(job_id if name_job_id else None),
        not_completed=lambda job: JobNotCompleted(
            "Analysis not yet completed", needs, current_status=job.status, progress=job.progress
        ),
        no_profile=lambda job: ProfileNotFound("Profile not found", "No analysis results available for this job"),
    )


def completed_job_with_profile(
    *, user, job_id: uuid.UUID, refusals: Refusals, jobs: QuerySet[AnalysisJob] | None = None
) -> AnalysisJob:
    """The user's completed job with its profile loaded (`job.profile`), in one query; else raises
    what `refusals` says. `jobs` shapes what is loaded (fewer columns, the export's kept file)."""
    jobs = AnalysisJob.objects.all() if jobs is None else jobs
    job = jobs.for_owner(user).select_related("profile").filter(pk=job_id).first()
    if job is None:
        raise refusals.not_found(job_id)
    if job.status != JobStatus.COMPLETED:
        raise refusals.not_completed(job)
    if getattr(job, "profile", None) is None:  # a reverse one-to-one raises when there is none
        raise refusals.no_profile(job)
    return job

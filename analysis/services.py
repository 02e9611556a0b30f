"""Every write of the analysis app: starting, running, retrying, deleting and reaping jobs.

A job runs in stages (extract → chunk → embed → analyse); each stage replaces its own output, so
a retried or redelivered job simply runs again. Progress is written in autocommit as it happens
so pollers see it, and pushed to the owner's sockets after commit.
"""

import logging
import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from analysis.documents import hidden as hidden_text
from analysis.documents import injection
from analysis.documents.chunking import chunk_text
from analysis.documents.extraction import Extracted, ExtractionError, extract_document
from analysis.documents.ocr import ocr_document
from analysis.isolation import run_isolated
from analysis.models import (
    RUNNING_STATUSES,
    STAGE_PROGRESS,
    STAGE_STEP,
    AnalysisJob,
    JobStatus,
    ResumeChunk,
    UserProfile,
    VersionSource,
)
from analysis.parsing.evidence import with_pages
from analysis.profile import Profile, describe
from analysis.profile import ValidationError as ProfileValidationError
from analysis.profile_edits import corrections_carry, version_record
from analysis.qa_bank import qa_bank_build
from analysis.selectors import JOB_NOT_FOUND, JobNotFound
from resume_analyzer.ai.embeddings import embed_texts
from resume_analyzer.ai.errors import AIError
from resume_analyzer.errors import NotReady
from resume_analyzer.processes import process_start_ticks

logger = logging.getLogger(__name__)



class JobNotStartable(NotReady):
    """The job cannot go the asked way (e.g. retrying a completed job); message says why."""


class JobGone(JobNotFound):
    """The job was deleted meanwhile (e.g. by a concurrent request)."""


class JobLost(Exception):
    """The running job was deleted or taken over by another worker; stop quietly."""


def _publish(job_id: uuid.UUID | str, owner_id: int, status: str, progress: int) -> None:
    """Announce the change once it is committed (the chat pushes it to the owner's tabs)."""
    from analysis.signals import job_changed

    transaction.on_commit(
        lambda: job_changed.send(
            sender=AnalysisJob, job_id=str(job_id), owner_id=owner_id, status=str(status), progress=int(progress)
        )
    )


def _enqueue(job_id: uuid.UUID) -> None:
    """Queue the worker task once the job row is committed (a worker must never miss it)."""
    from django_q.tasks import async_task

    transaction.on_commit(
        lambda: async_task(
            "analysis.tasks.analysis_job_run", str(job_id), task_name=f"analysis-{job_id}"
        )
    )


# --- starting, retrying, deleting ----------------------------------------------------------------


def job_start(*, upload) -> AnalysisJob:
    with transaction.atomic():
        job = AnalysisJob.objects.create(upload=upload, owner=upload.owner)
        _enqueue(job.id)
        _publish(job.id, job.owner_id, job.status, job.progress)
    return job


def job_retry(*, job: AnalysisJob) -> AnalysisJob:
    """Reset a failed job (dropping its partial output) and run it again from the stored file.
    Raises JobNotStartable (job.status then holds the current status) or JobGone."""
    reset = {**_reset_fields(), "attempts": 0}
    with transaction.atomic():
        updated = AnalysisJob.objects.filter(id=job.id, status=JobStatus.FAILED).update(**reset)
        if not updated:
            _status_now_or_gone(job)  # refused, or deleted meanwhile by a concurrent request
            raise JobNotStartable(
                "Cannot retry job", f"only failed jobs can be retried, current status: {job.status}"
            )
        _drop_outputs(job.id)
        _enqueue(job.id)
        _publish(job.id, job.owner_id, JobStatus.QUEUED, 0)
    for field, value in reset.items():  # what the row now holds; it may already be moving on
        setattr(job, field, value)
    return job


def job_delete(*, job: AnalysisJob) -> None:
    """Delete a finished job with its profile, Q&A bank and chunks (running jobs are refused).
    Raises JobNotStartable (job.status then holds the current status) or JobGone."""
    deleted, _ = AnalysisJob.objects.filter(
        id=job.id, status__in=[JobStatus.COMPLETED, JobStatus.FAILED]
    ).delete()
    if not deleted:
        _status_now_or_gone(job)  # refused, or deleted meanwhile by a concurrent request
        raise JobNotStartable(
            "Cannot delete job", "Only completed or failed jobs can be deleted", current_status=job.status
        )


def _status_now_or_gone(job: AnalysisJob) -> None:
    """Put the row's current status on `job` (not the one the caller loaded); JobGone if the row
    no longer exists."""
    job.status = AnalysisJob.objects.filter(id=job.id).values_list("status", flat=True).first()
    if job.status is None:
        raise JobGone(*JOB_NOT_FOUND, job_id=str(job.id))


def _reset_fields() -> dict:
    return {
        "status": JobStatus.QUEUED,
        "progress": 0,
        "current_step": STAGE_STEP[JobStatus.QUEUED],
        "error_message": None,
        "completed_at": None,
        "started_at": None,
        "heartbeat_at": None,
        "worker": "",
    }


def _drop_outputs(job_id: uuid.UUID) -> None:
    UserProfile.objects.filter(job_id=job_id).delete()  # cascades to the Q&A bank
    ResumeChunk.objects.filter(job_id=job_id).delete()


# --- progress ------------------------------------------------------------------------------------


def job_progress_set(*, job_id: uuid.UUID | str, status: str, worker: str = "") -> None:
    """The one progress updater: status, the stage's progress and step, heartbeat; then notify.

    With `worker`, only that worker's claim is updated; if the job is gone or was taken over,
    JobLost stops the caller.
    """
    rows = AnalysisJob.objects.filter(id=job_id)
    if worker:
        rows = rows.filter(worker=worker)
    fields = {"status": status, "heartbeat_at": timezone.now()}
    if status in STAGE_PROGRESS:
        fields["progress"] = STAGE_PROGRESS[status]
        fields["current_step"] = STAGE_STEP[status]
    if status == JobStatus.COMPLETED:
        fields["completed_at"] = timezone.now()
    if not rows.update(**fields):
        raise JobLost(str(job_id))
    job = AnalysisJob.objects.values("owner_id", "progress").get(id=job_id)
    _publish(job_id, job["owner_id"], status, job["progress"])


def job_fail(*, job_id: uuid.UUID | str, message: str, worker: str = "") -> None:
    """End the job as failed with a readable message, keeping the progress it had reached."""
    rows = AnalysisJob.objects.filter(id=job_id).exclude(status=JobStatus.COMPLETED)
    if worker:
        rows = rows.filter(worker=worker)
    now = timezone.now()
    if rows.update(
        status=JobStatus.FAILED, error_message=message[:2000], completed_at=now, heartbeat_at=now
    ):
        job = AnalysisJob.objects.values("owner_id", "progress").get(id=job_id)
        _publish(job_id, job["owner_id"], JobStatus.FAILED, job["progress"])


def job_heartbeat(*, job_id: uuid.UUID | str, worker: str) -> bool:
    """Mark the job as alive; False when the claim is gone."""
    return bool(
        AnalysisJob.objects.filter(id=job_id, worker=worker).update(heartbeat_at=timezone.now())
    )


# --- running -------------------------------------------------------------------------------------


def worker_identity() -> str:
    """host:pid:start:run — the process's start time (clock ticks since boot) makes the PID name
    this process only, even once the PID is reused; the run token tells this run of the job from
    an earlier one in the same process."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{process_start_ticks(pid) or 0}:{uuid.uuid4().hex[:8]}"


def job_claim(*, job_id: uuid.UUID | str, worker: str) -> bool:
    """Take a queued job for this worker; two workers never both succeed (conditional update)."""
    now = timezone.now()
    return bool(
        AnalysisJob.objects.filter(id=job_id, status=JobStatus.QUEUED).update(
            status=JobStatus.EXTRACTING_TEXT,
            progress=STAGE_PROGRESS[JobStatus.EXTRACTING_TEXT],
            current_step=STAGE_STEP[JobStatus.EXTRACTING_TEXT],
            started_at=now,
            heartbeat_at=now,
            worker=worker,
            attempts=F("attempts") + 1,
        )
    )


def job_run(*, job_id: uuid.UUID | str, worker: str) -> None:
    """Run the claimed job through every stage; any failure ends it `failed` with a message."""
    job = AnalysisJob.objects.select_related("upload").get(id=job_id)
    owner_id = job.owner_id
    _publish(job.id, owner_id, JobStatus.EXTRACTING_TEXT, STAGE_PROGRESS[JobStatus.EXTRACTING_TEXT])
    try:
        text = stage_extract(job=job)
        if job.extraction.needs_ocr:  # scanned pages: the `ocr` stage reads them
            job_progress_set(job_id=job.id, status=JobStatus.OCR, worker=worker)
            text = stage_ocr(job=job)
        job_progress_set(job_id=job.id, status=JobStatus.CHUNKING, worker=worker)
        stage_chunk(job=job, text=text)
        job_progress_set(job_id=job.id, status=JobStatus.GENERATING_EMBEDDINGS, worker=worker)
        stage_embed(job=job)
        job_progress_set(job_id=job.id, status=JobStatus.ANALYZING, worker=worker)
        stage_analyze(job=job, text=text)
        job_progress_set(job_id=job.id, status=JobStatus.COMPLETED, worker=worker)
    except JobLost:
        logger.warning("job %s was deleted or taken over while running", job_id)
    except StageError as exc:
        job_fail(job_id=job.id, message=str(exc), worker=worker)
    except (OperationalError, InterfaceError):
        raise  # the database went away: not the job's fault; the task requeues it (analysis.tasks)
    except Exception:  # a bug must still end the job cleanly, never leave it running
        logger.exception("job %s crashed", job_id)
        job_fail(job_id=job.id, message="Analysis failed: unexpected internal error", worker=worker)


class StageError(Exception):
    """A stage failed for a reason the user should read (bad file, provider error)."""


def stage_extract(*, job: AnalysisJob) -> str:
    try:
        with _local_copy(job.upload.file) as path:
            # In a child process under a hard time and memory limit (analysis/isolation.py).
            extracted = run_isolated(
                extract_document,
                path,
                kind=job.upload.kind,
                max_pages=settings.EXTRACTION_MAX_PAGES,
                time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS,
                allow_scanned=True,
                wall_seconds=settings.EXTRACTION_TIME_LIMIT_SECONDS,
                memory_mb=settings.EXTRACTION_MEMORY_LIMIT_MB,
            )
    except ExtractionError as exc:
        raise StageError(f"Text extraction failed: {exc.message}") from exc
    except (FileNotFoundError, ValueError) as exc:
        raise StageError(
            "Text extraction failed: the uploaded file is missing from storage"
        ) from exc
    return _extraction_record(job, extracted)


def stage_ocr(*, job: AnalysisJob) -> str:
    """Read the scanned pages stage_extract found (job.extraction.needs_ocr) with OCR."""
    try:
        with _local_copy(job.upload.file) as path:
            extracted = ocr_document(
                path, job.extraction, dpi=settings.OCR_DPI, time_limit=settings.OCR_TIME_LIMIT_SECONDS
            )
    except ExtractionError as exc:
        raise StageError(f"OCR failed: {exc.message}") from exc
    except (FileNotFoundError, ValueError) as exc:
        raise StageError("OCR failed: the uploaded file is missing from storage") from exc
    return _extraction_record(job, extracted)


def _extraction_record(job: AnalysisJob, extracted: Extracted) -> str:
    """Store what was read: the visible text and its pages, the hidden text (for audit) and the
    document's warnings; `job.extraction` keeps the whole reading for the next stage."""
    warnings = document_warnings(extracted)
    AnalysisJob.objects.filter(id=job.id).update(
        extracted_text=extracted.text,
        page_starts=extracted.page_starts,
        hidden_text=hidden_text.audit_text(extracted.hidden),
        warnings=warnings,
    )
    job.page_starts = extracted.page_starts
    job.warnings = warnings
    job.extraction = extracted
    return extracted.text


def document_warnings(extracted: Extracted) -> list[dict]:
    """What a recruiter should know about the file: text hidden from readers, lines addressed
    to an AI (in the visible and the hidden text alike), pages read by OCR."""
    warnings = []
    hidden = hidden_text.summary(extracted.hidden)
    if hidden:
        warnings.append(hidden)
    searched = "\n".join([extracted.text, *(item.text for item in extracted.hidden)])
    injected = injection.summary(injection.find_injections(searched))
    if injected:
        warnings.append(injected)
    if extracted.ocr_pages and not extracted.needs_ocr:
        pages = [index + 1 for index in extracted.ocr_pages]
        warnings.append({
            "kind": "ocr",
            "count": len(pages),
            "sample": "",
            "pages": pages,
            "message": (
                f"{len(pages)} scanned {'page' if len(pages) == 1 else 'pages'} read by OCR "
                f"({'page' if len(pages) == 1 else 'pages'} {', '.join(map(str, pages))}): check names, "
                "numbers and dates against the file"
            ),
        })
    return warnings


@contextmanager
def _local_copy(field_file) -> Iterator[str]:
    """A filesystem path for the stored file; remote storages (S3 …) are copied to a temp file."""
    try:
        path = field_file.path
    except NotImplementedError:
        path = None
    if path:
        yield path
        return
    with tempfile.NamedTemporaryFile(suffix=Path(field_file.name).suffix) as handle:
        with field_file.open("rb") as source:
            shutil.copyfileobj(source, handle)
        handle.flush()
        yield handle.name


def stage_chunk(*, job: AnalysisJob, text: str) -> None:
    chunks = chunk_text(text)
    with transaction.atomic():
        ResumeChunk.objects.filter(job=job).delete()
        ResumeChunk.objects.bulk_create(
            ResumeChunk(job=job, index=chunk.index, section=chunk.section[:100], text=chunk.text)
            for chunk in chunks
        )


def stage_embed(*, job: AnalysisJob) -> None:
    from analysis.documents.chunking import Chunk

    chunks = list(ResumeChunk.objects.filter(job=job).order_by("index"))
    texts = [Chunk(c.index, c.section, c.text).embedding_text for c in chunks]
    try:
        vectors = embed_texts(texts)
    except AIError as exc:
        raise StageError(f"Embedding generation failed: {exc.message}") from exc
    except Exception as exc:  # a malformed provider answer the client library could not parse
        logger.warning("embedding provider answer unusable for job %s", job.id, exc_info=True)
        raise StageError(
            "Embedding generation failed: the embedding service sent an unusable response"
        ) from exc
    for chunk, vector in zip(chunks, vectors, strict=True):
        chunk.embedding = vector
    ResumeChunk.objects.bulk_update(chunks, ["embedding"])


def stage_analyze(*, job: AnalysisJob, text: str) -> UserProfile:
    from analysis.backends import analyze_resume

    try:
        result = analyze_resume(text)
    except AIError as exc:
        raise StageError(f"Resume analysis failed: {exc.message}") from exc
    except Exception as exc:  # a parser bug on an unusual resume must not read as a crash
        logger.exception("analyzer crashed on job %s", job.id)
        raise StageError("Resume analysis failed: the analyzer could not read this resume") from exc
    if isinstance(result.profile.get("evidence"), list):
        result.profile["evidence"] = with_pages(result.profile["evidence"], job.page_starts or [])
    try:
        with transaction.atomic():
            profile = profile_save(job=job, data=result.profile)
            AnalysisJob.objects.filter(id=job.id).update(token_usage=result.usage or {})
    except ProfileValidationError as exc:
        raise StageError(f"Resume analysis failed: the analyzer returned a malformed profile ({describe(exc)})") from exc
    try:
        profile = corrections_carry(profile=profile)  # rebuilds the bank itself when it carries any
        qa_bank_build(profile=profile)
    except AIError as exc:
        raise StageError(f"Embedding generation failed: {exc.message}") from exc
    return profile


def profile_save(*, job: AnalysisJob, data: dict) -> UserProfile:
    """Create or replace the job's profile from the analyzer's dict, bumping its version.

    The dict is validated once, here (Profile.from_analysis): a top-level field of the wrong kind
    is stored empty, any other bad shape raises pydantic's ValidationError naming the field.
    """
    values = {"evidence": [], **Profile.from_analysis(data).stored_form()}  # no stale evidence on a rerun
    profile, created = UserProfile.objects.update_or_create(job=job, defaults=values)
    if not created:
        UserProfile.objects.filter(id=profile.id).update(version=F("version") + 1)
        profile.refresh_from_db()
    version_record(profile=profile, source=VersionSource.ANALYSIS)
    return profile


# --- reaping -------------------------------------------------------------------------------------


def _worker_alive(worker: str) -> bool | None:
    """False if the worker's process is known dead: on this host, its PID is gone or now names a
    process started at another time (a reused PID). True if it runs; None if unknown (another
    host, or an identity without a start time)."""
    host, pid, start, *_ = [*worker.split(":"), "", "", ""]
    if host != socket.gethostname() or not pid.isdigit():
        return None
    ticks = process_start_ticks(int(pid))
    if ticks is None:
        return False
    if start.isdigit() and len(worker.split(":")) >= 4 and int(start) and ticks != int(start):
        return False
    return True


def jobs_reap() -> int:
    """Requeue (or, past the attempt limit, fail) running jobs whose worker died.

    A job's worker is dead when it ran on this host and its process is gone (or its PID now
    names another process), or when its heartbeat is older than ANALYSIS_STALE_SECONDS: a worker
    on another host died, or a live worker stopped beating for the job (it lost the database,
    say); a worker still running such a job meets JobLost at its next step, so the job runs once.
    Returns how many jobs were reaped.
    """
    stale_before = timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_SECONDS)
    reaped = 0
    for job in AnalysisJob.objects.filter(status__in=RUNNING_STATUSES).only(
        "id", "worker", "heartbeat_at", "started_at", "attempts", "owner_id", "progress"
    ):
        alive = _worker_alive(job.worker)
        stale = job.heartbeat_at is None or job.heartbeat_at < stale_before
        if alive is False or stale:
            reaped += _reap_one(job)
    return reaped


def _reap_one(job: AnalysisJob) -> int:
    """Fail the job if it ran past the time limit (the worker was stopped for it) or used its
    last attempt; otherwise put it back in the queue."""
    limit = settings.ANALYSIS_TIMEOUT_SECONDS
    # Stopped for the time limit only if it beat (ran) until near it; a job whose heartbeats
    # stopped early (its worker died, the database went away) is retried however long ago it began.
    ran = (job.heartbeat_at or job.started_at) - job.started_at if job.started_at else timedelta(0)
    if ran >= timedelta(seconds=limit - 2 * settings.ANALYSIS_HEARTBEAT_SECONDS):
        return _reap_fail(
            job, f"Analysis failed: the job took longer than the {limit} s time limit"
        )
    if job.attempts >= settings.ANALYSIS_MAX_ATTEMPTS:
        return _reap_fail(
            job,
            f"Analysis failed: the worker stopped while processing this job ({job.attempts} attempts)",
        )
    with transaction.atomic():
        if not _still_running(job).update(**_reset_fields()):
            return 0
        _enqueue(job.id)
        _publish(job.id, job.owner_id, JobStatus.QUEUED, 0)
    logger.warning("requeued job %s: its worker %s stopped", job.id, job.worker)
    return 1


def job_requeue(*, job_id: uuid.UUID | str, worker: str) -> bool:
    """Put a job its worker could not finish (the database went away mid-run) back in the queue,
    while that worker still holds it; it runs again from the start (one more attempt)."""
    job = AnalysisJob.objects.filter(id=job_id, worker=worker, status__in=RUNNING_STATUSES).only(
        "id", "worker", "owner_id"
    ).first()
    if job is None:
        return False
    with transaction.atomic():
        if not _still_running(job).update(**_reset_fields()):
            return False
        _enqueue(job.id)
        _publish(job.id, job.owner_id, JobStatus.QUEUED, 0)
    logger.warning("requeued job %s: the database went away while it ran", job.id)
    return True


def _still_running(job: AnalysisJob):
    """The job row, only while it is still held by the worker the reaper found dead."""
    return AnalysisJob.objects.filter(id=job.id, worker=job.worker, status__in=RUNNING_STATUSES)


def _reap_fail(job: AnalysisJob, message: str) -> int:
    now = timezone.now()
    if not _still_running(job).update(
        status=JobStatus.FAILED, error_message=message, completed_at=now
    ):
        return 0
    _publish(job.id, job.owner_id, JobStatus.FAILED, job.progress)
    return 1

"""The export service shared by the API and the page download: find the owner's completed job,
render the requested format, and keep the bytes per job and format (ExportFile).

A kept file is served while its key still matches: the profile's id, version and updated_at (any
change to the profile makes a new key) and a fingerprint of the renderers' own code, template
and stylesheet (a deploy that changes the layout never serves an old file). The ETag is a hash of
the bytes themselves. The files live in their own table rather than Django's cache: one indexed
read on a hit and one upsert on a miss, shared by every process, and deleted with their job.
"""

import copy
import hashlib
import logging
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DatabaseError, connection, transaction
from django.db.models import F, FilteredRelation, Q
from django.utils import timezone

from analysis.exports.document import build_report
from analysis.exports.models import ExportFile
from analysis.exports.pdf import render_pdf
from analysis.exports.redaction import Redaction, redacted_row
from analysis.exports.tabular import render_csv, render_json
from analysis.exports.word import render_docx
from analysis.models import AnalysisJob, UserProfile
from analysis.selectors import api_refusals, completed_job_with_profile

logger = logging.getLogger(__name__)

Renderer = Callable[[AnalysisJob, UserProfile, datetime], bytes]


# The JSON export writes the stored row as it is; the other formats read the typed Profile.
def _json(job: AnalysisJob, profile: UserProfile, now: datetime) -> bytes:
    return render_json(job=job, profile=profile, exported_at=now)


def _csv(job: AnalysisJob, profile: UserProfile, now: datetime) -> bytes:
    return render_csv(job=job, profile=profile.data, exported_at=now)


def _pdf(job: AnalysisJob, profile: UserProfile, now: datetime) -> bytes:
    return render_pdf(build_report(job=job, profile=profile.data, generated_at=now))


def _docx(job: AnalysisJob, profile: UserProfile, now: datetime) -> bytes:
    return render_docx(build_report(job=job, profile=profile.data, generated_at=now))


@dataclass(frozen=True)
class ExportFormat:
    extension: str
    content_type: str
    render: Renderer


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", "application/json", _json),
    "csv": ExportFormat("csv", "text/csv", _csv),
    "pdf": ExportFormat("pdf", "application/pdf", _pdf),
    "docx": ExportFormat(
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx
    ),
}


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str
    etag: str


REFUSALS = api_refusals(needs="Only completed analysis jobs can be exported", name_job_id=True)


def export_filename(job_id: uuid.UUID, extension: str) -> str:
    return f"resume_analysis_{str(job_id)[:8]}.{extension}"


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """Hash of the code and assets that shape an export, read once per process."""
    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py")) + [
        settings.BASE_DIR / "templates" / "analysis" / "export" / "report.html",
        settings.BASE_DIR / "static" / "css" / "export-print.css",
    ]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:12]


def export_key(profile: UserProfile) -> str:
    """What a kept file was made from; a file is served only while this still matches."""
    stamp = int(profile.updated_at.timestamp() * 1_000_000)
    return f"{renderer_fingerprint()}:{profile.pk}:{profile.version}:{stamp}"


# One statement, one round trip: bulk_create(update_conflicts=True) would wrap the same upsert
# in BEGIN/COMMIT, a third of a cold JSON export's time.
KEEP = f"""
    INSERT INTO {ExportFile._meta.db_table} (job_id, format, key, etag, content, created_at)
    VALUES (%s, %s, %s, %s, %s, clock_timestamp())
    ON CONFLICT (job_id, format) DO UPDATE SET
        key = EXCLUDED.key, etag = EXCLUDED.etag, content = EXCLUDED.content, created_at = EXCLUDED.created_at
"""


def _keep(job: AnalysisJob, fmt: str, key: str, etag: str, content: bytes) -> None:
    """Store or replace the job's file for this format. A failure (the job was deleted meanwhile)
    costs the next request a render, never this download."""
    # Outside a transaction the upsert commits by itself; inside one, a savepoint keeps a failure
    # from spoiling the caller's transaction.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(KEEP, [job.pk, fmt, key, etag, content])
    except DatabaseError:
        logger.warning("keeping the %s export of job %s failed", fmt, job.pk, exc_info=True)


def _download(job_id: uuid.UUID, fmt: str, content: bytes, etag: str) -> Download:
    spec = FORMATS[fmt]
    return Download(content, spec.content_type, export_filename(job_id, spec.extension), etag)


def _kept_format(fmt: str, redaction: Redaction | None) -> str:
    """The kept file's `format`: a redacted render is kept apart from the full one."""
    return fmt + (redaction.code if redaction else "")


def export_render(*, job: AnalysisJob, profile: UserProfile, fmt: str, redaction: Redaction | None = None) -> Download:
    """Render this profile afresh (redacted for blind review when asked) and keep the file for
    the next request."""
    spec = FORMATS[fmt]
    source = redacted_row(profile, redaction) if redaction else profile
    if redaction and job.warnings:  # a warning's sample quotes the resume: not in a blind review
        job = copy.copy(job)
        job.warnings = [{key: value for key, value in item.items() if key != "sample"} for item in job.warnings]
    content = spec.render(job, source, timezone.now())
    etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
    _keep(job, _kept_format(fmt, redaction), export_key(profile), etag, content)
    return _download(job.id, fmt, content, etag)


def export_for_owner(
    *, user: AbstractBaseUser, job_id: uuid.UUID, fmt: str, redaction: Redaction | None = None
) -> Download:
    """The owner's completed job exported as `fmt`; raises analysis.selectors' JobNotFound,
    JobNotCompleted or ProfileNotFound otherwise.

    One query loads the job, its profile and the kept file for this format, joined: a cached
    export costs that query alone, a fresh one the render and one upsert more."""
    kept_format = _kept_format(fmt, redaction)
    with_kept_file = AnalysisJob.objects.defer("extracted_text", "token_usage").annotate(
        kept=FilteredRelation("export_files", condition=Q(export_files__format=kept_format)),
        kept_key=F("kept__key"),
        kept_etag=F("kept__etag"),
        kept_content=F("kept__content"),
    )
    job = completed_job_with_profile(user=user, job_id=job_id, refusals=REFUSALS, jobs=with_kept_file)
    profile = job.profile
    if job.kept_key != export_key(profile):
        return export_render(job=job, profile=profile, fmt=fmt, redaction=redaction)
    return _download(job.id, fmt, bytes(job.kept_content), job.kept_etag)

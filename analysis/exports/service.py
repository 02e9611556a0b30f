"""The export service shared by the API and the page download: find the owner's completed job,
render the requested format, and cache the bytes per job, profile version and format.

The cache key carries the profile's id, version and updated_at (any change to the profile makes
a new key) and a fingerprint of the renderers' own code, template and stylesheet (a deploy that
changes the layout never serves an old file). The ETag is a hash of the bytes themselves.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.utils import timezone

from analysis.exports.document import build_report
from analysis.exports.pdf import render_pdf
from analysis.exports.tabular import render_csv, render_json
from analysis.exports.word import render_docx
from analysis.models import AnalysisJob, JobStatus, UserProfile

logger = logging.getLogger(__name__)

CACHE_SECONDS = 7 * 24 * 3600
Renderer = Callable[[AnalysisJob, UserProfile, datetime], bytes]


def _pdf(job: AnalysisJob, profile: UserProfile, now: datetime) -> bytes:
    return render_pdf(build_report(job=job, profile=profile, generated_at=now))


def _docx(job: AnalysisJob, profile: UserProfile, now: datetime) -> bytes:
    return render_docx(build_report(job=job, profile=profile, generated_at=now))


@dataclass(frozen=True)
class ExportFormat:
    extension: str
    content_type: str
    render: Renderer


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", "application/json", lambda j, p, n: render_json(job=j, profile=p, exported_at=n)),
    "csv": ExportFormat("csv", "text/csv", lambda j, p, n: render_csv(job=j, profile=p, exported_at=n)),
    "pdf": ExportFormat("pdf", "application/pdf", _pdf),
    "docx": ExportFormat(
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx
    ),
}


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str
    etag: str


class ExportError(Exception):
    pass


class JobNotFound(ExportError):
    pass


class JobNotCompleted(ExportError):
    def __init__(self, job: AnalysisJob) -> None:
        super().__init__(job.status)
        self.job = job


class ProfileNotFound(ExportError):
    pass


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


def cache_key(profile: UserProfile, fmt: str) -> str:
    stamp = int(profile.updated_at.timestamp() * 1_000_000)
    return f"export:{renderer_fingerprint()}:{profile.job_id}:{profile.pk}:{profile.version}:{stamp}:{fmt}"


def _cache_get(key: str) -> tuple[str, bytes] | None:
    # A cache outage must cost speed, not the download.
    try:
        return cache.get(key)
    except Exception:
        logger.warning("export cache read failed", exc_info=True)
        return None


def _cache_set(key: str, value: tuple[str, bytes]) -> None:
    try:
        cache.set(key, value, CACHE_SECONDS)
    except Exception:
        logger.warning("export cache write failed", exc_info=True)


def export_render(*, job: AnalysisJob, profile: UserProfile, fmt: str) -> ExportFile:
    """The export bytes for this profile version, from the cache or freshly rendered."""
    spec = FORMATS[fmt]
    key = cache_key(profile, fmt)
    cached = _cache_get(key)
    if not (isinstance(cached, tuple) and len(cached) == 2):
        content = spec.render(job, profile, timezone.now())
        cached = (f'"{hashlib.sha256(content).hexdigest()[:32]}"', content)
        _cache_set(key, cached)
    etag, content = cached
    return ExportFile(content, spec.content_type, export_filename(job.id, spec.extension), etag)


def export_for_owner(*, user: AbstractBaseUser, job_id: uuid.UUID, fmt: str) -> ExportFile:
    """The owner's completed job exported as `fmt`; raises an ExportError subclass otherwise."""
    job = AnalysisJob.objects.for_owner(user).select_related("profile").filter(pk=job_id).first()
    if job is None:
        raise JobNotFound(str(job_id))
    if job.status != JobStatus.COMPLETED:
        raise JobNotCompleted(job)
    profile = getattr(job, "profile", None)
    if profile is None:
        raise ProfileNotFound(str(job_id))
    return export_render(job=job, profile=profile, fmt=fmt)

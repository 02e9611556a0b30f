"""Completed analysis jobs with profiles, built directly through the ORM."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from analysis.models import PROFILE_FIELDS
from tests.export.sample import SAMPLE_PROFILE

RESUME_PDF = Path(__file__).resolve().parent.parent / "fixtures" / "files" / "resume.pdf"


@pytest.fixture(autouse=True)
def _fast_password_hashing(request, settings):
    """Argon2 makes every owner/outsider fixture cost ~0.5 s on this shared machine; these tests are
    about exports, not passwords. Browser tests keep Argon2: their server process checks the
    password with the project's own hashers."""
    if "daphne_server" not in request.fixturenames:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_upload(user):
    from uploads.models import Upload

    content = RESUME_PDF.read_bytes()
    return Upload.objects.create(
        owner=user,
        file=ContentFile(content, name="resume.pdf"),
        filename="resume.pdf",
        kind=Upload.Kind.PDF,
        content_type="application/pdf",
        file_size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


@pytest.fixture
def make_job(db):
    """make_job(user, status="completed", profile=<dict>|None): a job (and its profile)."""
    from analysis.models import STAGE_PROGRESS, AnalysisJob, JobStatus, UserProfile

    def make(user, status: str = JobStatus.COMPLETED, profile: dict | None = SAMPLE_PROFILE):
        job = AnalysisJob.objects.create(
            upload=make_upload(user),
            owner=user,
            status=status,
            progress=STAGE_PROGRESS.get(status, 30),
        )
        if profile is not None:
            fields = {key: value for key, value in copy.deepcopy(profile).items() if key in PROFILE_FIELDS}
            UserProfile.objects.create(job=job, **fields)
        return job

    return make


@pytest.fixture
def job(make_job, owner):
    return make_job(owner)


def profile_of(job) -> dict:
    """The stored profile as JSON would carry it (what every export is compared with)."""
    from analysis.models import UserProfile

    profile = UserProfile.objects.get(job=job)
    return json.loads(json.dumps({key: getattr(profile, key) for key in PROFILE_FIELDS}))

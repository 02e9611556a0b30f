"""The JSON and CSV exports of the fixture profiles are byte-identical to those recorded before the
profile was typed (golden/README.md): once as rows stored as they always were, and once saved
through the analysis's validating save (profile_save) for the profiles that hold every field."""

import copy
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analysis.exports.service import FORMATS
from analysis.models import PROFILE_FIELDS, AnalysisJob, UserProfile
from analysis.services import profile_save
from tests.export.conftest import make_upload

GOLDEN = Path(__file__).resolve().parent / "golden"
PROFILES: dict[str, dict] = json.loads((GOLDEN / "profiles.json").read_text())
JOB_ID = uuid.UUID("3f2b8c1e-7d4a-4e5f-9a6b-1c2d3e4f5a6b")
EXPORTED_AT = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
# The sample and the parser's profiles carry every field; the edge cases are older, sparser rows.
COMPLETE = sorted(name for name in PROFILES if not name.startswith("edge-"))


def _job(owner) -> AnalysisJob:
    return AnalysisJob.objects.create(id=JOB_ID, upload=make_upload(owner), owner=owner, status="completed", progress=100)


def _exports(job: AnalysisJob) -> dict[str, bytes]:
    job = AnalysisJob.objects.select_related("profile").get(id=job.id)
    return {fmt: FORMATS[fmt].render(job, job.profile, EXPORTED_AT) for fmt in ("json", "csv")}


def _golden(name: str) -> dict[str, bytes]:
    return {fmt: (GOLDEN / f"{name}.{fmt}").read_bytes() for fmt in ("json", "csv")}


def test_every_fixture_resume_is_covered():
    assert len([name for name in PROFILES if name.startswith("parsed-")]) >= 40
    assert {"sample", "edge-empty", "edge-sparse", "edge-nulls"} <= set(PROFILES)


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_a_stored_row_exports_as_before(owner, name):
    job = _job(owner)
    fields = {key: value for key, value in copy.deepcopy(PROFILES[name]).items() if key in PROFILE_FIELDS}
    UserProfile.objects.create(job=job, **fields)
    assert _exports(job) == _golden(name)


@pytest.mark.parametrize("name", COMPLETE)
def test_a_profile_saved_through_validation_exports_as_before(owner, name):
    job = _job(owner)
    profile_save(job=job, data=copy.deepcopy(PROFILES[name]))
    assert _exports(job) == _golden(name)

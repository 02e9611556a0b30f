"""The pipeline run in-process on real files, real Postgres and the real local embedding model:
stages, failures with readable messages, idempotent re-runs, claiming and reaping."""

import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from analysis.models import AnalysisJob, JobStatus, QAPair, ResumeChunk, UserProfile
from analysis.services import job_claim, job_run, jobs_reap, worker_identity
from tests.analysis.conftest import fixture_bytes, store_upload


def run(job: AnalysisJob) -> AnalysisJob:
    worker = worker_identity()
    assert job_claim(job_id=job.id, worker=worker)
    job_run(job_id=job.id, worker=worker)
    job.refresh_from_db()
    return job


def new_job(owner, name="resume.pdf", data=None) -> AnalysisJob:
    return AnalysisJob.objects.create(upload=store_upload(owner, name, data), owner=owner)


@pytest.mark.parametrize("name", ["resume.pdf", "resume.docx", "resume.doc"])
def test_each_format_completes_with_a_sensible_profile(owner, name):
    job = run(new_job(owner, name))
    assert (job.status, job.progress, job.current_step, job.error_message) == (
        "completed", 100, "Analysis complete", None,
    )  # fmt: skip
    assert job.started_at <= job.completed_at and job.attempts == 1
    profile = job.profile
    assert profile.personal_info["name"] == "Jordan Avery Lee"
    assert profile.personal_info["email"] == "jordan.avery.lee@example.com"
    skills = {skill.lower() for items in profile.skills.values() for skill in items}
    assert {"python", "go", "kafka"} <= skills
    assert any("Northwind" in (item.get("company") or "") for item in profile.experience)
    chunks = ResumeChunk.objects.filter(job=job)
    assert chunks.count() >= 5 and not chunks.filter(embedding__isnull=True).exists()
    assert QAPair.objects.filter(profile=profile, embedding__isnull=False).count() >= 15
    assert "Jordan Avery Lee" in job.extracted_text


def test_rerunning_a_job_replaces_its_outputs(owner):
    job = run(new_job(owner, "resume.docx"))
    chunk_ids = set(ResumeChunk.objects.filter(job=job).values_list("id", flat=True))
    AnalysisJob.objects.filter(id=job.id).update(status=JobStatus.QUEUED)
    job = run(job)
    assert job.status == "completed"
    assert UserProfile.objects.filter(job=job).count() == 1
    assert job.profile.version == 2
    again = set(ResumeChunk.objects.filter(job=job).values_list("id", flat=True))
    assert len(again) == len(chunk_ids) and not again & chunk_ids
    assert QAPair.objects.filter(profile=job.profile).count() == QAPair.objects.count()


def test_scanned_pdf_without_an_ocr_engine_fails_naming_what_to_install(owner, monkeypatch):
    # Scanned PDFs are read by OCR (tests/analysis/test_ocr.py); with no engine on the PATH the
    # job fails at the ocr stage with a message saying what to install.
    monkeypatch.setenv("TESSERACT_CMD", "tesseract-not-installed")
    job = run(new_job(owner, "scanned.pdf"))
    assert job.status == "failed"
    assert job.error_message.startswith("OCR failed: This PDF is scanned (its pages are images) and no OCR engine")
    assert "apt-get install tesseract-ocr" in job.error_message
    assert job.progress == 20 and job.current_step == "Reading scanned pages (OCR)"
    assert job.completed_at is not None
    assert not UserProfile.objects.filter(job=job).exists()


def test_the_extraction_caps_come_from_settings(owner, settings):
    # analysis/documents/ reads no settings: the job hands it EXTRACTION_* as arguments.
    settings.EXTRACTION_TIME_LIMIT_SECONDS = 0
    job = run(new_job(owner, "resume.pdf"))
    assert job.status == "failed"
    assert job.error_message == "Text extraction failed: Text extraction took longer than 0 s and was stopped"


def test_corrupt_file_fails_cleanly(owner):
    job = run(new_job(owner, "broken.docx", b"PK\x03\x04" + os.urandom(2000)))
    assert job.status == "failed"
    assert job.error_message.startswith("Text extraction failed: ")
    assert "Traceback" not in job.error_message


def test_missing_stored_file_fails_cleanly(owner):
    job = new_job(owner)
    os.remove(job.upload.file.path)
    job = run(job)
    assert job.status == "failed" and "missing from storage" in job.error_message


def test_embedding_provider_error_fails_at_that_stage(owner, openai_settings, fake_openai):
    openai_settings.EMBEDDING_BACKEND = "openai"
    fake_openai.fail("embeddings", 500, times=5, message="upstream exploded")
    job = run(new_job(owner))
    assert job.status == "failed"
    assert job.error_message.startswith("Embedding generation failed: ")
    assert (job.progress, job.current_step) == (50, "Generating embeddings")


def test_openai_embeddings_use_the_configured_dimension(owner, openai_settings, fake_openai):
    openai_settings.EMBEDDING_BACKEND = "openai"
    job = run(new_job(owner, "resume.docx"))
    assert job.status == "completed"
    calls = fake_openai.calls("embeddings")
    assert calls and all(call["dimensions"] == 384 for call in calls)


def test_a_job_is_claimed_once(owner):
    job = new_job(owner)
    assert job_claim(job_id=job.id, worker="a:1:x")
    assert not job_claim(job_id=job.id, worker="b:2:y")
    job.refresh_from_db()
    assert (job.worker, job.status, job.progress, job.attempts) == (
        "a:1:x",
        "extracting_text",
        10,
        1,
    )


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_reaper_requeues_a_job_whose_local_worker_died(owner, django_capture_on_commit_callbacks):
    job = new_job(owner)
    worker = f"{socket.gethostname()}:{_dead_pid()}:dead"
    job_claim(job_id=job.id, worker=worker)
    AnalysisJob.objects.filter(id=job.id).update(status=JobStatus.ANALYZING, progress=70)
    with django_capture_on_commit_callbacks() as callbacks:
        assert jobs_reap() == 1
    job.refresh_from_db()
    assert (job.status, job.progress, job.worker, job.attempts) == ("queued", 0, "", 1)
    assert callbacks, "the requeued job must be enqueued again"


def test_reaper_leaves_live_workers_alone_and_reaps_stale_remote_ones(owner):
    alive = new_job(owner)
    job_claim(job_id=alive.id, worker=f"{socket.gethostname()}:{os.getpid()}:me")
    remote_fresh = new_job(owner)
    job_claim(job_id=remote_fresh.id, worker="other-host:123:x")
    remote_stale = new_job(owner)
    job_claim(job_id=remote_stale.id, worker="other-host:456:y")
    AnalysisJob.objects.filter(id=remote_stale.id).update(
        heartbeat_at=timezone.now() - timedelta(minutes=5)
    )
    assert jobs_reap() == 1
    statuses = {j.id: j.status for j in AnalysisJob.objects.all()}
    assert statuses[alive.id] == statuses[remote_fresh.id] == "extracting_text"
    assert statuses[remote_stale.id] == "queued"


def test_reaper_fails_a_job_after_the_last_attempt(owner, settings):
    settings.ANALYSIS_MAX_ATTEMPTS = 2
    job = new_job(owner)
    AnalysisJob.objects.filter(id=job.id).update(
        status=JobStatus.CHUNKING,
        progress=30,
        attempts=2,
        worker="gone-host:1:z",
        heartbeat_at=None,
    )
    assert jobs_reap() == 1
    job.refresh_from_db()
    assert job.status == "failed" and job.progress == 30
    assert "worker stopped" in job.error_message and "2 attempts" in job.error_message


def test_analyzer_output_of_the_wrong_shape_is_stored_safely(owner):
    from analysis.services import profile_save

    job = new_job(owner)
    profile = profile_save(
        job=job,
        data={"personal_info": ["x"], "skills": {"Languages": ["Go"]}, "experience": "none",
              "summary": None, "total_years_experience": "lots", "strengths": ["Focus"]},
    )  # fmt: skip
    assert (profile.personal_info, profile.skills, profile.experience) == (
        {},
        {"Languages": ["Go"]},
        [],
    )
    assert (profile.summary, profile.total_years_experience, profile.strengths) == (
        "",
        0.0,
        ["Focus"],
    )
    assert profile_save(job=job, data={"summary": "again"}).version == 2


def test_a_corrupt_file_fails_and_can_be_retried(owner, django_capture_on_commit_callbacks):
    from analysis.services import job_retry

    job = run(new_job(owner, "resume.pdf", fixture_bytes("resume.pdf")[:4000]))
    assert job.status == "failed" and job.error_message.startswith("Text extraction failed: ")
    # The stored file is repaired (as an admin restoring it would); a retry then completes.
    with open(job.upload.file.path, "wb") as handle:
        handle.write(fixture_bytes("resume.pdf"))
    with django_capture_on_commit_callbacks(execute=False):
        job = job_retry(job=job)
    assert (job.status, job.progress, job.error_message) == ("queued", 0, None)
    job = run(job)
    assert job.status == "completed" and job.attempts == 1


def test_heartbeat_advances_while_a_job_runs(transactional_db, owner, settings):
    import time

    from analysis.tasks import heartbeat

    settings.ANALYSIS_HEARTBEAT_SECONDS = 0.05
    job = new_job(owner)
    worker = worker_identity()
    job_claim(job_id=job.id, worker=worker)
    job.refresh_from_db()
    first = job.heartbeat_at
    with heartbeat(job_id=str(job.id), worker=worker):
        time.sleep(0.5)
    job.refresh_from_db()
    assert job.heartbeat_at > first


def test_reaper_fails_a_job_that_passed_the_time_limit(owner, settings):
    settings.ANALYSIS_TIMEOUT_SECONDS = 300
    job = new_job(owner)
    AnalysisJob.objects.filter(id=job.id).update(
        status=JobStatus.ANALYZING, progress=70, attempts=1, worker="gone-host:1:z",
        started_at=timezone.now() - timedelta(seconds=361), heartbeat_at=timezone.now() - timedelta(seconds=65),
    )  # fmt: skip  (it beat until django-q2 stopped it at the limit)
    assert jobs_reap() == 1
    job.refresh_from_db()
    assert (job.status, job.progress) == ("failed", 70)
    assert job.error_message == "Analysis failed: the job took longer than the 300 s time limit"


def test_reaper_retries_a_job_whose_heartbeats_stopped_early_however_long_ago_it_began(owner, settings):
    """A database outage (or a dead worker) stops the beats long before the limit: retried, not
    failed as a timeout, once the reaper runs again."""
    settings.ANALYSIS_TIMEOUT_SECONDS = 300
    job = new_job(owner)
    AnalysisJob.objects.filter(id=job.id).update(
        status=JobStatus.ANALYZING, progress=70, attempts=1, worker="gone-host:1:z",
        started_at=timezone.now() - timedelta(seconds=600), heartbeat_at=timezone.now() - timedelta(seconds=570),
    )  # fmt: skip
    assert jobs_reap() == 1
    job.refresh_from_db()
    assert (job.status, job.worker) == ("queued", "")

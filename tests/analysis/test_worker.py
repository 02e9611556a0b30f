"""The real django-q2 cluster: a job goes through it, and a SIGKILLed cluster loses no job."""

import time

import pytest

from analysis.models import AnalysisJob
from analysis.services import job_start
from tests.analysis.conftest import store_upload
from tests.support.fake_openai import Reply

pytestmark = pytest.mark.slow


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def openai_env(fake_openai) -> dict[str, str]:
    # Embeddings from the stand-in server keep these tests free of model loading; the analysis
    # itself is the local parser.
    return {
        "EMBEDDING_BACKEND": "openai",
        "OPENAI_BASE_URL": fake_openai.base_url,
        "OPENAI_API_KEY": "test-key",
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_SECONDS": "120",
    }


def slow_embeddings(fake_openai, seconds: float) -> None:
    """Every embedding answer from the stand-in server takes `seconds`."""
    default_reply = fake_openai._default

    def slow_reply(endpoint: str, payload: dict) -> Reply:
        reply = default_reply(endpoint, payload)
        reply.delay = seconds
        return reply

    fake_openai._default = slow_reply


def test_worker_runs_a_job_and_progress_is_visible_while_it_runs(start_worker, owner, fake_openai):
    slow_embeddings(fake_openai, 0.5)  # long enough for a poller to see the stage
    start_worker(**openai_env(fake_openai))
    job = job_start(upload=store_upload(owner, "resume.docx"))
    seen: list[tuple[str, int]] = []

    def finished() -> bool:
        current = AnalysisJob.objects.values_list("status", "progress").get(id=job.id)
        if not seen or seen[-1] != current:
            seen.append(current)
        return current[0] in {"completed", "failed"}

    wait_for(finished, 60, "the job to finish")
    job.refresh_from_db()
    assert job.status == "completed", job.error_message
    assert job.profile.personal_info["name"] == "Jordan Avery Lee"
    progress = [p for _, p in seen]
    assert progress == sorted(progress) and progress[-1] == 100
    assert ("generating_embeddings", 50) in seen, seen


def test_sigkilled_worker_loses_no_job(start_worker, owner, fake_openai):
    env = openai_env(fake_openai)
    # The first embedding request hangs, so the job is mid-flight when the cluster is killed.
    fake_openai.enqueue(
        "embeddings", Reply(delay=30, body={"error": {"message": "too late"}}, status=500)
    )
    first = start_worker(**env)
    job = job_start(upload=store_upload(owner, "resume.pdf"))
    wait_for(
        lambda: AnalysisJob.objects.filter(id=job.id, status="generating_embeddings").exists(),
        60,
        "the job to reach the embedding stage",
    )
    wait_for(lambda: fake_openai.calls("embeddings"), 30, "the embedding request to be in flight")
    first.kill()  # SIGKILL to the whole process group, as an OOM kill would
    job.refresh_from_db()
    assert (job.status, job.progress) == (
        "generating_embeddings",
        50,
    )  # left running by the dead worker

    start_worker(**env)
    wait_for(
        lambda: AnalysisJob.objects.filter(id=job.id, status__in=["completed", "failed"]).exists(),
        60,
        "the restarted cluster to finish the job",
    )
    job.refresh_from_db()
    assert job.status == "completed", job.error_message
    assert job.attempts == 2
    assert job.profile.qa_pairs.count() >= 15


def test_at_most_max_concurrency_jobs_run_at_once(start_worker, owner, fake_openai):
    from analysis.models import RUNNING_STATUSES

    slow_embeddings(fake_openai, 1.0)  # each embedding call takes a second, so the jobs overlap
    start_worker(**openai_env(fake_openai), ANALYSIS_MAX_CONCURRENCY="2")
    upload = store_upload(owner, "resume.docx")
    jobs = [job_start(upload=upload).id for _ in range(4)]
    most = 0

    def all_done() -> bool:
        nonlocal most
        statuses = list(AnalysisJob.objects.filter(id__in=jobs).values_list("status", flat=True))
        most = max(most, sum(status in RUNNING_STATUSES for status in statuses))
        return all(status in {"completed", "failed"} for status in statuses)

    wait_for(all_done, 90, "the four jobs to finish")
    assert set(AnalysisJob.objects.filter(id__in=jobs).values_list("status", flat=True)) == {
        "completed"
    }
    assert most == 2
    from django_q.models import Schedule

    from analysis.tasks import SCHEDULES

    for name in SCHEDULES:  # both workers ensured each, once
        assert Schedule.objects.filter(name=name).count() == 1, name


# --- the reaper knows a worker by its PID and its process's start time -----------------------------


@pytest.mark.django_db
def test_reaper_tells_a_reused_pid_from_the_worker_that_held_it(owner):
    """The identity names the process, not just the PID: this test process's PID with another
    start time is a worker gone (its PID reused by us), requeued at once; our own identity lives."""
    import os
    import socket

    from analysis.services import job_claim, jobs_reap, worker_identity
    from resume_analyzer.processes import process_start_ticks

    upload = store_upload(owner)
    mine, reused = job_start(upload=upload), job_start(upload=upload)
    job_claim(job_id=mine.id, worker=worker_identity())
    ticks = process_start_ticks(os.getpid())
    job_claim(job_id=reused.id, worker=f"{socket.gethostname()}:{os.getpid()}:{ticks - 1}:a1b2c3d4")
    assert jobs_reap() == 1
    statuses = dict(AnalysisJob.objects.values_list("id", "status"))
    assert statuses[mine.id] == "extracting_text" and statuses[reused.id] == "queued"

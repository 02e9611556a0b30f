"""Worker entry points (django-q2). Tasks take ids, claim the row, and call a service.

When a worker process starts (django-q2's post_spawn), it reaps jobs whose worker died (a
SIGKILLed cluster leaves them in a running status) and makes sure the periodic tasks are
scheduled: the reaper, which catches dead workers on other hosts by their stale heartbeat, and
the pruning of refilled rate-limit rows.
"""

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import (
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.dispatch import receiver
from django_q.signals import post_spawn

from analysis.services import (
    job_claim,
    job_heartbeat,
    job_requeue,
    job_run,
    jobs_reap,
    worker_identity,
)
from resume_analyzer.ai.embeddings import uses_local_model

logger = logging.getLogger(__name__)

REAPER_SCHEDULE = "analysis: reap jobs of dead workers"
PRUNE_SCHEDULE = "accounts: prune refilled rate limits"
REAPER_LOCK_ID = 7_340_021  # any constant; names the advisory lock
# name: (function, minutes between runs)
SCHEDULES = {
    REAPER_SCHEDULE: ("analysis.tasks.analysis_jobs_reap", 1),
    PRUNE_SCHEDULE: ("accounts.throttling.rate_limits_prune", 10),
}


def analysis_job_run(job_id: str) -> str:
    worker = worker_identity()
    if not job_claim(job_id=job_id, worker=worker):
        return f"job {job_id} not claimed (already taken, finished or deleted)"
    share_cpus()
    try:
        with heartbeat(job_id=job_id, worker=worker):
            job_run(job_id=job_id, worker=worker)
    except (OperationalError, InterfaceError):
        logger.warning("job %s interrupted: the database went away", job_id, exc_info=True)
        return requeue_when_database_returns(job_id=job_id, worker=worker)
    return f"job {job_id} processed"


def requeue_when_database_returns(*, job_id: str, worker: str) -> str:
    """Wait for the database (backing off, up to ANALYSIS_STALE_SECONDS), then queue the job
    again; if it stays away longer, the reaper requeues the job by its stale heartbeat."""
    deadline = time.monotonic() + settings.ANALYSIS_STALE_SECONDS
    pause = 0.5
    while True:
        connection.close()  # the broken connection; the next query opens a fresh one
        try:
            requeued = job_requeue(job_id=job_id, worker=worker)
            return f"job {job_id} {'requeued' if requeued else 'taken over'} after a database outage"
        except (OperationalError, InterfaceError):
            if time.monotonic() + pause > deadline:
                return f"job {job_id} left to the reaper: the database is still away"
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


def analysis_jobs_reap() -> int:
    return jobs_reap()


@contextmanager
def heartbeat(*, job_id: str, worker: str) -> Iterator[None]:
    """Beat every ANALYSIS_HEARTBEAT_SECONDS while the job runs, so reapers know it lives."""
    done = threading.Event()

    def beat() -> None:
        try:
            while not done.wait(settings.ANALYSIS_HEARTBEAT_SECONDS):
                try:
                    if not job_heartbeat(job_id=job_id, worker=worker):
                        return  # the claim is gone (deleted, requeued): nothing to keep alive
                except Exception:  # the database went away: beat again once it is back
                    logger.warning("heartbeat of job %s failed", job_id, exc_info=True)
                    connection.close()  # a fresh connection for the next beat
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(timeout=5)


@receiver(post_spawn)
def on_worker_spawn(sender, proc_name: str = "", **kwargs) -> None:
    """A worker process started: reap dead workers' jobs, schedule the reaper, warm the model."""
    close_old_connections()
    try:
        reaped = jobs_reap()
        if reaped:
            logger.warning("%s requeued or failed %d job(s) of dead workers", proc_name, reaped)
        schedules_ensure()
    except Exception:
        logger.exception("reaping on worker start failed")
    if settings.ANALYSIS_PRELOAD_MODEL and uses_local_model():
        _warm_model()


def schedules_ensure() -> None:
    """Each periodic task scheduled once, however many worker processes start at once (an
    advisory lock serialises them: Schedule.name is not unique)."""
    from django_q.models import Schedule

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REAPER_LOCK_ID])
        for name, (func, minutes) in SCHEDULES.items():
            Schedule.objects.get_or_create(
                name=name,
                defaults={"func": func, "schedule_type": Schedule.MINUTES, "minutes": minutes, "repeats": -1},
            )


def share_cpus() -> None:
    """Give each worker process its share of the cores for torch: with 2 workers on 2 cores, one
    thread each used half the CPU per resume of two threads each (measured in bench/pipeline.py)."""
    if not uses_local_model():
        return
    import torch

    threads = max(1, (os.cpu_count() or 1) // max(1, int(settings.Q_CLUSTER.get("workers") or 1)))
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


def _warm_model() -> None:
    from analysis.documents.chunking import count_tokens
    from analysis.qa_bank import question_vectors
    from resume_analyzer.ai.embeddings import embed_texts

    try:
        count_tokens("warm up")
        embed_texts(["warm up"])
        share_cpus()
        question_vectors()
    except Exception:
        logger.warning("embedding model warm-up failed; the first job will load it", exc_info=True)

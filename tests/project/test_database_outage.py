"""The database goes away under a running web process and worker, then comes back: requests fail
fast (503 JSON on the API, a 503 page, /healthz), both processes reconnect by themselves, and the
job the outage interrupted is retried, not failed. The database is reached through a TCP
forwarder (tests/support/db_proxy.py) that the test takes down and brings back."""

import json
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection
from django.test import Client

from accounts.services import token_issue
from analysis.models import AnalysisJob
from analysis.services import job_start
from tests.analysis.conftest import store_upload
from tests.analysis.test_worker import openai_env, slow_embeddings, wait_for
from tests.support.db_proxy import DatabaseProxy
from tests.support.processes import ServerProcess, WorkerProcess

pytestmark = pytest.mark.slow


def _get(url: str, headers: dict | None = None) -> tuple[int, bytes, float]:
    started = time.monotonic()
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    return status, body, time.monotonic() - started


def test_requests_fail_fast_while_the_database_is_away_and_everything_recovers(
    transactional_db, owner, fake_openai
):
    proxy = DatabaseProxy(connection.settings_dict["HOST"])
    proxy.up()
    url = f"postgres://{connection.settings_dict['USER']}@127.0.0.1:{proxy.port}/{connection.settings_dict['NAME']}"
    server = ServerProcess(database_url=url)
    slow_embeddings(fake_openai, 3.0)  # the job is inside its embedding call when the database goes
    worker = WorkerProcess(database_url=url, env={**openai_env(fake_openai), "ANALYSIS_MAX_CONCURRENCY": "1"})
    server.start()
    worker.start()
    try:
        bearer = {"Authorization": f"Bearer {token_issue(user=owner).raw}"}
        browser = Client()
        browser.force_login(owner)
        session = {"Cookie": f"sessionid={browser.cookies['sessionid'].value}"}
        upload = store_upload(owner, "resume.docx")
        jobs_url = f"{server.url}/api/analysis/jobs?upload_id={upload.id}"
        assert _get(jobs_url, bearer)[0] == 200
        job = job_start(upload=upload)
        wait_for(lambda: AnalysisJob.objects.get(id=job.id).status == "generating_embeddings", 60, "the embedding stage")

        proxy.down()
        status, body, took = _get(jobs_url, bearer)
        assert (status, json.loads(body)["error"]) == (503, "Service unavailable") and took <= 1.0, (status, body, took)
        status, body, took = _get(server.url + "/healthz")
        assert (status, json.loads(body)["database"]) == (503, "down") and took <= 1.0
        status, body, took = _get(server.url + "/uploads", session)
        assert status == 503 and b"Temporarily unavailable" in body and took <= 1.0, (status, body[:300], took)
        time.sleep(3)  # the job's embedding call ends: its next write finds no database

        proxy.up()
        wait_for(lambda: _get(jobs_url, bearer)[0] == 200, 15, "the API to answer again")
        assert _get(server.url + "/healthz")[0] == 200
        # Retried, not failed: claimed again by the same (reconnected) worker, which gets past the
        # stages it had done (written through its new connection). How long the rest takes is
        # the pipeline tests' business.
        past = {"generating_embeddings", "analyzing", "completed"}
        wait_for(lambda: AnalysisJob.objects.filter(id=job.id, attempts=2, status__in=past).exists(), 60, "the retry")
        job.refresh_from_db()
        assert job.status != "failed" and job.error_message is None
        assert "requeued job" in worker.log() and "the database went away while it ran" in worker.log()
    finally:
        worker.stop()
        server.stop()
        proxy.down()

"""Fixtures for the analysis tests: uploads stored straight through the ORM (so deliberately
broken files can be stored too), and real django-q2 workers with chosen settings."""

import hashlib
import signal
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from tests.support.processes import WorkerProcess, test_database_url
from uploads.models import Upload

FILES = Path(__file__).resolve().parent.parent / "fixtures" / "files"
MIME = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def fixture_bytes(name: str) -> bytes:
    return (FILES / name).read_bytes()


def store_upload(owner, name: str = "resume.pdf", data: bytes | None = None) -> Upload:
    """An Upload row with a real stored file: a fixture by name, or `data` under that name."""
    data = fixture_bytes(name) if data is None else data
    kind = name.rsplit(".", 1)[1]
    upload = Upload(
        owner=owner,
        filename=name,
        kind=kind,
        content_type=MIME[kind],
        file_size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    upload.file.save(name, ContentFile(data), save=False)
    upload.save()
    return upload


@pytest.fixture
def start_worker(transactional_db):
    """Start real `manage.py worker` (qcluster) processes with extra environment; all stopped at the end."""
    started: list[WorkerProcess] = []

    def start(**env: str) -> WorkerProcess:
        defaults = {"ANALYSIS_MAX_CONCURRENCY": "1"}
        process = WorkerProcess(database_url=test_database_url(), env={**defaults, **env})
        process.start()
        started.append(process)
        return process

    yield start
    for process in started:
        stop_worker(process)


def stop_worker(process: WorkerProcess) -> None:
    """SIGTERM to the cluster's main process only, so it stops its workers in order (a signal to
    the whole group makes the sentinel wait for them); SIGKILL the group if it takes too long."""
    if process.proc and process.proc.poll() is None:
        process.proc.send_signal(signal.SIGTERM)
        try:
            process.proc.wait(timeout=8)
        except subprocess.TimeoutExpired:
            pass
    process.kill()
    if hasattr(process, "_log"):
        process._log.close()

"""`make run`'s launcher as a user meets it: embedded database, web + worker, clean stop, restart."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from tests.support.processes import BASE_DIR, free_port

pytestmark = pytest.mark.slow


def _get(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def _start(data_dir: Path, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"DATA_DIR": str(data_dir), "PORT": str(port), "HOST": "127.0.0.1", "ANALYSIS_MAX_CONCURRENCY": "1"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "resume_analyzer.run"], cwd=BASE_DIR, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read()
        try:
            if _get(f"http://127.0.0.1:{port}/healthz")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise AssertionError("make run did not serve /healthz within 120 s")


def _stop(proc: subprocess.Popen) -> str:
    children = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGINT)
    output, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, output
    time.sleep(0.5)
    assert not [child for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE]
    return output


def test_run_serves_stops_cleanly_and_tokens_survive_restart():
    data_dir = BASE_DIR / ".data" / f"run-{os.getpid()}"
    shutil.rmtree(data_dir, ignore_errors=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    try:
        proc = _start(data_dir, port)
        status, body = _get(base + "/login")
        assert status == 200 and b"Log in" in body
        token = _post_json(base + "/api/auth/login", {"email": "demo@example.com", "password": "demo-resume-2026"})["token"]
        output = _stop(proc)
        assert "Demo account: demo@example.com" in output and "Stopped." in output
        # the embedded database was stopped too
        assert not (data_dir / "postgres" / "postmaster.pid").exists()

        proc = _start(data_dir, port)
        status, body = _get(base + "/api/auth/me", {"Authorization": f"Bearer {token}"})
        assert status == 200 and json.loads(body)["email"] == "demo@example.com"
        _stop(proc)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

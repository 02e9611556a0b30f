"""`make run`'s launcher as a user meets it: embedded database, web + worker, clean stop, restart,
several web processes on one port, dead children restarted alone."""

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


def _start(data_dir: Path, port: int, **extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"DATA_DIR": str(data_dir), "PORT": str(port), "HOST": "127.0.0.1", "ANALYSIS_MAX_CONCURRENCY": "1"})
    env.update(extra)
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


def _children(proc: subprocess.Popen, marker: str) -> list[psutil.Process]:
    """The supervisor's direct children whose command line holds `marker`."""
    return [child for child in psutil.Process(proc.pid).children() if marker in " ".join(child.cmdline())]


def _until(condition, timeout: float = 60, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


class _Server:
    def __init__(self, base: str) -> None:
        self.url, self.ws_url = base, base.replace("http://", "ws://") + "/ws"


def _sockets_reach_every_web_process(proc: subprocess.Popen, base: str, token: str) -> None:
    """Sockets land on both web processes, and an event from the API request's process (a token
    revoked at logout) reaches all of them through the channel layer."""
    from tests.chat.wsclient import ChatClient

    port = int(base.rsplit(":", 1)[1])
    clients = [ChatClient(_Server(base)) for _ in range(8)]
    for client in clients:
        assert client.auth(token)["type"] == "system"
    local_ports = {client.ws.socket.getsockname()[1] for client in clients}
    holders = {
        web.pid
        for web in _children(proc, "resume_analyzer.server")
        for conn in web.net_connections(kind="tcp")
        if conn.laddr and conn.laddr.port == port and conn.raddr and conn.raddr.port in local_ports
    }
    assert len(holders) == 2, "the kernel put every socket on one process"
    request = urllib.request.Request(base + "/api/auth/logout", method="POST", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.loads(response.read())["success"] is True
    for client in clients:
        reply = client.recv()
        assert (reply["type"], reply["error"]) == ("error", "Token revoked")
        client.ws.close()


def _survives_dead_children(proc: subprocess.Popen, base: str) -> None:
    """Two web processes share the port; a SIGKILLed web process or worker parent is restarted
    alone, the other keeps serving, and the dead cluster's forks die with it."""
    webs = _children(proc, "resume_analyzer.server")
    assert len(webs) == 2 and all("--fd" in web.cmdline() for web in webs)
    webs[0].kill()
    webs[0].wait(5)
    time.sleep(0.3)  # the supervisor notices within 0.2 s
    assert [_get(base + "/healthz")[0] for _ in range(20)] == [200] * 20
    _until(lambda: len(_children(proc, "resume_analyzer.server")) == 2, message="web process not restarted")

    cluster = _children(proc, "manage.py")[0]
    _until(lambda: len(cluster.children(recursive=True)) >= 3, message="worker cluster did not fork")
    forks = cluster.children(recursive=True)  # sentinel, pusher, monitor, worker
    cluster.kill()
    _until(lambda: not [p for p in forks if p.is_running() and p.status() != psutil.STATUS_ZOMBIE], 10,
           "the killed cluster's processes outlived it")  # fmt: skip
    assert _get(base + "/healthz")[0] == 200
    _until(lambda: [p for p in _children(proc, "manage.py") if p.pid != cluster.pid], message="worker not restarted")
    assert proc.poll() is None


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

        proc = _start(data_dir, port, WEB_CONCURRENCY="2", ANALYSIS_PRELOAD_MODEL="0", WEB_PRELOAD_MODEL="0")
        status, body = _get(base + "/api/auth/me", {"Authorization": f"Bearer {token}"})
        assert status == 200 and json.loads(body)["email"] == "demo@example.com"
        socket_token = _post_json(base + "/api/auth/login", {"email": "demo@example.com", "password": "demo-resume-2026"})["token"]
        _sockets_reach_every_web_process(proc, base, socket_token)
        _survives_dead_children(proc, base)
        _stop(proc)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

"""Real server and worker processes for tests: daphne and `manage.py worker` (django-q2 qcluster) as subprocesses."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    """A DATABASE_URL for the database the test session is using right now."""
    from django.db import connection

    params = connection.settings_dict
    host = params["HOST"] or "localhost"
    if host.startswith("/"):
        host = quote(host, safe="")
    port = f":{params['PORT']}" if params.get("PORT") else ""
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    return f"postgres://{params['USER']}{password}@{host}{port}/{params['NAME']}"


def child_env(database_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1", "DEBUG": "0"})
    env.update(extra)
    return env


class _Process:
    log_name = "process"

    def __init__(self, database_url: str, env: dict[str, str] | None = None) -> None:
        self.database_url = database_url
        self.extra_env = env or {}
        self.proc: subprocess.Popen | None = None
        self.log_path = Path(os.environ.get("DATA_DIR", BASE_DIR / ".data")) / f"{self.log_name}-{os.getpid()}.log"

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            self.command(),
            cwd=BASE_DIR,
            env=child_env(self.database_url, **self.extra_env),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_ready()

    def wait_ready(self) -> None:
        pass

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Kill the whole process group at once (as a crash or OOM kill would)."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if hasattr(self, "_log"):
            self._log.close()


class ServerProcess(_Process):
    """daphne serving resume_analyzer.asgi on a free loopback port."""

    log_name = "daphne"

    def __init__(self, database_url: str, env: dict[str, str] | None = None) -> None:
        # Most tests start a daphne of their own: loading the model in each would only compete
        # for the CPU (tests/chat/test_websocket.py turns it on to test it).
        super().__init__(database_url, {"WEB_PRELOAD_MODEL": "0", **(env or {})})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/ws"

    def command(self) -> list[str]:
        from resume_analyzer.run import daphne_command

        return daphne_command("127.0.0.1", self.port)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"daphne exited early:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"daphne did not become ready:\n{self.log()}")


class WorkerProcess(_Process):
    """`manage.py worker`: the real django-q2 worker cluster (qcluster with preloaded libraries)."""

    log_name = "qcluster"

    def command(self) -> list[str]:
        return [sys.executable, str(BASE_DIR / "manage.py"), "worker"]

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"qcluster exited early:\n{self.log()}")
            if "running" in self.log().lower():
                return
            time.sleep(0.2)
        raise RuntimeError(f"qcluster did not start:\n{self.log()}")

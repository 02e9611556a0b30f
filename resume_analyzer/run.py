"""`make run`: prepare the database, then run the web server and the worker together.

Starts the embedded PostgreSQL (unless DATABASE_URL is set), applies migrations, makes sure the
demo account exists, then supervises two children: daphne (HTTP + WebSocket) and the django-q2
cluster. Ctrl-C / SIGTERM stops both, waits for them, and stops the embedded database, so nothing
is left running. If either child dies, the other is stopped too and the exit code says so.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WEBSOCKET_MAX_BYTES = 512 * 1024


def prepare() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from resume_analyzer.staticfiles import static_files_collect

    if static_files_collect():  # only when the static sources changed since the last start
        print("Static files collected", flush=True)
    call_command("demo_user")  # accounts' command: the launcher imports no app
    print(f"Resume Analyzer on http://{settings.HOST}:{settings.PORT}/", flush=True)
    print(f"Demo account: {settings.DEMO_EMAIL} / {settings.DEMO_PASSWORD}", flush=True)


def daphne_command(host: str, port: int) -> list[str]:
    return [
        # daphne's own CLI with our body limit and 1009 closes (resume_analyzer/server.py).
        sys.executable, "-m", "resume_analyzer.server",
        "-b", host, "-p", str(port),
        # The seed's heartbeat (ping every 54 s, close without a pong within 60 s) and its 512 KB
        # message limit: larger messages or frames are refused with close code 1009.
        "--ping-interval", "54", "--ping-timeout", "60",
        "--websocket-max-message-size", str(WEBSOCKET_MAX_BYTES),
        "--websocket-max-frame-size", str(WEBSOCKET_MAX_BYTES),
        # No --proxy-headers: daphne would take the client address from the left end of
        # X-Forwarded-For, which the client writes. REMOTE_ADDR stays the socket's peer and DRF
        # reads the header only behind NUM_PROXIES trusted proxies, from the right end.
        "resume_analyzer.asgi:application",
    ]


def worker_command() -> list[str]:
    return [sys.executable, str(BASE_DIR / "manage.py"), "worker"]


def stop(children: list[subprocess.Popen], grace: float = 10.0) -> None:
    for child in children:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def supervise(children: list[subprocess.Popen]) -> int:
    stopping = {"signal": None}

    def on_signal(signum, frame):
        stopping["signal"] = signum

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    while stopping["signal"] is None:
        dead = [child for child in children if child.poll() is not None]
        if dead:
            print(f"process {dead[0].args[2:4]} exited with {dead[0].returncode}; stopping", flush=True)
            stop(children)
            return dead[0].returncode or 1
        time.sleep(0.3)
    print("Stopping web and worker…", flush=True)
    stop(children)
    return 0


def main() -> int:
    prepare()
    from django.conf import settings

    # Each child leads its own process group so a stop reaches its workers too.
    spawn = dict(cwd=BASE_DIR, start_new_session=True)
    children = [
        subprocess.Popen(daphne_command(settings.HOST, settings.PORT), **spawn),
        subprocess.Popen(worker_command(), **spawn),
    ]
    code = supervise(children)
    if not settings.DATABASE_URL:
        from resume_analyzer.embedded_db import stop_server

        stop_server(settings.DATA_DIR)
    print("Stopped.", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())

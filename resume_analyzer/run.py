"""`make run`: prepare the database, then run and supervise the web processes and the worker.

Starts the embedded PostgreSQL (unless DATABASE_URL is set), applies migrations, makes sure the
demo account exists, then supervises WEB_CONCURRENCY daphne processes (HTTP + WebSocket; default:
one per core) and the django-q2 cluster (`manage.py worker`).

- The web processes share the port: the supervisor opens one listening socket per process on
  HOST:PORT with SO_REUSEPORT (the kernel spreads new connections over them), hands each daphne
  its own with `--fd` and closes its copy, so a dead process's socket closes with it and new
  connections go to the others. A restarted process gets a fresh socket.
- A child that dies is restarted (after a short pause), the others are left alone. What is left of
  its process group (e.g. a killed cluster's workers) is killed first, so no orphan keeps running
  a job. A child that keeps dying (RESTART_LIMIT times within RESTART_WINDOW seconds) stops the
  whole product with its exit code: a broken configuration must not loop for ever.
- Every child has PR_SET_PDEATHSIG (resume_analyzer/processes.py): if this supervisor is killed,
  its children die with it.
- Ctrl-C / SIGTERM stops every child, waits for them, and stops the embedded database, so nothing
  is left running.

`--web-only` starts the web processes alone (bench/api.py).
"""

import argparse
import functools
import os
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

from resume_analyzer.processes import die_with_parent

BASE_DIR = Path(__file__).resolve().parent.parent
WEBSOCKET_MAX_BYTES = 512 * 1024
RESTART_DELAY = 1.0
RESTART_LIMIT = 5
RESTART_WINDOW = 60.0


def prepare() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", interactive=False, verbosity=0)
    from resume_analyzer.staticfiles import static_files_collect

    if static_files_collect():  # only when the static sources changed since the last start
        print("Static files collected", flush=True)
    call_command("demo_user")  # accounts' command: the launcher imports no app
    connections.close_all()  # the supervisor itself holds no database connection
    print(f"Resume Analyzer on http://{settings.HOST}:{settings.PORT}/", flush=True)
    print(f"Demo account: {settings.DEMO_EMAIL} / {settings.DEMO_PASSWORD}", flush=True)


def daphne_options() -> list[str]:
    return [
        # The seed's heartbeat (ping every 54 s, close without a pong within 60 s) and its 512 KB
        # message limit: larger messages or frames are refused with close code 1009.
        "--ping-interval", "54", "--ping-timeout", "60",
        "--websocket-max-message-size", str(WEBSOCKET_MAX_BYTES),
        "--websocket-max-frame-size", str(WEBSOCKET_MAX_BYTES),
        # No --proxy-headers: daphne would take the client address from the left end of
        # X-Forwarded-For, which the client writes. REMOTE_ADDR stays the socket's peer and DRF
        # reads the header only behind NUM_PROXIES trusted proxies, from the right end.
        "resume_analyzer.asgi:application",
    ]  # fmt: skip


def daphne_command(host: str, port: int) -> list[str]:
    """One daphne on its own host and port (the tests' servers)."""
    # daphne's own CLI with our body limit and 1009 closes (resume_analyzer/server.py).
    return [sys.executable, "-m", "resume_analyzer.server", "-b", host, "-p", str(port), *daphne_options()]


def daphne_fd_command(fd: int) -> list[str]:
    """One daphne serving an inherited listening socket."""
    return [sys.executable, "-m", "resume_analyzer.server", "--fd", str(fd), *daphne_options()]


def worker_command() -> list[str]:
    return [sys.executable, str(BASE_DIR / "manage.py"), "worker"]


# --- the shared port -------------------------------------------------------------------------------


def port_free_check(host: str, port: int) -> None:
    """Refuse a port something already listens on. SO_REUSEPORT sockets of the same user would
    otherwise join another server's group silently (a second `make run` splitting the traffic);
    a plain bind fails on any listener."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise SystemExit(f"Cannot listen on {host}:{port}: {exc.strerror}") from exc


def listening_socket(host: str, port: int) -> socket.socket:
    """Bound, not yet listening: the web process listens once it has loaded the application
    (resume_analyzer/server.py), so while a restarted process starts, new connections go to the
    others instead of waiting in its queue."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def shares_port(host: str) -> bool:
    """The shared socket is IPv4 (daphne's --fd adopts AF_INET only); other hosts run one daphne."""
    try:
        socket.inet_aton(host)
    except OSError:
        return False
    return hasattr(socket, "SO_REUSEPORT")


# --- supervision -----------------------------------------------------------------------------------


class Child:
    """One supervised process: its command, how often it died lately, and (web) its socket."""

    def __init__(self, name: str, command, listen: tuple[str, int] | None = None) -> None:
        self.name = name
        self.command = command  # fd -> argv (web with a socket) or () -> argv
        self.listen = listen
        self.sock: socket.socket | None = None
        self.proc: subprocess.Popen | None = None
        self.deaths: deque[float] = deque()
        self.restart_at: float | None = None

    def start(self) -> None:
        pass_fds: tuple[int, ...] = ()
        if self.listen:
            self.sock = listening_socket(*self.listen)
            pass_fds = (self.sock.fileno(),)
            argv = self.command(self.sock.fileno())
        else:
            argv = self.command()
        try:
            self.proc = subprocess.Popen(
                argv, cwd=BASE_DIR, pass_fds=pass_fds,
                # Its own process group, so a stop (or a crash's clean-up) reaches its forks too;
                # and it dies if the supervisor is killed.
                start_new_session=True, preexec_fn=functools.partial(die_with_parent, os.getpid(), signal.SIGTERM),
            )  # fmt: skip
        finally:
            # The child holds the only copy: when it dies the kernel closes the socket at once and
            # new connections go to the other processes' sockets, not into a dead backlog.
            self.close_socket()
        self.restart_at = None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def died(self) -> None:
        """Clean up after an unexpected exit: the rest of its process group."""
        kill_group(self.proc.pid, signal.SIGKILL)
        now = time.monotonic()
        self.deaths.append(now)
        while self.deaths and self.deaths[0] < now - RESTART_WINDOW:
            self.deaths.popleft()
        self.restart_at = now + RESTART_DELAY

    def close_socket(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def kill_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def stop(children: list[Child], grace: float = 10.0) -> None:
    for child in children:
        if child.alive():
            kill_group(child.proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for child in children:
        if child.proc is None:
            continue
        try:
            child.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            kill_group(child.proc.pid, signal.SIGKILL)
            child.proc.wait()
        kill_group(child.proc.pid, signal.SIGKILL)  # anything of its group still left


def supervise(children: list[Child]) -> int:
    stopping = {"signal": None}

    def on_signal(signum, frame):
        stopping["signal"] = signum

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    for child in children:
        child.start()
    while stopping["signal"] is None:
        now = time.monotonic()
        for child in children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    print(f"restarting {child.name}", flush=True)
                    child.start()
            elif not child.alive():
                code = child.proc.returncode
                child.died()
                if len(child.deaths) >= RESTART_LIMIT:
                    print(f"{child.name} exited with {code} {RESTART_LIMIT} times in "
                          f"{RESTART_WINDOW:.0f} s; stopping", flush=True)  # fmt: skip
                    stop(children)
                    return code or 1
                print(f"{child.name} exited with {code}; restarting it", flush=True)
        time.sleep(0.2)
    print("Stopping web and worker…", flush=True)
    stop(children)
    return 0


def web_children(host: str, port: int, count: int) -> list[Child]:
    if not shares_port(host):
        return [Child("web", functools.partial(daphne_command, host, port))]
    port_free_check(host, port)
    return [Child(f"web {index + 1}", daphne_fd_command, listen=(host, port)) for index in range(count)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="resume_analyzer.run")
    parser.add_argument("--web-only", action="store_true", help="start the web processes alone")
    args = parser.parse_args(argv)
    prepare()
    from django.conf import settings

    children = web_children(settings.HOST, settings.PORT, settings.WEB_CONCURRENCY)
    if not args.web_only:
        children.append(Child("worker", worker_command))
    code = supervise(children)
    if not settings.DATABASE_URL:
        from resume_analyzer.embedded_db import stop_server

        stop_server(settings.DATA_DIR)
    print("Stopped.", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())

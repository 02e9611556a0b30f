"""Benchmark the API's GET endpoints against a bare sync Django view on the same daphne.

A fresh database (bench_api on the embedded PostgreSQL under DATA_DIR, default .data/bench)
holds one user with a bearer token, an upload with three analysis jobs (one completed, with a
profile, a cached JSON export and saved interview questions) and a few more uploads. The web
processes are started exactly as `make run` starts them (resume_analyzer/run.py: daphne, the
shared socket, WEB_CONCURRENCY) with bench/api_settings.py, which only adds `/bench/bare`: a
plain sync Django view behind the same middleware.

Each round runs the bare view and then every endpoint, one after the other, with `wrk` (50
connections, --duration seconds each; a small Python load generator when wrk is missing), and
prints requests/s, p50/p99 latency and each endpoint's ratio to the bare view of the same round.
Then one connection: milliseconds per request. With --scale it also runs the poll endpoint on 1
and on 2 web processes and prints the ratio.

    .venv/bin/python bench/api.py                      # 3 rounds x 5 s, one web process
    .venv/bin/python bench/api.py --scale              # ... and 1 vs 2 web processes

The per-user rate limit is raised for the run (THROTTLE_USER), not removed: every request still
runs the throttle's statement. Targets (issue 18): the poll endpoint >= 0.75 x bare, p99 < 100 ms.
"""

import argparse
import asyncio
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection  # noqa: E402

RESUME_PDF = BASE_DIR / "tests" / "fixtures" / "files" / "resume.pdf"
CONNECTIONS = 50
TARGET_RATIO = 0.75
TARGET_P99_MS = 100
TARGET_SCALE = 1.8


def make_data() -> tuple[str, dict[str, str]]:
    """The user's token and the endpoints to measure (name -> path)."""
    from accounts.models import User
    from accounts.services import token_issue
    from analysis.models import AnalysisJob, JobStatus, UserProfile
    from interview.models import SavedQuestion
    from tests.export.sample import SAMPLE_PROFILE
    from uploads.models import Upload

    user = User.objects.create_user(email="bench@example.com", password="bench-api-pass-1", name="Bench")
    content = RESUME_PDF.read_bytes()
    uploads = []
    for index in range(5):
        uploads.append(Upload.objects.create(
            owner=user, file=ContentFile(content, name=f"resume-{index}.pdf"), filename=f"resume-{index}.pdf",
            kind="pdf", content_type="application/pdf", file_size=len(content),
            sha256=hashlib.sha256(content + bytes([index])).hexdigest(),
        ))  # fmt: skip
    upload = uploads[0]
    completed = AnalysisJob.objects.create(upload=upload, owner=user, status=JobStatus.COMPLETED, progress=100)
    UserProfile.objects.create(job=completed, **SAMPLE_PROFILE)
    AnalysisJob.objects.create(upload=upload, owner=user, status=JobStatus.FAILED, progress=20,
                               error_message="Text extraction failed: bench")
    AnalysisJob.objects.create(upload=upload, owner=user, status=JobStatus.ANALYZING, progress=75)
    for index in range(5):
        SavedQuestion.objects.create(
            owner=user, question_id=f"q{index}", question=f"Question {index}?", fingerprint=f"f{index}",
            answer="An answer.", category="Technical",
            difficulty="Medium", tags=["python"],
        )  # fmt: skip
    endpoints = {
        "jobs (poll)": f"/api/analysis/jobs?upload_id={upload.id}",
        "uploads": "/api/uploads",
        "export json (cached)": f"/api/analysis/export?job_id={completed.id}&format=json",
        "interview library": "/api/interview/library",
        "profile": f"/api/profiles/{completed.id}",
        "me": "/api/auth/me",
    }
    return token_issue(user=user).raw, endpoints


def database_url() -> str:
    params = connection.settings_dict
    host = params["HOST"] or "localhost"
    if host.startswith("/"):
        host = quote(host, safe="")
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"postgres://{params['USER']}@{host}{port}/{params['NAME']}"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Web:
    """`python -m resume_analyzer.run --web-only`: the web processes as `make run` starts them."""

    def __init__(self, processes: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes = processes
        self.log = open(Path(settings.DATA_DIR) / f"bench-api-web-{processes}.log", "wb")
        env = dict(os.environ)
        env.update({
            "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "bench.api_settings",
            "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": str(processes),
            "WEB_PRELOAD_MODEL": "0", "THROTTLE_USER": "100000000/min", "PYTHONUNBUFFERED": "1",
        })  # fmt: skip
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "resume_analyzer.run", "--web-only"], cwd=BASE_DIR, env=env,
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"web exited: see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError(f"web did not start: see {self.log.name}")

    def stop(self) -> None:
        import signal

        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.log.close()


# --- load generators -------------------------------------------------------------------------------


def wrk(url: str, token: str, connections: int, duration: float) -> dict:
    threads = min(connections, 2)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(duration)}s", "--latency", "--timeout", "5s",
         "-H", f"Authorization: Bearer {token}", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(label: str) -> float:
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": latency("50"), "p99": latency("99"), "errors": int(non2xx.group(1)) if non2xx else 0}


async def _py_load(url: str, token: str, connections: int, duration: float) -> dict:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = (f"GET {target} HTTP/1.1\r\nHost: {parts.hostname}\r\n"
               f"Authorization: Bearer {token}\r\n\r\n").encode()  # fmt: skip
    latencies: list[float] = []
    errors = 0
    stop_at = time.monotonic() + duration

    async def client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not head.startswith(b"HTTP/1.1 2")
        writer.close()

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(connections)))
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / elapsed, "p50": cuts[49], "p99": cuts[98], "errors": errors}


def load(url: str, token: str, connections: int, duration: float) -> dict:
    if shutil.which("wrk"):
        return wrk(url, token, connections, duration)
    return asyncio.run(_py_load(url, token, connections, duration))


def one_connection_ms(url: str, token: str, requests: int = 300) -> float:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


# --- where a request's time goes (in-process) -----------------------------------------------------


def breakdown(token: str, endpoints: dict[str, str], runs: int = 400) -> None:
    """Median microseconds per part of the poll request, measured in this process: the whole
    request through Django's test client (middleware, DRF, auth, throttle, view, renderer), each
    SQL statement it sends, and the parts called one by one."""
    import cProfile
    import pstats
    from collections import defaultdict

    from django.test import Client
    from rest_framework.renderers import JSONRenderer

    from accounts.services import token_lookup, token_touch
    from accounts.throttling import UserRateThrottle
    from analysis.selectors import jobs_for_upload, upload_for_owner
    from analysis.serializers import JobSerializer

    path = endpoints["jobs (poll)"]
    upload_id = int(path.rsplit("=", 1)[1])
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    drf_client = client  # a second query parameter sends the request down the DRF path
    bare = Client()
    statements: dict[str, list[float]] = defaultdict(list)

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements[" ".join(sql.split())[:70]].append((time.perf_counter() - started) * 1e6)

    def median_us(fn, n: int = runs) -> float:
        fn()
        timings = []
        for _ in range(n):
            started = time.perf_counter()
            fn()
            timings.append((time.perf_counter() - started) * 1e6)
        return statistics.median(timings)

    token_obj = token_lookup(token)
    user = token_obj.user
    upload = upload_for_owner(user=user, upload_id=upload_id)
    jobs = jobs_for_upload(upload=upload)

    class FakeRequest:
        META = {"REMOTE_ADDR": "127.0.0.1"}

        def __init__(self):
            self.user = user

    throttle = UserRateThrottle()
    from django.test import RequestFactory

    from accounts.hotpath import auth_params, bearer_hash, run_statement
    from analysis.api import _jobs_statement, jobs_fast

    fast_request = RequestFactory().get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    key_hash = bearer_hash(fast_request)
    sql, fixed, _ = _jobs_statement()
    statement_params = {**auth_params(key_hash), **fixed, "upload_id": upload_id}
    parts = {
        "fast path: whole request (test client)": lambda: client.get(path),
        "fast path: the view (jobs_fast)": lambda: jobs_fast(fast_request, key_hash),
        "fast path: its one statement": lambda: run_statement(sql, statement_params),
        "SELECT 1 (a round trip)": lambda: run_statement("SELECT 1", {}),
    }
    print(f"\nthe fast path (median of {runs}):")
    for name, fn in parts.items():
        print(f"  {name:<40} {median_us(fn):>8.0f} us")
    parts = {
        "DRF path: whole request (test client)": lambda: drf_client.get(path + "&x=drf"),
        "bare view (test client)": lambda: bare.get("/bench/bare"),
        "token lookup (SELECT token+user)": lambda: token_lookup(token),
        "token touch (no write: < 1 min)": lambda: token_touch(token_obj),
        "rate limit (GCRA upsert)": lambda: throttle.allow_request(FakeRequest(), None),
        "upload ownership (SELECT upload)": lambda: upload_for_owner(user=user, upload_id=upload_id),
        "jobs (SELECT 3 jobs)": lambda: jobs_for_upload(upload=upload),
        "serialise (JobSerializer x3)": lambda: JobSerializer(jobs, many=True).data,
        "render (JSONRenderer)": lambda: JSONRenderer().render(JobSerializer(jobs, many=True).data),
    }
    print(f"\nwhere the poll request's time went on the DRF path (in-process, median of {runs}):")
    for name, fn in parts.items():
        print(f"  {name:<36} {median_us(fn):>8.0f} us")
    with connection.execute_wrapper(timed_sql):
        for _ in range(runs):
            drf_client.get(path + "&x=drf")
    print("  SQL statements per request (median us each, client side):")
    for sql, timings in statements.items():
        print(f"    {len(timings) / runs:>4.1f} x {statistics.median(timings):>6.0f} us  {sql}")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        drf_client.get(path + "&x=drf")
    profiler.disable()
    print("  top functions by cumulative time (cProfile):")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(25)


# --- the run ---------------------------------------------------------------------------------------


def check_endpoints(web: Web, token: str, endpoints: dict[str, str]) -> None:
    for name, path in {"bare": "/bench/bare", **endpoints}.items():
        request = urllib.request.Request(web.url + path, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request) as response:
            assert response.status == 200, (name, response.status)


def compare(web: Web, token: str, endpoints: dict[str, str], rounds: int, duration: float) -> bool:
    results: dict[str, list[dict]] = {name: [] for name in ["bare", *endpoints]}
    for _ in range(rounds):
        bare = load(web.url + "/bench/bare", token, CONNECTIONS, duration)
        results["bare"].append(bare | {"ratio": 1.0})
        for name, path in endpoints.items():
            figures = load(web.url + path, token, CONNECTIONS, duration)
            results[name].append(figures | {"ratio": figures["rps"] / bare["rps"]})
    print(f"\n{web.processes} web process(es), {CONNECTIONS} connections, {rounds} rounds x {duration:g} s "
          f"({'wrk' if shutil.which('wrk') else 'python load generator'})")
    print(f"{'endpoint':<22} {'req/s':>14} {'ratio':>12} {'p50 ms':>7} {'p99 ms':>13} {'non-2xx':>8} {'1 conn ms':>10}")
    ok = True
    for name, runs in results.items():
        path = "/bench/bare" if name == "bare" else endpoints[name]
        rps = [r["rps"] for r in runs]
        ratios = [r["ratio"] for r in runs]
        p99s = [r["p99"] for r in runs]
        single = one_connection_ms(web.url + path, token)
        print(f"{name:<22} {min(rps):>6.0f}-{max(rps):<7.0f} {min(ratios):>5.2f}-{max(ratios):<6.2f} "
              f"{statistics.median(r['p50'] for r in runs):>7.1f} {min(p99s):>6.1f}-{max(p99s):<6.1f} "
              f"{sum(r['errors'] for r in runs):>8} {single:>10.2f}")  # fmt: skip
        if name == "jobs (poll)":
            ok = statistics.median(ratios) >= TARGET_RATIO and max(p99s) < TARGET_P99_MS
    print(f"poll endpoint target: ratio >= {TARGET_RATIO}, p99 < {TARGET_P99_MS} ms: {'ok' if ok else 'MISSED'}")
    return ok


def scale(token: str, endpoints: dict[str, str], rounds: int, duration: float) -> bool:
    path = endpoints["jobs (poll)"]
    figures: dict[int, list[float]] = {1: [], 2: []}
    webs = {count: Web(count) for count in (1, 2)}
    try:
        for _ in range(rounds):
            for count, web in webs.items():
                figures[count].append(load(web.url + path, token, CONNECTIONS, duration)["rps"])
    finally:
        for web in webs.values():
            web.stop()
    one, two = statistics.median(figures[1]), statistics.median(figures[2])
    ok = two >= TARGET_SCALE * one
    print(f"\npoll endpoint, 1 vs 2 web processes: {one:.0f} vs {two:.0f} req/s = {two / one:.2f}x "
          f"(target >= {TARGET_SCALE}x): {'ok' if ok else 'MISSED'}")
    return ok


def main() -> int:
    from django.test.utils import setup_test_environment

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--scale", action="store_true", help="also compare 1 and 2 web processes")
    parser.add_argument("--only", help="comma-separated endpoint names to measure")
    parser.add_argument("--breakdown", action="store_true", help="where the poll request's time goes, then stop")
    args = parser.parse_args()

    setup_test_environment()
    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_api"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        token, endpoints = make_data()
        if args.breakdown:
            settings.ROOT_URLCONF = "bench.api_urls"
            breakdown(token, endpoints)
            return 0
        if args.only:
            endpoints = {k: v for k, v in endpoints.items() if k in args.only.split(",")}
        connection.close()
        print(f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.1f} (1 min)")
        web = Web(args.processes)
        try:
            check_endpoints(web, token, endpoints)
            ok = compare(web, token, endpoints, args.rounds, args.duration)
        finally:
            web.stop()
        if args.scale:
            ok &= scale(token, endpoints, args.rounds, args.duration)
        return 0 if ok else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the /ws chat: N authenticated connections held on one daphne, reply latency for questions.

One real daphne process (the same command `make run` uses) serves a fresh database; this process
opens N WebSocket connections with the `websockets` client (USERS_PER_TAB tabs per user, each
user with a completed analysis and the real Q&A bank), authenticates every one with a bearer
token, then measures, per reply, the time from sending {"type": "message"} to receiving the
answer on that socket:

- "qa, repeated": the four standard questions, asked again and again (the question embedding is
  cached after its first use, so this is the steady state for common questions);
- "qa, new wording": a different wording every time, so every question is embedded by MiniLM;
- "job_update fan-out": an event published from this process (as the worker does) until all of
  one user's tabs have it, through the Postgres channel layer.

At most one question per user is in flight (so replies and the relays to sibling tabs cannot be
confused) and IN_FLIGHT questions run at once. Finally every connection must still answer a ping.

    .venv/bin/python bench/chat.py                     # 1,000 connections
    .venv/bin/python bench/chat.py --connections 3000  # find the ceiling

Uses its own database (bench_chat) on the embedded PostgreSQL under DATA_DIR (default
.data/bench), created and dropped by the run. Client and server share this machine's CPUs.
"""

import argparse
import asyncio
import itertools
import json
import os
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

QUESTIONS = [
    "What are my top skills?",
    "Where do I work now?",
    "How many years of experience do I have?",
    "Where did I study?",
]
REWORDINGS = [
    "Could you list the strongest skills on the resume{}?",
    "Which company is the candidate employed at today{}?",
    "What is the total length of the professional career{}?",
    "Which university degree does the resume mention{}?",
]
TABS_PER_USER = 10
FRAME_IDS = itertools.count(1)
TARGET_P95_MS = 100


def raise_open_files_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def make_users(count: int) -> list[tuple[int, str]]:
    """`count` users (token-only: no password to hash), each with a completed analysis
    (chunks + Q&A bank embedded once, then copied)."""
    from accounts.models import User
    from accounts.services import token_issue
    from analysis.models import QAPair, ResumeChunk

    template = _make_analysis(User.objects.create_user(email="bench0@example.com", password=None, name="Bench 0"))
    chunks = list(ResumeChunk.objects.filter(job=template))
    pairs = list(QAPair.objects.filter(profile=template.profile))
    users = [(template.owner_id, token_issue(user=template.owner).raw)]
    for number in range(1, count):
        user = User.objects.create_user(email=f"bench{number}@example.com", password=None, name=f"Bench {number}")
        job = _make_analysis(user, embed=False)
        ResumeChunk.objects.bulk_create(
            ResumeChunk(job=job, index=c.index, section=c.section, text=c.text, embedding=c.embedding) for c in chunks
        )
        QAPair.objects.bulk_create(
            QAPair(profile=job.profile, question=p.question, answer=p.answer, embedding=p.embedding) for p in pairs
        )
        users.append((user.pk, token_issue(user=user).raw))
    return users


def _make_analysis(user, embed: bool = True):
    from datetime import UTC, datetime

    from analysis.documents.chunking import chunk_text
    from analysis.models import AnalysisJob, JobStatus, ResumeChunk, UserProfile
    from analysis.qa_bank import qa_bank_build
    from resume_analyzer.ai.embeddings import embed_texts
    from tests.chat.conftest import PROFILE, RESUME_TEXT
    from uploads.models import Upload

    upload = Upload.objects.create(
        owner=user, file="resumes/bench.pdf", filename="bench.pdf", kind="pdf",
        content_type="application/pdf", file_size=1000, sha256="0" * 64,
    )  # fmt: skip
    job = AnalysisJob.objects.create(
        upload=upload, owner=user, status=JobStatus.COMPLETED, progress=100,
        extracted_text=RESUME_TEXT, completed_at=datetime.now(UTC),
    )  # fmt: skip
    profile = UserProfile.objects.create(job=job, **PROFILE)
    if embed:
        chunks = chunk_text(RESUME_TEXT)
        vectors = embed_texts([chunk.embedding_text for chunk in chunks])
        ResumeChunk.objects.bulk_create(
            ResumeChunk(job=job, index=c.index, section=c.section, text=c.text, embedding=v)
            for c, v in zip(chunks, vectors, strict=True)
        )
        qa_bank_build(profile=profile)
    return job


class Tab:
    """One connection; a reader task files every frame into a queue."""

    def __init__(self, user_id: int, ws) -> None:
        self.user_id, self.ws = user_id, ws
        self.inbox: asyncio.Queue[dict] = asyncio.Queue()
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        async for frame in self.ws:
            await self.inbox.put(json.loads(frame))

    async def expect(self, predicate, timeout: float = 60) -> dict:
        while True:
            message = await asyncio.wait_for(self.inbox.get(), timeout)
            if predicate(message):
                return message

    def drain(self) -> None:
        while not self.inbox.empty():
            self.inbox.get_nowait()


async def open_tab(server, user_id: int, token: str) -> Tab:
    ws = await connect(
        server.ws_url, origin=server.url, compression=None, proxy=None, ping_interval=None,
        max_size=None, open_timeout=60,
    )  # fmt: skip
    tab = Tab(user_id, ws)
    await ws.send(json.dumps({"type": "auth", "token": token}))
    await tab.expect(lambda m: m["type"] == "history")
    return tab


async def open_all(server, users: list[tuple[int, str]], total: int, batch: int = 50) -> list[Tab]:
    plan = [users[number % len(users)] for number in range(total)]
    tabs: list[Tab] = []
    for start in range(0, total, batch):
        tabs += await asyncio.gather(*(open_tab(server, uid, token) for uid, token in plan[start : start + batch]))
    return tabs


async def ask(tab: Tab, question: str) -> tuple[float, dict]:
    frame_id = next(FRAME_IDS)
    started = time.perf_counter()
    await tab.ws.send(json.dumps({"type": "message", "content": question, "msg_type": "text", "id": frame_id}))
    reply = await tab.expect(lambda m: m.get("reply_to") == frame_id)
    return (time.perf_counter() - started) * 1000, reply


async def latency_run(tabs: list[Tab], questions: int, in_flight: int, wording) -> tuple[list[float], int]:
    """`questions` questions, `in_flight` at a time, never two at once for the same user."""
    by_user: dict[int, list[Tab]] = {}
    for tab in tabs:
        by_user.setdefault(tab.user_id, []).append(tab)
    free_users = list(by_user)
    random.shuffle(free_users)
    timings: list[float] = []
    from_qa = 0
    lock = asyncio.Lock()

    async def worker(count: int) -> None:
        nonlocal from_qa
        for number in range(count):
            async with lock:
                user = free_users.pop(0)
            tab = random.choice(by_user[user])
            elapsed, reply = await ask(tab, wording(number))
            if reply["type"] != "message":
                raise RuntimeError(f"bad reply: {reply}")
            from_qa += bool(reply["metadata"].get("from_qa"))
            timings.append(elapsed)
            async with lock:
                free_users.append(user)

    share = [questions // in_flight + (1 if n < questions % in_flight else 0) for n in range(in_flight)]
    await asyncio.gather(*(worker(count) for count in share))
    for tab in tabs:
        tab.drain()
    return timings, from_qa


async def fan_out_run(tabs: list[Tab], events: int) -> list[float]:
    from django.db import connections

    from chat.events import group_send_sync, user_group

    # Django's ORM is synchronous: publish from one thread, as the worker would, and close its
    # connection at the end so the benchmark database can be dropped.
    publisher = ThreadPoolExecutor(max_workers=1)
    loop = asyncio.get_running_loop()

    by_user: dict[int, list[Tab]] = {}
    for tab in tabs:
        by_user.setdefault(tab.user_id, []).append(tab)
    timings = []
    for number in range(events):
        user = random.choice(list(by_user))
        job_id = f"bench-{number}"
        event = {"type": "job.update", "job_id": job_id, "status": "analyzing", "progress": 70}
        started = time.perf_counter()
        await loop.run_in_executor(publisher, group_send_sync, user_group(user), event)
        await asyncio.gather(
            *(t.expect(lambda m, j=job_id: m["type"] == "job_update" and m["job_id"] == j) for t in by_user[user])
        )
        timings.append((time.perf_counter() - started) * 1000)
    await loop.run_in_executor(publisher, connections.close_all)
    publisher.shutdown()
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def row(name: str, timings: list[float], extra: str = "") -> str:
    return (
        f"{name:<28} {len(timings):>6} {statistics.median(timings):>8.1f} {percentile(timings, 0.95):>8.1f} "
        f"{percentile(timings, 0.99):>8.1f} {max(timings):>8.1f}  {extra}"
    )


async def run(server, users, args) -> bool:
    started = time.perf_counter()
    tabs = await open_all(server, users, args.connections)
    opened_s = time.perf_counter() - started
    print(f"connections open and authenticated: {len(tabs)} in {opened_s:.1f} s; daphne RSS {rss_mb(server.proc.pid):.0f} MB")
    for question in QUESTIONS:  # warm up: loads the model in daphne, fills the question cache
        await ask(tabs[0], question)
    for tab in tabs:
        tab.drain()

    print(f"\n{'case':<28} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}  daphne cpu ms/answer")
    passed = True
    pid = server.proc.pid
    for in_flight in args.in_flight:
        cpu = cpu_seconds(pid)
        timings, from_qa = await latency_run(tabs, args.questions, in_flight, lambda n: QUESTIONS[n % 4])
        cpu_ms = (cpu_seconds(pid) - cpu) * 1000 / len(timings)
        print(row(f"qa, repeated, {in_flight} in flight", timings, f"{cpu_ms:.1f}  (from_qa {from_qa}/{len(timings)})"))
        passed &= percentile(timings, 0.95) < TARGET_P95_MS or in_flight > 1
        cpu = cpu_seconds(pid)
        timings, from_qa = await latency_run(
            tabs, args.questions, in_flight, lambda n, k=in_flight: REWORDINGS[n % 4].format(f" (#{n}-{k})")
        )
        cpu_ms = (cpu_seconds(pid) - cpu) * 1000 / len(timings)
        print(row(f"qa, new wording, {in_flight} in flight", timings, f"{cpu_ms:.1f}  (from_qa {from_qa}/{len(timings)})"))
    fan_out = await fan_out_run(tabs, args.events)
    print(row(f"job_update to {args.tabs_per_user} tabs", fan_out))

    alive = await asyncio.gather(*(tab.ws.ping() for tab in tabs), return_exceptions=True)
    pongs = await asyncio.gather(
        *(asyncio.wait_for(waiter, 30) for waiter in alive if not isinstance(waiter, Exception)), return_exceptions=True
    )
    held = sum(1 for pong in pongs if not isinstance(pong, Exception))
    print(f"\nconnections still answering pings at the end: {held}/{len(tabs)}; daphne RSS {rss_mb(server.proc.pid):.0f} MB")
    await asyncio.gather(*(tab.ws.close() for tab in tabs), return_exceptions=True)
    return passed and held == len(tabs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=400, help="questions per case")
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--tabs-per-user", type=int, default=TABS_PER_USER)
    args = parser.parse_args()
    print(f"open files limit: {raise_open_files_limit()}")

    from tests.support.processes import ServerProcess, test_database_url

    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_chat"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    server = None
    try:
        users = make_users(max(1, args.connections // args.tabs_per_user))
        server = ServerProcess(database_url=test_database_url())
        server.start()
        print(f"daphne pid {server.proc.pid}: {len(users)} users x {args.tabs_per_user} tabs")
        passed = asyncio.run(run(server, users, args))
    finally:
        if server is not None:
            server.stop()
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"\ntarget: {args.connections} connections held, p95 < {TARGET_P95_MS} ms (1 in flight): {'met' if passed else 'MISSED'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark local interview generation: median time for 10 questions with answers (target < 200 ms).

Three figures per case: the generator alone (profile → questions and answers, no I/O), and the
whole POST /api/interview/generate and /regenerate-answer requests through the in-process Django
stack (middleware, bearer-token auth, throttles, ownership checks, storing the set in PostgreSQL,
JSON rendering), measured around the test client call, so only the socket is excluded. "cpu ms"
is this process's CPU time (PostgreSQL's share excluded).

    .venv/bin/python bench/interview.py          # prints a table; exit status 1 if the target is missed

Uses its own database (bench_interview) on the embedded PostgreSQL under DATA_DIR (default
.data/bench), created and dropped by the run.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "bench"))
os.environ.setdefault("AI_BACKEND", "local")
# Hundreds of generations a minute: the throttles must not answer 429 here.
os.environ.setdefault("THROTTLE_USER", "10000000/min")
os.environ.setdefault("THROTTLE_EXPENSIVE", "10000000/min")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

TARGET_MS = 200
RUNS = 100


def make_completed_job():
    from accounts.models import User
    from accounts.services import token_issue
    from analysis.models import AnalysisJob, JobStatus, UserProfile
    from tests.interview.conftest import PROFILE
    from uploads.models import Upload

    user = User.objects.create_user(
        email="bench@example.com", password="bench-interview-pass-1", name="Bench"
    )
    upload = Upload(
        owner=user,
        filename="resume.pdf",
        kind="pdf",
        content_type="application/pdf",
        file_size=12,
        sha256="0" * 64,
    )
    upload.file.save("resume.pdf", ContentFile(b"%PDF-1.4 bench"), save=False)
    upload.save()
    job = AnalysisJob.objects.create(
        upload=upload, owner=user, status=JobStatus.COMPLETED, progress=100
    )
    UserProfile.objects.create(job=job, **PROFILE)
    return job, token_issue(user=user).raw


def timed(call) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def bench_generator(count: int) -> list[tuple[float, float]]:
    from interview.generators import generate_set
    from tests.interview.conftest import PROFILE

    def one() -> None:
        result = generate_set(
            profile=PROFILE,
            job_title="Staff Engineer",
            company="ABC Corp",
            count=count,
            seed=random.getrandbits(63),
        )
        assert len(result.questions) == count

    return [timed(one) for _ in range(RUNS)]


def bench_api(client: Client, job, url: str, body: dict) -> list[tuple[float, float]]:
    def one() -> None:
        response = client.post(url, data=json.dumps(body), content_type="application/json")
        assert response.status_code == 200, response.content

    one()  # warm-up: first request imports and compiles templates of the stack
    return [timed(one) for _ in range(RUNS)]


def report(results: dict[str, list[tuple[float, float]]]) -> bool:
    print(
        f"{'case':<44} {'runs':>5} {'median ms':>10} {'p90 ms':>8} {'cpu ms':>7} {'target':>8}  result"
    )
    ok = True
    for name, timings in results.items():
        walls = [wall for wall, _ in timings]
        median, p90 = statistics.median(walls), statistics.quantiles(walls, n=10)[-1]
        cpu = statistics.median(c for _, c in timings)
        passed = median < TARGET_MS
        ok &= passed
        print(
            f"{name:<44} {len(timings):>5} {median:>10.2f} {p90:>8.2f} {cpu:>7.2f} {'< ' + str(TARGET_MS):>8}  "
            f"{'ok' if passed else 'MISSED'}"
        )
    return ok


def main() -> int:
    setup_test_environment()
    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_interview"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        job, token = make_completed_job()
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        generate = {"job_id": str(job.id), "job_title": "Staff Engineer", "company": "ABC Corp"}
        results = {
            "generator only, 10 questions + answers": bench_generator(10),
            "generator only, 50 questions + answers": bench_generator(50),
            "POST /api/interview/generate (10)": bench_api(
                client, job, "/api/interview/generate", {**generate, "num_questions": 10}
            ),
            "POST /api/interview/generate (50)": bench_api(
                client, job, "/api/interview/generate", {**generate, "num_questions": 50}
            ),
            "POST /api/interview/regenerate-answer": bench_api(
                client,
                job,
                "/api/interview/regenerate-answer",
                {"job_id": str(job.id), "question_id": "q1"},
            ),
        }
        print(
            f"backend: {settings.AI_BACKEND}; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
            f"load average {os.getloadavg()[0]:.1f} (1 min)"
        )
        return 0 if report(results) else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())

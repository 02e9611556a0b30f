"""Benchmark GET /api/analysis/export: median server time per format, cold and cached.

Server time is one request through the whole in-process Django stack (middleware, bearer-token
auth, rate limit, ownership query, kept file, rendering, response), measured around the test
client call, so it excludes only the socket. "Cold" bumps the profile version before every
request, so the kept file no longer matches and the export renders afresh; "cached" repeats the
request for an unchanged profile; "304" sends the ETag back in If-None-Match. Every case runs
twice: as deployed, and with the view's rate limit off (one upsert on accounts_ratelimit per
request), which isolates the export path's own cost. The median is wall-clock; "cpu ms" is this
process's CPU time per request (PostgreSQL's share excluded), which shows what the request costs
when other work shares the CPUs.

    .venv/bin/python bench/export.py            # prints a table (a figure, not a pass/fail test)

Uses its own database (bench_export) on the embedded PostgreSQL under DATA_DIR (default
.data/bench), created and dropped by the run.
"""

import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "bench"))
# The benchmark sends thousands of requests a minute; the per-user throttle must not answer 429.
os.environ.setdefault("THROTTLE_USER", "10000000/min")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

# (cold target, cached target) in milliseconds, from issue 6.
TARGETS = {"json": (5, 5), "csv": (5, 5), "pdf": (300, 5), "docx": (50, 5)}
RUNS = {"cold": {"json": 40, "csv": 40, "pdf": 15, "docx": 25}, "cached": 150}
RESUME_PDF = BASE_DIR / "tests" / "fixtures" / "files" / "resume.pdf"


def make_completed_job():
    from accounts.models import User
    from accounts.services import token_issue
    from analysis.models import AnalysisJob, JobStatus, UserProfile
    from tests.export.sample import SAMPLE_PROFILE
    from uploads.models import Upload

    user = User.objects.create_user(email="bench@example.com", password="bench-export-pass-1", name="Bench")
    content = RESUME_PDF.read_bytes()
    upload = Upload.objects.create(
        owner=user, file=ContentFile(content, name="resume.pdf"), filename="resume.pdf", kind="pdf",
        content_type="application/pdf", file_size=len(content), sha256=hashlib.sha256(content).hexdigest(),
    )
    job = AnalysisJob.objects.create(upload=upload, owner=user, status=JobStatus.COMPLETED, progress=100)
    UserProfile.objects.create(job=job, **SAMPLE_PROFILE)
    return job, token_issue(user=user).raw


def timed_get(client: Client, url: str, headers: dict) -> tuple[float, float, object]:
    """Wall and CPU milliseconds of one request (CPU: this process only, not PostgreSQL's)."""
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url, **headers)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, response


def measure(client: Client, job, fmt: str, mode: str, runs: int) -> list[tuple[float, float]]:
    from analysis.models import UserProfile

    url = f"/api/analysis/export?job_id={job.id}&format={fmt}"
    etag = client.get(url)["ETag"]
    timings = []
    for _ in range(runs):
        headers = {"HTTP_IF_NONE_MATCH": etag} if mode == "304" else {}
        if mode == "cold":
            UserProfile.objects.filter(job=job).update(version=F("version") + 1)
        wall, cpu, response = timed_get(client, url, headers)
        assert response.status_code == (304 if mode == "304" else 200), response.status_code
        timings.append((wall, cpu))
    return timings


def report(results: dict[tuple[str, str], list[tuple[float, float]]]) -> bool:
    """Prints the table; True when every median meets its target."""
    print(f"{'format':<6} {'mode':<20} {'runs':>5} {'median ms':>10} {'p90 ms':>8} {'cpu ms':>7} {'target':>8}  result")
    ok = True
    for (fmt, mode), timings in results.items():
        target = TARGETS[fmt][0 if mode.startswith("cold") else 1]
        walls = [wall for wall, _ in timings]
        median, p90 = statistics.median(walls), statistics.quantiles(walls, n=10)[-1]
        cpu = statistics.median(cpu for _, cpu in timings)
        passed = median < target
        ok &= passed
        print(f"{fmt:<6} {mode:<20} {len(timings):>5} {median:>10.2f} {p90:>8.2f} {cpu:>7.2f} {'< ' + str(target):>8}  "
              f"{'ok' if passed else 'MISSED'}")
    return ok


def measure_all(client: Client, job, label: str) -> dict[tuple[str, str], list[tuple[float, float]]]:
    results = {}
    for fmt in TARGETS:
        # One warm-up render so process start-up (imports, font discovery) is not counted.
        measure(client, job, fmt, "cold", 1)
        results[(fmt, "cold" + label)] = measure(client, job, fmt, "cold", RUNS["cold"][fmt])
        results[(fmt, "cached" + label)] = measure(client, job, fmt, "cached", RUNS["cached"])
        results[(fmt, "304" + label)] = measure(client, job, fmt, "304", RUNS["cached"])
    return results


def main() -> int:
    from analysis.exports.api import ExportView

    setup_test_environment()
    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_export"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        job, token = make_completed_job()
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        results = measure_all(client, job, "")
        # Again without the per-user rate limit (accounts/throttling.py): the export path's own cost.
        throttles, ExportView.throttle_classes = ExportView.throttle_classes, []
        results |= measure_all(client, job, ", no throttle")
        ExportView.throttle_classes = throttles
        print(f"python {sys.version.split()[0]}; "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} (1 min)")
        report(results)
        return 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())

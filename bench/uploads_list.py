"""Benchmark the resumes list as candidates (issue 15): GET /api/uploads and the /uploads page at
1,000 and 10,000 uploads of one user, each with a completed profile, one in ten a second version
of an earlier candidate (same email), so grouping has work to do.

Server time is one request through the whole in-process Django stack (middleware, auth, rate
limit, the list with its candidate grouping, annotations, filters, sorting, one page of 25),
measured around the test client call. Median of RUNS requests, wall-clock. The grouping is kept
per process while nothing it depends on changed; the "afresh" row clears it before each request
(the cost of the first read after an upload, a deletion or a profile change).

    .venv/bin/python bench/uploads_list.py          # prints a table (a figure, not a pass/fail test)

Uses its own database (bench_uploads_list) on the embedded PostgreSQL under DATA_DIR (default
.data/bench), created and dropped by the run.
"""

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "bench"))
os.environ.setdefault("THROTTLE_USER", "10000000/min")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SIZES = (1_000, 10_000)
RUNS = 15
SKILLS = ["Python", "Go", "Kafka", "SQL", "Java", "Spark", "React", "AWS", "Kubernetes", "Rust", "ACLS", "ICU"]
CITIES = ["Leeds, UK", "Pune, India", "Austin, TX", "Berlin, Germany", "Lagos, Nigeria"]
QUERIES = {
    "api, all uploads, newest first": "/api/uploads?limit=25",
    "api, candidates (latest=true)": "/api/uploads?latest=true&limit=25",
    "api, candidates by name": "/api/uploads?latest=true&sort=name&limit=25",
    "api, skills=kafka,python": "/api/uploads?latest=true&skills=kafka,python&limit=25",
    "api, q=engineer, min_years=5": "/api/uploads?latest=true&q=engineer&min_years=5&limit=25",
    "page /uploads": "/uploads",
    "page /uploads?sort=-years": "/uploads?sort=-years",
}


def populate(user, count: int, start: int) -> None:
    from analysis.models import AnalysisJob, JobStatus, UserProfile
    from uploads.models import Upload

    uploads = [
        Upload(owner=user, file=f"resumes/bench-{index}.pdf", filename=f"candidate-{index}.pdf", kind="pdf",
               content_type="application/pdf", file_size=40_000 + index, sha256=f"{index:064x}")
        for index in range(start, start + count)
    ]
    Upload.objects.bulk_create(uploads, batch_size=2000)
    jobs = [AnalysisJob(upload=upload, owner=user, status=JobStatus.COMPLETED, progress=100) for upload in uploads]
    AnalysisJob.objects.bulk_create(jobs, batch_size=2000)
    profiles = []
    for job, upload in zip(jobs, uploads, strict=True):
        index = int(upload.filename.split("-")[1].split(".")[0])
        person = index - 7 if index % 10 == 9 and index >= 7 else index  # one in ten: a second version
        profiles.append(UserProfile(
            job=job,
            personal_info={"name": f"Person {person}", "email": f"person{person}@example.com",
                           "phone": f"+1 555 {person:07d}", "location": CITIES[person % len(CITIES)]},
            skills={"Languages": [SKILLS[person % 12], SKILLS[(person * 7) % 12]], "Tools": [SKILLS[(person * 5) % 12]]},
            experience=[{"company": f"Company {person % 300}", "role": "Engineer" if person % 3 else "Nurse",
                         "start_date": "2019-01", "end_date": "Present", "years": 5, "description": "Built things."}],
            total_years_experience=float(person % 20),
        ))
    UserProfile.objects.bulk_create(profiles, batch_size=2000)


COLD = "api, candidates, grouping worked out afresh"


def measure(client: Client, path: str, cold: bool = False) -> float:
    from uploads import listing

    times = []
    for _ in range(RUNS):
        if cold:  # as after any upload, deletion or profile change
            listing._groupings.clear()
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times)


def main() -> int:
    from accounts.models import User
    from accounts.services import token_issue

    setup_test_environment()
    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_uploads_list"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        user = User.objects.create_user(email="bench@example.com", password="bench-list-pass-1", name="Bench")
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user).raw}")
        client.force_login(user)
        rows: dict[str, list[float]] = {name: [] for name in QUERIES}
        done = 0
        for size in SIZES:
            populate(user, size - done, done)
            done = size
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            for name, path in QUERIES.items():
                rows[name].append(measure(client, path))
            rows.setdefault(COLD, []).append(measure(client, QUERIES["api, candidates (latest=true)"], cold=True))
        print(f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.1f} (1 min); median of {RUNS} requests, ms")
        print("| request | " + " | ".join(f"{size:,} uploads" for size in SIZES) + " |")
        print("|---|" + "---:|" * len(SIZES))
        for name, values in rows.items():
            print(f"| {name} | " + " | ".join(f"{value:.0f}" for value in values) + " |")
        return 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())

"""Fuzz the API against its own OpenAPI schema with schemathesis (issues 18 and 19).

    .venv/bin/pip install schemathesis        # not a project dependency; tested with 4.32.5
    .venv/bin/python bench/fuzz_api.py        # default: 40 generated cases per operation and phase
    .venv/bin/python bench/fuzz_api.py --max-examples 80 --seed 1
    .venv/bin/python bench/fuzz_api.py --checks all   # every schemathesis check (issue 19)

A fresh database (fuzz_api on the embedded PostgreSQL under DATA_DIR, default .data/bench) holds
one user with a bearer token, an upload with a completed analysis (profile), a failed one and a
saved interview question. daphne is started as the tests start it (tests/support/processes.py
ServerProcess), with the rate limits raised (not removed) so the fuzzer meets the code behind them.

schemathesis (`st run`) then reads /api/schema from the live server and runs every phase
(examples, coverage, fuzzing, stateful) against every operation with the bearer token and the
checks not_a_server_error, response_schema_conformance and status_code_conformance. POST
/api/auth/logout revokes the token it is called with, so it runs last, alone, with a token of its
own. The script prints the cases per operation (from schemathesis's NDJSON event stream), the 5xx
responses and the schema violations, and exits 1 on any failure or with fewer than 1,000 cases.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

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
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance"
MIN_CASES = 1000
LOGOUT = "POST /api/auth/logout"


def make_data() -> tuple[str, str]:
    """Two bearer tokens of one user with a little data: one for the run, one for logout."""
    from accounts.models import User
    from accounts.services import token_issue
    from analysis.models import AnalysisJob, JobStatus, UserProfile
    from interview.models import SavedQuestion
    from tests.export.sample import SAMPLE_PROFILE
    from uploads.models import Upload

    user = User.objects.create_user(email="fuzz@example.com", password="fuzz-api-pass-1", name="Fuzz")
    content = RESUME_PDF.read_bytes()
    upload = Upload.objects.create(
        owner=user, file=ContentFile(content, name="resume.pdf"), filename="resume.pdf", kind="pdf",
        content_type="application/pdf", file_size=len(content), sha256=hashlib.sha256(content).hexdigest(),
    )  # fmt: skip
    completed = AnalysisJob.objects.create(upload=upload, owner=user, status=JobStatus.COMPLETED, progress=100)
    UserProfile.objects.create(job=completed, **SAMPLE_PROFILE)
    AnalysisJob.objects.create(upload=upload, owner=user, status=JobStatus.FAILED, progress=20,
                               error_message="Text extraction failed: fuzz")
    SavedQuestion.objects.create(
        owner=user, question_id="q1", question="Question?", fingerprint="f1", answer="An answer.",
        category="Technical", difficulty="Medium", tags=["python"],
    )  # fmt: skip
    return token_issue(user=user).raw, token_issue(user=user).raw


def st_run(url: str, token: str, out: Path, args, only: str | None) -> Path:
    """One `st run`; returns its VCR cassette (every case: request, response, check results)."""
    st = shutil.which("st", path=str(Path(sys.executable).parent)) or shutil.which("st")
    if not st:
        raise SystemExit("schemathesis is not installed: .venv/bin/pip install schemathesis")
    cassette = out.with_suffix(".yaml")
    command = [
        st, "run", f"{url}/api/schema?format=json", "--url", url,
        "--header", f"Authorization: Bearer {token}", "--checks", args.checks,
        "--max-examples", str(args.max_examples), "--workers", str(args.workers),
        "--seed", str(args.seed), "--generation-database", "none", "--request-timeout", "30",
        "--suppress-health-check", "all", "--no-color",
        "--report", "vcr,junit", "--report-vcr-path", str(cassette),
        "--report-junit-path", str(out.with_suffix(".xml")),
        "--include-name" if only else "--exclude-name", LOGOUT,
    ]  # fmt: skip
    with open(out.with_suffix(".log"), "w") as log:
        subprocess.run(command, cwd=out.parent, stdout=log, stderr=subprocess.STDOUT, check=False)
    return cassette


def operation_of(schema: dict, method: str, uri: str) -> str:
    """The schema operation a request was generated for ("other methods" for the coverage phase's
    probes with an undocumented method)."""
    path = urlsplit(uri).path
    # Literal paths first: /api/uploads/batch is not /api/uploads/{id}.
    for template, operations in sorted(schema["paths"].items(), key=lambda item: "{" in item[0]):
        if re.fullmatch(re.sub(r"\\{[^/]+?\\}", "[^/]*", re.escape(template)), path):
            name = method if method.lower() in operations else "(other methods)"
            return f"{name} {template}"
    return f"{method} {path} (not in the schema)"


def tally(schema: dict, cassettes: list[Path]) -> tuple[Counter, Counter, list[str]]:
    """Cases per operation, response status codes, and the failed checks (one line each).

    Read line by line: the cassette is schemathesis's VCR-like YAML, one `- id:` per case."""
    cases: Counter = Counter()
    statuses: Counter = Counter()
    failures: list[str] = []
    for cassette in cassettes:
        parsed: list[dict] = []
        case: dict = {}
        section = ""
        check = ""
        for line in cassette.read_text(errors="replace").splitlines():
            if line.startswith("- id: "):
                case = {"id": line.split(":", 1)[1].strip().strip("'"), "failed": []}
                parsed.append(case)
                section = ""
            elif not case:
                continue
            elif line.startswith("  ") and not line.startswith("   ") and line.strip().endswith(":"):
                section = line.strip()[:-1]
            elif section == "checks" and line.startswith("    - name: "):
                check = line.split(":", 1)[1].strip().strip("'")
            elif section == "checks" and line.startswith("      status: ") and "FAILURE" in line:
                case["failed"].append(check)
            elif section == "request" and line.startswith("    uri: "):
                case["uri"] = line.split(":", 1)[1].strip().strip("'")
            elif section == "request" and line.startswith("    method: "):
                case["method"] = line.split(":", 1)[1].strip().strip("'")
            elif section == "response" and line.startswith("      code: "):
                case["code"] = int(line.split(":", 1)[1].strip().strip("'"))
        for case in parsed:
            op = operation_of(schema, case.get("method", "?"), case.get("uri", ""))
            cases[op] += 1
            statuses[case.get("code", "no response")] += 1
            for name in case["failed"]:
                failures.append(f"{op}: {name} (status {case.get('code')}, case {case['id']})")
    return cases, statuses, failures


def main() -> int:
    from django.test.utils import setup_test_environment

    from tests.support.processes import ServerProcess, test_database_url

    parser = argparse.ArgumentParser()
    parser.add_argument("--max-examples", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--checks", default=CHECKS, help="schemathesis checks (e.g. all)")
    args = parser.parse_args()

    setup_test_environment()
    settings.DATABASES["default"]["TEST"]["NAME"] = "fuzz_api"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    out_dir = Path(settings.DATA_DIR) / "fuzz-api"
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        token, logout_token = make_data()
        database_url = test_database_url()
        connection.close()
        server = ServerProcess(database_url, env={
            "THROTTLE_USER": "100000000/min", "THROTTLE_EXPENSIVE": "100000000/min",
            "THROTTLE_AUTH": "100000000/min", "THROTTLE_AUTH_ACCOUNT": "100000000/min",
        })  # fmt: skip
        server.start()
        try:
            with urllib.request.urlopen(f"{server.url}/api/schema?format=json") as response:
                schema = json.load(response)
            cassettes = [st_run(server.url, token, out_dir / "run", args, only=None),
                         st_run(server.url, logout_token, out_dir / "logout", args, only=LOGOUT)]
        finally:
            server.stop()
        cases, statuses, failures = tally(schema, cassettes)
        total = sum(cases.values())
        server_errors = sum(n for code, n in statuses.items() if isinstance(code, int) and code >= 500)
        print(f"schemathesis; checks {args.checks}; seed {args.seed}; max-examples {args.max_examples}")
        for op, count in sorted(cases.items(), key=lambda item: item[0].split(" ", 1)[::-1]):
            print(f"  {count:6d}  {op}")
        documented = {f"{m.upper()} {path}" for path, ops in schema["paths"].items() for m in ops}
        untested = sorted(documented - set(cases))
        print(f"cases: {total}; {len(documented) - len(untested)} of {len(documented)} operations tested"
              + (f" (not: {', '.join(untested)})" if untested else ""))
        print("status codes: " + ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items(), key=str)))
        print(f"5xx responses: {server_errors}")
        violations = [f for f in failures if "not_a_server_error" not in f]
        print(f"check failures: {len(failures)} ({len(violations)} schema/status violations)")
        for failure in failures:
            print("  " + failure)
        print(f"logs and reports: {out_dir}")
        return 0 if total >= MIN_CASES and not failures and not server_errors else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())

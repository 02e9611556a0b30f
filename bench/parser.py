"""Benchmark the local resume parser: median time of the local backend (analysis.backends.local:
the structural parser, the learned extractor, their combination and the evidence) on the text of
2-page resumes, on one core.

Text extraction is done once beforehand and timed separately (the target is the analysis after
extraction: median at most 150 ms). The first call, which loads and checks the CRF model and the
skills taxonomy, is reported on its own as "cold". "cpu ms" is this process's CPU time per
parse, the steadier figure when other work shares the machine.

    .venv/bin/python bench/parser.py            # prints a table; exit status 1 if the target is missed
"""

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")

import django  # noqa: E402

django.setup()

from analysis.backends.local import analyze_locally  # noqa: E402
from analysis.documents.extraction import extract_text  # noqa: E402

TARGET_MS = 150.0
RUNS = 50
# Two-page resumes: the seed's LibreOffice PDF and its DOCX, and the densest dev-set resumes.
FILES = [
    "tests/fixtures/files/resume.pdf",
    "tests/fixtures/files/resume.docx",
    "tests/fixtures/files/two_column.pdf",
    "tests/fixtures/resumes/36-arjun-mehta.doc",
    "tests/fixtures/resumes/15-sofia-rossi.pdf",
]


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


# Real resumes of about two pages from the dotin dev split (analysis/parsing/training/), as text:
# the one that keeps its line breaks and the one that lost them.
DOTIN_DEV = ["16.xml", "306.xml"]


def _inputs():
    """(name, text, extraction ms) of every benchmarked resume."""
    from analysis.parsing.training import dotin

    for name in FILES:
        path = BASE_DIR / name
        yield name, extract_text(path), _timed(extract_text, path)
    for doc in dotin.load_split("dev"):
        if doc.name in DOTIN_DEV:
            yield f"dotin dev {doc.name} (text)", doc.text, 0.0


def main() -> int:
    cold = None
    rows = []
    for name, text, extract_ms in _inputs():
        if cold is None:
            cold = _timed(analyze_locally, text)
        cpu_started = time.process_time()
        samples = sorted(_timed(analyze_locally, text) for _ in range(RUNS))
        cpu_ms = (time.process_time() - cpu_started) * 1000 / RUNS
        rows.append((name, len(text), extract_ms, statistics.median(samples), samples[int(RUNS * 0.95)], cpu_ms))
    print(f"analyze_locally, {RUNS} runs per file (cold first call: {cold:.1f} ms)")
    print(f"{'file':<45} {'chars':>6} {'extract ms':>11} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>7}")
    for name, chars, extract_ms, median, p95, cpu_ms in rows:
        print(f"{name:<45} {chars:>6} {extract_ms:>11.1f} {median:>10.2f} {p95:>8.2f} {cpu_ms:>7.2f}")
    worst = max(row[3] for row in rows)
    verdict = "OK" if worst <= TARGET_MS else "MISSED"
    print(f"\nworst median {worst:.2f} ms, target <= {TARGET_MS:g} ms: {verdict}")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

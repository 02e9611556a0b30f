"""`manage.py evaluate_parser [DIR] [--backend local|openai] [--worst N] [--json FILE]`
`manage.py evaluate_parser --dataset dotin-dev [--backend ...] [--json FILE] [--no-line-breaks]`

Runs the real text extraction and analysis on every resume in DIR that has a gold JSON beside
it, and prints per-field precision, recall and F1 and the files with the most mistakes.

With --dataset dotin-dev: the dev split of the annotated resumes (analysis/parsing/training/),
each rendered to a PDF, uploaded, extracted and analysed (analysis/dotin_eval.py), scored with
the dataset's matching rule; then the same for the text as it is, without a PDF.
"""

import json
import logging
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from analysis.parsing.evaluation import (
    FIELDS,
    evaluate,
    format_table,
    gold_for,
    resume_files,
    totals,
)
from resume_analyzer.ai.backends import BACKENDS, LOCAL, OPENAI

DOTIN_DEV = "dotin-dev"
DEFAULT_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "resumes"


def _local(text: str, today: date) -> dict:
    from analysis.parsing import parse_resume
    from analysis.parsing.combine import learned_entities

    return parse_resume(text, today=today, entities=learned_entities(text))


def _openai(text: str, today: date) -> dict:
    from analysis.backends.openai import analyze_with_openai

    return analyze_with_openai(text, today=today).profile


# The profile each backend makes, with "today" fixed so the gold files' years stay right.
ANALYSERS = {LOCAL: _local, OPENAI: _openai}


def _read(path: Path) -> str:
    from analysis.documents.extraction import extract_text

    return extract_text(
        path,
        max_pages=settings.EXTRACTION_MAX_PAGES,
        time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS,
    )


class Command(BaseCommand):
    help = "Measure the resume parser against gold JSON files: per-field precision, recall and F1."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
        parser.add_argument("--dataset", choices=[DOTIN_DEV],
                            help="score the dev split of the annotated resumes instead of DIR")
        parser.add_argument("--no-line-breaks", action="store_true",
                            help="with --dataset: also score each text with its line breaks removed")
        parser.add_argument("--backend", choices=BACKENDS, default=LOCAL)
        parser.add_argument("--worst", type=int, default=5, help="how many of the worst files to show")
        parser.add_argument("--json", dest="json_path", help="also write the figures to this JSON file")
        parser.add_argument("--by-kind", action="store_true",
                            help="also print F1 per kind of file (renderer from the gold JSON, else suffix)")

    def handle(self, *args, directory: str, backend: str, worst: int, json_path: str | None,
               by_kind: bool = False, dataset: str | None = None, no_line_breaks: bool = False,
               **options) -> None:
        if dataset:
            self._dataset(backend, json_path, no_line_breaks)
            return
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a directory")
        files = resume_files(folder)
        if not files:
            raise CommandError(f"no resumes with gold JSON files in {folder}")
        started = time.monotonic()
        results = evaluate(files, read_text=_read, analyse=ANALYSERS[backend])
        summed = totals(results)
        self.stdout.write(f"{len(files)} resumes in {folder}, backend {backend}, "
                          f"{time.monotonic() - started:.1f} s\n")
        self.stdout.write(format_table(summed) + "\n")
        if by_kind:
            self._by_kind(results)
        self.stdout.write(f"\nWorst {worst} files:")
        for result in sorted(results, key=lambda r: -r.errors)[:worst]:
            self.stdout.write(f"  {result.path.name}: {result.errors} errors")
            for note in ([result.error] if result.error else []) + result.mistakes:
                self.stdout.write(f"      {note}")
        if json_path:
            figures = {name: {"precision": round(summed[name].precision, 3), "recall": round(summed[name].recall, 3),
                              "f1": round(summed[name].f1, 3)} for name in FIELDS}
            Path(json_path).write_text(json.dumps(figures, indent=1) + "\n")

    def _dataset(self, backend: str, json_path: str | None, no_line_breaks: bool) -> None:
        from analysis import dotin_eval
        from analysis.backends import ANALYZERS
        from analysis.parsing.learned.evaluate import FIELDS as DOTIN_FIELDS
        from analysis.parsing.learned.evaluate import format_table as dotin_table
        from analysis.parsing.learned.evaluate import remove_line_breaks

        def analyse(text: str) -> dict:
            return ANALYZERS[backend](text).profile

        logging.getLogger("uploads.services").setLevel(logging.WARNING)  # one line per upload otherwise

        runs = [("real_path", "PDF → upload → extraction → analysis", True, None),
                ("as_is", "text as-is, no PDF", False, None)]
        if no_line_breaks:
            runs += [("no_line_breaks_real_path", "line breaks removed, then PDF", True, remove_line_breaks),
                     ("no_line_breaks", "line breaks removed, text, no PDF", False, remove_line_breaks)]
        figures = {}
        for key, title, real_path, transform in runs:
            started = time.monotonic()
            scores = dotin_eval.score(analyse, real_path=real_path, transform=transform)
            self.stdout.write(f"\n{DOTIN_DEV}, backend {backend}, {title} ({time.monotonic() - started:.1f} s)\n")
            self.stdout.write(dotin_table(scores) + "\n")
            figures[key] = {name: {"precision": round(scores[name].precision, 3), "recall": round(scores[name].recall, 3),
                                   "f1": round(scores[name].f1, 3)} for name in DOTIN_FIELDS}
        if json_path:
            Path(json_path).write_text(json.dumps(figures, indent=1) + "\n")

    def _by_kind(self, results: list) -> None:
        kinds: dict[str, list] = {}
        for result in results:
            kinds.setdefault(_kind(result.path), []).append(result)
        self.stdout.write("\n| kind | files | " + " | ".join(FIELDS) + " |")
        self.stdout.write("|---|---|" + "---|" * len(FIELDS))
        for kind, group in sorted(kinds.items()):
            summed = totals(group)
            cells = " | ".join(f"{summed[name].f1:.2f}" for name in FIELDS)
            self.stdout.write(f"| {kind} | {len(group)} | {cells} |")


def _kind(path: Path) -> str:
    try:
        return gold_for(path)["source"]["renderer"]
    except (KeyError, TypeError):
        return path.suffix.lstrip(".")

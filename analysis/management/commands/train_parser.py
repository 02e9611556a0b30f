"""`manage.py train_parser [--output FILE] [--limit N] [--corrections DIR --output FILE]`

Rebuilds the learned extractor (analysis/parsing/learned/) from the annotated resumes of the
train split (analysis/parsing/training/), then scores it on the dev split next to the committed
model and says whether the bytes are the same. Without --output the committed model.crfsuite
and model.sha256 are replaced, so `git diff` shows whether anything changed. Takes about six
minutes of one core (docs/parser-quality.md).

--corrections DIR adds the annotated files `export_corrections DIR` wrote to the train split (the
dev split stays the dotin one, so the figures compare). They hold candidates' personal data, so
it needs --output: the committed model is trained on the CC0 resumes only. A model with
corrections is expected to differ, so its dev figures are printed, not checked.
"""

import shutil
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysis.parsing.learned import lexicon, model, train
from analysis.parsing.training import dotin

ALLOWED_DIFFERENCE = 0.01


class Command(BaseCommand):
    help = "Rebuild the learned resume extractor from the train split and compare it with the committed one."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", help="write the model here (and FILE.sha256) instead of the committed path")
        parser.add_argument("--limit", type=int, help="train on the first N training resumes only (no comparison)")
        parser.add_argument("--corrections", help="also train on the files export_corrections wrote here (needs --output)")

    def handle(self, *args, output: str | None, limit: int | None, corrections: str | None = None, **options) -> None:
        if corrections:
            self._with_corrections(Path(corrections), output, limit)
            return
        target = Path(output) if output else model.MODEL_FILE
        committed_sha = model.recorded_sums(model.SUMS_FILE)[model.MODEL_FILE.name]
        with tempfile.TemporaryDirectory() as scratch:
            committed = self._committed_figures(Path(scratch)) if not limit else None
            built = train.train(target, evaluate_dev=not limit, limit=limit)
        self.stdout.write(f"trained in {built['train_seconds']} s ({built['train_cpu_seconds']} s CPU), "
                          f"{built['bytes']:,} bytes, sha256 {built['sha256']}")
        same = built["sha256"] == committed_sha
        self.stdout.write("byte-identical to the committed model" if same else
                          f"differs from the committed model (sha256 {committed_sha})")
        if committed is None:
            return
        worst = self._compare(committed, built)
        if worst > ALLOWED_DIFFERENCE:
            raise CommandError(f"dev F1 differs from the committed model's by {worst:.3f} (> {ALLOWED_DIFFERENCE})")

    def _with_corrections(self, directory: Path, output: str | None, limit: int | None) -> None:
        if not output:
            raise CommandError("--corrections needs --output: the committed model is trained on the CC0 resumes only")
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory")
        extra = dotin.load_all(directory)
        if not extra:
            raise CommandError(f"no annotated .xml files in {directory}")
        docs = dotin.load_split("train")
        target = Path(output)
        seconds, cpu_seconds = train.fit((docs[:limit] if limit else docs) + extra, target)
        sums_file = target.with_suffix(".sha256")
        train.write_sums(target, lexicon.LEXICON_FILE, sums_file)
        self.stdout.write(f"trained on {len(docs[:limit] if limit else docs)} dotin resumes and {len(extra)} corrections "
                          f"in {seconds:.1f} s ({cpu_seconds:.1f} s CPU), {target.stat().st_size:,} bytes")
        if limit:
            return
        figures = train.dev_figures(target, sums_file)
        self.stdout.write("\n| text | field | dev F1 |\n|---|---|---|")
        for text in ("as_is", "no_line_breaks"):
            for field, value in figures[text].items():
                self.stdout.write(f"| {text} | {field} | {value:.3f} |")

    def _committed_figures(self, scratch: Path) -> dict:
        """The committed model's dev figures, from a copy (the build may overwrite the original)."""
        for source in (model.MODEL_FILE, model.SUMS_FILE):
            shutil.copy(source, scratch / source.name)
        return train.dev_figures(scratch / model.MODEL_FILE.name, scratch / model.SUMS_FILE.name)

    def _compare(self, committed: dict, built: dict) -> float:
        worst = 0.0
        self.stdout.write("\n| text | field | committed F1 | rebuilt F1 |\n|---|---|---|---|")
        for text in ("as_is", "no_line_breaks"):
            for field, before in committed[text].items():
                after = built[text][field]
                worst = max(worst, abs(after - before))
                self.stdout.write(f"| {text} | {field} | {before:.3f} | {after:.3f} |")
        return worst

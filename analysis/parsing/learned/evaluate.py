"""Scoring a resume parser on annotated documents with the dotin matching rule.

The rule (analysis/parsing/training/dotin/README.md): values are normalised (lower case,
punctuation other than + and # removed, whitespace collapsed); a predicted and a gold value
match when equal, when one contains the other and the shorter has at least 3 characters, or
when their word sets have a Jaccard overlap of at least 0.5. Per field, precision counts the
predicted values that match some gold value and recall the gold values matched by some
prediction, summed over documents (micro-averaged). Values are deduplicated per document
after normalisation, and empty predictions count for nothing.

`location` is the candidate's own place, but the annotations mark every place (jobs, schools)
without telling which is the candidate's. So it is scored as one slot per document: a predicted
location is right when it matches any gold Location span, and a document with gold locations
is recalled when some prediction matches one of them.

Used by the lab experiments and, later, `evaluate_parser --dataset dotin-dev`: any
`predict(text) -> {field: [values]}` callable can be scored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

FIELDS = ["name", "email", "location", "companies", "roles", "degrees", "institutions", "skills"]
GOLD_LABELS = {
    "name": ("Name",),
    "email": ("Email Address",),
    "location": ("Location",),
    "companies": ("Companies worked at",),
    "roles": ("Designation",),
    "degrees": ("Degree",),
    "institutions": ("College Name",),
    "skills": ("Tech Tools", "Job Specific Skills", "Soft Skills"),
}
ONE_SLOT_FIELDS = {"location"}
PUNCTUATION_RE = re.compile(r"[^\w\s+#]|_")

Predict = Callable[[str], dict[str, list[str]]]


@dataclass
class Score:
    """Counts behind precision and recall; precision and recall need different counts."""

    predicted: int = 0
    predicted_ok: int = 0
    gold: int = 0
    gold_found: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_ok / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.predicted_ok += other.predicted_ok
        self.gold += other.gold
        self.gold_found += other.gold_found


def normalise(value: object) -> str:
    """Lower case, punctuation other than + and # removed, whitespace collapsed."""
    return " ".join(PUNCTUATION_RE.sub(" ", str(value or "").lower()).split())


def matches(a: str, b: str) -> bool:
    """The dataset's matching rule on two normalised values."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= 3 and shorter in longer:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) / len(words_a | words_b) >= 0.5


def unique(values: Iterable[str]) -> list[str]:
    """Normalised, non-empty, each once, in first-seen order."""
    return list(dict.fromkeys(v for v in (normalise(x) for x in values) if v))


def score_values(predicted: Iterable[str], gold: Iterable[str], *, one_slot: bool = False) -> Score:
    """Score one field of one document."""
    got, want = unique(predicted), unique(gold)
    ok = sum(any(matches(p, g) for g in want) for p in got)
    if one_slot:
        return Score(len(got), ok, 1 if want else 0, 1 if want and ok else 0)
    found = sum(any(matches(p, g) for p in got) for g in want)
    return Score(len(got), ok, len(want), found)


def gold_fields(doc) -> dict[str, list[str]]:
    """The gold values of every field of a training.dotin.Doc."""
    return {f: [doc.text[s.start : s.end] for s in doc.spans if s.label in labels]
            for f, labels in GOLD_LABELS.items()}


def score_docs(predict: Predict, docs: list, *, transform: Callable[[str], str] | None = None
               ) -> dict[str, Score]:
    """Per-field totals of `predict` over the documents (optionally on transformed text)."""
    totals = {f: Score() for f in FIELDS}
    for doc in docs:
        text = transform(doc.text) if transform else doc.text
        got = predict(text)
        for f, want in gold_fields(doc).items():
            totals[f].add(score_values(got.get(f) or [], want, one_slot=f in ONE_SLOT_FIELDS))
    return totals


def remove_line_breaks(text: str) -> str:
    """The same resume as one line: every line break becomes a space (offsets unchanged),
    which is what the exporters that lose line breaks produce (paragraphs joined by two spaces)."""
    return text.replace("\r", " ").replace("\n", " ")


def format_table(totals: dict[str, Score], title: str = "") -> str:
    """A markdown table of per-field precision, recall and F1."""
    lines = [f"**{title}**", ""] if title else []
    lines += ["| field | P | R | F1 |", "|---|---|---|---|"]
    for f in FIELDS:
        s = totals[f]
        lines.append(f"| {f} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    return "\n".join(lines)


def evaluate(predict: Predict, docs: list, *, title: str = "", transform=None,
             echo: bool = True) -> dict[str, Score]:
    """Score and print the per-field table (the entry point for evaluate_parser)."""
    totals = score_docs(predict, docs, transform=transform)
    if echo:
        print(format_table(totals, title))
    return totals

"""Loader for the dotin annotated resumes (analysis/parsing/training/dotin/N.xml, CC0).

Each file is `<cv>text with <label type="T">spans</label></cv>`. The loader strips the tags,
keeping each span as (label, start, end) character offsets into the stripped text, so a model
can be trained on the text exactly as the extractor will later see it.

The split is by a hash of the file name, not by order or randomness, so it never changes when
files are added or the code is refactored: sha1("12.xml") first two bytes mod 100 < 20 → dev.
Dev is for model selection only; the dataset's separate test split is the hold-out and is
never read here.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET  # noqa: S405 - trusted, committed CC0 files
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "dotin"
DEV_PERCENT = 20


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int


@dataclass
class Doc:
    name: str
    text: str
    spans: list[Span] = field(default_factory=list)

    def values(self, label: str) -> list[str]:
        """The annotated strings of one label, in order of appearance."""
        return [self.text[s.start : s.end] for s in self.spans if s.label == label]


def parse_xml(name: str, raw: str) -> Doc:
    """Strip the <label> tags of one file, recording each span's offsets in the stripped text."""
    root = ET.fromstring(raw)  # noqa: S314 - trusted, committed CC0 files
    parts: list[str] = [root.text or ""]
    spans: list[Span] = []
    length = len(parts[0])
    for child in root:
        inner = "".join(child.itertext())
        spans.append(Span(child.get("type", ""), length, length + len(inner)))
        parts.append(inner)
        length += len(inner)
        parts.append(child.tail or "")
        length += len(child.tail or "")
    text = "".join(parts)
    # The files wrap the resume in newlines after <cv> and before </cv>; drop them.
    lead = len(text) - len(text.lstrip("\n"))
    text = text[lead:].rstrip("\n")
    spans = [Span(s.label, s.start - lead, min(s.end - lead, len(text))) for s in spans]
    return Doc(name, text, [s for s in spans if s.end > s.start >= 0])


def is_dev(name: str) -> bool:
    """Whether a file belongs to the dev split (stable hash of its name, ~20%)."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:2], "big") % 100 < DEV_PERCENT


def _order(path: Path) -> tuple[int, str]:
    stem = path.stem
    return (int(stem), stem) if stem.isdigit() else (10**9, stem)


def load_all(directory: Path = DATA_DIR) -> list[Doc]:
    """Every annotated resume, in numeric file order."""
    paths = sorted(directory.glob("*.xml"), key=_order)
    return [parse_xml(p.name, p.read_text(encoding="utf-8")) for p in paths]


def load_split(split: str, directory: Path = DATA_DIR) -> list[Doc]:
    """'train' or 'dev' documents."""
    if split not in ("train", "dev"):
        raise ValueError(f"unknown split {split!r}: use 'train' or 'dev'")
    want_dev = split == "dev"
    return [doc for doc in load_all(directory) if is_dev(doc.name) == want_dev]

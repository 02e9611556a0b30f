"""Scoring parsed profiles against gold JSON files (used by `manage.py evaluate_parser`).

Every field is scored as precision / recall / F1 over the whole set (micro-averaged):
a single-valued field counts a true positive when the parse equals the gold value after
normalisation (case, accents kept, punctuation and spacing ignored; phones compared by digits),
a false positive when the parse gives a wrong or unwanted value, and a false negative when it
misses or gets wrong a gold value. List fields (skills, companies, roles, degrees, institutions,
graduation years) are compared as multisets. Total years count as correct within 0.25 years.
Degrees are compared by their normalised level ("Master of Science"), not the field of study.
"""

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SUFFIXES = (".pdf", ".docx", ".doc")
FIELDS = ["name", "email", "phone", "location", "skills", "companies", "roles", "degrees",
          "institutions", "graduation_years", "total_years"]
YEARS_TOLERANCE = 0.25


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class FileResult:
    path: Path
    scores: dict[str, Score]
    mistakes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def errors(self) -> int:
        return sum(score.fp + score.fn for score in self.scores.values()) + (100 if self.error else 0)


def normalise(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def phone_key(value: object) -> str:
    return re.sub(r"\D", "", str(value or ""))


def degree_level(value: str | None) -> str:
    return normalise((value or "").split(" in ")[0])


def _single(predicted: str, expected: str) -> Score:
    if not expected:
        return Score(fp=1) if predicted else Score()
    if not predicted:
        return Score(fn=1)
    return Score(tp=1) if predicted == expected else Score(fp=1, fn=1)


def _multi(predicted: Iterable[str], expected: Iterable[str]) -> Score:
    got = Counter(value for value in predicted if value)
    want = Counter(value for value in expected if value)
    tp = sum((got & want).values())
    return Score(tp=tp, fp=sum(got.values()) - tp, fn=sum(want.values()) - tp)


def _years(predicted: float | None, expected: float | None) -> Score:
    if expected is None:
        return Score()
    if predicted is None:
        return Score(fn=1)
    return Score(tp=1) if abs(float(predicted) - float(expected)) <= YEARS_TOLERANCE else Score(fp=1, fn=1)


def compare(profile: dict, gold: dict) -> dict[str, Score]:
    info = profile.get("personal_info") or {}
    skills = [name for names in (profile.get("skills") or {}).values() for name in names]
    jobs = profile.get("experience") or []
    schools = profile.get("education") or []
    return {
        "name": _single(normalise(info.get("name")), normalise(gold["name"])),
        "email": _single(normalise(info.get("email")), normalise(gold["email"])),
        "phone": _single(phone_key(info.get("phone")), phone_key(gold["phone"])),
        "location": _single(normalise(info.get("location")), normalise(gold["location"])),
        "skills": _multi({normalise(s) for s in skills}, {normalise(s) for s in gold["skills"]}),
        "companies": _multi([normalise(j.get("company")) for j in jobs],
                            [normalise(j["company"]) for j in gold["experience"]]),
        "roles": _multi([normalise(j.get("role")) for j in jobs], [normalise(j["role"]) for j in gold["experience"]]),
        "degrees": _multi([degree_level(e.get("degree")) for e in schools],
                          [degree_level(e["degree"]) for e in gold["education"]]),
        "institutions": _multi([normalise(e.get("institution")) for e in schools],
                               [normalise(e["institution"]) for e in gold["education"]]),
        "graduation_years": _multi([str(e.get("year") or "") for e in schools],
                                   [str(e["year"]) for e in gold["education"]]),
        "total_years": _years(profile.get("total_years_experience"), gold.get("total_years_experience")),
    }


def _mistakes(profile: dict, gold: dict, scores: dict[str, Score]) -> list[str]:
    info = profile.get("personal_info") or {}
    notes = []
    for name in ("name", "email", "phone", "location"):
        if scores[name].fp or scores[name].fn:
            notes.append(f"{name}: got {info.get(name)!r}, want {gold[name]!r}")
    if scores["skills"].fp or scores["skills"].fn:
        got = {normalise(s) for names in (profile.get("skills") or {}).values() for s in names}
        want = {normalise(s) for s in gold["skills"]}
        notes.append(f"skills: extra {sorted(got - want)}, missing {sorted(want - got)}")
    for name, key, items in (("companies", "company", "experience"), ("roles", "role", "experience"),
                             ("institutions", "institution", "education"), ("degrees", "degree", "education")):
        if scores[name].fp or scores[name].fn:
            got = [e.get(key) for e in profile.get(items) or []]
            notes.append(f"{name}: got {got}, want {[e[key] for e in gold[items]]}")
    if scores["graduation_years"].fp or scores["graduation_years"].fn:
        notes.append(f"graduation years: got {[e.get('year') for e in profile.get('education') or []]}")
    if scores["total_years"].fp or scores["total_years"].fn:
        notes.append(f"total years: got {profile.get('total_years_experience')}, "
                     f"want {gold.get('total_years_experience')}")
    return notes


def resume_files(directory: Path) -> list[Path]:
    """Every resume in the directory that has a gold JSON beside it."""
    return sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES and p.with_suffix(".json").is_file())


def gold_for(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def evaluate(
    files: list[Path],
    *,
    read_text: Callable[[Path], str],
    analyse: Callable[[str, date], dict],
) -> list[FileResult]:
    results = []
    for path in files:
        gold = gold_for(path)
        as_of = date.fromisoformat(gold["as_of"])
        try:
            profile = analyse(read_text(path), as_of)
        except Exception as exc:  # one bad file must not end the run; it is reported instead
            results.append(FileResult(path, {name: Score(fn=1) for name in FIELDS}, error=f"{type(exc).__name__}: {exc}"))
            continue
        scores = compare(profile, gold)
        results.append(FileResult(path, scores, _mistakes(profile, gold, scores)))
    return results


def totals(results: list[FileResult]) -> dict[str, Score]:
    summed = {name: Score() for name in FIELDS}
    for result in results:
        for name, score in result.scores.items():
            summed[name].add(score)
    return summed


def format_table(summed: dict[str, Score]) -> str:
    lines = ["| field | precision | recall | F1 |", "|---|---|---|---|"]
    for name in FIELDS:
        score = summed[name]
        lines.append(f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |")
    return "\n".join(lines)


def written_values(profile: dict) -> dict[str, list[str]]:
    """A profile's values in the fields of the dotin dev split (analysis/parsing/learned/evaluate.py),
    each as the resume writes it: the evidence's `raw` text where the value was located ("B.E"
    for "Bachelor of Engineering", "JS" for "JavaScript"), else the value itself. The dotin
    annotations mark text as written, so that is what is compared."""
    raw = {item["field"]: item["raw"] for item in profile.get("evidence") or [] if item.get("verified")}
    info = profile.get("personal_info") or {}

    def written(path: str, value: object) -> str:
        return raw.get(path) or str(value or "")

    experience = list(enumerate(profile.get("experience") or []))
    education = list(enumerate(profile.get("education") or []))
    return {
        **{name: [written(f"personal_info.{name}", info.get(name))] for name in ("name", "email", "location")},
        "companies": [written(f"experience.{i}.company", job.get("company")) for i, job in experience],
        "roles": [written(f"experience.{i}.role", job.get("role")) for i, job in experience],
        "degrees": [written(f"education.{i}.degree", entry.get("degree")) for i, entry in education],
        "institutions": [written(f"education.{i}.institution", entry.get("institution")) for i, entry in education],
        "skills": [written(f"skills.{category}.{i}", skill)
                   for category, names in (profile.get("skills") or {}).items() for i, skill in enumerate(names)],
    }

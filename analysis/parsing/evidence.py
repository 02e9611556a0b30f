"""Evidence: where each value of a profile sits in the resume's text, and how sure we are of it.

`locate(text, profile, confidences=None)` returns one evidence dict per value (the shape of
analysis.profile.Evidence): its field path ("personal_info.name", "experience.0.company",
"education.1.degree", "skills.Languages.2"), the value, the text as written (`raw`, which is
exactly text[start:end]), the character offsets, a confidence in [0, 1] and whether the value
was found at all (`verified`). Pages are added later from the job's page starts (`with_pages`).

How a value is found, in order; the first method that finds it sets the default confidence:

    exact       the value as written, on word boundaries                       0.9
    folded      case and spacing ignored ("SENIOR  engineer")                  0.75
    alias       a degree's abbreviation ("B.Sc." for "Bachelor of Science"),
                a skill's alias ("JS" for "JavaScript")                        0.7
    not found   verified False, no offsets                                     0.0

A caller that knows better (a learned model) passes `confidences` by field path; a value not
found keeps at most 0.5 of it, since it is not in the resume. Values of one entry are placed
near each other (an experience's company near its role, a degree near its institution), entries
in reading order, and skills longest first so "Java" never takes the "Java" of "JavaScript".
Plain Python: the backends (analysis/backends/) call it, the parser and its tests can too.
"""

import bisect
import re
from collections.abc import Iterator, Mapping
from functools import cache

from analysis.parsing.education import DEGREES
from analysis.parsing.skills import taxonomy, tokens

__all__ = ["DEFAULT_CONFIDENCE", "locate", "value_paths", "with_pages"]

DEFAULT_CONFIDENCE = {"exact": 0.9, "folded": 0.75, "alias": 0.7, "missing": 0.0}
MISSING_CAP = 0.5
CONTACT_FIELDS = ("name", "email", "phone", "location", "linkedin", "github")
ENTRY_FIELDS = {"experience": ("company", "role"), "education": ("degree", "institution")}
WORD = r"[\w+#]"  # what may not touch a match on either side ("C" must not match inside "C++")

Span = tuple[int, int, str]  # start, end, method


def value_paths(profile: Mapping) -> Iterator[tuple[str, str]]:
    """(field path, value) for every located value of a profile dict, in display order."""
    info = profile.get("personal_info") or {}
    for name in CONTACT_FIELDS:
        if isinstance(info.get(name), str) and info[name].strip():
            yield f"personal_info.{name}", info[name]
    for section, names in ENTRY_FIELDS.items():
        for number, entry in enumerate(profile.get(section) or []):
            for name in names:
                value = entry.get(name) if isinstance(entry, dict) else None
                if isinstance(value, str) and value.strip():
                    yield f"{section}.{number}.{name}", value
    for category, skills in (profile.get("skills") or {}).items():
        for number, skill in enumerate(skills or []):
            if isinstance(skill, str) and skill.strip():
                yield f"skills.{category}.{number}", skill


def _bounded(pattern: str) -> str:
    return rf"(?<!{WORD}){pattern}(?!{WORD})"


def _exact(text: str, value: str) -> list[Span]:
    value = value.strip()
    escaped = re.escape(value)
    return [(m.start(), m.end(), "exact") for m in re.finditer(_bounded(escaped), text)]


def _folded(text: str, value: str) -> list[Span]:
    words = value.split()
    if not words:
        return []
    pattern = r"[\s\-–—]+".join(re.escape(word) for word in words)
    return [(m.start(), m.end(), "folded") for m in re.finditer(_bounded(pattern), text, re.I)]


def _contact_forms(name: str, value: str) -> list[str]:
    """A link may be written without its scheme; a phone with other spacing is found by digits."""
    if name in ("linkedin", "github"):
        bare = re.sub(r"^https?://(?:www\.)?", "", value).rstrip("/")
        return [bare]
    return []


def _phone_spans(text: str, value: str) -> list[Span]:
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7:
        return []
    pattern = r"\+?\(?" + r"[\s().\-/]*".join(digits)
    return [(m.start(), m.end(), "folded") for m in re.finditer(pattern, text)]


def _degree_spans(text: str, value: str) -> list[Span]:
    """'Bachelor of Science in Physics' is written 'B.Sc. Physics': the abbreviations of the same
    canonical degree, on one line, with the subject after them when it is there."""
    names = {name for _, name in DEGREES}
    # "Postgraduate Diploma in Management in Marketing": the canonical name may hold " in " itself.
    parts = value.split(" in ")
    splits = [(" in ".join(parts[:k]), " in ".join(parts[k:])) for k in range(len(parts), 0, -1)]
    canonical, subject = next(((name, rest) for name, rest in splits if name in names), splits[-1])
    spans: list[Span] = []
    for pattern, name in DEGREES:
        if name != canonical:
            continue
        bare = re.compile(pattern.pattern.replace("^", r"(?:^|(?<=[\s,(|•]))"), pattern.flags | re.M)
        for match in bare.finditer(text):
            end = match.end()
            line_end = text.find("\n", end)
            rest = text[end : line_end if line_end >= 0 else len(text)]
            if subject:
                found = re.search(r"[\s\-–—]+".join(re.escape(word) for word in subject.split()), rest, re.I)
                if found and found.start() <= 12:
                    end += found.end()
            spans.append((match.start(), end, "alias"))
    return spans


@cache
def _skill_forms() -> dict[str, frozenset[str]]:
    """Each taxonomy skill's name and aliases, as token runs."""
    tax = taxonomy()
    forms: dict[str, set[str]] = {}
    for key, skill in [*tax.folded.items(), *tax.exact.items()]:
        forms.setdefault(skill.name, set()).add(" ".join(key))
    return {name: frozenset(found) for name, found in forms.items()}


def _skill_spans(text: str, value: str) -> list[Span]:
    forms = {value, *_skill_forms().get(value, ())}
    spans: list[Span] = []
    for form in sorted(forms, key=len, reverse=True):
        if not tokens(form):
            continue
        pattern = r"[\s\-]*".join(re.escape(token) for token in form.split())
        spans += [(m.start(), m.end(), "alias") for m in re.finditer(_bounded(pattern), text, re.I)]
    return spans


def _candidates(text: str, path: str, value: str) -> list[Span]:
    """Every place the value may be, best method first."""
    kind, _, rest = path.partition(".")
    name = rest.rsplit(".", 1)[-1]
    found = _exact(text, value)
    if not found and kind == "personal_info" and name == "phone":
        found = _phone_spans(text, value)
    if not found:
        for form in _contact_forms(name, value) if kind == "personal_info" else []:
            found = _exact(text, form) or _folded(text, form)
    if not found:
        found = _folded(text, value)
    if not found and kind == "education" and name == "degree":
        found = _degree_spans(text, value)
    if not found and kind == "skills":
        found = _skill_spans(text, value)
    return found


def _overlaps(span: Span, taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _evidence(text: str, path: str, value: str, span: Span | None, confidences: Mapping[str, float]) -> dict:
    given = confidences.get(path)
    if span is None:
        confidence = min(given, MISSING_CAP) if given is not None else DEFAULT_CONFIDENCE["missing"]
        return {"field": path, "value": value, "raw": "", "start": None, "end": None, "page": None,
                "confidence": round(float(confidence), 3), "verified": False}  # fmt: skip
    start, end, method = span
    confidence = given if given is not None else DEFAULT_CONFIDENCE[method]
    return {"field": path, "value": value, "raw": text[start:end], "start": start, "end": end, "page": None,
            "confidence": round(min(max(float(confidence), 0.0), 1.0), 3), "verified": True}  # fmt: skip


def _nearest(options: list[Span], anchor: int | None, after: int) -> Span | None:
    """The option closest to the entry's anchor, else the first one after the previous entry."""
    if not options:
        return None
    if anchor is not None:
        return min(options, key=lambda span: (abs(span[0] - anchor), span[0]))
    later = [span for span in options if span[0] >= after]
    return min(later or options, key=lambda span: span[0])


def _entry_spans(text: str, paths: list[tuple[str, str]], after: int) -> dict[str, Span | None]:
    """The values of one entry placed together: the pair of occurrences closest to each other,
    preferring those after the previous entry (entries are in reading order)."""
    options = {path: _candidates(text, path, value) for path, value in paths}
    found = [path for path in options if options[path]]
    chosen: dict[str, Span | None] = {path: None for path in options}
    if not found:
        return chosen
    best, best_cost = None, None
    first = options[found[0]]
    for span in first:
        cost = (span[0] < after, 0)
        others = {found[0]: span}
        for path in found[1:]:
            near = _nearest(options[path], span[0], after)
            others[path] = near
            cost = (cost[0], cost[1] + abs(near[0] - span[0]))
        if best_cost is None or cost < best_cost:
            best, best_cost = others, cost
    chosen.update(best or {})
    return chosen


def locate(text: str, profile: Mapping, *, confidences: Mapping[str, float] | None = None) -> list[dict]:
    """Evidence for every value of the profile dict, in the order of value_paths()."""
    text = text or ""
    confidences = confidences or {}
    paths = list(value_paths(profile))
    spans: dict[str, Span | None] = {}
    for path, value in paths:
        if path.startswith("personal_info."):
            candidates = _candidates(text, path, value)
            spans[path] = min(candidates, key=lambda span: span[0]) if candidates else None
    after = 0
    for section in ENTRY_FIELDS:
        entries: dict[str, list[tuple[str, str]]] = {}
        for path, value in paths:
            if path.startswith(section + "."):
                entries.setdefault(path.rsplit(".", 1)[0], []).append((path, value))
        after = 0
        for entry in entries.values():
            placed = _entry_spans(text, entry, after)
            spans.update(placed)
            starts = [span[0] for span in placed.values() if span]
            after = min(starts) + 1 if starts else after
    taken: list[tuple[int, int]] = []
    skills = [(path, value) for path, value in paths if path.startswith("skills.")]
    for path, value in sorted(skills, key=lambda item: len(item[1]), reverse=True):
        free = [span for span in _candidates(text, path, value) if not _overlaps(span, taken)]
        spans[path] = free[0] if free else None
        if free:
            taken.append(free[0][:2])
    return [_evidence(text, path, value, spans.get(path), confidences) for path, value in paths]


def with_pages(evidence: list[dict], page_starts: list[int]) -> list[dict]:
    """Each located item with its 1-based page, from where each page starts in the text (PDFs);
    without page starts (DOCX, DOC) pages stay None."""
    if not page_starts:
        return evidence
    return [
        {**item, "page": bisect.bisect_right(page_starts, item["start"]) or 1} if item.get("start") is not None
        else item
        for item in evidence
    ]

"""The structural parser and the learned extractor together (analysis/parsing/learned/).

Structure wins where it exists: a job anchored by a date range, a degree on its line, a skill
from the taxonomy. The learned entities fill what structure misses: a resume whose text lost
its line breaks has no sections and no header lines, so there the learned spans are all there
is. Learned company, role and date spans are paired into experience entries by proximity (and
degree, institution and year into education entries); each learned value keeps its span and
the CRF's confidence, which the evidence then reports.

The rule (which field takes which source) was chosen on the dotin dev split; the figures are in
docs/parser-quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.parsing.dates import find_ranges
from analysis.parsing.education import find_degree
from analysis.parsing.evidence import value_paths
from analysis.parsing.learned.evaluate import normalise, remove_line_breaks
from analysis.parsing.learned.fields import trimmed, without_city
from analysis.parsing.learned.model import Entity, extract
from analysis.parsing.normalise import clean_institution, company_without_city
from analysis.parsing.skills import OTHER, Skill, find_skills

# Spans of one entry sit close together: a company and its role are a line or two apart.
PAIR_DISTANCE = 160
EXPERIENCE_LABELS = ("COMP", "ROLE")
EDUCATION_LABELS = ("DEG", "COLLEGE")

# What "line structure" means (has_line_structure); chosen on the dev split and our 40 resumes.
SHORT_LINE = 40
MIN_LINES = 12
MIN_SHORT_SHARE = 0.2


def has_line_structure(text: str) -> bool:
    """Whether the text keeps a resume's lines: headings, names and dates on short lines of their
    own. Text that lost its line breaks is one line, or (through a PDF) lines wrapped at the page
    width, nearly all long."""
    lines = [line for line in text.splitlines() if line.strip()]
    short = sum(len(line.strip()) <= SHORT_LINE for line in lines)
    return len(lines) >= MIN_LINES and short >= MIN_SHORT_SHARE * len(lines)


def model_text(text: str) -> str:
    """The text the learned extractor reads: as it is when it has line structure; otherwise with
    its line breaks turned into spaces, since they are only where a PDF wrapped the page width
    (same length, so the entities' offsets index the original text too)."""
    return text if has_line_structure(text) else remove_line_breaks(text)


def learned_entities(text: str) -> list[Entity]:
    """The learned extractor's entities of a resume's text (offsets into it)."""
    return extract(model_text(text))


@dataclass
class Learned:
    """The learned values of one resume, cleaned, by label, with a lookup of confidences."""

    by_label: dict[str, list[Entity]]
    confidences: dict[str, float]  # normalised value -> confidence

    def first(self, label: str) -> Entity | None:
        found = self.by_label.get(label) or []
        return found[0] if found else None

    def confidence(self, value: str | None) -> float | None:
        return self.confidences.get(normalise(value)) if value else None


def learned_values(text: str, entities: list[Entity]) -> Learned:
    clean = [e for e in (trimmed(text, e) for e in entities) if e]
    clean = [without_city(text, e) if e.label == "COMP" else e for e in clean]
    by_label: dict[str, list[Entity]] = {}
    confidences: dict[str, float] = {}
    for entity in clean:
        by_label.setdefault(entity.label, []).append(entity)
        key = normalise(entity.text)
        confidences[key] = max(confidences.get(key, 0.0), entity.confidence)
    return Learned(by_label, confidences)


def group_by_proximity(entities: list[Entity], labels: tuple[str, ...]) -> list[dict[str, Entity]]:
    """Entries of one entity per label, in reading order: a label seen again, or a gap wider
    than PAIR_DISTANCE, opens the next entry."""
    spans = sorted((e for label in labels for e in entities if e.label == label), key=lambda e: e.start)
    entries: list[dict[str, Entity]] = []
    last_end = None
    for entity in spans:
        current = entries[-1] if entries else None
        if current is None or entity.label in current or entity.start - last_end > PAIR_DISTANCE:
            entries.append({})
        entries[-1][entity.label] = entity
        last_end = entity.end
    return entries


def _nearest(entities: list[Entity], entry: dict[str, Entity]) -> Entity | None:
    anchor = min(e.start for e in entry.values())
    close = [e for e in entities if abs(e.start - anchor) <= PAIR_DISTANCE * 2]
    return min(close, key=lambda e: abs(e.start - anchor)) if close else None


def learned_jobs(learned: Learned, *, today: date) -> list[dict]:
    all_entities = [e for label in EXPERIENCE_LABELS for e in learned.by_label.get(label, [])]
    jobs = []
    for entry in group_by_proximity(all_entities, EXPERIENCE_LABELS):
        years = _nearest(learned.by_label.get("YEARS", []), entry)
        ranges = find_ranges(years.text, today=today) if years else []
        span = ranges[0] if ranges else None
        jobs.append({
            "company": company_without_city(entry["COMP"].text) if "COMP" in entry else None,
            "role": entry["ROLE"].text if "ROLE" in entry else None,
            "start_date": span.start.iso() if span else None,
            "end_date": ("Present" if span.ongoing else span.end.iso()) if span else None,
            "years": round(span.months / 12, 1) if span else None,
            "description": "",
            "_range": span,
        })
    return jobs


def learned_education(learned: Learned) -> list[dict]:
    all_entities = [e for label in EDUCATION_LABELS for e in learned.by_label.get(label, [])]
    entries = []
    for entry in group_by_proximity(all_entities, EDUCATION_LABELS):
        year = _nearest(learned.by_label.get("GRAD", []), entry)
        digits = "".join(ch for ch in year.text if ch.isdigit())[-4:] if year else ""
        degree = entry["DEG"].text if "DEG" in entry else None
        entries.append({
            "degree": _canonical_degree(degree),
            "institution": clean_institution(entry["COLLEGE"].text) if "COLLEGE" in entry else None,
            "year": int(digits) if len(digits) == 4 and digits[:2] in ("19", "20") else None,
        })
    return entries


def _canonical_degree(written: str | None) -> str | None:
    """The degree as the structural parser names it when it knows the form, else as written."""
    if not written:
        return None
    found = find_degree(written)
    if not found:
        return written
    return f"{found[0]} in {found[1]}" if found[1] else found[0]


def learned_skills(learned: Learned, known: list[Skill]) -> list[Skill]:
    """Learned skill spans the structural skills lack: a taxonomy name when the span names one,
    else the span as written under "Other"."""
    names = {skill.name.lower() for skill in known}
    added: list[Skill] = []
    for entity in learned.by_label.get("SKILL", []):
        found = find_skills([entity.text])
        whole = len(found) == 1 and len(found[0].name) >= len(entity.text) * 0.9  # "VR Photography" is not "Photography"
        candidates = found if whole else [Skill(entity.text, OTHER)]
        for skill in candidates:
            if skill.name.lower() not in names and len(skill.name) <= 60:
                names.add(skill.name.lower())
                added.append(skill)
    return added



def complete(entries: list[dict], fields: tuple[str, str]) -> bool:
    """Every entry has both fields: the structural parser understood the section."""
    return bool(entries) and all(entry.get(name) for entry in entries for name in fields)


def _text(entity: Entity | None) -> str | None:
    return entity.text if entity else None


def combine(text: str, personal_info: dict, jobs: list[dict], education: list[dict],
            skills: list[Skill], entities: list[Entity], *, today: date, structured: bool):
    """(personal_info, jobs, education, skills) from the structural results and the entities.

    Text with line structure: the structural values, a missing name or location from the model,
    learned entries for a section whose structural entries are incomplete, and the learned
    skills the taxonomy knows. Text without it (no line breaks): the learned values, since the
    structural parser has nothing to anchor on (on the dotin dev split the learned values also
    beat structure+fill there; docs/parser-quality.md)."""
    learned = learned_values(text, entities)
    info = dict(personal_info)
    if not structured:
        info["name"] = _text(learned.first("NAME")) or info.get("name")
        info["location"] = _text(learned.first("LOC")) or info.get("location")
        return info, learned_jobs(learned, today=today), learned_education(learned), learned_skills(learned, [])
    info["name"] = info.get("name") or _text(learned.first("NAME"))
    info["location"] = info.get("location") or _text(learned.first("LOC"))
    if not complete(jobs, ("company", "role")):
        jobs = learned_jobs(learned, today=today)
    if not complete(education, ("degree", "institution")):
        education = learned_education(learned)
    known = [skill for skill in learned_skills(learned, skills) if skill.category != OTHER]
    return info, jobs, education, skills + known


def confidences_for(profile: dict, entities: list[Entity], text: str, *, structural: dict | None = None) -> dict[str, float]:
    """The model's confidence for each profile value only it found (by evidence field path).
    Values the structural parser found too keep the locating method's default: two readings
    agree, so a low CRF marginal (an email found by its pattern, a skill listed in a skills
    section) must not mark them for review. Values only structure found keep the default too."""
    learned = learned_values(text, entities)
    agreed = {normalise(value) for _, value in value_paths(structural or {})}
    found = {}
    for path, value in value_paths(profile):
        confidence = learned.confidence(value)
        if confidence is not None and normalise(value) not in agreed:
            found[path] = confidence
    return found

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

import re
from dataclasses import dataclass
from datetime import date

from analysis.parsing.dates import find_ranges
from analysis.parsing.education import find_degree
from analysis.parsing.evidence import value_paths
from analysis.parsing.learned import lexicon
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

    def name(self) -> Entity | None:
        """The first NAME span that reads as a person's name: at least two words, none of them a
        section heading word ("Education" tagged at the top of a one-line resume, "San")."""
        sections = lexicon.load()["sections"]
        for entity in self.by_label.get("NAME") or []:
            words = [w for w in re.split(r"[^\w'-]+", entity.text) if w]
            if len(words) >= 2 and not any(w.lower() in sections for w in words):
                return entity
        return None


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


# Job-title words a role ends with ("Personal Trainer", "Cashier"): the CRF, trained on 244
# resumes, misses many roles outside software work; a capitalised run ending in one, set apart
# by separators, is taken as a role in text without line structure (confidence ROLE_RULE_CONFIDENCE).
TITLE_WORDS = frozenset("""
    teacher nurse trainer volunteer bartender cashier coach owner founder co-founder cofounder president chief ceo
    cto cfo coo partner clerk accountant auditor attorney lawyer paralegal counselor counsellor tutor instructor
    professor lecturer researcher fellow leader agent operator mechanic electrician writer editor reporter
    planner buyer recruiter generalist therapist pharmacist physician surgeon dentist chef cook waiter waitress
    driver receptionist secretary aide apprentice ambassador strategist marketer salesman principal chairman
    administrator manager engineer developer analyst consultant intern director officer specialist associate
    assistant coordinator co-ordinator executive supervisor technician architect designer programmer scientist
    lead head trainee tester representative advisor adviser""".split())
ROLE_RULE_CONFIDENCE = 0.5
CAPITALISED_RUN_RE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w'’.\-/&]*)(?:\s(?:[A-Z][\w'’.\-/&]*|of|and|&|for|the|in))*)")
RUN_CONNECTORS = {"of", "and", "&", "for", "/", "-", "the", "in"}
SET_APART_AFTER_RE = re.compile(r"^\s*(?:,|•|\||–|—|-\s|at\b|@|\(|\s{2,}|$)")
SET_APART_BEFORE = ("", ",", "•", "|", "-", "–", ":", "(")
MAX_TITLE_WORDS = 5


def title_spans(text: str, taken: list[tuple[int, int]]) -> list[Entity]:
    """Capitalised runs of up to five words ending in a job-title word, with a separator (comma,
    bullet, bar, dash, two spaces) after them and none of the model's spans overlapping them;
    not inside a sentence (after a lower-case word)."""
    found = []
    for match in CAPITALISED_RUN_RE.finditer(text):
        words = match.group(1).rstrip(" ,.-/&").split()
        while words and words[-1].lower() in RUN_CONNECTORS:
            words.pop()
        if not words or len(words) > MAX_TITLE_WORDS or words[-1].lower().strip(".,") not in TITLE_WORDS:
            continue
        start = match.start(1)
        end = start + len(" ".join(words))
        if text[start:end] != " ".join(words) or not SET_APART_AFTER_RE.match(text[end : end + 3]):
            continue
        before = text[max(0, start - 30) : start]
        if "  " not in before[-3:] and before.strip()[-1:] not in SET_APART_BEFORE and before.strip():
            if before.split()[-1][:1].islower() or before.strip()[-1:].isalnum():
                continue
        if any(a < end and start < b for a, b in taken):
            continue
        found.append(Entity("ROLE", start, end, text[start:end], ROLE_RULE_CONFIDENCE))
    return found


# "Volunteer, Cradles to Crayons • Conshohocken, PA": the capitalised name right after a role and
# a separator is its employer when the model found no company near that role.
EMPLOYER_AFTER_ROLE_RE = re.compile(
    r"^\s*(?:,|\bat\b|@|–|—|-|\|)\s*((?:The\s)?[A-Z][\w'’.&/\-]*(?:\s(?:[A-Z][\w'’.&/\-]*|of|and|&|for|the|de|on|to))*)")
EMPLOYER_REACH = 80
MONTH_WORDS = frozenset("january february march april may june july august september october november december "
                        "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def employer_spans(text: str, entities: list[Entity]) -> list[Entity]:
    """Company spans after roles that have no company within EMPLOYER_REACH characters: not a
    month, not another title, not a span the model gave another type, at most six words."""
    companies = [e for e in entities if e.label == "COMP"]
    taken = [(e.start, e.end) for e in entities]
    found = []
    for role in (e for e in entities if e.label == "ROLE"):
        if any(-EMPLOYER_REACH <= c.start - role.end <= EMPLOYER_REACH for c in companies):
            continue
        match = EMPLOYER_AFTER_ROLE_RE.match(text[role.end : role.end + EMPLOYER_REACH + 10])
        if not match:
            continue
        name = match.group(1).rstrip(" .,-/&")
        start = role.end + match.start(1)
        end = start + len(name)
        words = name.split()
        if (len(name) < 3 or len(words) > 6 or words[0].lower() in MONTH_WORDS
                or words[-1].lower() in TITLE_WORDS or any(a < end and start < b for a, b in taken)):
            continue
        found.append(Entity("COMP", start, end, text[start:end], ROLE_RULE_CONFIDENCE))
        taken.append((start, end))
    return found


def with_rule_spans(text: str, entities: list[Entity]) -> list[Entity]:
    """The model's entities plus the roles (title_spans) and employers (employer_spans) the
    rules add, for text without line structure."""
    roles = title_spans(text, [(e.start, e.end) for e in entities if e.label != "SKILL"])
    return [*entities, *roles, *employer_spans(text, [*entities, *roles])]


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


DEGREE_WORDS = frozenset({
    "degree", "diploma", "certificate", "certification", "certified", "bachelor", "bachelors", "master", "masters",
    "hons", "honours", "honors", "associate", "doctor", "doctorate", "graduate", "postgraduate", "graduation",
    "course", "program", "programme", "nvq", "gcse", "gcses", "btec", "hnc", "hnd", "mba", "phd", "licence",
    "license", "level", "levels", "school", "secondary", "major", "majors", "minor", "candidate", "studies", "coursework"})
DEGREE_WORD_RE = re.compile(r"[a-z]+")


def reads_as_degree(written: str) -> bool:
    """A DEG span that names a degree: a form the structural parser knows ("B.E", "MCA"), a
    degree form of the lexicon, or a word such as diploma or certificate. Prose the model tagged
    ("Experiences in Engineering Active Replication", "Faculty of Law") does not."""
    if find_degree(written):
        return True
    lex = lexicon.load()["degree"]
    words = lexicon.token_key(written)
    if any(key in lex.phrases for size in range(1, 6) for key in
           (tuple(words[i : i + size]) for i in range(len(words) - size + 1))):
        return True
    return bool(set(DEGREE_WORD_RE.findall(written.lower())) & DEGREE_WORDS)


def learned_education(learned: Learned) -> list[dict]:
    all_entities = [e for label in EDUCATION_LABELS for e in learned.by_label.get(label, [])
                    if label != "DEG" or reads_as_degree(e.text)]
    entries = []
    for entry in group_by_proximity(all_entities, EDUCATION_LABELS):
        year = _nearest(learned.by_label.get("GRAD", []), entry)
        digits = "".join(ch for ch in year.text if ch.isdigit())[-4:] if year else ""
        degree = entry["DEG"].text if "DEG" in entry else None
        entries.append({
            "degree": " ".join(degree.split()) if degree else None,
            "institution": clean_institution(entry["COLLEGE"].text) if "COLLEGE" in entry else None,
            "year": int(digits) if len(digits) == 4 and digits[:2] in ("19", "20") else None,
        })
    return entries


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
        learned = learned_values(text, with_rule_spans(text, entities))
        info["name"] = _text(learned.name()) or info.get("name")
        info["location"] = _text(learned.first("LOC")) or info.get("location")
        return info, learned_jobs(learned, today=today), learned_education(learned), learned_skills(learned, [])
    info["name"] = info.get("name") or _text(learned.name())
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
    learned = learned_values(text, entities if has_line_structure(text) else with_rule_spans(text, entities))
    agreed = {normalise(value) for _, value in value_paths(structural or {})}
    found = {}
    for path, value in value_paths(profile):
        confidence = learned.confidence(value)
        if confidence is not None and normalise(value) not in agreed:
            found[path] = confidence
    return found

"""A job description's requirements: required and preferred skills, minimum years, degree level,
location. The local parser reads them by rules and the skills taxonomy; the openai backend by the
versioned prompt in analysis/matching/prompts/. Both give the same typed shape (Requirements),
which the recruiter can then edit. Plain Python, no Django (apart from the AI layer's settings).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from analysis.matching.candidates import DEGREE_ORDER, canonical_skill
from analysis.parsing.places import looks_like_location
from analysis.parsing.skills import OTHER, find_skills

LOCAL_PARSER = "local-v1"
MAX_SKILLS = 40

# Section headings (a short line that is mostly one of these) and what they make the skills below.
REQUIRED_HEADINGS = re.compile(
    r"^(?:requirements?|required( skills| qualifications)?|must[- ]haves?|what you(?:'ll)? (?:need|bring)|"
    r"minimum qualifications|basic qualifications|qualifications|you have|about you|skills)\b", re.I)
PREFERRED_HEADINGS = re.compile(
    r"^(?:preferred( skills| qualifications)?|nice[- ]to[- ]haves?|bonus( points)?|pluses|desired|"
    r"desirable|good to have|extra credit)\b", re.I)
OTHER_HEADINGS = re.compile(
    r"^(?:about (?:us|the (?:company|team|role))|benefits|perks|what we offer|responsibilities|"
    r"what you(?:'ll)? do|the role|location|salary|compensation|how to apply)\b", re.I)
PREFERRED_CUE = re.compile(r"\b(?:preferred|nice to have|a plus|is a bonus|bonus|desirable|ideally|advantage)\b", re.I)
REQUIRED_CUE = re.compile(r"\b(?:required|must|need|essential|mandatory|minimum)\b", re.I)
YEARS_RE = re.compile(
    r"(?:at least|minimum(?: of)?|min\.?|over)?\s*(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?"
    r"(?:years?|yrs?)\b(?:\s+of)?(?:\s+\w+){0,4}?\s+(?:experience|exp\b)", re.I)
DEGREE_PATTERNS = [
    (re.compile(r"\b(?:ph\.?\s?d|doctorate|doctoral)\b", re.I), "Doctorate"),
    (re.compile(r"\b(?:master'?s|m\.?sc|m\.?s\.|mba|masters)\b", re.I), "Master's"),
    (re.compile(r"\b(?:bachelor'?s|b\.?sc|b\.?s\.|b\.?a\.|b\.?tech|b\.?e\.|undergraduate degree|bsn|"
                r"(?:university|college) degree|degree in)\b", re.I), "Bachelor's"),
    (re.compile(r"\bassociate'?s? degree\b", re.I), "Associate"),
]  # fmt: skip
LOCATION_LINE = re.compile(r"^\s*(?:location|based in|office|where)\s*[:\-–]\s*(.+)$", re.I)
REMOTE_RE = re.compile(r"\b(?:fully remote|remote[- ]first|100% remote|remote)\b", re.I)


@dataclass
class Requirements:
    required_skills: list[str] = field(default_factory=list)
    preferred_skills: list[str] = field(default_factory=list)
    min_years: float | None = None
    degree_level: str | None = None  # a key of candidates.DEGREE_ORDER
    location: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Requirements:
        """Read a stored or submitted shape leniently: unknown keys dropped, skills de-duplicated
        (a skill both required and preferred counts as required), a bad number or level ignored."""
        data = data if isinstance(data, dict) else {}
        required = _skill_list(data.get("required_skills"))
        folded = {skill.casefold() for skill in required}
        preferred = [s for s in _skill_list(data.get("preferred_skills")) if s.casefold() not in folded]
        years = data.get("min_years")
        try:
            years = round(float(years), 1) if years not in (None, "") else None
        except (TypeError, ValueError):
            years = None
        if years is not None and not 0 <= years <= 60:
            years = None
        level = data.get("degree_level")
        location = data.get("location")
        return cls(
            required_skills=required,
            preferred_skills=preferred,
            min_years=years,
            degree_level=level if level in DEGREE_ORDER else None,
            location=" ".join(str(location).split())[:200] or None if location else None,
        )


def _skill_list(value) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[,\n;]", value)
    if not isinstance(value, list):
        return []
    names = [canonical_skill(str(item))[:100] for item in value if isinstance(item, str | int | float) and str(item).strip()]
    return list({name.casefold(): name for name in reversed(names)}.values())[::-1][:MAX_SKILLS]


def _heading_kind(line: str) -> str | None:
    stripped = line.strip().rstrip(":").strip()
    if not stripped or len(stripped) > 60:
        return None
    if PREFERRED_HEADINGS.match(stripped):
        return "preferred"
    if REQUIRED_HEADINGS.match(stripped):
        return "required"
    if OTHER_HEADINGS.match(stripped):
        return "other"
    return None


def parse_requirements_local(text: str) -> Requirements:
    """Rules: skills under a preferred heading, or on a line with a preferred cue ("a plus",
    "nice to have"), are preferred; all other skills the taxonomy finds are required. Minimum
    years: the smallest "N+ years of experience" figure. Degree: the lowest level named (a
    "Bachelor's or Master's" asks for a bachelor's). Location: a "Location:" line, else the first
    line that looks like a place, else "Remote" when the text says remote."""
    required: list[str] = []
    preferred: list[str] = []
    section = None
    for line in text.splitlines():
        kind = _heading_kind(line)
        if kind:
            section = kind
            rest = line.split(":", 1)[1] if ":" in line else ""
            if not rest.strip():
                continue
            line = rest
        skills = [s.name for s in find_skills([line], prose=True) if s.category != OTHER]
        is_preferred = section == "preferred" or (PREFERRED_CUE.search(line) and not REQUIRED_CUE.search(line))
        (preferred if is_preferred else required).extend(skills)
    return Requirements.from_dict({
        "required_skills": required,
        "preferred_skills": preferred,
        "min_years": _min_years(text),
        "degree_level": _degree_level(text),
        "location": _location(text),
    })  # fmt: skip


def _min_years(text: str) -> float | None:
    figures = [float(match.group(1)) for match in YEARS_RE.finditer(text)]
    figures = [figure for figure in figures if 0 < figure <= 40]
    return min(figures) if figures else None


def _degree_level(text: str) -> str | None:
    found = [level for pattern, level in DEGREE_PATTERNS if pattern.search(text)]
    return min(found, key=lambda level: DEGREE_ORDER[level]) if found else None


def _location(text: str) -> str | None:
    for line in text.splitlines():
        match = LOCATION_LINE.match(line)
        if match:
            return match.group(1).strip()[:200]
    for line in text.splitlines()[:8]:
        place = looks_like_location(line.strip()) if len(line) < 80 else None
        if place:
            return place
    return "Remote" if REMOTE_RE.search(text) else None

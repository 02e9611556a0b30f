"""The facts a question set may cite, read from the typed profile (analysis/profile.py).

The profile's shape is checked where it is saved and repaired where an old row is read, so
nothing here re-checks it; a sparse profile just yields fewer facts.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from analysis.profile import Education as ProfileEducation
from analysis.profile import Experience as ProfileExperience
from analysis.profile import Profile

SENIORITY_LEVELS = ("junior", "mid", "senior", "lead")
# Skill groups that are not things one builds with (human languages, certificates, soft skills).
NOT_TOOLS = re.compile(r"spoken|human lang|certif|soft|interest|hobb", re.IGNORECASE)
BULLET = re.compile(r"^[-*\u2022\u25aa\u25cf\u2013\u00b7>]+\s*")
ACTION_VERBS = {
    "built",
    "led",
    "ran",
    "wrote",
    "made",
    "drove",
    "grew",
    "cut",
    "set",
    "shipped",
    "own",
    "owned",
    "run",
    "build",
    "lead",
    "design",
    "develop",
    "manage",
    "create",
    "maintain",
    "mentor",
}


@dataclass(frozen=True)
class Experience:
    company: str
    role: str
    years: float
    description: str
    current: bool
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Education:
    degree: str
    institution: str


@dataclass
class Facts:
    name: str
    skills: list[str]
    skill_category: dict[str, str]
    experiences: list[Experience]
    education: list[Education]
    strengths: list[str]
    total_years: float
    target_role: str
    target_company: str
    has_target_company: bool
    recommendations: list[str] = field(default_factory=list)

    @property
    def seniority(self) -> str:
        if self.total_years < 2:
            return "junior"
        if self.total_years < 5:
            return "mid"
        if self.total_years < 10:
            return "senior"
        return "lead"

    def experience_at(self, company: str) -> Experience | None:
        return next((e for e in self.experiences if e.company and e.company == company), None)


def _text(value: str | None, limit: int = 200) -> str:
    return re.sub(r"\s+", " ", value or "").strip()[:limit]


def _starts_item(line: str) -> bool:
    first = line.split(" ", 1)[0]
    return bool(BULLET.match(line)) or (
        first[:1].isupper() and (first.lower().endswith("ed") or first.lower() in ACTION_VERBS)
    )


def highlights_of(description: str) -> tuple[str, ...]:
    """Achievement sentences from a description, re-joining lines a PDF wrapped mid-sentence."""
    items: list[str] = []
    for line in (raw.strip() for raw in description.splitlines()):
        if not line:
            continue
        if items and not items[-1].endswith((".", "!", "?", ";")) and not _starts_item(line):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(BULLET.sub("", line))
    sentences = [part for item in items for part in re.split(r"(?<=[.!?;])\s+(?=[A-Z])", item)]
    cleaned = (re.sub(r"\s+", " ", s).strip().rstrip(".!?; ") for s in sentences)
    return tuple(s for s in cleaned if 12 <= len(s) <= 240)


def _skills(groups: dict[str, list[str]], evidence: str) -> tuple[list[str], dict[str, str]]:
    """Skills one builds with, those the experience descriptions mention first."""
    ordered: list[str] = []
    category_of: dict[str, str] = {}
    for category, items in groups.items():
        if NOT_TOOLS.search(category):
            continue
        for item in items:
            skill = _text(item, 60)
            if skill and skill.lower() not in {s.lower() for s in ordered}:
                ordered.append(skill)
                category_of[skill] = _text(category, 60) or "Skills"
    used = [s for s in ordered if mentions(evidence, s)]
    return used + [s for s in ordered if s not in used], category_of


def mentions(text: str, term: str) -> bool:
    return (
        bool(term)
        and re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", text.lower()) is not None
    )


def _experiences(entries: list[ProfileExperience]) -> list[Experience]:
    found = []
    for item in entries:
        company, role = _text(item.company, 120), _text(item.role, 120)
        if not company and not role:
            continue
        found.append(
            Experience(
                company=company,
                role=role,
                years=max(0.0, float(item.years or 0)),
                description=_text(item.description, 2000),
                current=_text(item.end_date, 20).lower() in {"present", "current", "now"},
                highlights=highlights_of(item.description),
            )
        )
    return found


def _education(entries: list[ProfileEducation]) -> list[Education]:
    found = []
    for item in entries:
        degree, institution = _text(item.degree, 150), _text(item.institution, 150)
        if degree and institution:
            found.append(Education(degree=degree, institution=institution))
    return found


def _strings(values: list[str], limit: int = 120) -> list[str]:
    return [s for s in (_text(v, limit) for v in values) if s]


def facts_from_profile(
    profile: Profile | Mapping[str, Any], *, job_title: str = "", company: str = ""
) -> Facts:
    """A plain dict (the analyzer's shape, as tests pass) is read the way a stored row is."""
    profile = Profile.from_stored(profile)
    experiences = _experiences(profile.experience)
    skills, category_of = _skills(profile.skills, " ".join(e.description for e in experiences))
    recommendations = _strings(profile.job_recommendations)
    total = profile.total_years_experience or sum(e.years for e in experiences)
    info = profile.personal_info
    roles = [e.role for e in experiences if e.role]
    target_role = (
        _text(job_title, 120) or (recommendations[:1] or roles[:1] or ["a new team member"])[0]
    )
    return Facts(
        name=_text(info.name, 120),
        skills=skills,
        skill_category=category_of,
        experiences=experiences,
        education=_education(profile.education),
        strengths=_strings(profile.strengths),
        total_years=round(total, 1),
        target_role=target_role,
        target_company=_text(company, 120) or "the team",
        has_target_company=bool(_text(company, 120)),
        recommendations=recommendations,
    )


def years_phrase(years: float) -> str:
    """'1 year', '3 years', '2.5 years'."""
    if years <= 0:
        return ""
    shown = int(years) if float(years).is_integer() else round(years, 1)
    return f"{shown} year" if shown == 1 else f"{shown} years"

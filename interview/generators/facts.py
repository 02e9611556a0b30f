"""The facts a question set may cite, read from the typed profile (analysis/profile.py).

The profile's shape is checked where it is saved and repaired where an old row is read, so
nothing here re-checks it; a sparse profile just yields fewer facts. Everything a grounded answer
says comes from here, as the resume wrote it: employers, titles, start and end years, and the
achievement sentences of each job's description.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from analysis.parsing.occupation import family_of_profile, seniority_of
from analysis.profile import Experience as ProfileExperience
from analysis.profile import Profile
from interview.generators.families import CERTIFICATE, NEVER_TOOLS, Bank, bank_for

SENIORITY_LEVELS = ("junior", "mid", "senior", "lead")
# The profile's six levels folded onto the four the difficulty mix knows.
DIFFICULTY_LEVEL = {"entry": "junior", "junior": "junior", "mid": "mid", "senior": "senior", "lead": "lead",
                    "executive": "lead"}  # fmt: skip
BULLET = re.compile(r"^[-*\u2022\u25aa\u25cf\u2013\u00b7>]+\s*")
ACTION_VERBS = {
    "built", "led", "ran", "wrote", "made", "drove", "grew", "cut", "set", "shipped", "own", "owned",
    "run", "build", "lead", "design", "develop", "manage", "create", "maintain", "mentor", "taught",
    "hired", "sold", "won", "met", "kept", "brought", "gave", "held", "oversaw", "answered",
}  # fmt: skip
SPOKEN = re.compile(r"spoken|human lang|^languages?$", re.IGNORECASE)
# A group called just "Languages" may hold programming languages: those stay skills.
PROGRAMMING = {
    "python", "java", "javascript", "typescript", "go", "golang", "rust", "c", "c++", "c#", "ruby", "php",
    "kotlin", "swift", "scala", "r", "sql", "bash", "shell", "perl", "haskell", "elixir", "dart", "lua",
    "matlab", "objective-c", "julia", "groovy", "f#", "powershell", "solidity",
}  # fmt: skip


@dataclass(frozen=True)
class Experience:
    company: str
    role: str
    years: float
    description: str
    current: bool
    highlights: tuple[str, ...] = ()
    start: str = ""  # "YYYY-MM" as the profile holds it
    end: str = ""  # "YYYY-MM", "Present" or ""

    @property
    def period(self) -> str:
        """The years as the resume gives them: "since 2021", "2016–2021", "" when unknown."""
        first, last = self.start[:4], self.end[:4]
        if not first.isdigit():
            return ""
        if self.current:
            return f"since {first}"
        if last.isdigit() and last != first:
            return f"{first}–{last}"
        return first


@dataclass(frozen=True)
class Education:
    degree: str
    institution: str
    year: int | None = None


@dataclass
class Facts:
    name: str
    skills: list[str]  # every listed skill that is not a language, certificate or soft skill
    skill_category: dict[str, str]
    experiences: list[Experience]
    education: list[Education]
    strengths: list[str]
    total_years: float
    target_role: str
    target_company: str
    has_target_company: bool
    has_target_role: bool = False
    recommendations: list[str] = field(default_factory=list)
    family: str = "general"
    occupation: str = ""
    level: str = ""  # the profile's seniority (entry .. executive)
    certifications: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    required: list[str] = field(default_factory=list)  # skills a job description asks for

    @property
    def titles(self) -> str:
        """The latest titles and the occupation, which decide the bank's competencies that apply."""
        return " | ".join([*(e.role for e in self.experiences[:2] if e.role), self.occupation])

    @property
    def bank(self) -> Bank:
        return bank_for(self.family)

    @property
    def tools(self) -> list[str]:
        """Skills that may fill this family's {tool} slot; a job description's come first."""
        fitting = [s for s in self.skills if self.bank.fits(s, self.skill_category.get(s, ""))]
        wanted = [s for s in fitting if any(s.lower() == r.lower() for r in self.required)]
        return wanted + [s for s in fitting if s not in wanted]

    @property
    def field_certifications(self) -> list[str]:
        return [c for c in self.certifications if self.bank.fits_certificate(c)]

    @property
    def missing_required(self) -> list[str]:
        """Required skills of a job description the resume never mentions."""
        corpus = " ".join([*self.skills, *self.certifications, *(e.description for e in self.experiences)])
        return [skill for skill in self.required if not mentions(corpus, skill)]

    @property
    def seniority(self) -> str:
        if self.level in DIFFICULTY_LEVEL:
            return DIFFICULTY_LEVEL[self.level]
        if self.total_years < 2:
            return "junior"
        if self.total_years < 5:
            return "mid"
        if self.total_years < 10:
            return "senior"
        return "lead"

    def experience_at(self, company: str) -> Experience | None:
        return next((e for e in self.experiences if e.company and e.company == company), None)

    def resume_words(self) -> str:
        """All the text the facts came from, for checking that an answer only repeats it."""
        parts = [self.name, *self.skills, *self.certifications, *self.languages, *self.strengths]
        for job in self.experiences:
            parts += [job.company, job.role, job.description, job.start, job.end]
        for school in self.education:
            parts += [school.degree, school.institution, str(school.year or "")]
        return "\n".join(part for part in parts if part)


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


def _skills(groups: dict[str, list[str]], evidence: str) -> tuple[list[str], dict[str, str], list[str], list[str]]:
    """Skills (those the experience mentions first), their categories, certificates, languages."""
    ordered: list[str] = []
    category_of: dict[str, str] = {}
    certificates: list[str] = []
    languages: list[str] = []
    for category, items in groups.items():
        for item in items:
            skill = _text(item, 60)
            if not skill:
                continue
            if SPOKEN.search(category) and not (category.lower().startswith("lang") and skill.lower() in PROGRAMMING):
                languages.append(skill)
            elif re.search(r"certif", category, re.IGNORECASE) or (
                CERTIFICATE.search(skill) and skill.isupper() and len(skill) <= 6
            ):
                certificates.append(skill)
            elif not NEVER_TOOLS.search(category) and skill.lower() not in {s.lower() for s in ordered}:
                ordered.append(skill)
                category_of[skill] = _text(category, 60) or "Skills"
    used = [s for s in ordered if mentions(evidence, s)]
    return used + [s for s in ordered if s not in used], category_of, certificates, languages


def mentions(text: str, term: str) -> bool:
    return bool(term) and re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", text.lower()) is not None


def _experiences(entries: list[ProfileExperience]) -> list[Experience]:
    found = []
    for item in entries:
        company, role = _text(item.company, 120), _text(item.role, 120)
        if not company and not role:
            continue
        end = _text(item.end_date, 20)
        found.append(
            Experience(
                company=company,
                role=role,
                years=max(0.0, float(item.years or 0)),
                description=_text(item.description, 2000),
                current=end.lower() in {"present", "current", "now"},
                highlights=highlights_of(item.description),
                start=_text(item.start_date, 20),
                end=end,
            )
        )
    return found


def _education(profile: Profile) -> list[Education]:
    found = []
    for item in profile.education:
        degree, institution = _text(item.degree, 150), _text(item.institution, 150)
        if degree or institution:
            found.append(Education(degree=degree, institution=institution, year=item.year))
    return found


def _strings(values: list[str], limit: int = 120) -> list[str]:
    return [s for s in (_text(v, limit) for v in values) if s]


def facts_from_profile(
    profile: Profile | Mapping[str, Any], *, job_title: str = "", company: str = "", required: list[str] | None = None
) -> Facts:
    """A plain dict (the analyzer's shape, as tests pass) is read the way a stored row is."""
    profile = Profile.from_stored(profile)
    experiences = _experiences(profile.experience)
    skills, category_of, certificates, languages = _skills(
        profile.skills, " ".join(e.description for e in experiences)
    )
    recommendations = _strings(profile.job_recommendations)
    total = profile.total_years_experience or sum(e.years for e in experiences)
    info = profile.personal_info
    roles = [e.role for e in experiences if e.role]
    family = profile.occupation.family
    if not family:  # a profile analysed before occupations: the titles' family, no ESCO match
        family = family_of_profile(profile.model_dump())
    level = profile.seniority or seniority_of(roles, total)
    target_role = _text(job_title, 120) or (roles[:1] or recommendations[:1] or ["a new team member"])[0]
    return Facts(
        name=_text(info.name, 120),
        skills=skills,
        skill_category=category_of,
        experiences=experiences,
        education=_education(profile),
        strengths=_strings(profile.strengths),
        total_years=round(total, 1),
        target_role=target_role,
        target_company=_text(company, 120) or "the team",
        has_target_company=bool(_text(company, 120)),
        has_target_role=bool(_text(job_title, 120)),
        recommendations=recommendations,
        family=family,
        occupation=profile.occupation.label,
        level=level,
        certifications=certificates,
        languages=languages,
        required=list(required or []),
    )


def years_phrase(years: float) -> str:
    """'1 year', '3 years', '2.5 years'."""
    if years <= 0:
        return ""
    shown = int(years) if float(years).is_integer() else round(years, 1)
    return f"{shown} year" if shown == 1 else f"{shown} years"


# --- what an interviewer should ask about -------------------------------------------------------


def _month(value: str) -> date | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})", value or "")
    return date(int(match[1]), int(match[2]), 1) if match and 1 <= int(match[2]) <= 12 else None


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def resume_flags(facts: Facts, *, today: date | None = None) -> list[dict]:
    """Gaps over six months between jobs, stays under a year (not the current job), and required
    skills the resume does not show. Each: {kind, text, company?}; texts use the resume's dates."""
    from analysis.profile import month_label

    today = today or date.today()
    flags: list[dict] = []
    dated = [(e, _month(e.start), today if e.current else _month(e.end)) for e in facts.experiences]
    dated = [item for item in dated if item[1] and item[2]]
    dated.sort(key=lambda item: item[1])
    covered_until = None
    for job, start, end in dated:
        if covered_until and _months_between(covered_until, start) > 6:
            flags.append({
                "kind": "gap",
                "text": f"No role between {month_label(covered_until.strftime('%Y-%m'))} and "
                        f"{month_label(start.strftime('%Y-%m'))} ({_months_between(covered_until, start)} months)",
            })  # fmt: skip
        covered_until = max(covered_until or end, end)
        months = _months_between(start, end)
        if not job.current and 0 < months < 12:
            where = job.company or job.role
            flags.append({"kind": "short_tenure", "company": job.company,
                          "text": f"{months} months at {where} ({month_label(job.start)} – {month_label(job.end)})"})
    for skill in facts.missing_required:
        flags.append({"kind": "missing_skill", "skill": skill,
                      "text": f"The job description asks for {skill}; the resume does not mention it"})
    return flags

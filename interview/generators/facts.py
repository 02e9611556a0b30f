"""The facts a question set may cite, read defensively from a profile dict (analysis/backends/result.py).

Profiles come from a heuristic parser or an LLM, so every field may be missing or of the wrong
type; nothing here raises on odd input, it just yields fewer facts.
"""

import re
from dataclasses import dataclass, field

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


def _text(value: object, limit: int = 200) -> str:
    return re.sub(r"\s+", " ", value).strip()[:limit] if isinstance(value, str) else ""


def _number(value: object) -> float:
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, int | float):
        return max(0.0, float(value))
    try:
        return max(0.0, float(str(value)))
    except ValueError:
        return 0.0


def _starts_item(line: str) -> bool:
    first = line.split(" ", 1)[0]
    return bool(BULLET.match(line)) or (
        first[:1].isupper() and (first.lower().endswith("ed") or first.lower() in ACTION_VERBS)
    )


def highlights_of(description: object) -> tuple[str, ...]:
    """Achievement sentences from a description, re-joining lines a PDF wrapped mid-sentence."""
    if not isinstance(description, str):
        return ()
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


def _skills(raw: object, evidence: str) -> tuple[list[str], dict[str, str]]:
    """Skills one builds with, those the experience descriptions mention first."""
    ordered: list[str] = []
    category_of: dict[str, str] = {}
    groups = raw.items() if isinstance(raw, dict) else [("Skills", raw)]
    for category, items in groups:
        if isinstance(category, str) and NOT_TOOLS.search(category):
            continue
        for item in items if isinstance(items, list) else []:
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


def _experiences(raw: object) -> list[Experience]:
    found = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        company, role = _text(item.get("company"), 120), _text(item.get("role"), 120)
        if not company and not role:
            continue
        end = _text(item.get("end_date"), 20).lower()
        found.append(
            Experience(
                company=company,
                role=role,
                years=_number(item.get("years")),
                description=_text(item.get("description"), 2000),
                current=end in {"present", "current", "now"},
                highlights=highlights_of(item.get("description")),
            )
        )
    return found


def _education(raw: object) -> list[Education]:
    found = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict):
            degree, institution = (
                _text(item.get("degree"), 150),
                _text(item.get("institution"), 150),
            )
            if degree and institution:
                found.append(Education(degree=degree, institution=institution))
    return found


def _strings(raw: object, limit: int = 120) -> list[str]:
    return [s for s in (_text(v, limit) for v in (raw if isinstance(raw, list) else [])) if s]


def facts_from_profile(profile: dict, *, job_title: str = "", company: str = "") -> Facts:
    profile = profile if isinstance(profile, dict) else {}
    experiences = _experiences(profile.get("experience"))
    skills, category_of = _skills(
        profile.get("skills"), " ".join(e.description for e in experiences)
    )
    recommendations = _strings(profile.get("job_recommendations"))
    total = _number(profile.get("total_years_experience")) or sum(e.years for e in experiences)
    info = profile.get("personal_info") if isinstance(profile.get("personal_info"), dict) else {}
    roles = [e.role for e in experiences if e.role]
    target_role = (
        _text(job_title, 120) or (recommendations[:1] or roles[:1] or ["a new team member"])[0]
    )
    return Facts(
        name=_text(info.get("name"), 120),
        skills=skills,
        skill_category=category_of,
        experiences=experiences,
        education=_education(profile.get("education")),
        strengths=_strings(profile.get("strengths")),
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

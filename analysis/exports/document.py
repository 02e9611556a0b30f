"""The export document: the seed's JSON shape, and a tidy read-only view of it for the printed
formats (PDF, DOCX).

Profiles come from the local parser or from an LLM, so the printed view coerces every value to
text defensively: a number where a string was expected, a missing key or a stray control
character must not break a download.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from analysis.models import AnalysisJob, UserProfile

# Characters XML 1.0 cannot hold (python-docx refuses them; they are never meaningful in a report).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CONTACT_FIELDS = (
    ("name", "Name"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("location", "Location"),
    ("linkedin", "LinkedIn"),
    ("github", "GitHub"),
)


def iso_utc(moment: datetime) -> str:
    """The seed's timestamp form: 2025-12-26T11:00:00Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def export_data(*, job: AnalysisJob, profile: UserProfile, exported_at: datetime) -> dict[str, Any]:
    """The JSON export, keys in the seed's order, values exactly as the profile stores them."""
    return {
        "job_id": str(job.id),
        "personal_info": profile.personal_info,
        "skills": profile.skills,
        "experience": profile.experience,
        "education": profile.education,
        "summary": profile.summary,
        "job_recommendations": profile.job_recommendations,
        "strengths": profile.strengths,
        "weaknesses": profile.weaknesses,
        "exported_at": iso_utc(exported_at),
    }


def text(value: Any) -> str:
    """Any profile value as display text ('' for None); integral floats lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _XML_INVALID.sub("", str(value)).strip()


def texts(values: Any) -> list[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        return []
    return [item for item in (text(value) for value in values) if item]


def month_label(value: Any) -> str:
    """'2019-03' -> 'Mar 2019'; anything else ('Present', '2019') is shown as given."""
    label = text(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if match and 1 <= int(match[2]) <= 12:
        return f"{_MONTHS[int(match[2]) - 1]} {match[1]}"
    return label


@dataclass(frozen=True)
class Position:
    company: str
    role: str
    period: str
    years: str
    description: str


@dataclass(frozen=True)
class Degree:
    degree: str
    institution: str
    year: str


@dataclass(frozen=True)
class Report:
    """What the PDF and DOCX print, in reading order."""

    job_id: str
    name: str
    contacts: list[tuple[str, str]]
    summary: str
    skills: list[tuple[str, list[str]]]
    experience: list[Position]
    education: list[Degree]
    recommendations: list[str]
    strengths: list[str]
    weaknesses: list[str]
    generated_at: datetime

    @property
    def generated_label(self) -> str:
        return self.generated_at.strftime("%d %B %Y, %H:%M UTC")


def _entries(values: Any) -> list[dict]:
    return [value for value in values if isinstance(value, dict)] if isinstance(values, list) else []


def _position(entry: dict) -> Position:
    start, end = month_label(entry.get("start_date")), month_label(entry.get("end_date"))
    period = " – ".join(part for part in (start, end) if part)
    years = text(entry.get("years"))
    if years:
        years = f"{years} year" + ("" if years == "1" else "s")
    return Position(
        company=text(entry.get("company")),
        role=text(entry.get("role")),
        period=period,
        years=years,
        description=text(entry.get("description")),
    )


def _degree(entry: dict) -> Degree:
    return Degree(
        degree=text(entry.get("degree")),
        institution=text(entry.get("institution")),
        year=text(entry.get("year")),
    )


def _skills(skills: Any) -> list[tuple[str, list[str]]]:
    if not isinstance(skills, dict):
        return []
    groups = [(text(category) or "Other", texts(names)) for category, names in skills.items()]
    return [(category, names) for category, names in groups if names]


def build_report(*, job: AnalysisJob, profile: UserProfile, generated_at: datetime) -> Report:
    info = profile.personal_info if isinstance(profile.personal_info, dict) else {}
    contacts = [(label, text(info.get(key))) for key, label in CONTACT_FIELDS[1:]]
    return Report(
        job_id=str(job.id),
        name=text(info.get("name")) or "Unnamed candidate",
        contacts=[(label, value) for label, value in contacts if value],
        summary=text(profile.summary),
        skills=_skills(profile.skills),
        experience=[_position(entry) for entry in _entries(profile.experience)],
        education=[_degree(entry) for entry in _entries(profile.education)],
        recommendations=texts(profile.job_recommendations),
        strengths=texts(profile.strengths),
        weaknesses=texts(profile.weaknesses),
        generated_at=generated_at,
    )

"""The export document: the seed's JSON shape, and a tidy read-only view of it for the printed
formats (PDF, DOCX).

The JSON document is the stored row itself, values exactly as stored (so an export is
byte-identical whatever reads the row, tests/export/test_golden.py). The printed view reads the
typed Profile (analysis/profile.py), whose shape is already checked; it only tidies the text:
a stray control character must not break a download.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from analysis.models import AnalysisJob, UserProfile
from analysis.profile import Education, Experience, Profile, month_label

# Characters XML 1.0 cannot hold (python-docx refuses them; they are never meaningful in a report).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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
    """The JSON export, keys in the seed's order, values exactly as the profile stores them (rows
    from before validation included: the export never rewrites what was saved).

    `evidence` (where each value came from, analysis/profile.py) is our addition; it appears only
    when the profile has some, so a profile saved before evidence existed exports exactly as it
    always did (tests/export/golden/)."""
    document = {
        "job_id": str(job.id),
        "personal_info": profile.personal_info,
        "skills": profile.skills,
        "experience": profile.experience,
        "education": profile.education,
        "summary": profile.summary,
        "job_recommendations": profile.job_recommendations,
        "strengths": profile.strengths,
        "weaknesses": profile.weaknesses,
    }
    if profile.evidence:
        document["evidence"] = profile.evidence
    if getattr(job, "warnings", None):  # hidden text, injected instructions, OCR (issue 14)
        document["warnings"] = job.warnings
    return {**document, "exported_at": iso_utc(exported_at)}


def warning_lines(job: AnalysisJob) -> list[tuple[str, str]]:
    """The job's document warnings as (title, text) for the printed formats and the CSV."""
    titles = {"hidden_text": "Hidden text", "prompt_injection": "Instructions to an AI", "ocr": "Scanned pages"}
    lines = []
    for warning in getattr(job, "warnings", None) or []:
        if not isinstance(warning, dict):
            continue
        body = text(warning.get("message"))
        if warning.get("sample"):
            body += f" (e.g. “{text(warning.get('sample'))}”)"
        lines.append((titles.get(str(warning.get("kind")), text(warning.get("kind")) or "Warning"), body))
    return lines


def text(value: Any) -> str:
    """Any profile value as display text ('' for None); integral floats lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _XML_INVALID.sub("", str(value)).strip()


def texts(values: list[str]) -> list[str]:
    return [item for item in (text(value) for value in values) if item]


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
    # (title, text) of the job's document warnings (hidden text, injected instructions, OCR).
    warnings: list[tuple[str, str]] = ()

    @property
    def generated_label(self) -> str:
        return self.generated_at.strftime("%d %B %Y, %H:%M UTC")


def _position(entry: Experience) -> Position:
    start, end = month_label(text(entry.start_date)), month_label(text(entry.end_date))
    period = " – ".join(part for part in (start, end) if part)
    years = text(entry.years)
    if years:
        years = f"{years} year" + ("" if years == "1" else "s")
    return Position(
        company=text(entry.company),
        role=text(entry.role),
        period=period,
        years=years,
        description=text(entry.description),
    )


def _degree(entry: Education) -> Degree:
    return Degree(degree=text(entry.degree), institution=text(entry.institution), year=text(entry.year))


def _skills(skills: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    groups = [(text(category) or "Other", texts(names)) for category, names in skills.items()]
    return [(category, names) for category, names in groups if names]


def build_report(*, job: AnalysisJob, profile: Profile, generated_at: datetime) -> Report:
    info = profile.personal_info
    contacts = [(label, text(getattr(info, key))) for key, label in CONTACT_FIELDS[1:]]
    return Report(
        job_id=str(job.id),
        name=text(info.name) or "Unnamed candidate",
        contacts=[(label, value) for label, value in contacts if value],
        summary=text(profile.summary),
        skills=_skills(profile.skills),
        experience=[_position(entry) for entry in profile.experience],
        education=[_degree(entry) for entry in profile.education],
        recommendations=texts(profile.job_recommendations),
        strengths=texts(profile.strengths),
        weaknesses=texts(profile.weaknesses),
        generated_at=generated_at,
        warnings=warning_lines(job),
    )

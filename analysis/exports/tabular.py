"""JSON and CSV exports (the seed's layouts)."""

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime

from analysis.exports.document import CONTACT_FIELDS, export_data, iso_utc, text, warning_lines
from analysis.models import AnalysisJob, UserProfile
from analysis.profile import Education, Experience, PersonalInfo, Profile

# OWASP "CSV injection": a spreadsheet treats a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
Row = tuple[str, str, str]


def render_json(*, job: AnalysisJob, profile: UserProfile, exported_at: datetime) -> bytes:
    document = export_data(job=job, profile=profile, exported_at=exported_at)
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def neutralise(cell: str) -> str:
    """Prefix a would-be formula with a quote so spreadsheets show it as text (OWASP advice)."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def _personal_rows(info: PersonalInfo) -> Iterator[Row]:
    for key, label in CONTACT_FIELDS:
        yield "PERSONAL INFORMATION", label, text(getattr(info, key))


def _skill_rows(skills: dict[str, list[str]]) -> Iterator[Row]:
    for category, names in skills.items():
        for name in names:
            yield "SKILLS", text(category), text(name)


EXPERIENCE_FIELDS = (
    ("company", "Company"),
    ("role", "Role"),
    ("start_date", "Start Date"),
    ("end_date", "End Date"),
    ("years", "Years"),
    ("description", "Description"),
)


def _experience_rows(entries: list[Experience]) -> Iterator[Row]:
    for entry in entries:
        for key, label in EXPERIENCE_FIELDS:
            yield "WORK EXPERIENCE", label, text(getattr(entry, key))


def _education_rows(entries: list[Education]) -> Iterator[Row]:
    for entry in entries:
        for key, label in (("degree", "Degree"), ("institution", "Institution"), ("year", "Year")):
            yield "EDUCATION", label, text(getattr(entry, key))


def _item_rows(section: str, key: str, values: list[str]) -> Iterator[Row]:
    for value in values:
        yield section, key, text(value)


def csv_sections(*, job: AnalysisJob, profile: Profile, exported_at: datetime) -> list[list[Row]]:
    return [
        list(_personal_rows(profile.personal_info)),
        list(_skill_rows(profile.skills)),
        list(_experience_rows(profile.experience)),
        list(_education_rows(profile.education)),
        list(_item_rows("SUMMARY", "Summary", [profile.summary])),
        list(_item_rows("JOB RECOMMENDATIONS", "Recommendation", profile.job_recommendations)),
        list(_item_rows("STRENGTHS", "Strength", profile.strengths)),
        list(_item_rows("WEAKNESSES", "Weakness", profile.weaknesses)),
        [("WARNINGS", title, body) for title, body in warning_lines(job)],
        [("EXPORT", "Job ID", str(job.id)), ("EXPORT", "Exported At", iso_utc(exported_at))],
    ]


def render_csv(*, job: AnalysisJob, profile: Profile, exported_at: datetime) -> bytes:
    """SECTION,KEY,VALUE rows, a blank line between sections, as the seed shows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("SECTION", "KEY", "VALUE"))
    sections = [rows for rows in csv_sections(job=job, profile=profile, exported_at=exported_at) if rows]
    for number, rows in enumerate(sections):
        if number:
            writer.writerow(())
        writer.writerows(tuple(neutralise(cell) for cell in row) for row in rows)
    return buffer.getvalue().encode()

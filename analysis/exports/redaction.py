"""Blind review: a profile with what identifies the candidate taken out, for every export format.

Removed: the contact details (name, email, phone, location, LinkedIn, GitHub) and the evidence
(it quotes the resume's text); wherever free text (summary, roles, descriptions, strengths...)
still carries one of those values, a part of the name, an email address, a web link or a phone
number, it reads "[redacted]". With `age_cues`, institution names and graduation years go too,
from the education entries and from the text. The printed formats then name nobody, so their
titles and file properties (built from the report's name) name nobody either.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.models import UserProfile
from analysis.profile import Education, Experience, PersonalInfo, Profile
from resume_analyzer.errors import Rejected

MASK = "[redacted]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*", re.IGNORECASE)
PHONE = re.compile(r"\+?\d[\d\s().-]{5,}\d")  # seven or more digits with separators
NAME_PART_MIN = 3  # "Al" or "Li" alone would mask too many ordinary words


@dataclass(frozen=True)
class Redaction:
    age_cues: bool = False

    @property
    def code(self) -> str:
        """The kept file's format suffix (ExportFile.format holds 8 characters)."""
        return "-ra" if self.age_cues else "-r"


YES, NO = {"true", "1", "yes", "on"}, {"false", "0", "no", "off", ""}


def _yes_no(params: Mapping[str, str], name: str) -> bool:
    value = (params.get(name) or "").strip().lower()
    if value not in YES | NO:
        raise Rejected(f"Invalid {name}", f"{name} must be true or false", field=name)
    return value in YES


def redaction_asked(params: Mapping[str, str]) -> Redaction | None:
    """From the query string: `redact=true` for blind review; `age_cues=true` also removes
    institutions and graduation years (and implies `redact`). Raises Rejected naming the field."""
    redact, age_cues = _yes_no(params, "redact"), _yes_no(params, "age_cues")
    return Redaction(age_cues=age_cues) if redact or age_cues else None


def _identifiers(profile: Profile, redaction: Redaction) -> list[str]:
    info = profile.personal_info
    values = [getattr(info, key) or "" for key in PersonalInfo.model_fields]
    values += re.split(r"[\s,]+", info.name or "") + re.split(r"[\s,]+", info.location or "")
    if redaction.age_cues:
        values += [entry.institution or "" for entry in profile.education]
        values += [str(entry.year) for entry in profile.education if entry.year]
    found = {value.strip() for value in values if len(value.strip()) >= NAME_PART_MIN}
    return sorted(found, key=len, reverse=True)  # the full name before its parts


def _scrubber(identifiers: list[str]):
    known = re.compile("|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in identifiers), re.IGNORECASE) if identifiers else None

    def scrub(value: str | None) -> str | None:
        if not value:
            return value
        for pattern in (EMAIL, LINK, PHONE, known):
            if pattern is not None:
                value = pattern.sub(MASK, value)
        return value

    return scrub


def redact(profile: Profile, redaction: Redaction) -> Profile:
    scrub = _scrubber(_identifiers(profile, redaction))

    def job(entry: Experience) -> Experience:
        return entry.model_copy(update={"company": scrub(entry.company), "role": scrub(entry.role),
                                        "description": scrub(entry.description) or ""})  # fmt: skip

    def school(entry: Education) -> Education:
        update = {"degree": scrub(entry.degree), "subject": scrub(entry.subject)}
        if redaction.age_cues:
            update |= {"institution": None, "year": None}
        return entry.model_copy(update=update)

    return Profile.model_validate({
        **profile.stored_form(),
        "personal_info": {},
        "skills": {scrub(category) or "Other": [scrub(name) or "" for name in names] for category, names in profile.skills.items()},
        "experience": [job(entry).model_dump() for entry in profile.experience],
        "education": [school(entry).model_dump() for entry in profile.education],
        "summary": scrub(profile.summary) or "",
        **{name: [scrub(item) or "" for item in getattr(profile, name)] for name in ("job_recommendations", "strengths", "weaknesses")},
        "evidence": [],
    })  # fmt: skip


def redacted_row(profile: UserProfile, redaction: Redaction) -> UserProfile:
    """An unsaved row holding the redacted profile, for the renderers (the JSON export writes a
    row's columns as they are)."""
    columns = {**redact(profile.data, redaction).stored_form(), "evidence": []}
    return UserProfile(job_id=profile.job_id, version=profile.version, **columns)

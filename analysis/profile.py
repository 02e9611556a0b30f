"""The candidate profile: one typed shape for what an analysis produces, checked once.

Fields (the seed's export schema plus our additions: linkedin, github, the experience dates and
total_years_experience):

    personal_info: {name, email, phone, location, linkedin, github}   each str or None
    skills: {category: [skill, ...]}                                   e.g. {"Languages": ["Go"]}
    experience: [{company, role, start_date, end_date, years, description}]
                start/end "YYYY-MM" or None, end may be "Present"; years a number or None
    education: [{degree, institution, year, level, subject}]          year int or None; level
                ("Bachelor's", "Master's", ...) and subject only when the analyzer set them
    summary: str
    job_recommendations, strengths, weaknesses: [str]
    total_years_experience: float (never negative)
    occupation: {label, esco_uri, confidence, family}   the ESCO occupation the titles match best,
                with the occupation family the question banks key on (analysis/parsing/occupation.py)
    seniority: "" or one of entry, junior, mid, senior, lead, executive (titles and years)
    evidence: [{field, value, raw, start, end, page, confidence, verified}]
                where each value came from: `field` is its path ("experience.0.company",
                "skills.Languages.2"), start/end character offsets into the job's extracted text
                (text[start:end] == raw), page 1-based for PDFs, confidence in [0, 1], verified
                False (and no offsets) when the value was not found in the text. Empty for rows
                saved before evidence existed; the JSON export shows it only when there is some.

Three ways in, one type out:

- `Profile.model_validate(data)`: strict; a wrong shape raises pydantic's ValidationError naming
  the field (`describe` turns it into one line). For a future PATCH of the profile.
- `Profile.from_analysis(data)`: what an analyzer returned, when the analysis saves it. As
  profile_save always did, unknown top-level keys are ignored and a top-level field of the wrong
  kind reads as empty; inside a field the check is strict, so a backend's bad shape fails the job.
- `Profile.from_stored(columns)`: a stored row. Rows saved before this type existed (or edited in
  the admin) may hold shapes it refuses; those are repaired here, the way the readers used to
  tolerate them one by one, so every reader gets a valid Profile and checks no shape itself.

Why pydantic rather than dataclasses: validation with errors that name the field
(`experience.0.years`), a JSON schema for free (`Profile.model_json_schema()`, for structured
LLM output or a PATCH endpoint), and strict mode, so "3" is not silently a number. It is already
installed (the openai client depends on it). No Django import: the parser and its tests use it.
"""

import math
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError, model_validator

__all__ = ["Education", "Evidence", "Experience", "Occupation", "PersonalInfo", "Profile", "ValidationError",
           "describe", "month_label"]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _number(value: object) -> int | float:
    # int stays int and float stays float, so a stored 3 or 3.0 is written back as it came.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("Input should be a number")
    return value


Number = Annotated[int | float, PlainValidator(_number, json_schema_input_type=float)]


class _Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PersonalInfo(_Part):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    linkedin: str | None = None
    github: str | None = None


class Experience(_Part):
    company: str | None = None
    role: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    years: Number | None = None
    description: str = ""


class Education(_Part):
    degree: str | None = None
    institution: str | None = None
    year: int | None = None
    level: str | None = None  # "Bachelor's", "Master's", "Doctorate", "Associate", "Diploma", "Secondary"
    subject: str | None = None  # the field of study, as written


class Occupation(_Part):
    """The ESCO occupation a profile matches (empty when nothing was classified)."""

    label: str = ""  # ESCO's preferred label, "registered nurse"
    esco_uri: str = ""  # http://data.europa.eu/esco/occupation/...
    confidence: Number = Field(default=0.0, ge=0, le=1)
    family: str = ""  # software_data, healthcare, ... (analysis/parsing/occupation.py FAMILIES)

    @property
    def family_label(self) -> str:
        from analysis.parsing.occupation import FAMILIES

        return FAMILIES.get(self.family, "")


Seniority = Literal["", "entry", "junior", "mid", "senior", "lead", "executive"]


FIELD_PATH_RE = re.compile(
    r"personal_info\.\w+|(?:experience|education)\.\d+\.\w+|skills\.[^.]+(?:\.[^.]+)*\.\d+"
)


class Evidence(_Part):
    """Where one value of the profile came from in the job's extracted text."""

    field: str  # the value's path: "personal_info.name", "experience.0.company", "skills.Languages.2"
    value: str  # the value as the profile shows it
    raw: str = ""  # the text as written, text[start:end]; "" when not found
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    page: int | None = Field(default=None, ge=1)  # 1-based, PDFs only
    confidence: Number = 0.0
    verified: bool = False  # found in the text; an unverified value is never shown as fact

    @model_validator(mode="after")
    def _consistent(self) -> "Evidence":
        if not FIELD_PATH_RE.fullmatch(self.field):
            raise ValueError(f"field: {self.field!r} is not a profile path")
        if not 0 <= self.confidence <= 1:
            raise ValueError("confidence: must be between 0 and 1")
        if (self.start is None) != (self.end is None) or (self.start is not None and self.end < self.start):
            raise ValueError("start/end: both or neither, start not after end")
        if self.verified and self.start is None:
            raise ValueError("verified: a verified value needs its offsets")
        return self


class Profile(_Part):
    personal_info: PersonalInfo = Field(default_factory=PersonalInfo)
    skills: dict[str, list[str]] = Field(default_factory=dict)
    experience: list[Experience] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    summary: str = ""
    job_recommendations: list[str] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    total_years_experience: float = Field(default=0.0, ge=0)
    evidence: list[Evidence] = Field(default_factory=list)
    occupation: Occupation = Field(default_factory=Occupation)
    seniority: Seniority = ""

    @property
    def seniority_label(self) -> str:
        from analysis.parsing.occupation import level_label

        return level_label(self.seniority)

    def evidence_for(self, field: str) -> "Evidence | None":
        return next((item for item in self.evidence if item.field == field), None)

    @classmethod
    def from_analysis(cls, data: dict[str, Any]) -> "Profile":
        return cls.model_validate(_top_level_kinds(data))

    def stored_form(self) -> dict[str, Any]:
        """Plain data for the columns: every field, and inside one only the keys it was given, so
        an analyzer's dict is stored as it came (validated), never padded with nulls. Evidence
        is left out when there is none (the column's default is the same empty list)."""
        form = {**_top_level_kinds({}), **self.model_dump(exclude_unset=True)}
        if not form["evidence"]:
            del form["evidence"]
        return form

    @classmethod
    def from_stored(cls, columns: "Mapping[str, Any] | Profile") -> "Profile":
        """A stored row's columns (or any dict of that shape; a Profile passes through)."""
        try:
            return cls.model_validate(columns)
        except ValidationError:
            return cls.model_validate(_repaired(dict(columns)))


def describe(error: ValidationError) -> str:
    """The first problem in one line: 'experience.0.years: Input should be a number'."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "profile"
    return f"{where}: {first['msg'].removeprefix('Value error, ')}"


def month_label(value: str | None) -> str:
    """'2019-03' -> 'Mar 2019'; anything else ('Present', '2019', None -> '') as written."""
    label = value or ""
    match = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if match and 1 <= int(match[2]) <= 12:
        return f"{MONTHS[int(match[2]) - 1]} {match[1]}"
    return label


# --- reading what an analyzer returned and what older rows hold ---------------------------------

CONTAINERS = {"personal_info": dict, "skills": dict, "experience": list, "education": list,
              "job_recommendations": list, "strengths": list, "weaknesses": list,
              "evidence": list}  # fmt: skip


def _years_total(value: object) -> float:
    try:
        total = float(value or 0)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, total) if math.isfinite(total) else 0.0


def _top_level_kinds(data: Mapping[str, Any]) -> dict[str, Any]:
    """Every field, a missing one or one of the wrong kind empty (profile_save's old rule)."""
    fields = {name: data.get(name) for name in CONTAINERS}
    fields = {name: value if isinstance(value, CONTAINERS[name]) else CONTAINERS[name]() for name, value in fields.items()}
    summary = data.get("summary")
    fields["summary"] = summary if isinstance(summary, str) else ""
    fields["total_years_experience"] = _years_total(data.get("total_years_experience"))
    # Derived fields, kept only when given (rows and analyzers from before them have neither).
    if isinstance(data.get("occupation"), dict) and data["occupation"]:
        fields["occupation"] = data["occupation"]
    if isinstance(data.get("seniority"), str) and data["seniority"]:
        fields["seniority"] = data["seniority"]
    return fields


def _text(value: object) -> str | None:
    """A scalar as text (an integral float loses its '.0'), None kept."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _texts(values: object) -> list[str]:
    """A list of texts; a bare string is a list of one, anything else none."""
    if isinstance(values, str):
        return [values]
    return [_text(value) or "" for value in values] if isinstance(values, list) else []


def _numeric(value: object) -> int | float | None:
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return int(number) if number.is_integer() and "." not in value else number
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _year(value: object) -> int | None:
    number = _numeric(value)
    return int(number) if number is not None and math.isfinite(number) else None


def _entries(values: object, part: type[_Part], numbers: dict[str, Callable]) -> list[dict]:
    """The dict entries of a list, each value as text, or as a number where `numbers` says."""
    entries = [value for value in values if isinstance(value, dict)] if isinstance(values, list) else []
    return [
        {name: numbers.get(name, _text)(value) for name, value in entry.items() if name in part.model_fields}
        for entry in entries
    ]


def _skills(value: object) -> dict[str, list[str]]:
    if isinstance(value, list):  # an ungrouped list of skills
        value = {"Skills": value}
    return {str(category): _texts(names) for category, names in value.items()} if isinstance(value, dict) else {}


def _repaired(columns: dict[str, Any]) -> dict[str, Any]:
    """Any stored row brought to the type's shape, the way the readers used to tolerate it:
    entries that are not objects dropped, scalars as text, numbers from numeric text, unknown
    keys dropped, a bare string as a list of one."""
    info = _entries([columns.get("personal_info")], PersonalInfo, {})
    experience = _entries(columns.get("experience"), Experience, {"years": _numeric})
    kinds = {name: value for name, value in _top_level_kinds(columns).items() if name not in ("occupation", "seniority")}
    return {
        **kinds,
        "personal_info": info[0] if info else {},
        "skills": _skills(columns.get("skills")),
        "experience": [{**entry, "description": entry.get("description") or ""} for entry in experience],
        "education": _entries(columns.get("education"), Education, {"year": _year}),
        **{name: _texts(columns.get(name)) for name in ("job_recommendations", "strengths", "weaknesses")},
        "evidence": _evidence(columns.get("evidence")),
        **_derived(columns),
    }


def _derived(columns: dict[str, Any]) -> dict[str, Any]:
    """Occupation and seniority when they still validate; otherwise left out (empty)."""
    kept: dict[str, Any] = {}
    try:
        if isinstance(columns.get("occupation"), dict) and columns["occupation"]:
            kept["occupation"] = Occupation.model_validate(columns["occupation"]).model_dump()
    except ValidationError:
        pass
    if columns.get("seniority") in Seniority.__args__ and columns.get("seniority"):
        kept["seniority"] = columns["seniority"]
    return kept


def _evidence(values: object) -> list[dict]:
    """Stored evidence items that still validate; a broken one is dropped, not guessed at."""
    kept = []
    for value in values if isinstance(values, list) else []:
        try:
            kept.append(Evidence.model_validate(value).model_dump())
        except ValidationError:
            continue
    return kept

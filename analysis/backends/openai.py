"""Resume analysis through an OpenAI-compatible chat endpoint (AI_BACKEND=openai).

The prompt is a versioned file in analysis/prompts/; the answer must match PROFILE_SCHEMA
(JSON-schema structured output, validated on our side with one repair attempt in
resume_analyzer.ai.llm.complete_json). Timeouts and retries with backoff on 429/5xx are the
openai client's (OPENAI_TIMEOUT_SECONDS, OPENAI_MAX_RETRIES). Whatever the model returns is
then normalised: skill names go through the local taxonomy ("Golang" → "Go") and total years
are recomputed from the dates, so both backends produce the same shape and arithmetic.

Evidence has the local backend's shape: each value the model returned is looked for in the
resume's text (analysis/parsing/evidence.py locate) and gets its offsets there. A value that
cannot be found (the model paraphrased, or made it up) is kept, marked verified=False with a
confidence of 0, and the profile page shows it as "not found in the resume", never as fact:
dropping it would lose a value a recruiter can check against the file, while showing it as
found would be wrong. Degrees get their level and subject as the local ones do.
"""

import re
from datetime import date
from pathlib import Path

from django.conf import settings

from analysis.backends.local import with_occupation
from analysis.backends.result import AnalysisResult
from analysis.parsing.dates import DateRange, Month, parse_date, total_years
from analysis.parsing.evidence import locate
from analysis.parsing.normalise import with_degree_parts
from analysis.parsing.skills import find_skills
from resume_analyzer.ai.errors import AIError
from resume_analyzer.ai.llm import complete_json

# v2: the resume is untrusted data; text in it addressed to the model is never followed (issue 14).
PROMPT_VERSION = "resume_analysis_v2"
PROMPT_FILE = Path(__file__).resolve().parents[1] / "prompts" / f"{PROMPT_VERSION}.md"
MAX_RESUME_CHARS = 40_000  # about 10k tokens: far more than any real resume

_TEXT = {"type": "string"}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_TEXT_LIST = {"type": "array", "items": _TEXT}


def _object(properties: dict) -> dict:
    # Strict structured outputs need every property required and no others allowed. The schema
    # keeps to the subset every provider enforces (no patterns or numeric bounds); the finer
    # checks are ours, in normalise_profile.
    return {"type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


PROFILE_SCHEMA = _object({
    "personal_info": _object({
        name: _NULLABLE_TEXT for name in ("name", "email", "phone", "location", "linkedin", "github")
    }),
    "skills": {"type": "array", "items": _object({"category": _TEXT, "names": _TEXT_LIST})},
    "experience": {"type": "array", "items": _object({
        "company": _NULLABLE_TEXT,
        "role": _NULLABLE_TEXT,
        "start_date": _NULLABLE_TEXT,  # "YYYY-MM"; checked in normalise_profile
        "end_date": _NULLABLE_TEXT,  # "YYYY-MM" or "Present"
        "years": {"type": ["number", "null"]},
        "description": _TEXT,
    })},
    "education": {"type": "array", "items": _object({
        "degree": _NULLABLE_TEXT,
        "institution": _NULLABLE_TEXT,
        "year": {"type": ["integer", "null"]},
    })},
    "total_years_experience": {"type": "number"},
    "summary": _TEXT,
    "strengths": _TEXT_LIST,
    "weaknesses": _TEXT_LIST,
    "job_recommendations": _TEXT_LIST,
})


# A resume that writes the delimiters itself could end the data early and speak as the operator.
_DELIMITER = re.compile(r"<\s*(/?)\s*resume\s*>", re.IGNORECASE)


def as_data(text: str) -> str:
    """The resume text made safe to place between <resume> tags: tags it contains are turned
    into [resume] / [/resume], so the only closing tag is ours."""
    return _DELIMITER.sub(lambda match: f"[{match.group(1)}resume]", text[:MAX_RESUME_CHARS])


def build_messages(text: str, today: date) -> list[dict]:
    """The system prompt (the only instructions) and the resume as delimited data."""
    system = PROMPT_FILE.read_text(encoding="utf-8").replace("{today}", today.isoformat())
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": f"<resume>\n{as_data(text)}\n</resume>"},
    ]


def analyze_with_openai(text: str, *, today: date | None = None) -> AnalysisResult:
    if not (text or "").strip():
        raise AIError("the resume has no text to analyse", permanent=True)
    today = today or date.today()
    result = complete_json(
        messages=build_messages(text, today),
        schema=PROFILE_SCHEMA,
        schema_name="resume_profile",
        temperature=0.0,
    )
    usage = {**result.usage, "model": settings.OPENAI_MODEL, "prompt_version": PROMPT_VERSION}
    profile = normalise_profile(result.data, today=today)
    profile["evidence"] = locate(text, profile)
    return AnalysisResult(profile=with_occupation(profile), usage=usage)  # ESCO occupation, seniority


MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def normalise_profile(data: dict, *, today: date) -> dict:
    profile = dict(data)
    profile["skills"] = _skills_by_category(data["skills"])
    profile["experience"] = [_clean_dates(dict(job)) for job in data["experience"]]
    profile["education"] = [with_degree_parts(dict(entry)) for entry in data["education"]]
    ranges = []
    for job in profile["experience"]:
        found = _job_range(job, today)
        if found is not None:
            job["years"] = round(found.months / 12, 1)
            ranges.append(found)
    if ranges:
        profile["total_years_experience"] = total_years(ranges)
    profile["total_years_experience"] = max(float(profile["total_years_experience"]), 0.0)
    return profile


def _clean_dates(job: dict) -> dict:
    """Dates not written as asked ("spring 2019") become null rather than being guessed at."""
    if not MONTH_RE.match(job.get("start_date") or ""):
        job["start_date"] = None
    if job.get("end_date") != "Present" and not MONTH_RE.match(job.get("end_date") or ""):
        job["end_date"] = None
    if job.get("years") is not None and job["years"] < 0:
        job["years"] = None
    return job


def _skills_by_category(groups: list[dict]) -> dict[str, list[str]]:
    """The model's groups, each name replaced by its taxonomy name when the taxonomy knows it."""
    grouped: dict[str, list[str]] = {}
    seen: set[str] = set()
    for group in groups:
        for raw in group["names"]:
            known = find_skills([raw])
            name = known[0].name if len(known) == 1 else raw.strip()
            if name and name.lower() not in seen:
                seen.add(name.lower())
                grouped.setdefault(group["category"].strip() or "Other", []).append(name)
    return grouped


def _job_range(job: dict, today: date) -> DateRange | None:
    start = parse_date(job.get("start_date") or "", is_end=False)
    ongoing = job.get("end_date") == "Present"
    end = Month(today.year, today.month) if ongoing else parse_date(job.get("end_date") or "", is_end=True)
    if start is None or end is None or end.index < start.index:
        return None
    return DateRange(start, end, ongoing, (0, 0))

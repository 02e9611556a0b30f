"""Query parameters of the search (API and page alike), checked once: a bad one is refused naming it."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.matching.candidates import DEGREE_ORDER, Facets, canonical_skill
from analysis.matching.search import MAX_QUERY_CHARS
from resume_analyzer.errors import Rejected

MAX_SKILLS_FILTER = 10
MAX_LIMIT = 100


@dataclass(frozen=True)
class SearchParams:
    text: str
    facets: Facets
    limit: int


def _number(raw: str | None, name: str, low: float, high: float) -> float | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = float(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high or value != value:
        raise Rejected(f"Invalid {name} parameter", f"{name} must be a number from {low:g} to {high:g}", field=name)
    return value


def search_params(query) -> SearchParams:
    """From a QueryDict: q, skills (comma-separated and/or repeated), min_years, location, degree, limit."""
    for name in ("q", "skills", "location", "degree"):
        # PostgreSQL text cannot hold NUL: refused here, not a DataError (a 500) in the search.
        if any("\x00" in value for value in query.getlist(name)):
            raise Rejected(f"Invalid {name} parameter", f"{name} must not contain NUL characters", field=name)
    text = (query.get("q") or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise Rejected("Invalid q parameter", f"The query is over {MAX_QUERY_CHARS} characters", field="q")
    skills: list[str] = []
    for value in query.getlist("skills"):
        skills += [canonical_skill(part) for part in value.split(",") if part.strip()]
    skills = list(dict.fromkeys(skills))
    if len(skills) > MAX_SKILLS_FILTER or any(len(skill) > 100 for skill in skills):
        raise Rejected("Invalid skills parameter", f"At most {MAX_SKILLS_FILTER} skills of up to 100 characters", field="skills")
    location = " ".join((query.get("location") or "").split())
    if len(location) > 100:
        raise Rejected("Invalid location parameter", "The location is over 100 characters", field="location")
    degree = (query.get("degree") or "").strip() or None
    if degree is not None and degree not in DEGREE_ORDER:
        raise Rejected("Invalid degree parameter", f"degree must be one of {', '.join(DEGREE_ORDER)}", field="degree")
    limit = _number(query.get("limit"), "limit", 1, MAX_LIMIT)
    if limit is not None and limit != int(limit):
        raise Rejected("Invalid limit parameter", f"limit must be a whole number from 1 to {MAX_LIMIT}", field="limit")
    facets = Facets(
        skills=tuple(skills),
        min_years=_number(query.get("min_years"), "min_years", 0, 60),
        location=location,
        degree=degree,
    )
    return SearchParams(text=text, facets=facets, limit=int(limit or 20))

"""Who the recruiter's candidates are, and the filters (facets) over them.

A candidate is one upload's latest completed analysis (its job and profile): a re-analysis
replaces the older profile, and an upload that never completed is no candidate yet. Every query
here starts from the owner.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection

from analysis.parsing.skills import taxonomy, tokens

# Degree levels (analysis/profile.py Education.level) in order; a filter for one level accepts it
# and every level above it.
DEGREE_ORDER = {
    "Secondary": 1,
    "Diploma": 2,
    "Associate": 2,
    "Bachelor's": 3,
    "Postgraduate Diploma": 3,
    "Master's": 4,
    "Doctorate": 5,
}
DEGREE_CHOICES = ["Associate", "Bachelor's", "Master's", "Doctorate"]


@lru_cache(maxsize=1)
def folded_forms() -> tuple[dict[tuple[str, ...], str], int]:
    """Every taxonomy form lower-cased: a query is typed in any case. Forms that are ordinary
    words count only from four letters ("kafka", "spring"), so "go" or "r" stay words."""
    tax = taxonomy()
    forms = {key: skill.name for key, skill in tax.folded.items()}
    for key, skill in tax.exact.items():
        if key not in tax.words or len(" ".join(key)) >= 4:
            forms.setdefault(tuple(token.lower() for token in key), skill.name)
    return forms, tax.longest


def canonical_skill(name: str) -> str:
    """The taxonomy's name for a skill as typed, in any case ('postgres' -> 'PostgreSQL',
    'Apache Kafka' -> 'Kafka'); as typed when the whole of it names no skill."""
    name = " ".join(name.split())
    forms, _ = folded_forms()
    return forms.get(tuple(word.lower() for word in tokens(name)), name)


def levels_at_least(level: str) -> list[str]:
    rank = DEGREE_ORDER[level]
    return [name for name, value in DEGREE_ORDER.items() if value >= rank]


@dataclass(frozen=True)
class Facets:
    skills: tuple[str, ...] = ()
    min_years: float | None = None
    location: str = ""
    degree: str | None = None  # a DEGREE_ORDER key
    upload_ids: tuple[int, ...] = ()  # only these candidates (the comparison page)

    @property
    def any(self) -> bool:
        return bool(self.skills or self.min_years is not None or self.location or self.degree or self.upload_ids)


@dataclass
class Allowed:
    """The candidates a search may return: their job ids, and each job's upload."""

    job_ids: list[uuid.UUID] = field(default_factory=list)
    upload_of: dict[uuid.UUID, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.job_ids)


LATEST_SQL = """
    SELECT DISTINCT ON (j.upload_id) j.id, j.upload_id
    FROM analysis_analysisjob j JOIN analysis_userprofile p ON p.job_id = j.id
    WHERE j.owner_id = %s AND j.status = 'completed'
    ORDER BY j.upload_id, j.created_at DESC
"""


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def facet_sql(facets: Facets) -> tuple[str, list]:
    """The WHERE conditions on the profile `p` for the facets, and their parameters."""
    where: list[str] = []
    params: list = []
    for skill in facets.skills:
        where.append(
            "EXISTS (SELECT 1 FROM jsonb_each(p.skills) c, jsonb_array_elements_text(c.value) s "
            "WHERE jsonb_typeof(c.value) = 'array' AND lower(s) = lower(%s))"
        )
        params.append(skill)
    if facets.min_years is not None:
        where.append("p.total_years_experience >= %s")
        params.append(facets.min_years)
    if facets.location:
        where.append("p.personal_info->>'location' ILIKE %s")
        params.append(f"%{_escape_like(facets.location)}%")
    if facets.degree:
        where.append(
            "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(p.education) WHEN 'array' "
            "THEN p.education ELSE '[]'::jsonb END) e WHERE e->>'level' = ANY(%s))"
        )
        params.append(levels_at_least(facets.degree))
    if facets.upload_ids:
        where.append("l.upload_id = ANY(%s)")
        params.append(list(facets.upload_ids))
    return " AND ".join(where) or "TRUE", params


ALLOWED_TABLE = "matching_allowed"


def allowed_table_create(*, user, facets: Facets) -> int:
    """The owner's candidates that pass the facets as a temporary table (job_id, upload_id),
    dropped at commit; the search joins it instead of sending thousands of ids back and forth
    (10,000 UUIDs as a parameter cost more than the vector search). Call inside a transaction."""
    conditions, params = facet_sql(facets)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {ALLOWED_TABLE}")
        cursor.execute(
            f"CREATE TEMP TABLE {ALLOWED_TABLE} ON COMMIT DROP AS SELECT l.id AS job_id, l.upload_id "
            f"FROM ({LATEST_SQL}) l JOIN analysis_userprofile p ON p.job_id = l.id WHERE {conditions}",
            [user.pk, *params],
        )
        count = cursor.rowcount
        cursor.execute(f"ANALYZE {ALLOWED_TABLE}")
    return max(count, 0)


def allowed_candidates(*, user, facets: Facets) -> Allowed:
    """The owner's candidates that pass the facets."""
    conditions, params = facet_sql(facets)
    sql = (
        f"SELECT l.id, l.upload_id FROM ({LATEST_SQL}) l JOIN analysis_userprofile p ON p.job_id = l.id "
        f"WHERE {conditions}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, *params])
        rows = cursor.fetchall()
    return Allowed(job_ids=[row[0] for row in rows], upload_of={row[0]: row[1] for row in rows})


@dataclass
class Card:
    """What a result list shows of a candidate."""

    upload_id: int
    job_id: uuid.UUID
    name: str
    role: str
    company: str
    location: str
    years: float
    skills: list[str]
    degree: str
    filename: str


def candidate_cards(job_ids: list[uuid.UUID]) -> dict[uuid.UUID, Card]:
    from analysis.models import UserProfile

    profiles = UserProfile.objects.filter(job_id__in=job_ids).select_related("job__upload")
    cards = {}
    for profile in profiles:
        data = profile.data
        current = data.experience[0] if data.experience else None
        skills = [skill for items in data.skills.values() for skill in items]
        degree = next((entry.degree for entry in data.education if entry.degree), "") or ""
        cards[profile.job_id] = Card(
            upload_id=profile.job.upload_id,
            job_id=profile.job_id,
            name=data.personal_info.name or profile.job.upload.filename,
            role=(current.role or "") if current else "",
            company=(current.company or "") if current else "",
            location=data.personal_info.location or "",
            years=data.total_years_experience,
            skills=skills,
            degree=degree,
            filename=profile.job.upload.filename,
        )
    return cards

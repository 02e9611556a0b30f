"""The fit of a candidate to an opening: a score 0-100 that is the sum of five parts, each
explained by a line (docs/matching.md, "Fit score"):

    required skills   40 x matched / required            (no required skills: 40)
    preferred skills  15 x matched / preferred           (none listed: 15)
    years             15 x min(1, years / min_years)     (no minimum: 15)
    degree            10 if the highest level >= asked, 5 one level below, else 0 (none asked: 10)
    similarity        20 x clamp((s - 0.25) / 0.35, 0, 1), s = the best cosine similarity of a
                      resume chunk to the opening's embedding

A skill matches when the profile lists it (taxonomy names, case-insensitive). Its evidence is the
passage of the resume it was found in (the profile's evidence), or else the first chunk that
names it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass, field

from django.db import connection

from analysis.matching.candidates import DEGREE_ORDER, Allowed
from analysis.matching.requirements import Requirements
from analysis.matching.search import json_value

WEIGHTS = {"required": 40, "preferred": 15, "years": 15, "degree": 10, "similarity": 20}
SIMILARITY_FLOOR, SIMILARITY_SPAN = 0.25, 0.35
PASSAGE_CONTEXT = 90


@dataclass
class Part:
    name: str
    points: float
    out_of: int
    line: str  # the explanation, in words


@dataclass
class SkillMatch:
    skill: str
    evidence: str = ""  # the passage of the resume
    section: str = ""


@dataclass
class Fit:
    upload_id: int
    job_id: uuid.UUID
    score: float
    parts: list[Part]
    required_matched: list[SkillMatch] = field(default_factory=list)
    required_missing: list[str] = field(default_factory=list)
    preferred_matched: list[SkillMatch] = field(default_factory=list)
    preferred_missing: list[str] = field(default_factory=list)
    years: float = 0.0
    degree_level: str | None = None
    similarity: float | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["job_id"] = str(self.job_id)
        return data


def _round(value: float) -> float:
    return round(value, 1)


def skills_part(name: str, wanted: list[str], have: set[str]) -> tuple[Part, list[str], list[str]]:
    out_of = WEIGHTS[name]
    matched = [skill for skill in wanted if skill.casefold() in have]
    missing = [skill for skill in wanted if skill.casefold() not in have]
    if not wanted:
        return Part(name, out_of, out_of, f"No {name} skills listed: {out_of} of {out_of}"), [], []
    points = out_of * len(matched) / len(wanted)
    line = f"{len(matched)} of {len(wanted)} {name} skills: {out_of} × {len(matched)}/{len(wanted)} = {_round(points)}"
    return Part(name, _round(points), out_of, line), matched, missing


def years_part(years: float, minimum: float | None) -> Part:
    out_of = WEIGHTS["years"]
    if not minimum:
        return Part("years", out_of, out_of, f"No minimum years: {out_of} of {out_of}")
    points = out_of * min(1.0, years / minimum)
    return Part("years", _round(points), out_of,
                f"{years:g} years against {minimum:g} required: {out_of} × min(1, {years:g}/{minimum:g}) = {_round(points)}")  # fmt: skip


def highest_level(education: list) -> str | None:
    levels = [entry.get("level") for entry in education if isinstance(entry, dict) and entry.get("level") in DEGREE_ORDER]
    return max(levels, key=lambda level: DEGREE_ORDER[level]) if levels else None


def degree_part(level: str | None, wanted: str | None) -> Part:
    out_of = WEIGHTS["degree"]
    if not wanted:
        return Part("degree", out_of, out_of, f"No degree asked for: {out_of} of {out_of}")
    have = DEGREE_ORDER.get(level or "", 0)
    need = DEGREE_ORDER[wanted]
    points = out_of if have >= need else out_of / 2 if have == need - 1 else 0
    shown = level or "no degree found"
    return Part("degree", points, out_of, f"{shown} against {wanted} asked: {points:g} of {out_of}")


def similarity_part(similarity: float | None) -> Part:
    out_of = WEIGHTS["similarity"]
    if similarity is None:
        return Part("similarity", 0, out_of, "No embedded resume text: 0")
    scaled = min(1.0, max(0.0, (similarity - SIMILARITY_FLOOR) / SIMILARITY_SPAN))
    points = out_of * scaled
    return Part("similarity", _round(points), out_of,
                f"Best passage similarity {similarity:.2f}: {out_of} × clamp(({similarity:.2f} − {SIMILARITY_FLOOR}) / "
                f"{SIMILARITY_SPAN}, 0, 1) = {_round(points)}")  # fmt: skip


def best_similarities(vector: str | None, job_ids: list[uuid.UUID]) -> dict[uuid.UUID, float]:
    """Each job's best chunk similarity to the vector: one pass over those jobs' chunks."""
    if vector is None or not job_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.job_id, max(1 - (c.embedding <=> %s::vector)) FROM analysis_resumechunk c "
            "JOIN unnest(%s::uuid[]) a(job_id) ON a.job_id = c.job_id WHERE c.embedding IS NOT NULL GROUP BY c.job_id",
            [vector, job_ids],
        )
        return {row[0]: float(row[1]) for row in cursor.fetchall()}


def profile_facts(job_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[set[str], float, str | None]]:
    """(skills casefolded, years, highest degree level) per job."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT job_id, skills, total_years_experience, education FROM analysis_userprofile "
            "WHERE job_id = ANY(%s::uuid[])",
            [job_ids],
        )
        rows = cursor.fetchall()
    facts = {}
    for job_id, skills, years, education in rows:
        skills, education = json_value(skills), json_value(education)
        values = skills.values() if isinstance(skills, dict) else []
        names = {item.casefold() for items in values if isinstance(items, list) for item in items if isinstance(item, str)}
        facts[job_id] = (names, float(years or 0), highest_level(education if isinstance(education, list) else []))
    return facts


def fits_for(*, requirements: Requirements, vector, allowed: Allowed) -> list[Fit]:
    """Every allowed candidate's fit, best first (evidence passages not yet filled in)."""
    literal = None if vector is None else "[" + ",".join(f"{v:.6f}" for v in vector) + "]"
    similarities = best_similarities(literal, allowed.job_ids)
    facts = profile_facts(allowed.job_ids)
    fits = []
    for job_id in allowed.job_ids:
        if job_id not in facts:
            continue
        have, years, level = facts[job_id]
        required, req_matched, req_missing = skills_part("required", requirements.required_skills, have)
        preferred, pref_matched, pref_missing = skills_part("preferred", requirements.preferred_skills, have)
        parts = [
            required,
            preferred,
            years_part(years, requirements.min_years),
            degree_part(level, requirements.degree_level),
            similarity_part(similarities.get(job_id)),
        ]
        fits.append(Fit(
            upload_id=allowed.upload_of[job_id],
            job_id=job_id,
            score=_round(sum(part.points for part in parts)),
            parts=parts,
            required_matched=[SkillMatch(skill) for skill in req_matched],
            required_missing=req_missing,
            preferred_matched=[SkillMatch(skill) for skill in pref_matched],
            preferred_missing=pref_missing,
            years=years,
            degree_level=level,
            similarity=None if job_id not in similarities else round(similarities[job_id], 4),
        ))  # fmt: skip
    fits.sort(key=lambda fit: (-fit.score, -(fit.similarity or 0), fit.upload_id))
    return fits


def add_evidence(fits: list[Fit]) -> None:
    """Fill each matched skill's evidence passage: from the profile's evidence (offsets into the
    extracted text) when it has the skill, else the first chunk naming it."""
    from analysis.models import AnalysisJob, ResumeChunk, UserProfile

    job_ids = [fit.job_id for fit in fits]
    texts = dict(AnalysisJob.objects.filter(id__in=job_ids).values_list("id", "extracted_text"))
    evidence = dict(UserProfile.objects.filter(job_id__in=job_ids).values_list("job_id", "evidence"))
    chunks: dict[uuid.UUID, list[tuple[str, str]]] = {}
    for job_id, section, text in ResumeChunk.objects.filter(job_id__in=job_ids).order_by("job_id", "index").values_list(
        "job_id", "section", "text"
    ):
        chunks.setdefault(job_id, []).append((section, text))
    for fit in fits:
        located = _located_skills(evidence.get(fit.job_id) or [], texts.get(fit.job_id) or "")
        for match in [*fit.required_matched, *fit.preferred_matched]:
            match.evidence, match.section = located.get(match.skill.casefold()) or _chunk_passage(
                chunks.get(fit.job_id, []), match.skill
            )


def _located_skills(evidence: list, text: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for item in evidence:
        if not isinstance(item, dict) or not str(item.get("field", "")).startswith("skills."):
            continue
        start, end = item.get("start"), item.get("end")
        if not item.get("verified") or not isinstance(start, int) or not isinstance(end, int) or end > len(text):
            continue
        key = str(item.get("value", "")).casefold()
        found.setdefault(key, (_passage(text, start, end), ""))
    return found


def _passage(text: str, start: int, end: int) -> str:
    """The line(s) around [start, end), cut to PASSAGE_CONTEXT characters on each side."""
    left = max(0, start - PASSAGE_CONTEXT)
    right = min(len(text), end + PASSAGE_CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + " ".join(text[left:right].split()) + suffix


def _chunk_passage(chunks: list[tuple[str, str]], skill: str) -> tuple[str, str]:
    pattern = re.compile(rf"(?<!\w){re.escape(skill)}(?!\w)", re.I)
    for section, text in chunks:
        match = pattern.search(text)
        if match:
            return _passage(text, match.start(), match.end()), section
    return "", ""

"""Reads of the matching subsystem: an owner's openings, an opening's ranked shortlist, and the
comparison of a few candidates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from analysis.matching.candidates import Card, Facets, allowed_candidates, candidate_cards
from analysis.matching.fit import Fit, add_evidence, fits_for
from analysis.matching.models import Opening
from analysis.matching.requirements import Requirements
from resume_analyzer.errors import NotFound, Rejected

SHORTLIST_DEFAULT = 50
SHORTLIST_MAX = 1000
COMPARE_MIN, COMPARE_MAX = 2, 4


class OpeningNotFound(NotFound):
    pass


def opening_for_owner(*, user, opening_id: object) -> Opening:
    try:
        number = int(str(opening_id))
    except (TypeError, ValueError):
        number = 0
    opening = Opening.objects.for_owner(user).filter(id=number).first() if 0 < number < 2**63 else None
    if opening is None:
        raise OpeningNotFound("Opening not found", "No opening with this id")
    return opening


def openings_for_owner(*, user) -> list[Opening]:
    return list(Opening.objects.for_owner(user).defer("embedding", "description"))


@dataclass
class Ranked:
    fit: Fit
    card: Card
    rank: int


def opening_ranking(*, opening: Opening, facets: Facets | None = None) -> list[Fit]:
    """Every candidate of the opening's owner, scored and ranked (no evidence passages)."""
    allowed = allowed_candidates(user=opening.owner, facets=facets or Facets())
    embedding = None if opening.embedding is None else list(opening.embedding)
    return fits_for(requirements=Requirements.from_dict(opening.requirements), vector=embedding, allowed=allowed)


def shortlist(*, opening: Opening, limit: int = SHORTLIST_DEFAULT, facets: Facets | None = None) -> list[Ranked]:
    """The best `limit` candidates with their evidence passages and cards."""
    fits = opening_ranking(opening=opening, facets=facets)[:limit]
    add_evidence(fits)
    cards = candidate_cards([fit.job_id for fit in fits])
    return [Ranked(fit=fit, card=cards[fit.job_id], rank=rank) for rank, fit in enumerate(fits, 1) if fit.job_id in cards]


def parse_upload_ids(values: list[str]) -> list[int]:
    ids: list[int] = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit() or not 0 < int(part) < 2**63:
                raise Rejected("Invalid candidates", "Candidates are upload ids, e.g. candidates=3,7", field="candidates")
            if int(part) not in ids:
                ids.append(int(part))
    if not COMPARE_MIN <= len(ids) <= COMPARE_MAX:
        raise Rejected("Invalid candidates", f"Choose {COMPARE_MIN} to {COMPARE_MAX} candidates to compare", field="candidates")
    return ids


def comparison(*, opening: Opening, upload_ids: list[int]) -> list[Ranked]:
    """The chosen candidates (all the owner's, or 404), in the order asked, with their fit."""
    fits = opening_ranking(opening=opening, facets=Facets(upload_ids=tuple(upload_ids)))
    by_upload = {fit.upload_id: fit for fit in fits}
    missing = [upload_id for upload_id in upload_ids if upload_id not in by_upload]
    if missing:
        raise NotFound("Candidate not found", f"No analysed candidate with upload id {missing[0]}")
    ordered = [by_upload[upload_id] for upload_id in upload_ids]
    add_evidence(ordered)
    cards = candidate_cards([fit.job_id for fit in ordered])
    rank_of = {fit.upload_id: rank for rank, fit in enumerate(fits, 1)}
    return [Ranked(fit=fit, card=cards[fit.job_id], rank=rank_of[fit.upload_id]) for fit in ordered]


def profiles_of(job_ids: list[uuid.UUID]) -> dict:
    from analysis.models import UserProfile

    return {profile.job_id: profile.data for profile in UserProfile.objects.filter(job_id__in=job_ids)}

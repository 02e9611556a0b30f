"""The offline backend (AI_BACKEND=local): the structural parser in analysis/parsing/ combined
with the learned extractor (analysis/parsing/learned/, analysis/parsing/combine.py).

Each education entry gets its degree's level and subject (analysis/parsing/normalise.py), and
every value its evidence (analysis/parsing/evidence.py): where it sits in the text, with the
model's confidence for the values only it found and the locating method's default for the
others (values both readings agree on, and values only structure found).

`with_occupation` (both backends) adds the ESCO occupation and seniority level
(analysis/parsing/occupation.py, matched with the shipped MiniLM) and puts that seniority into the
role recommendations."""

import logging

from analysis.backends.result import AnalysisResult
from analysis.parsing import parse_with_structure
from analysis.parsing.combine import confidences_for, learned_entities, model_text
from analysis.parsing.evidence import locate
from analysis.parsing.normalise import with_degree_parts
from analysis.parsing.occupation import classify, family_of_profile, recommendations, seniority_of

logger = logging.getLogger(__name__)


def _minilm(texts: list[str]):
    # The occupation matrix is MiniLM's, whatever EMBEDDING_BACKEND says, so the query is too.
    from resume_analyzer.ai.embeddings import local_model

    return local_model().encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)


def with_occupation(profile: dict) -> dict:
    """The profile with `occupation`, `seniority` and recommendations at that seniority. Without
    the embedding model the family and seniority still come from the titles, with no ESCO match."""
    from django.conf import settings

    try:
        found = classify(profile, embed=_minilm, cache_dir=settings.DATA_DIR / "cache")
    except Exception as exc:  # noqa: BLE001 - a missing model must not fail the analysis
        logger.warning("occupation matching failed, using titles only: %s", exc)
        titles = [entry.get("role") or "" for entry in profile.get("experience") or []]
        found = {"occupation": {"label": "", "esco_uri": "", "confidence": 0.0, "family": family_of_profile(profile)},
                 "seniority": seniority_of(titles, float(profile.get("total_years_experience") or 0))}
    profile.update(found)
    profile["job_recommendations"] = recommendations(
        profile.get("job_recommendations") or [], found["occupation"], found["seniority"]
    )
    return profile


def analyze_locally(text: str) -> AnalysisResult:
    return AnalysisResult(profile=with_occupation(parse_locally(text)))


def parse_locally(text: str) -> dict:
    """The profile read from the text, with evidence: everything but the occupation (which runs
    MiniLM, so must not run in a process that forks workers afterwards)."""
    entities = learned_entities(text)
    profile, structural = parse_with_structure(text, entities=entities)
    profile["education"] = [with_degree_parts(entry) for entry in profile["education"]]
    confidences = confidences_for(profile, entities, model_text(text), structural=structural)
    profile["evidence"] = locate(text, profile, confidences=confidences)
    return profile

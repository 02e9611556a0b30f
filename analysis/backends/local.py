"""The offline backend (AI_BACKEND=local): the structural parser in analysis/parsing/ combined
with the learned extractor (analysis/parsing/learned/, analysis/parsing/combine.py).

Each education entry gets its degree's level and subject (analysis/parsing/normalise.py), and
every value its evidence (analysis/parsing/evidence.py): where it sits in the text, with the
model's confidence for the values only it found and the locating method's default for the
others (values both readings agree on, and values only structure found)."""

from analysis.backends.result import AnalysisResult
from analysis.parsing import parse_with_structure
from analysis.parsing.combine import confidences_for, learned_entities, model_text
from analysis.parsing.evidence import locate
from analysis.parsing.normalise import with_degree_parts


def analyze_locally(text: str) -> AnalysisResult:
    entities = learned_entities(text)
    profile, structural = parse_with_structure(text, entities=entities)
    profile["education"] = [with_degree_parts(entry) for entry in profile["education"]]
    confidences = confidences_for(profile, entities, model_text(text), structural=structural)
    profile["evidence"] = locate(text, profile, confidences=confidences)
    return AnalysisResult(profile=profile)

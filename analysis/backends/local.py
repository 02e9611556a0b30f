"""The offline backend (AI_BACKEND=local): the rule-based parser in analysis/parsing/.

Each education entry gets its degree's level and subject (analysis/parsing/normalise.py), and
every value its evidence (analysis/parsing/evidence.py): where it sits in the text, with the
locating method's default confidence until a learned model supplies its own."""

from analysis.backends.result import AnalysisResult
from analysis.parsing import parse_resume
from analysis.parsing.evidence import locate
from analysis.parsing.normalise import with_degree_parts


def analyze_locally(text: str) -> AnalysisResult:
    profile = parse_resume(text)
    profile["education"] = [with_degree_parts(entry) for entry in profile["education"]]
    profile["evidence"] = locate(text, profile)
    return AnalysisResult(profile=profile)

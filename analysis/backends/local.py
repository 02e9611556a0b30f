"""The offline backend (AI_BACKEND=local): the rule-based parser in analysis/parsing/."""

from analysis.backends.result import AnalysisResult
from analysis.parsing import parse_resume


def analyze_locally(text: str) -> AnalysisResult:
    return AnalysisResult(profile=parse_resume(text))

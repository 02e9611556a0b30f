"""Resume analysis behind one function; the backend comes from settings.AI_BACKEND.

    result.py   AnalysisResult, what every backend returns (and the profile schema)
    local.py    the offline rule-based parser (analysis/parsing/)
    openai.py   an OpenAI-compatible chat endpoint with structured output

`analyze_resume(text)` returns an AnalysisResult. Failures raise resume_analyzer.ai.AIError
(permanent or not). A new backend is a module here and a line in ANALYZERS (and its name in
resume_analyzer/ai/backends.py).
"""

from collections.abc import Callable

from analysis.backends.local import analyze_locally
from analysis.backends.result import AnalysisResult
from resume_analyzer.ai.backends import LOCAL, OPENAI, pick

__all__ = ["ANALYZERS", "AnalysisResult", "analyze_resume"]


def _analyze_with_openai(text: str) -> AnalysisResult:
    # Imported on first use: the openai client takes over a second to import, which a local
    # deployment should never pay.
    from analysis.backends.openai import analyze_with_openai

    return analyze_with_openai(text)


ANALYZERS: dict[str, Callable[[str], AnalysisResult]] = {
    LOCAL: analyze_locally,
    OPENAI: _analyze_with_openai,
}


def analyze_resume(text: str) -> AnalysisResult:
    return pick(ANALYZERS, "AI_BACKEND")(text)

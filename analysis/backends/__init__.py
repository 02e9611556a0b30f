"""Resume analysis behind one function; the backend comes from settings.AI_BACKEND.

    result.py   AnalysisResult, what every backend returns (and the profile schema)
    local.py    the offline rule-based parser (analysis/parsing/)
    openai.py   an OpenAI-compatible chat endpoint with structured output

`analyze_resume(text)` returns an AnalysisResult. Failures raise resume_analyzer.ai.AIError
(permanent or not).
"""

from django.conf import settings

from analysis.backends.result import AnalysisResult
from resume_analyzer.ai.errors import AIError

__all__ = ["AnalysisResult", "analyze_resume"]


def analyze_resume(text: str) -> AnalysisResult:
    backend = settings.AI_BACKEND
    if backend == "local":
        from analysis.backends.local import analyze_locally

        return analyze_locally(text)
    if backend == "openai":
        from analysis.backends.openai import analyze_with_openai

        return analyze_with_openai(text)
    raise AIError(f"unknown AI_BACKEND {backend!r}", permanent=True)

"""Resume analysis behind one function; the backend comes from settings.AI_BACKEND.

`analyze_resume(text)` returns an AnalysisResult whose `profile` is a dict of the seed's export
schema (the fields of analysis.models.UserProfile):

    personal_info: {name, email, phone, location, linkedin, github}   each str or None
    skills: {category: [skill, ...]}                                   e.g. {"Languages": ["Go"]}
    experience: [{company, role, start_date, end_date, years, description}]
                start/end "YYYY-MM" or None, end may be "Present"; years a float
    education: [{degree, institution, year}]                           year int or None
    summary: str
    job_recommendations: [str]
    strengths: [str]
    weaknesses: [str]
    total_years_experience: float

Failures raise resume_analyzer.ai.AIError (permanent or not).
"""

from dataclasses import dataclass, field

from django.conf import settings

from resume_analyzer.ai.errors import AIError


@dataclass
class AnalysisResult:
    profile: dict
    usage: dict = field(default_factory=dict)


def analyze_resume(text: str) -> AnalysisResult:
    backend = settings.AI_BACKEND
    if backend == "local":
        from analysis.parsing import parse_resume

        return AnalysisResult(profile=parse_resume(text))
    if backend == "openai":
        from analysis.openai_analysis import analyze_with_openai

        return analyze_with_openai(text)
    raise AIError(f"unknown AI_BACKEND {backend!r}", permanent=True)

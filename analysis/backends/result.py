"""What every analysis backend returns, in a module of its own so that the registry
(analysis/backends/__init__.py) and the backends can all import it without a cycle.

`profile` is a dict of the seed's export schema (the fields of analysis.models.UserProfile):

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
"""

from dataclasses import dataclass, field


@dataclass
class AnalysisResult:
    profile: dict
    # Token counts, model and prompt version of a provider call; empty for the local parser.
    usage: dict = field(default_factory=dict)

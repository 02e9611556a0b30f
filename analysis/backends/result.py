"""What every analysis backend returns, in a module of its own so that the registry
(analysis/backends/__init__.py) and the backends can all import it without a cycle.

`profile` is a dict in the shape of analysis.profile.Profile (the schema is documented there);
analysis.services.profile_save validates it once, and a bad shape fails the job.
"""

from dataclasses import dataclass, field


@dataclass
class AnalysisResult:
    profile: dict
    # Token counts, model and prompt version of a provider call; empty for the local parser.
    usage: dict = field(default_factory=dict)

"""What uploads asks of the apps above it, registered from their AppConfig.ready() (uploads
imports none of them): who starts an analysis of a new upload (`?analyze=true`, the upload
page). The uploads list's extension lives in uploads.listing."""

from collections.abc import Callable
from typing import Any

from uploads.models import Upload

# upload -> a small JSON-able description of what was started, e.g. {"job_id": ..., "status": ...}
AnalysisStarter = Callable[[Upload], dict[str, Any]]
_starters: list[AnalysisStarter] = []


def analysis_starter_register(starter: AnalysisStarter) -> None:
    if starter not in _starters:
        _starters.append(starter)


def analysis_start(upload: Upload) -> dict[str, Any] | None:
    """Start the analysis of `upload` through the registered starter; None when there is none."""
    for starter in _starters:
        return starter(upload)
    return None

"""The errors services and selectors raise when they refuse a request, in words a user can read.

Each carries the seed's `error` title, an optional `message` and the extra keys the seed's body
shows for that case (`field`, `max_size_mb`, `current_status`...). The class says what kind of
refusal it is and nothing about HTTP: resume_analyzer/api_errors.py maps a class to its status
code and body, resume_analyzer/pages.py maps it to what a page shows. Apps subclass these for the
refusals callers tell apart (uploads.validation.UploadRejected, analysis.services.JobGone...).
"""

from typing import Any


class ApplicationError(Exception):
    def __init__(self, error: str, message: str | None = None, **extra: Any) -> None:
        super().__init__(message or error)
        self.error = error
        self.message = message
        self.extra = extra

    @property
    def field(self) -> str | None:
        """The input the error is about, when there is one (shown next to that form field)."""
        return self.extra.get("field")


class NotFound(ApplicationError):
    """The thing does not exist, or is another user's (the two look alike)."""


class NotReady(ApplicationError):
    """The thing exists but is not in a state for this (a job still running, or not failed)."""


class Conflict(ApplicationError):
    """The request would duplicate what exists (an email already registered, a question saved)."""


class Rejected(ApplicationError):
    """Input the user can fix: a bad parameter, file or field."""


class TooLarge(Rejected):
    """Input over a size limit."""


class Unauthenticated(ApplicationError):
    """Credentials that identify nobody."""


class RateLimited(ApplicationError):
    """Too many attempts; `retry_after` (an extra) says in how many seconds the next may pass."""

    @property
    def retry_after(self) -> float:
        return float(self.extra.get("retry_after") or 0)


class Unavailable(ApplicationError):
    """A dependency is down or failed in a way a retry may fix."""


class DependencyFailed(ApplicationError):
    """A dependency answered, but unusably, and retrying will not help."""

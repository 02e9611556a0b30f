"""One error shape for the whole API: {"error": ..., "message": ...} plus case-specific keys.

API views do not build errors: services, selectors and views raise an ApplicationError
(resume_analyzer/errors.py), and this module alone turns it into a status code and body
(`known_failure`), for the DRF exception handler and the middleware alike. They also make sure
that DRF's own errors, Django's 404/405/413, AI backend failures and unexpected exceptions on
/api/ come out in that shape, as JSON, never as HTML or a stack trace.
"""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from resume_analyzer.ai.errors import AIError
from resume_analyzer.errors import (
    ApplicationError,
    Conflict,
    DependencyFailed,
    NotFound,
    NotReady,
    RateLimited,
    Rejected,
    TooLarge,
    Unauthenticated,
    Unavailable,
)

logger = logging.getLogger(__name__)


def error_body(error: str, message: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"error": error}
    if message is not None:
        body["message"] = message
    body.update(extra)
    return body


def error_response(status_code: int, error: str, message: str | None = None, **extra: Any) -> Response:
    return Response(error_body(error, message, **extra), status=status_code)


MAX_MESSAGE_CHARS = 300  # DRF quotes the rejected input in some messages ('"…" is not a valid choice.')


def _flatten(detail: Any) -> tuple[str, str | None]:
    """First human message of a DRF error detail, and the field it belongs to."""
    if isinstance(detail, dict):
        for field, value in detail.items():
            message, _ = _flatten(value)
            return message, (None if field == "non_field_errors" else str(field))
    if isinstance(detail, list) and detail:
        return _flatten(detail[0])
    message = str(detail)
    return (message if len(message) <= MAX_MESSAGE_CHARS else message[:MAX_MESSAGE_CHARS] + "…"), None


_TITLES = {
    400: "Invalid request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Request too large",
    415: "Unsupported media type",
    429: "Too many requests",
    503: "Service unavailable",
}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RateLimited):  # DRF's own 429: its message and the Retry-After header
        exc = exceptions.Throttled(wait=exc.retry_after)
    elif (known := known_failure(exc)) is not None:
        status_code, body = known
        return Response(body, status=status_code)
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled API error", exc_info=exc)
        return error_response(500, *INTERNAL_ERROR)
    code = response.status_code
    if isinstance(exc, exceptions.ParseError):
        body = error_body("Malformed request body", str(exc.detail))
    elif isinstance(exc, exceptions.ValidationError):
        message, field = _flatten(exc.detail)
        body = error_body("Validation error", message, **({"field": field} if field else {}))
    elif isinstance(exc, exceptions.Throttled):
        body = error_body("Too many requests", str(exc.detail), retry_after=exc.wait)
    else:
        message, _ = _flatten(response.data.get("detail", response.data) if isinstance(response.data, dict) else response.data)
        body = error_body(_TITLES.get(code, "Error"), message)
    response.data = body
    return response


# The database refusing connections or dropping one mid-query: the request may succeed again in a
# moment, which 503 says (and 500 does not).
DATABASE_DOWN = (OperationalError, InterfaceError)
UNAVAILABLE = ("Service unavailable", "The database is unavailable; please try again shortly")
TOO_LARGE = ("Request too large", "The request body exceeds the allowed size")
INTERNAL_ERROR = ("Internal server error", "An unexpected error occurred")
REFUSED = ("Invalid request", "The request was refused as malformed")


# Looked up along the class's MRO, so an app's subclass (UploadRejected, JobGone...) answers as
# its family does.
STATUS_CODES: dict[type[ApplicationError], int] = {
    NotFound: 404,
    NotReady: 400,
    Conflict: 409,
    Rejected: 400,
    TooLarge: 413,
    Unauthenticated: 401,
    RateLimited: 429,
    Unavailable: 503,
    DependencyFailed: 502,
}


def status_code(exc: ApplicationError) -> int:
    return next(STATUS_CODES[cls] for cls in type(exc).__mro__ if cls in STATUS_CODES)


def from_ai_error(exc: AIError) -> ApplicationError:
    """A backend failure is the upstream's fault: 502 when retrying will not help, 503 when it may."""
    if exc.permanent:
        return DependencyFailed("AI service error", exc.message)
    return Unavailable("AI service unavailable", exc.message, retryable=True)


def known_failure(exc: Exception) -> tuple[int, dict[str, Any]] | None:
    """Status and body for a failure that is the request's, a dependency's or the database's, not
    a bug; shared by the DRF exception handler and the middleware so both answer alike."""
    if isinstance(exc, AIError):
        exc = from_ai_error(exc)
    if isinstance(exc, ApplicationError):
        return status_code(exc), error_body(exc.error, exc.message, **exc.extra)
    if isinstance(exc, RequestDataTooBig):
        return 413, error_body(*TOO_LARGE)
    if isinstance(exc, SuspiciousOperation):  # e.g. too many form fields or files, a bad Host
        return 400, error_body(REFUSED[0], _refused_message(exc))
    if isinstance(exc, DATABASE_DOWN):
        logger.error("database unavailable: %s", exc)
        return 503, error_body(*UNAVAILABLE)
    return None


def _refused_message(exc: SuspiciousOperation) -> str:
    # Django's messages name its settings (DATA_UPLOAD_MAX_NUMBER_FIELDS); say it plainly.
    name = type(exc).__name__
    if name == "TooManyFieldsSent":
        return "The request has too many form fields"
    if name == "TooManyFilesSent":
        return "The request has too many files"
    return REFUSED[1]


class ApiErrorMiddleware:
    """Turns Django's HTML error pages under /api/ into the JSON error shape."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/"):
            return response
        content_type = response.get("Content-Type", "")
        if response.status_code >= 400 and not content_type.startswith("application/json"):
            title = _TITLES.get(response.status_code, "Error")
            return JsonResponse(
                error_body(title, f"{title} ({request.method} {request.path})"),
                status=response.status_code,
            )
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith("/api/"):
            return None
        if isinstance(exception, Http404):
            return JsonResponse(error_body("Not found", "No such resource"), status=404)
        if (known := known_failure(exception)) is not None:
            status_code, body = known
            return JsonResponse(body, status=status_code)
        logger.exception("Unhandled API error", exc_info=exception)
        return JsonResponse(error_body(*INTERNAL_ERROR), status=500)

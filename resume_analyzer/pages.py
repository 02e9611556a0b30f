"""The project's error pages, and the one place a refused request becomes what a page shows.

Page views catch an ApplicationError only where they show its message inside the page they
render anyway (a form error, a problem line in a partial); they word it with `page_message`. An
error no view handles reaches `PageErrorMiddleware`: a NotFound is the 404 page (exactly as
Http404), any other refusal an error page with its message and the API's status for it.
"""

import logging
import math

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from resume_analyzer.ai.errors import AIError
from resume_analyzer.api_errors import (
    DATABASE_DOWN,
    INTERNAL_ERROR,
    REFUSED,
    error_body,
    from_ai_error,
    status_code,
)
from resume_analyzer.errors import ApplicationError, NotFound, RateLimited

logger = logging.getLogger(__name__)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("Not found", "No such resource"), status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(*INTERNAL_ERROR), status=500)
    return render(request, "500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400s raised outside any view (a Host not in ALLOWED_HOSTS, too many fields)."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(*REFUSED), status=400)
    return HttpResponse("<!doctype html><title>Bad request</title><h1>Bad request</h1>", status=400)


def page_message(exc: ApplicationError | AIError) -> str:
    """The sentence a page shows for a refused request: its message, else its title."""
    if isinstance(exc, AIError):
        return exc.message
    return exc.message or exc.error


def page_sentence(exc: ApplicationError | AIError) -> str:
    """`page_message` ending in a full stop, as a form error reads."""
    message = page_message(exc)
    return message if message.endswith(".") else message + "."


def form_error(form: forms.Form, exc: ApplicationError, text: str | None = None) -> None:
    """Show the refusal on the form field it is about (else above the form)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, text if text is not None else page_sentence(exc))


def database_unavailable(exception: Exception) -> HttpResponse:
    """The database went away: a 503 page at once, rendered without it (no user, no session)."""
    logger.error("database unavailable: %s", exception)
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "5"
    return response


class PageErrorMiddleware:
    """Answers the refusals no page view handled; /api/ is api_errors' business."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.path.startswith("/api/"):
            return None
        if isinstance(exception, DATABASE_DOWN):
            return database_unavailable(exception)
        if isinstance(exception, AIError):
            exception = from_ai_error(exception)
        if isinstance(exception, NotFound):
            return not_found(request, exception)
        if isinstance(exception, ApplicationError):
            context = {"title": exception.error, "message": page_message(exception)}
            response = render(request, "error.html", context, status=status_code(exception))
            if isinstance(exception, RateLimited):
                response["Retry-After"] = str(math.ceil(exception.retry_after))
            return response
        return None

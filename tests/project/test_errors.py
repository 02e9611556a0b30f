"""Errors are mapped once: each ApplicationError family to its status and the seed's body
(resume_analyzer/api_errors.py), the same errors to what a page shows (resume_analyzer/pages.py),
and no API module translates exceptions by hand."""

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from accounts.services import EmailTaken
from analysis.selectors import api_refusals, job_not_found
from analysis.services import JobGone, JobNotStartable
from interview.generators import NotEnoughMaterial
from resume_analyzer.ai.errors import AIError
from resume_analyzer.api_errors import exception_handler, known_failure
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
from resume_analyzer.pages import PageErrorMiddleware, page_message
from uploads.validation import UploadRejected, too_large

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("family", "status"),
    [
        (NotFound, 404),
        (NotReady, 400),
        (Conflict, 409),
        (Rejected, 400),
        (TooLarge, 413),
        (Unauthenticated, 401),
        (RateLimited, 429),
        (Unavailable, 503),
        (DependencyFailed, 502),
    ],
)
def test_each_family_has_one_status_and_the_error_body(family, status):
    error = family("Title", "What happened", field="x", extra_key=3)
    assert known_failure(error) == (status, {"error": "Title", "message": "What happened", "field": "x", "extra_key": 3})


def test_a_title_alone_is_a_body_without_message():
    assert known_failure(Unauthenticated("Invalid credentials")) == (401, {"error": "Invalid credentials"})


def test_the_drf_handler_answers_with_the_same_mapping():
    response = exception_handler(Conflict("Question already saved", "In your library"), {})
    assert (response.status_code, response.data) == (409, {"error": "Question already saved", "message": "In your library"})


@pytest.mark.parametrize(
    ("error", "status", "body"),
    [
        (too_large(), 413, {"error": "File size exceeds limit", "max_size_mb": 10}),
        (UploadRejected("Empty file", "The uploaded file is empty", field="file"), 400,
         {"error": "Empty file", "message": "The uploaded file is empty", "field": "file"}),
        (EmailTaken(), 409,
         {"error": "Email already registered", "message": "An account with this email already exists", "field": "email"}),
        (JobGone("Job not found", "No analysis job with this id", job_id="j"), 404,
         {"error": "Job not found", "message": "No analysis job with this id", "job_id": "j"}),
        (JobNotStartable("Cannot retry job", "only failed jobs can be retried"), 400,
         {"error": "Cannot retry job", "message": "only failed jobs can be retried"}),
        (NotEnoughMaterial(7), 400,
         {"error": "Not enough resume data", "message": "This resume supports at most 7 distinct questions",
          "max_questions": 7}),
        (AIError("model refused", permanent=True), 502, {"error": "AI service error", "message": "model refused"}),
        (AIError("timed out", permanent=False), 503,
         {"error": "AI service unavailable", "message": "timed out", "retryable": True}),
    ],
)  # fmt: skip
def test_app_errors_answer_as_their_family(error, status, body):
    assert known_failure(error) == (status, body)


def test_the_job_refusals_keep_each_endpoints_words():
    class Job:
        status, progress = "analyzing", 70

    assert known_failure(job_not_found()) == (404, {"error": "Job not found", "message": "No analysis job with this id"})
    refusals = api_refusals(needs="Exports need it", name_job_id=True)
    assert known_failure(refusals.not_found("abc"))[1]["job_id"] == "abc"
    assert known_failure(refusals.not_completed(Job())) == (
        400,
        {"error": "Analysis not yet completed", "message": "Exports need it", "current_status": "analyzing", "progress": 70},
    )


def _page_request(path: str = "/interview/library"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def test_a_refusal_reaching_a_page_shows_its_message_with_the_status():
    middleware = PageErrorMiddleware(lambda request: None)
    response = middleware.process_exception(_page_request(), NotReady("Analysis not ready", "Wait for it to finish"))
    assert response.status_code == 400
    assert "Wait for it to finish" in response.content.decode()


def test_an_ai_failure_reaching_a_page_is_a_503_page():
    middleware = PageErrorMiddleware(lambda request: None)
    response = middleware.process_exception(_page_request(), AIError("The model is busy", permanent=False))
    assert response.status_code == 503 and "The model is busy" in response.content.decode()


def test_a_not_found_reaching_a_page_is_the_404_page():
    middleware = PageErrorMiddleware(lambda request: None)
    response = middleware.process_exception(_page_request(), NotFound("Question not found", "No such question"))
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_the_page_middleware_leaves_the_api_and_other_exceptions_alone():
    middleware = PageErrorMiddleware(lambda request: None)
    assert middleware.process_exception(_page_request("/api/interview/library"), NotFound("x")) is None
    assert middleware.process_exception(_page_request(), ValueError("bug")) is None


def test_page_message_is_the_message_else_the_title():
    assert page_message(Rejected("Invalid file type", "Only PDF")) == "Only PDF"
    assert page_message(TooLarge("File size exceeds limit")) == "File size exceeds limit"
    assert page_message(AIError("down", permanent=False)) == "down"


def test_no_error_class_carries_an_http_status():
    assert not any(hasattr(cls, "status") for cls in [ApplicationError, *ApplicationError.__subclasses__()])
    assert "status" not in vars(too_large())


def _api_modules() -> list[Path]:
    # bench/api.py is a benchmark script, not an API module.
    return sorted(path for path in ROOT.glob("*/**/api.py") if not {".venv", "bench"} & set(path.relative_to(ROOT).parts))


def test_api_modules_raise_errors_instead_of_translating_them():
    """No `try/except` in an API view and no error body built by hand: views raise an
    ApplicationError (or let a service's through) and api_errors maps it."""
    modules = _api_modules()
    assert {path.relative_to(ROOT).as_posix() for path in modules} >= {
        "accounts/api.py", "uploads/api.py", "analysis/api.py", "analysis/exports/api.py", "interview/api.py",
    }  # fmt: skip
    for path in modules:
        tree = ast.parse(path.read_text())
        handlers = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)]
        assert not handlers, f"{path}: except at lines {handlers}"
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
        assert not names & {"error_response", "error_body"}, f"{path} builds an error body by hand"
        error_dicts = [  # {"error": "<a title>", ...}; a schema's {"error": CharField()} is fine
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Dict)
            for key, value in zip(node.keys, node.values, strict=True)
            if isinstance(key, ast.Constant) and key.value == "error"
            and (isinstance(value, ast.JoinedStr) or (isinstance(value, ast.Constant) and isinstance(value.value, str)))
        ]  # a batch item's "error": None (filled from the raised error) is not a title written by hand
        assert not error_dicts, f"{path}: error body literal at lines {error_dicts}"

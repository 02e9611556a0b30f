"""Hostile bodies found by fuzzing a running server: each is a clear 400/401, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login"


def post_raw(client, path: str, body: str, content_type: str = "application/json"):
    return client.generic("POST", path, body.encode("utf-8", "surrogatepass"), content_type=content_type)


@pytest.mark.parametrize("path", [LOGIN, "/api/auth/register", "/api/interview/generate", "/api/upload"])
def test_json_nested_past_the_recursion_limit_is_a_malformed_body(anon_api, api, path):
    client = anon_api if path.startswith("/api/auth") else api
    response = post_raw(client, path, "[" * 5000 + "]" * 5000)
    assert response.status_code == 400, response.content[:200]
    assert response.json() == {"error": "Malformed request body", "message": "JSON parse error - nesting is too deep"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"email": "a\\u0000b@example.com", "password": "x"}', "JSON parse error - NUL characters are not allowed"),
        ('{"email": "demo@example.com", "password": "\\ud800"}', "JSON parse error - lone surrogate characters are not allowed"),
        ('{"nested": [{"\\ud800": 1}]}', "JSON parse error - lone surrogate characters are not allowed"),
    ],
)
def test_json_strings_postgresql_or_utf8_cannot_hold_are_refused(anon_api, body, message):
    response = post_raw(anon_api, LOGIN, body)
    assert response.status_code == 400
    assert response.json()["message"] == message


def test_a_save_question_choice_with_a_lone_surrogate_is_a_400_not_an_encoding_crash(api):
    body = '{"job_id": "00000000-0000-0000-0000-000000000000", "question_id": "q1", "category": "\\ud800"}'
    response = post_raw(api, "/api/interview/save-question", body)
    assert response.status_code == 400 and response.json()["error"] == "Malformed request body"


@pytest.mark.parametrize("email", ["a\x00b@example.com", "nobody@example.com"])
def test_form_encoded_login_with_a_nul_is_just_invalid_credentials(anon_api, email):
    response = anon_api.post(LOGIN, {"email": email, "password": "pass\x00word"}, format="multipart")
    assert response.status_code == 401 and response.json() == {"error": "Invalid credentials"}


def test_too_many_form_fields_is_a_400_naming_the_problem(anon_api):
    response = post_raw(anon_api, LOGIN, "a=1&" * 1500, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response.json() == {"error": "Invalid request", "message": "The request has too many form fields"}


def test_too_many_files_is_a_400(api):
    boundary = "XyZ"
    parts = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="f{i}"; filename="f{i}.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\nx\r\n"
        for i in range(150)
    )
    response = post_raw(api, "/api/interview/generate", parts + f"--{boundary}--\r\n",
                        content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 400
    assert response.json()["message"] in ("The request has too many files", "The request has too many form fields")


def test_a_host_outside_allowed_hosts_gets_a_json_400_under_the_api(anon_api):
    response = anon_api.get("/api/auth/me", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json() == {"error": "Invalid request", "message": "The request was refused as malformed"}


def test_an_error_message_does_not_echo_a_huge_input(api):
    body = '{"job_id": "00000000-0000-0000-0000-000000000000", "question_id": "q1", "category": "' + "x" * 100_000 + '"}'
    response = post_raw(api, "/api/interview/save-question", body)
    assert response.status_code == 400 and len(response.content) < 1000


def test_a_database_outage_is_a_503_that_invites_a_retry(api, monkeypatch):
    """Found by chaos testing: with PostgreSQL stopped, API calls answered 500."""
    from django.db import OperationalError

    def refused(raw):
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr("accounts.authentication.token_lookup", refused)
    response = api.get("/api/auth/me")
    assert response.status_code == 503
    assert response.json() == {"error": "Service unavailable", "message": "The database is unavailable; please try again shortly"}

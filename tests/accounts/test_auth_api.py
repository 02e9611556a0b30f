import json
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import ApiToken, User, hash_token
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def post_json(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_register_returns_token_and_user(anon_api):
    response = post_json(anon_api, "/api/auth/register", {"email": "New@Example.com", "password": PASSWORD, "name": "Nia New"})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "user"}
    assert body["user"]["email"] == "new@example.com" and body["user"]["name"] == "Nia New"
    user = User.objects.get(email="new@example.com")
    assert user.password.startswith("argon2$")
    # only the hash is stored
    assert not ApiToken.objects.filter(key_hash=body["token"]).exists()
    assert ApiToken.objects.filter(key_hash=hash_token(body["token"]), user=user).exists()


def test_register_duplicate_email_is_409(anon_api, owner):
    response = post_json(anon_api, "/api/auth/register", {"email": owner.email.upper(), "password": PASSWORD, "name": "X"})
    assert response.status_code == 409
    assert response.json()["error"] == "Email already registered"


@pytest.mark.parametrize("password", ["short", "password123", "12345678901"])
def test_register_weak_password_is_400_with_reason(anon_api, password):
    response = post_json(anon_api, "/api/auth/register", {"email": "weak@example.com", "password": password, "name": "W"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Invalid password" and body["field"] == "password" and body["message"]
    assert not User.objects.filter(email="weak@example.com").exists()


@pytest.mark.parametrize(
    "payload",
    [{}, {"email": "a@example.com"}, {"email": 5, "password": PASSWORD, "name": "x"}, {"email": "nope", "password": PASSWORD, "name": "x"}],
)
def test_register_validation_errors_use_error_shape(anon_api, payload):
    response = post_json(anon_api, "/api/auth/register", payload)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Validation error" and "message" in body and "field" in body


@pytest.mark.parametrize(("field", "value"), [("name", 123), ("name", True), ("password", 12345678901234), ("name", ["x"])])
def test_register_refuses_non_text_instead_of_converting_it(anon_api, field, value):
    """Found by fuzzing: numbers became text ("123") and were stored."""
    payload = {"email": "typed@example.com", "password": PASSWORD, "name": "Typed", field: value}
    response = post_json(anon_api, "/api/auth/register", payload)
    assert response.status_code == 400 and response.json()["field"] == field


def test_login_contract_success_byte_for_byte_shape(anon_api, owner):
    response = post_json(anon_api, "/api/auth/login", {"email": owner.email, "password": PASSWORD})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["token", "user"]
    assert body["user"] == {"id": owner.id, "name": owner.name, "email": owner.email}


def test_login_wrong_password_exact_body(anon_api, owner):
    response = post_json(anon_api, "/api/auth/login", {"email": owner.email, "password": "wrong-password"})
    assert response.status_code == 401
    assert response.content == b'{"error":"Invalid credentials"}'


@pytest.mark.parametrize(
    "payload", [{}, {"email": "a@b.c"}, {"password": "x"}, {"email": "", "password": ""}, {"email": 1, "password": ["x"]}, [1, 2]]
)
def test_login_missing_fields_exact_body(anon_api, payload):
    response = post_json(anon_api, "/api/auth/login", payload)
    assert response.status_code == 400
    assert response.content == b'{"error":"Email and password are required"}'


def test_login_malformed_json_is_400_json(anon_api):
    response = anon_api.post("/api/auth/login", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "Malformed request body"


def test_oversized_body_is_413_json(anon_api):
    body = json.dumps({"email": "a@b.c", "password": "x" * (2 * 1024 * 1024)})
    response = anon_api.post("/api/auth/login", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["error"] == "Request too large"


def test_me_and_logout_revokes_token(anon_api, owner):
    token = post_json(anon_api, "/api/auth/login", {"email": owner.email, "password": PASSWORD}).json()["token"]
    anon_api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert anon_api.get("/api/auth/me").json() == {"id": owner.id, "name": owner.name, "email": owner.email}
    assert anon_api.post("/api/auth/logout").status_code == 200
    response = anon_api.get("/api/auth/me")
    assert response.status_code == 401
    assert response.json()["error"] == "Authentication required"


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Token abc", "Bearer a b", "Bearer " + "x" * 300])
def test_missing_or_invalid_token_is_401_json(anon_api, header):
    if header:
        anon_api.credentials(HTTP_AUTHORIZATION=header)
    response = anon_api.get("/api/auth/me")
    assert response.status_code == 401
    body = response.json()
    assert body["error"] == "Authentication required" and body["message"]


def test_expired_token_is_401(anon_api, owner):
    from accounts.services import token_issue

    issued = token_issue(user=owner)
    ApiToken.objects.filter(pk=issued.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    anon_api.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.raw}")
    response = anon_api.get("/api/auth/me")
    assert response.status_code == 401 and response.json()["message"] == "Invalid or expired token"


def test_inactive_user_token_is_401(api, owner):
    owner.is_active = False
    owner.save()
    assert api.get("/api/auth/me").status_code == 401


def test_unknown_api_path_and_wrong_method_are_json(api):
    response = api.get("/api/does-not-exist")
    assert response.status_code == 404 and response.json()["error"] == "Not found"
    response = api.get("/api/auth/login")
    assert response.status_code == 405 and response.json()["error"] == "Method not allowed"


def test_openapi_schema_lists_auth_endpoints(api):
    response = api.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert b"/api/auth/login" in response.content


@pytest.mark.parametrize("name", ["Eve\u202eknil.exe", "Eve\u2066Isolate", "Bell\x07", "Two\u2028Lines", "Tab\tbed"])
def test_register_refuses_control_and_bidi_characters_in_the_name(anon_api, name):
    """A display name could carry U+202E (right-to-left override), which filenames refuse (issue 19)."""
    body = {"email": "eve@example.com", "password": PASSWORD, "name": name}
    response = post_json(anon_api, "/api/auth/register", body)
    assert response.status_code == 400
    assert response.json() == {
        "error": "Validation error", "field": "name",
        "message": "Must not contain control or text-direction characters.",
    }  # fmt: skip
    assert not User.objects.filter(email="eve@example.com").exists()


def test_register_keeps_names_in_any_script(anon_api):
    for number, name in enumerate(["Zoë Ångström", "محمد علي", "李小龙", "Jean-Luc O'Neil"]):
        body = {"email": f"n{number}@example.com", "password": PASSWORD, "name": name}
        assert post_json(anon_api, "/api/auth/register", body).json()["user"]["name"] == name

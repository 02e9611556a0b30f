"""The API's OpenAPI description (issue 19): every operation summarised and described, with the
errors it can answer in the seed's body; ids, bounds and enums typed; /api/schema as JSON or YAML;
Swagger UI and Redoc served from our own static files."""

import json
import re

import pytest
import yaml

pytestmark = pytest.mark.django_db

PENDING_DESCRIPTION: set[str] = set()
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker):
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        return APIClient().get("/api/schema").json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def parameter(schema, path, method, name):
    return next(p for p in schema["paths"][path][method]["parameters"] if p["name"] == name)


def test_every_operation_has_a_summary_and_a_description(schema):
    ops = dict(operations(schema))
    # issue 15: DELETE /api/uploads/{id}, POST /api/uploads/batch; search and the openings resource (9)
    assert len(ops) == 20 + 2 + 9
    assert [name for name, op in ops.items() if not op.get("summary")] == []
    assert sorted(name for name, op in ops.items() if not op.get("description")) == sorted(PENDING_DESCRIPTION)


def test_every_operation_documents_its_errors_in_the_error_body(schema):
    error = {"$ref": "#/components/schemas/Error"}
    for name, op in operations(schema):
        method, responses = name.split()[0], op["responses"]
        expected = {"429", "503"} | ({"413", "400"} if method in BODY_METHODS else set())
        if op.get("security") and any(op["security"]):
            expected.add("401")
        assert expected <= set(responses), name
        for code, response in responses.items():
            if code >= "400":
                assert response["description"], (name, code)
                schemas = [content["schema"] for content in response["content"].values()]
                assert all(s == error or s.get("$ref", "").startswith("#/components/schemas/") for s in schemas)
        assert "Retry-After" in responses["429"]["headers"], name
    assert "401" not in schema["paths"]["/api/auth/register"]["post"]["responses"]  # no token needed
    assert {"409"} <= set(schema["paths"]["/api/auth/register"]["post"]["responses"])
    assert {"409"} <= set(schema["paths"]["/api/interview/save-question"]["post"]["responses"])
    fields = schema["components"]["schemas"]["Error"]["properties"]
    assert {"error", "message", "field", "retry_after", "upload_id", "job_id", "current_status"} <= set(fields)
    assert schema["components"]["schemas"]["Error"]["required"] == ["error"]


def test_ids_bounds_and_enums_are_typed(schema):
    for path, method in (("/api/analysis/start", "post"), ("/api/analysis/jobs", "get")):
        assert parameter(schema, path, method, "upload_id")["schema"] == {"type": "integer", "minimum": 1}
    for path, method in (("/api/analysis/delete-job", "delete"), ("/api/analysis/retry-job", "post")):
        assert parameter(schema, path, method, "job_id")["schema"] == {"type": "string", "format": "uuid"}
    assert parameter(schema, "/api/uploads", "get", "limit")["schema"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert parameter(schema, "/api/uploads", "get", "offset")["schema"] == {"type": "integer", "minimum": 0}
    assert parameter(schema, "/api/interview/library", "get", "difficulty")["schema"]["enum"] == ["Easy", "Hard", "Medium"]


@pytest.mark.parametrize(
    ("query", "accept", "content_type"),
    [
        ("", None, "application/json"),
        ("", "text/html,application/xhtml+xml,*/*;q=0.8", "application/json"),  # a browser
        ("", "application/yaml", "application/yaml"),
        ("", "application/vnd.oai.openapi", "application/vnd.oai.openapi"),
        ("", "application/vnd.oai.openapi+json", "application/vnd.oai.openapi+json"),
        ("?format=yaml", None, "application/yaml"),
        ("?format=json", "application/yaml", "application/json"),
    ],
)
def test_the_schema_is_json_or_yaml_by_accept_or_format_and_opens_inline(anon_api, query, accept, content_type):
    response = anon_api.get("/api/schema" + query, **({"HTTP_ACCEPT": accept} if accept else {}))
    assert response.status_code == 200 and response["Content-Type"].split(";")[0] == content_type
    assert "Content-Disposition" not in response  # it was saved as "Resume Analyzer API.yaml"
    body = yaml.safe_load(response.content) if "yaml" in content_type or "openapi" == content_type[-7:] else json.loads(response.content)
    assert body["info"]["title"] == "Resume Analyzer API" and "/api/upload" in body["paths"]


def test_an_unknown_schema_format_is_a_400(anon_api):
    response = anon_api.get("/api/schema?format=xml")
    assert response.status_code == 400
    assert response.json() == {"error": "Invalid format", "message": "Supported formats: json, yaml", "field": "format"}


@pytest.mark.parametrize("path", ["/api/docs", "/api/redoc"])
def test_the_docs_pages_use_only_this_servers_assets(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r'spec-url="([^"]+)"', html)
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls), urls
    assert "<style" not in html and "<script>" not in html  # nothing inline


def test_swagger_uis_init_script_is_served_apart_and_points_at_the_schema(client):
    response = client.get("/api/docs?script=")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/javascript")
    assert "/api/schema" in response.content.decode()


def test_redocs_bundle_is_served_with_our_logo_instead_of_its_cdns(client):
    from resume_analyzer.openapi import REDOC_CDN_LOGO

    response = client.get("/api/redoc.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/javascript")
    text = response.content.decode()
    assert REDOC_CDN_LOGO not in text and "favicon" in text and "Redoc" in text


def test_the_candidate_search_and_shortlist_limits_carry_their_bounds(schema):
    # bench/fuzz_api.py (schemathesis --checks all) sent limit=0, valid by the schema, and got a 400.
    bounded = {"type": "integer", "minimum": 1, "maximum": 100}
    assert parameter(schema, "/api/candidates/search", "get", "limit")["schema"] == bounded
    for path in ("/api/openings/{id}/shortlist", "/api/openings/{id}/export"):
        assert parameter(schema, path, "get", "limit")["schema"] == {"type": "integer", "minimum": 1, "maximum": 1000}

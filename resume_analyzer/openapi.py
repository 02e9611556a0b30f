"""The OpenAPI description: the error body every endpoint answers with, the responses every
operation shares (added by one postprocessing hook rather than repeated in each view), the schema
view (JSON or YAML) and the Swagger UI and Redoc pages, served from our own static files."""

from functools import cache
from typing import Any

from csp.constants import SELF, UNSAFE_INLINE
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response

from resume_analyzer.errors import Rejected

ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "error": serializers.CharField(help_text="A short title, e.g. `Validation error`, `Job not found`"),
        "message": serializers.CharField(required=False, help_text="What happened, in a sentence"),
        "field": serializers.CharField(required=False, help_text="The parameter or body field at fault"),
        "retry_after": serializers.IntegerField(required=False, help_text="429: seconds until a retry may pass"),
        "retryable": serializers.BooleanField(required=False, help_text="503 from the AI backend: retrying may help"),
        "upload_id": serializers.IntegerField(required=False, help_text="`Upload not found`: the id asked for"),
        "job_id": serializers.UUIDField(required=False, help_text="`Job not found`: the id asked for"),
        "current_status": serializers.CharField(required=False, help_text="A job not in a state for this: its status"),
        "progress": serializers.IntegerField(required=False, help_text="... and its progress (0-100)"),
        "max_size_mb": serializers.IntegerField(required=False, help_text="413 on upload: the limit in MB"),
    },
)
ERROR_REF = {"$ref": "#/components/schemas/Error"}

# What each shared status means; an operation's own declaration of the code keeps its schema.
SHARED = {
    "400": "Invalid input: a validation error (`field` names the input), a malformed JSON body or a bad query parameter",
    "401": "No bearer token, or one that is unknown, expired or revoked",
    "404": "Not found, or another user's (the two look alike)",
    "409": "Conflicts with what exists",
    "413": "The request body is over the limit (10 MB for uploads, 1 MB elsewhere)",
    "429": "Rate limit reached; retry after `Retry-After` seconds (also `retry_after` in the body)",
    "502": "The AI backend answered unusably; retrying will not help",
    "503": "The database or the AI backend is unavailable; try again shortly",
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds until a retry may pass"}}
BODY_METHODS = {"post", "put", "patch", "delete"}


def add_shared_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """POSTPROCESSING_HOOKS entry: every operation documents the errors it can answer with, in the
    seed's error body: 400 (input), 401 (when it needs a token), 413 (bodies), 429 (every API call
    is rate limited) and 503 (the database), with a description for each declared error code."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            codes = {"429", "503"}
            if operation.get("parameters") or "requestBody" in operation or method in BODY_METHODS:
                codes.add("400")
            if method in BODY_METHODS:
                codes.add("413")
            if any(requirement for requirement in operation.get("security", [])):
                codes.add("401")
            for code in codes:
                responses.setdefault(code, {"content": {"application/json": {"schema": ERROR_REF}}})
            for code, response in responses.items():
                if code in SHARED and not response.get("description"):
                    response["description"] = SHARED[code]
            if "429" in responses:
                responses["429"].setdefault("headers", RETRY_AFTER)
    return result


class SchemaFormat(DefaultContentNegotiation):
    """`?format=json` or `?format=yaml`, else the Accept header; JSON when Accept names neither
    (a browser's `*/*`), so the schema opens in the browser instead of downloading."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = request.query_params.get("format")
        if wanted is None:
            return super().select_renderer(request, renderers, format_suffix)
        for renderer in renderers:
            if renderer.format == wanted:
                return renderer, renderer.media_type
        raise Rejected("Invalid format", "Supported formats: json, yaml", field="format")


class SchemaView(SpectacularAPIView):
    """GET /api/schema: the OpenAPI 3 description of this API, as JSON or YAML."""

    content_negotiation_class = SchemaFormat
    # JSON first: what `Accept: */*` gets. Then application/vnd.oai.openapi+json, application/yaml
    # and application/vnd.oai.openapi.
    renderer_classes = list(reversed(SpectacularAPIView.renderer_classes))

    @extend_schema(exclude=True)
    def get(self, request: Request, *args, **kwargs) -> Response:
        response = super().get(request, *args, **kwargs)
        # drf-spectacular names a file ("Resume Analyzer API.yaml") that browsers then save.
        del response["Content-Disposition"]
        return response


class SwaggerView(SpectacularSwaggerSplitView):
    """GET /api/docs: Swagger UI, its init script a separate request (no inline script)."""

    url_name = "api-schema"
    template_name = "api/swagger_ui.html"


class RedocView(SpectacularRedocView):
    """GET /api/redoc: Redoc, without the web fonts its stock page loads from another host.

    The one page whose Content-Security-Policy allows inline styles (scripts stay 'self' only):
    Redoc's bundle creates <style> elements before it could be handed a nonce, and sets style
    attributes. See REDOC_CSP."""

    url_name = "api-schema"
    template_name = "api/redoc.html"


# style-src for /api/redoc (resume_analyzer/urls.py); a nonce beside 'unsafe-inline' would void it.
REDOC_CSP = {"style-src": [SELF, UNSAFE_INLINE]}
REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
# Redoc's sidebar shows a "by Redocly" logo it always fetches from its CDN; ours stands in.
REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@cache
def redoc_bundle_text() -> str:
    with open(finders.find(REDOC_BUNDLE), encoding="utf-8") as bundle:
        text = bundle.read()
    if REDOC_CDN_LOGO not in text:  # a new Redoc: tests/project/test_openapi.py says so
        raise RuntimeError(f"{REDOC_BUNDLE} no longer loads {REDOC_CDN_LOGO}; revisit redoc_bundle")
    return text.replace(REDOC_CDN_LOGO, static("favicon.svg"))


@require_safe
def redoc_bundle(request: HttpRequest) -> HttpResponse:
    """GET /api/redoc.js: Redoc's standalone bundle from drf-spectacular-sidecar, its one asset from
    another host (the sidebar logo) pointed at our own, so the page works offline."""
    response = HttpResponse(redoc_bundle_text(), content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response

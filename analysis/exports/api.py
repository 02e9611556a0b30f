"""GET /api/analysis/export?job_id=&format=json|csv|pdf|docx (the seed's contract, owner-scoped)."""


from django.http import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.views import APIView

from analysis.api import job_id_param
from analysis.exports.redaction import redaction_asked
from analysis.exports.responses import download_response
from analysis.exports.service import FORMATS, export_for_owner
from resume_analyzer.errors import Rejected
from resume_analyzer.openapi import ErrorSerializer

SUPPORTED = ", ".join(FORMATS)


class FileTypeByQuery(BaseContentNegotiation):
    """`?format=` names the file type, so the Accept header must not refuse it: DRF's default
    negotiation answers 406 to a client sending `Accept: application/pdf` for a PDF (the view's
    only renderer is JSON, used for errors). URL_FORMAT_OVERRIDE=None already keeps DRF from
    reading `?format=` itself; this class is about Accept."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


SCHEMA = extend_schema(
    summary="Export a completed analysis as a file",
    description=(
        "The owner's completed analysis as JSON (the profile's fields, plus `evidence` when the "
        "analysis recorded where each value came from), CSV (one row per entry), PDF or DOCX "
        "(a printable report). Files are kept per profile version, so a repeated download is "
        "served from storage; `ETag` and `If-None-Match` answer 304 when nothing changed. "
        "Another user's job answers 404 like a missing one; a job that is not completed, 400."
    ),
    parameters=[
        OpenApiParameter("job_id", OpenApiTypes.UUID, required=True),
        OpenApiParameter("format", OpenApiTypes.STR, required=True, enum=list(FORMATS)),
        OpenApiParameter("redact", OpenApiTypes.BOOL, description="Blind review: name, email, phone, location "
                         "and links removed from the content and the file's properties, evidence left out"),
        OpenApiParameter("age_cues", OpenApiTypes.BOOL, description="With redaction, also remove institution "
                         "names and graduation years (implies `redact`)"),
    ],  # fmt: skip
    responses={
        **{(200, spec.content_type): OpenApiTypes.BINARY for spec in FORMATS.values()},
        304: None,
        400: ErrorSerializer,
        401: ErrorSerializer,
        404: ErrorSerializer,
    },
)


class ExportView(APIView):
    content_negotiation_class = FileTypeByQuery

    @SCHEMA
    def get(self, request: Request) -> HttpResponseBase:
        fmt = (request.query_params.get("format") or "").strip().lower()
        if fmt not in FORMATS:
            raise Rejected("Invalid format", f"Supported formats: {SUPPORTED}", field="format")
        job_id = job_id_param(request, title="Invalid job_id")
        export = export_for_owner(user=request.user, job_id=job_id, fmt=fmt, redaction=redaction_asked(request.query_params))
        return download_response(request, export)

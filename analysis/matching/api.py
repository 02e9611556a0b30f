"""Matching API: `GET /api/candidates/search` and the openings resource (`/api/openings`, a DRF
router; "openings" since `/api/analysis/jobs` are analysis jobs): create from text or a file, read,
edit the requirements, delete, the ranked shortlist, its CSV/XLSX export, one candidate's fit and
a comparison of 2-4 candidates."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import routers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import UserRateThrottle
from analysis.matching.candidates import DEGREE_ORDER, candidate_cards
from analysis.matching.exports import CONTENT_TYPES, render_csv, render_xlsx
from analysis.matching.models import Opening
from analysis.matching.params import MAX_LIMIT, search_params
from analysis.matching.search import candidate_search
from analysis.matching.selectors import (
    SHORTLIST_DEFAULT,
    SHORTLIST_MAX,
    comparison,
    opening_for_owner,
    openings_for_owner,
    parse_upload_ids,
    profiles_of,
    shortlist,
)
from analysis.matching.serializers import (
    FitSerializer,
    OpeningCreateSerializer,
    OpeningPatchSerializer,
    OpeningSerializer,
    SearchResponseSerializer,
    fit_body,
    hit_body,
)
from analysis.matching.services import opening_create, opening_delete, opening_update
from resume_analyzer.errors import Rejected
from resume_analyzer.openapi import ErrorSerializer
from resume_analyzer.parsers import JSONParser


class ExpensiveThrottle(UserRateThrottle):
    scope = "expensive"


INVALID = OpenApiResponse(ErrorSerializer, description="`Invalid <name> parameter` or `Validation error` naming the `field`")
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="`Opening not found` (or another user's), or a candidate not found")
OPENING_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Id of the opening")
SHORTLIST_LIMIT = OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": SHORTLIST_MAX},
                                   description=f"1-{SHORTLIST_MAX}, default {SHORTLIST_DEFAULT}")
SEARCH_PARAMETERS = [
    OpenApiParameter("q", str, description="Plain-language query, e.g. `payments infrastructure with Kafka` (at most 500 characters)"),
    OpenApiParameter("skills", str, description="Skills every result must list (comma-separated or repeated; taxonomy names, any case)"),
    OpenApiParameter("min_years", float, description="At least this many years of experience (0-60)"),
    OpenApiParameter("location", str, description="The candidate's location contains this text"),
    OpenApiParameter("degree", str, enum=list(DEGREE_ORDER), description="At least this degree level"),
    OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                     description=f"Results (1-{MAX_LIMIT}, default 20)"),
]  # fmt: skip


class CandidateSearchView(APIView):
    @extend_schema(
        summary="Search across my candidates",
        description="Hybrid search over the caller's analysed resumes: pgvector similarity of the query to every "
        "resume chunk, PostgreSQL full-text search over the same chunks, and the query's skills, fused by "
        "reciprocal rank (docs/matching.md). One result per candidate (an upload's latest completed analysis), best "
        "first, with the best matching passage (`snippet`, plain text; `highlights` are the ranges that matched) and "
        "the matched skills. Filters narrow the candidates first. Without `q`, the filtered candidates, newest first.",
        parameters=SEARCH_PARAMETERS,
        responses={200: SearchResponseSerializer, 400: INVALID},
    )
    def get(self, request: Request) -> Response:
        params = search_params(request.query_params)
        outcome = candidate_search(user=request.user, text=params.text, facets=params.facets, limit=params.limit)
        cards = candidate_cards([result.job_id for result in outcome.results])
        return Response({
            "query": params.text,
            "total_candidates": outcome.total_candidates,
            "vector_strategy": outcome.vector_strategy,
            "results": [hit_body(result, cards[result.job_id]) for result in outcome.results if result.job_id in cards],
        })  # fmt: skip


def _limit(request: Request) -> int:
    raw = request.query_params.get("limit")
    if raw is None or raw == "":
        return SHORTLIST_DEFAULT
    if not raw.isdigit() or not 1 <= int(raw) <= SHORTLIST_MAX:
        raise Rejected("Invalid limit parameter", f"limit must be a whole number from 1 to {SHORTLIST_MAX}", field="limit")
    return int(raw)


def shortlist_export(opening: Opening, kind: str, limit: int) -> HttpResponse:
    ranked = shortlist(opening=opening, limit=limit)
    emails = {job_id: data.personal_info.email or "" for job_id, data in profiles_of([r.fit.job_id for r in ranked]).items()}
    body = render_csv(ranked, emails) if kind == "csv" else render_xlsx(opening, ranked, emails)
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="shortlist-{opening.id}.{kind}"'
    return response


class OpeningViewSet(viewsets.GenericViewSet):
    """A job opening: its text, the requirements parsed from it (editable), and the candidates ranked by fit."""

    serializer_class = OpeningSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    lookup_value_regex = "[0-9]{1,18}"

    def get_throttles(self):
        if self.action == "create":
            return [UserRateThrottle(), ExpensiveThrottle()]
        return super().get_throttles()

    def _opening(self) -> Opening:
        return opening_for_owner(user=self.request.user, opening_id=self.kwargs["pk"])

    @extend_schema(summary="List my openings", description="The caller's job openings, newest first, as a JSON array.",
                   responses={200: OpeningSerializer(many=True)})  # fmt: skip
    def list(self, request: Request) -> Response:
        return Response(OpeningSerializer(openings_for_owner(user=request.user), many=True).data)

    @extend_schema(
        summary="Create an opening",
        description="A title and the job description, pasted (`description`, JSON or form) or as a PDF/DOCX `file` "
        "(multipart; checked like a resume upload, its text extracted). The requirements are parsed at once by the "
        "configured backend (local rules and the skills taxonomy, or the openai prompt `opening_requirements_v1`) "
        "and can be edited with PATCH.",
        request={"application/json": OpeningCreateSerializer, "multipart/form-data": OpeningCreateSerializer},
        responses={201: OpeningSerializer, 400: INVALID, 413: ErrorSerializer, 502: ErrorSerializer, 503: ErrorSerializer},
    )
    def create(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            raise Rejected("Validation error", "The body must be a JSON object")
        opening = opening_create(
            owner=request.user,
            title=request.data.get("title"),
            description=request.data.get("description", ""),
            uploaded=request.FILES.get("file"),
        )
        return Response(OpeningSerializer(opening).data, status=201)

    @extend_schema(summary="Read an opening", description="One of the caller's openings with its requirements.",
                   parameters=[OPENING_ID], responses={200: OpeningSerializer, 404: NOT_FOUND})  # fmt: skip
    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(OpeningSerializer(self._opening()).data)

    @extend_schema(
        summary="Edit an opening's requirements",
        description="Change the title and/or requirements; the requirement keys given replace the parsed ones "
        "(skills as lists of names, `min_years` a number or null, `degree_level` one of the levels or null). "
        "The opening is then marked `edited`; ranking uses the new requirements at once.",
        parameters=[OPENING_ID],
        request=OpeningPatchSerializer,
        responses={200: OpeningSerializer, 400: INVALID, 404: NOT_FOUND},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        opening = self._opening()
        if not isinstance(request.data, dict):
            raise Rejected("Validation error", "The body must be a JSON object")
        unknown = set(request.data) - {"title", "requirements"}
        if unknown:
            name = sorted(unknown)[0]
            raise Rejected("Validation error", f"Unknown or read-only field {name}", field=name)
        opening_update(opening=opening, title=request.data.get("title"), requirements=request.data.get("requirements"))
        return Response(OpeningSerializer(opening).data)

    @extend_schema(summary="Delete an opening", description="Removes the opening; candidates are untouched.",
                   parameters=[OPENING_ID], responses={204: None, 404: NOT_FOUND})  # fmt: skip
    def destroy(self, request: Request, pk: str) -> Response:
        opening_delete(opening=self._opening())
        return Response(status=204)

    @extend_schema(
        summary="Ranked shortlist for an opening",
        description="Every analysed candidate of the caller scored 0-100 against the opening, best first, the top "
        "`limit` answered: each score's parts (required and preferred skills with the resume passage each was found "
        "in, years, degree, similarity) with the line that explains it (docs/matching.md).",
        parameters=[OPENING_ID, SHORTLIST_LIMIT],
        responses={200: FitSerializer(many=True), 400: INVALID, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["get"])
    def shortlist(self, request: Request, pk: str) -> Response:
        ranked = shortlist(opening=self._opening(), limit=_limit(request))
        return Response([fit_body(item.fit, item.card, item.rank) for item in ranked])

    @extend_schema(
        summary="Export the shortlist",
        description="The shortlist as a CSV (UTF-8 with BOM; formula-like cells neutralised) or XLSX file "
        "(cells typed; text never a formula): rank, name, email, role, company, location, years, degree, score, "
        "matched and missing skills, similarity and the explanation.",
        parameters=[
            OPENING_ID,
            OpenApiParameter("type", str, enum=["csv", "xlsx"], required=True, description="File format"),
            SHORTLIST_LIMIT,
        ],
        responses={(200, "text/csv"): OpenApiTypes.BINARY, (200, CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY,
                   400: INVALID, 404: NOT_FOUND},  # fmt: skip
    )
    @action(detail=True, methods=["get"])
    def export(self, request: Request, pk: str) -> HttpResponse:
        opening = self._opening()
        kind = request.query_params.get("type", "")
        if kind not in CONTENT_TYPES:
            raise Rejected("Invalid type parameter", "type must be csv or xlsx", field="type")
        return shortlist_export(opening, kind, _limit(request))

    @extend_schema(
        summary="Compare candidates for an opening",
        description="2-4 of the caller's candidates (upload ids, `candidates=3,7`) with their fit to the opening, "
        "in the order given; `rank` is each one's place among all candidates.",
        parameters=[OPENING_ID, OpenApiParameter("candidates", str, required=True, description="2-4 upload ids, comma-separated")],
        responses={200: FitSerializer(many=True), 400: INVALID, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["get"])
    def compare(self, request: Request, pk: str) -> Response:
        opening = self._opening()
        ids = parse_upload_ids(request.query_params.getlist("candidates"))
        return Response([fit_body(item.fit, item.card, item.rank) for item in comparison(opening=opening, upload_ids=ids)])


router = routers.SimpleRouter(trailing_slash=False)
router.register("openings", OpeningViewSet, basename="api-opening")

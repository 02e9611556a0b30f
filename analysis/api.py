"""Analysis API (the seed's contract, scoped to the owner): start, jobs, delete-job, retry-job; and
the profile resource (ours): read, correct, list and restore versions (`router`)."""

import functools
import uuid

from django.http import HttpRequest, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import routers, viewsets
from rest_framework.decorators import action
from rest_framework.metadata import SimpleMetadata
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.hotpath import (
    AUTH_CTES,
    auth_params,
    correlated,
    hot_get,
    json_response,
    run_statement,
)
from accounts.models import User
from accounts.throttling import UserRateThrottle
from analysis.models import AnalysisJob
from analysis.profile_edits import (
    corrected_paths,
    parse_if_match,
    profile_edit,
    profile_restore,
    profile_versions,
)
from analysis.selectors import (
    api_refusals,
    completed_job_with_profile,
    job_for_owner,
    job_not_found,
    jobs_for_upload,
    parse_job_id,
    parse_upload_id,
    upload_for_owner,
)
from analysis.serializers import (
    JobActionSerializer,
    JobSerializer,
    JobStartedSerializer,
    ProfilePatchSerializer,
    ProfileSerializer,
    ProfileVersionSerializer,
)
from analysis.services import job_delete, job_retry, job_start
from resume_analyzer.api_errors import known_failure
from resume_analyzer.errors import NotFound, Rejected
from resume_analyzer.openapi import ErrorSerializer
from resume_analyzer.parsers import JSONParser
from uploads.models import Upload
from uploads.pagination import MAX_LIMIT, paginate

UPLOAD_ID = OpenApiParameter(
    "upload_id", {"type": "integer", "minimum": 1}, required=True, description="Id of the uploaded resume"
)
JOB_ID = OpenApiParameter("job_id", OpenApiTypes.UUID, required=True, description="Id of the analysis job")


class ExpensiveThrottle(UserRateThrottle):
    scope = "expensive"


def _upload(request: Request) -> Upload:
    """The caller's upload named by ?upload_id=; raises Rejected or NotFound with the seed's body."""
    raw = request.query_params.get("upload_id")
    upload_id = parse_upload_id(raw)
    if upload_id is None:
        message = (
            "upload_id must be a positive integer"
            if raw
            else "The upload_id query parameter is required"
        )
        raise Rejected("Invalid upload_id parameter", message, field="upload_id")
    upload = upload_for_owner(user=request.user, upload_id=upload_id)
    if upload is None:
        raise NotFound("Upload not found", "No upload with this id", upload_id=upload_id)
    return upload


def job_id_param(request: Request, *, title: str = "Invalid job_id parameter") -> uuid.UUID:
    """The ?job_id= UUID; raises Rejected (the export's seed body has a shorter `title`)."""
    raw = request.query_params.get("job_id")
    job_id = parse_job_id(raw)
    if job_id is None:
        message = "job_id must be a UUID" if raw else "The job_id query parameter is required"
        raise Rejected(title, message, field="job_id")
    return job_id


def _job(request: Request) -> AnalysisJob:
    job_id = job_id_param(request)
    job = job_for_owner(user=request.user, job_id=job_id)
    if job is None:
        raise job_not_found(job_id)
    return job


class StartView(APIView):
    throttle_classes = [UserRateThrottle, ExpensiveThrottle]

    @extend_schema(
        summary="Start analysing an uploaded resume",
        description="Queues an analysis job for one of the caller's uploads and answers at once (202); "
        "follow it with `GET /api/analysis/jobs` or the `/ws` job updates. Each upload may be analysed "
        "again; every run is its own job.",
        parameters=[UPLOAD_ID],
        request=None,
        responses={202: JobStartedSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        job = job_start(upload=_upload(request))
        body = {
            "job_id": str(job.id),
            "status": job.status,
            "message": "Analysis job started successfully",
        }
        return Response(body, status=202)


class JobsView(APIView):
    @extend_schema(
        summary="List an upload's analysis jobs",
        description="Every analysis job of one of the caller's uploads, newest first, with status "
        "(`queued`, `extracting_text`, `ocr` (scanned pages only), `chunking`, `generating_embeddings`, `analyzing`, "
        "`completed`, `failed`), progress (0-100), the current step, for a failed job its error message, and the "
        "document's `warnings` (hidden text, lines addressed to an AI, pages read by OCR).",
        parameters=[UPLOAD_ID],
        responses={200: JobSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(JobSerializer(jobs_for_upload(upload=_upload(request)), many=True).data)


# The poll endpoint's fast path (accounts/hotpath.py): token, rate limit, the upload's ownership
# and its jobs in one statement; the rows become the same JSON through JobSerializer's own fields.
_USER_SENTINEL = -(2**62) + 17
_UPLOAD_SENTINEL = -(2**62) + 19


@functools.cache
def _job_serializer() -> JobSerializer:
    return JobSerializer()


@functools.cache
def _jobs_statement() -> tuple[str, dict, list[str]] | None:
    """The statement, its fixed parameters and the job columns it reads (those JobSerializer's
    fields read); None when a field reads something other than a column (the DRF path serves)."""
    concrete = AnalysisJob._meta.concrete_fields
    by_name = {**{field.name: field for field in concrete}, **{field.attname: field for field in concrete}}
    sources = [field.source for field in _job_serializer().fields.values()]
    if not all(source in by_name for source in sources):
        return None
    read = {by_name[source].attname for source in sources}
    # In the model's field order: Model.from_db takes the values so.
    columns = [field.attname for field in AnalysisJob._meta.concrete_fields if field.attname in read]
    owned_sql, owned_params = correlated(
        Upload.objects.for_owner(User(pk=_USER_SENTINEL)).filter(id=_UPLOAD_SENTINEL).values("id"),
        {_USER_SENTINEL: "(SELECT user_id FROM auth)", _UPLOAD_SENTINEL: "%(upload_id)s"},
        "owned",
    )
    order = ["-created_at", "-id"]  # as jobs_for_upload
    jobs = AnalysisJob.objects.filter(upload_id=_UPLOAD_SENTINEL).order_by(*order)
    jobs_sql, jobs_params = correlated(
        jobs.values_list(*dict.fromkeys([*columns, "created_at", "id"])),
        {_UPLOAD_SENTINEL: "(SELECT id FROM owned)"},
        "jobs",
    )
    outer_order = ", ".join(f'jobs."{name.lstrip("-")}" DESC' for name in order)
    select = ", ".join(f'jobs."{AnalysisJob._meta.get_field(name).column}"' for name in columns)
    sql = (
        f"WITH {AUTH_CTES}, owned AS ({owned_sql}), jobs AS ({jobs_sql}) "
        f"SELECT auth.user_id, auth.allowed, (SELECT id FROM owned), {select} "
        f"FROM auth LEFT JOIN jobs ON true ORDER BY {outer_order}"
    )
    return sql, {**owned_params, **jobs_params}, columns


def jobs_fast(request: HttpRequest, key_hash: str) -> HttpResponse | None:
    statement = _jobs_statement()
    upload_id = parse_upload_id(request.GET.get("upload_id"))
    params = auth_params(key_hash)
    if statement is None or upload_id is None or params is None or len(request.GET) != 1:
        return None
    sql, fixed, columns = statement
    rows = run_statement(sql, {**params, **fixed, "upload_id": upload_id})
    if not rows or not rows[0][1]:
        return None  # unknown token, or over the rate: the DRF path refuses it (401, 429)
    if rows[0][2] is None:
        status, body = known_failure(NotFound("Upload not found", "No upload with this id", upload_id=upload_id))
        return json_response(body, status=status)
    serializer = _job_serializer()
    data = []
    for row in rows:
        if row[3] is None:  # no job: the LEFT JOIN's one empty row
            continue
        data.append(serializer.to_representation(AnalysisJob.from_db("default", columns, row[3:])))
    return json_response(data)


jobs_view = hot_get(JobsView.as_view(), jobs_fast)


class DeleteJobView(APIView):
    @extend_schema(
        summary="Delete an analysis job",
        description="Deletes one of the caller's jobs with its profile, chunks and exports. A job still "
        "running cannot be deleted (400 `Cannot delete job` with `current_status`).",
        parameters=[JOB_ID],
        responses={200: JobActionSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def delete(self, request: Request) -> Response:
        job = _job(request)
        job_delete(job=job)  # JobGone: the 404 above; JobNotStartable: 400 with current_status
        return Response(
            {"success": True, "message": "Job deleted successfully", "job_id": str(job.id)}
        )


class RetryJobView(APIView):
    throttle_classes = [UserRateThrottle, ExpensiveThrottle]

    @extend_schema(
        summary="Retry a failed analysis job",
        description="Queues a failed job again from the start (202). Only failed jobs can be retried "
        "(400 `Cannot retry job`, naming the current status).",
        parameters=[JOB_ID],
        request=None,
        responses={202: JobActionSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        job = job_retry(job=_job(request))
        body = {
            "success": True,
            "message": "Job retry started successfully",
            "job_id": str(job.id),
            "status": job.status,
        }
        return Response(body, status=202)


# --- the profile resource: /api/profiles/<job_id> --------------------------------------------------

PROFILE_REFUSALS = api_refusals(needs="Only completed analysis jobs have a profile", name_job_id=True)
PROFILE_JOB_ID = OpenApiParameter("job_id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="Id of the analysis job")
IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER,
    description='The version the change is based on (the ETag, e.g. `"3"`); a stale one is refused with 409',
)  # fmt: skip
VERSION_NUMBER = OpenApiParameter("number", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH)
NOT_FOUND_PROFILE = OpenApiResponse(
    ErrorSerializer, description="`Job not found` (missing or another user's), `Profile not found`, `Version not found`"
)
CONFLICT = OpenApiResponse(ErrorSerializer, description="`Profile changed`: If-Match names an older version (`version` is the current one)")
INVALID = OpenApiResponse(
    ErrorSerializer,
    description="`Validation error` naming the `field` (wrong type, unknown or read-only field), `Malformed request body`, "
    "`Invalid If-Match header`, or `Analysis not yet completed` (+`current_status`, `progress`)",
)


class MergePatchParser(JSONParser):
    media_type = "application/merge-patch+json"


def profile_body(job: AnalysisJob) -> dict:
    """The JSON export's fields (typed, every key present), the evidence, each evidence path's
    confidence, the paths people corrected since the last analysis, the version and its time."""
    profile = job.profile
    data = profile.data
    evidence = [item.model_dump(mode="json") for item in data.evidence]
    confidence: dict[str, float] = {}
    for item in data.evidence:
        confidence.setdefault(item.field, item.confidence)
    return {
        "job_id": str(job.id),
        **data.model_dump(mode="json", exclude={"evidence"}),
        "evidence": evidence,
        "confidence": confidence,
        "corrected": corrected_paths(profile),
        "version": profile.version,
        "updated_at": profile.updated_at,
        "warnings": job.warnings or [],
    }


def _profile_response(job: AnalysisJob) -> Response:
    return Response(profile_body(job), headers={"ETag": f'"{job.profile.version}"'})


class _DescribeWithoutSerializer(SimpleMetadata):
    """OPTIONS for a view with no serializer_class: name, description and media types, no `actions`
    (SimpleMetadata asks for a serializer when POST is allowed, an AssertionError: a 500)."""

    def determine_actions(self, request, view) -> dict:
        return {}


class ProfileViewSet(viewsets.GenericViewSet):
    """A completed job's profile: read it, correct it (each change a version), list and restore
    versions. analysis/profile_edits.py does the work."""

    metadata_class = _DescribeWithoutSerializer
    lookup_field = "job_id"
    lookup_value_regex = "[0-9a-fA-F-]{32,36}"
    parser_classes = [JSONParser, MergePatchParser]

    def _job(self) -> AnalysisJob:
        job_id = parse_job_id(self.kwargs["job_id"])
        if job_id is None:
            raise job_not_found()
        return completed_job_with_profile(user=self.request.user, job_id=job_id, refusals=PROFILE_REFUSALS)

    def _reloaded(self, job: AnalysisJob) -> Response:
        job.profile.refresh_from_db()
        return _profile_response(job)

    @extend_schema(
        summary="Read a candidate profile",
        description="The profile of one of the caller's completed analyses: the JSON export's fields (every key "
        "present), `evidence` (where each value was found in the resume), `confidence` per evidence path and "
        "`version`, which is also the `ETag`.",
        parameters=[PROFILE_JOB_ID],
        responses={200: ProfileSerializer, 400: INVALID, 404: NOT_FOUND_PROFILE},
    )
    def retrieve(self, request: Request, job_id: str) -> Response:
        return _profile_response(self._job())

    @extend_schema(
        summary="Correct a candidate profile",
        description="A partial profile as a JSON merge patch (RFC 7396): objects merge by key, `null` removes a key, "
        "lists replace. Validated by the typed profile; a bad value or unknown field is refused (400) naming the "
        "`field`, a stale `If-Match` with 409. A change is a new version (who, when, which fields); evidence of an "
        "edited value is dropped unless it still matches. Exports, the Q&A bank and chat use the new values at once. "
        "A patch that changes nothing makes no version.",
        parameters=[PROFILE_JOB_ID, IF_MATCH],
        request=ProfilePatchSerializer,
        responses={200: ProfileSerializer, 400: INVALID, 404: NOT_FOUND_PROFILE, 409: CONFLICT},
    )
    def partial_update(self, request: Request, job_id: str) -> Response:
        job = self._job()
        expected = parse_if_match(request.headers.get("If-Match"))
        profile_edit(job=job, author=request.user, changes=request.data, expected_version=expected)
        return self._reloaded(job)

    @extend_schema(
        summary="List a profile's versions",
        description="Every version of the profile, newest first, as a JSON array: its number, whether the analysis, "
        "an edit, a restore or a re-analysis (`carried`) made it, who, when and which fields it changed. Without "
        "`limit` and `offset` all of them; with either, one page and a `Link` header to the neighbouring pages.",
        parameters=[
            PROFILE_JOB_ID,
            OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                             description=f"Page size (1-{MAX_LIMIT}); the body stays a JSON array"),
            OpenApiParameter("offset", {"type": "integer", "minimum": 0}, description="Versions to skip"),
            OpenApiParameter("X-Total-Count", int, OpenApiParameter.HEADER, response=True,
                             description="How many versions the profile has"),
            OpenApiParameter("Link", str, OpenApiParameter.HEADER, response=[200],
                             description="RFC 8288 first/prev/next/last links when limit or offset is given"),
        ],  # fmt: skip
        responses={200: ProfileVersionSerializer(many=True), 400: INVALID, 404: NOT_FOUND_PROFILE},
    )
    @action(detail=True, methods=["get"], url_path="versions")
    def versions(self, request: Request, job_id: str) -> Response:
        page = paginate(request, profile_versions(profile=self._job().profile))
        return Response(ProfileVersionSerializer(page.items, many=True).data, headers=page.headers)

    @extend_schema(
        summary="Restore a profile version",
        description="Makes an earlier version the current profile again, with its evidence, as a new version "
        "(`source: restore`, `restored_from`). Answers the profile as it now is.",
        parameters=[PROFILE_JOB_ID, VERSION_NUMBER, IF_MATCH],
        request=None,
        responses={200: ProfileSerializer, 400: INVALID, 404: NOT_FOUND_PROFILE, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path=r"versions/(?P<number>[0-9]{1,9})/restore")
    def restore(self, request: Request, job_id: str, number: str) -> Response:
        job = self._job()
        expected = parse_if_match(request.headers.get("If-Match"))
        profile_restore(job=job, author=request.user, number=int(number), expected_version=expected)
        return self._reloaded(job)


router = routers.SimpleRouter(trailing_slash=False)
router.register("profiles", ProfileViewSet, basename="api-profile")

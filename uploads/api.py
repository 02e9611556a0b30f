"""Upload API: POST /api/upload and GET /api/uploads (the seed's contract, scoped to the owner,
with the candidate fields, sorting, filters and grouping of uploads.listing added), and the
uploads resource on `router`: DELETE /api/uploads/<id> and POST /api/uploads/batch."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import parsers, routers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import UserRateThrottle
from resume_analyzer.openapi import ErrorSerializer
from resume_analyzer.parsers import JSONParser
from uploads import listing
from uploads.batch import MAX_BATCH_FILES, BatchItem, batch_upload
from uploads.hooks import analysis_start
from uploads.models import Upload
from uploads.pagination import MAX_LIMIT, paginate
from uploads.parsers import StrictMultiPartParser, read_upload, read_uploads
from uploads.services import upload_create, upload_delete, upload_not_found


class UploadThrottle(UserRateThrottle):
    scope = "expensive"


class UploadSerializer(serializers.ModelSerializer):
    class Meta:
        model = Upload
        fields = ["id", "filename", "linkedin_url", "file_size", "upload_date"]


class UploadListItemSerializer(UploadSerializer):
    """The seed's fields, then ours: the file's kind and hash, its candidate (uploads.listing) and
    the fields the listing extensions add (analysis: name, role, employer, years, skills...)."""

    candidate_id = serializers.IntegerField(read_only=True, help_text="The candidate's id: its oldest upload's id")
    is_latest_version = serializers.BooleanField(read_only=True, help_text="The candidate's newest upload")
    versions = serializers.ListField(child=serializers.IntegerField(), read_only=True,
                                     help_text="All uploads of this candidate, newest first (this one included)")

    class Meta(UploadSerializer.Meta):
        fields = [*UploadSerializer.Meta.fields, "kind", "sha256", "candidate_id", "is_latest_version", "versions"]

    def get_fields(self):
        found = super().get_fields()
        for extension in listing.extensions():
            found.update(extension.fields())
        return found


class AnalysisStartedSerializer(serializers.Serializer):
    job_id = serializers.UUIDField()
    status = serializers.CharField(help_text="`queued`")


class UploadCreatedSerializer(UploadSerializer):
    analysis = AnalysisStartedSerializer(read_only=True, help_text="Only with ?analyze=true: the job started")

    class Meta(UploadSerializer.Meta):
        fields = [*UploadSerializer.Meta.fields, "analysis"]


TooLargeSerializer = inline_serializer(
    name="FileTooLarge", fields={"error": serializers.CharField(), "max_size_mb": serializers.IntegerField()}
)
DuplicateSerializer = inline_serializer(
    name="DuplicateUpload",
    fields={"error": serializers.CharField(help_text="`Duplicate upload`"), "message": serializers.CharField(),
            "upload_id": serializers.IntegerField(help_text="The upload that already holds this file")},
)
UploadRequestSerializer = inline_serializer(
    name="UploadRequest",
    fields={"file": serializers.FileField(), "linkedin_url": serializers.URLField(required=False)},
)
BatchRequestSerializer = inline_serializer(
    name="UploadBatchRequest",
    fields={"files": serializers.ListField(child=serializers.FileField(),
                                           help_text=f"1-{MAX_BATCH_FILES} files: PDF, DOC, DOCX or .zip of them")},
)
class BatchItemSerializer(serializers.Serializer):
    filename = serializers.CharField()
    archive = serializers.CharField(allow_null=True, help_text="The .zip the file came from, if any")
    member = serializers.CharField(allow_null=True, help_text="Its path inside that .zip")
    status = serializers.IntegerField(help_text="What a single upload of it would answer: 201, 400, 409, 413")
    upload = UploadSerializer(allow_null=True)
    analysis = AnalysisStartedSerializer(allow_null=True)
    error = serializers.CharField(allow_null=True)
    message = serializers.CharField(allow_null=True)
    upload_id = serializers.IntegerField(required=False, help_text="409: the existing upload")

    class Meta:
        ref_name = "UploadBatchItem"


class BatchResultSerializer(serializers.Serializer):
    results = BatchItemSerializer(many=True)
    stored = serializers.IntegerField(help_text="How many files were stored")
    failed = serializers.IntegerField(help_text="How many were refused or duplicates")

    class Meta:
        ref_name = "UploadBatchResult"


DeletedSerializer = inline_serializer(
    name="UploadDeleted",
    fields={"success": serializers.BooleanField(), "message": serializers.CharField(),
            "upload_id": serializers.IntegerField()},
)
ANALYZE = OpenApiParameter(
    "analyze", {"type": "boolean"}, description="true: start the analysis of each stored file in the same request"
)


def wants_analysis(request: Request) -> bool:
    return listing.parse_bool(request.query_params, "analyze", False)


def item_body(item: BatchItem) -> dict:
    body = {
        "filename": item.filename, "archive": item.archive, "member": item.member, "status": item.status,
        "upload": UploadSerializer(item.upload).data if item.upload else None, "analysis": item.analysis,
        "error": None, "message": None,
    }
    if item.error is not None:
        body.update(error=item.error.error, message=item.error.message, **item.error.extra)
    return body


class UploadCreateView(APIView):
    # JSON and urlencoded bodies are accepted only to answer "No file uploaded" clearly.
    parser_classes = [StrictMultiPartParser, parsers.FormParser, JSONParser]
    throttle_classes = [UserRateThrottle, UploadThrottle]

    @extend_schema(
        summary="Upload a resume",
        description="A multipart form with `file` (PDF, DOC or DOCX, at most 10 MB) and an optional "
        "`linkedin_url`. The extension, the declared type and the file's own signature must agree "
        "(400 `Invalid file type`); damaged files are 400 `Corrupt file`, zip bombs, XML entities and "
        "macros 400 `Unsafe file`, and a body over the limit 413 before it is read. A file the caller "
        "already uploaded (the same bytes, by sha256) is not stored again: 409 `Duplicate upload` naming "
        "the existing `upload_id`. With `?analyze=true` the analysis starts at once (`analysis` in the body).",
        parameters=[ANALYZE],
        request={"multipart/form-data": UploadRequestSerializer},
        responses={201: UploadCreatedSerializer, 400: ErrorSerializer, 409: DuplicateSerializer,
                   413: TooLargeSerializer},
    )
    def post(self, request: Request) -> Response:
        analyze = wants_analysis(request)
        incoming = read_upload(request)
        upload = upload_create(owner=request.user, uploaded_file=incoming.file, linkedin_url=incoming.linkedin_url)
        body = UploadSerializer(upload).data
        if analyze and (started := analysis_start(upload)) is not None:
            body["analysis"] = started
        return Response(body, status=status.HTTP_201_CREATED)


class UploadListSchema(AutoSchema):
    def get_override_parameters(self):
        found = [
            OpenApiParameter(item["name"], item["schema"], OpenApiParameter.QUERY, description=item["description"])
            for item in listing.openapi_parameters()
        ]
        return [*super().get_override_parameters(), *found]


class UploadListView(APIView):
    schema = UploadListSchema()

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                             description=f"Page size (1-{MAX_LIMIT}); the body stays a JSON array"),
            OpenApiParameter("offset", {"type": "integer", "minimum": 0},
                             description="Items to skip; see the Link and X-Total-Count headers"),
            OpenApiParameter("X-Total-Count", int, OpenApiParameter.HEADER, response=True,
                             description="How many uploads match in all"),
            OpenApiParameter("Link", str, OpenApiParameter.HEADER, response=[200],
                             description='RFC 8288 first/prev/next/last links when limit or offset is given'),
        ],
        responses={200: UploadListItemSerializer(many=True), 400: ErrorSerializer},
        summary="List your uploaded resumes",
        description="The caller's uploads, newest first, as a JSON array: the seed's fields, then who the "
        "candidate is (from the latest completed analysis), the analysis status, and the grouping of "
        "uploads of one person (same email or phone, or same name with an employer in common) as versions "
        "of one candidate (`candidate_id`, `versions`, `is_latest_version`; `latest=true` lists each "
        "candidate once). `sort` and the filters narrow and order it. Without `limit` and `offset` all "
        "matches; with either, one page, and a `Link` header to the neighbouring pages.",
    )
    def get(self, request: Request) -> Response:
        found = listing.upload_list(request.user, request.query_params)
        page = paginate(request, found.queryset)
        rows = listing.rows_decorate(page.items, found.grouping)
        return Response(UploadListItemSerializer(rows, many=True).data, headers=page.headers)


class UploadViewSet(viewsets.ViewSet):
    """The uploads resource beyond the seed's two routes."""

    lookup_value_regex = "[0-9]+"
    parser_classes = [StrictMultiPartParser, parsers.FormParser, JSONParser]

    def get_throttles(self):
        throttles = [UserRateThrottle()]
        if self.action == "batch":
            throttles.append(UploadThrottle())
        return throttles

    @extend_schema(
        summary="Delete a resume",
        description="Deletes the upload and everything made from it: the stored file, its analysis jobs with "
        "their chunks, profiles and versions, Q&A bank, kept exports, interview question sets and chat "
        "history. Saved questions stay in the library, unlinked and marked `resume_deleted`. Another "
        "user's upload answers 404 like a missing one.",
        responses={200: DeletedSerializer, 404: ErrorSerializer},
    )
    def destroy(self, request: Request, pk: str) -> Response:
        upload_id = int(pk) if len(pk) <= 19 else 0
        if not 0 < upload_id < 2**63:
            raise upload_not_found(upload_id)  # an integer, as the schema says
        upload_delete(owner=request.user, upload_id=upload_id)
        return Response({"success": True, "message": "Upload deleted", "upload_id": upload_id})

    @extend_schema(
        summary="Upload several resumes",
        description=f"A multipart form with 1-{MAX_BATCH_FILES} files (any field name, e.g. `files` repeated): "
        "PDF, DOC, DOCX, or .zip archives of them (up to 200 resumes each; nested archives, paths leaving the "
        "archive, encrypted members and zip bombs are refused). Every file, and every member of a zip, is "
        "checked and stored exactly as `POST /api/upload` would, on its own: the answer is 207 with one "
        "result per file, its `status` what a single upload would have answered (201, 400, 409 `Duplicate "
        "upload` with `upload_id`, 413). The whole body is held to the upload limit (10 MB), refused with "
        "413 before it is read. `?analyze=true` starts each stored file's analysis.",
        parameters=[ANALYZE],
        request={"multipart/form-data": BatchRequestSerializer},
        responses={207: BatchResultSerializer, 400: ErrorSerializer, 413: ErrorSerializer},
    )
    @action(detail=False, methods=["post"])
    def batch(self, request: Request) -> Response:
        analyze = wants_analysis(request)
        incoming = read_uploads(request, max_files=MAX_BATCH_FILES)
        items = batch_upload(owner=request.user, files=incoming.files, analyze=analyze)
        results = [item_body(item) for item in items]
        stored = sum(1 for item in items if item.upload is not None)
        return Response({"results": results, "stored": stored, "failed": len(items) - stored},
                        status=status.HTTP_207_MULTI_STATUS)


router = routers.SimpleRouter(trailing_slash=False)
router.register("uploads", UploadViewSet, basename="api-uploads-resource")

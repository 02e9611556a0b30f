"""Upload API: POST /api/upload and GET /api/uploads (the seed's contract, scoped to the owner)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import parsers, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import UserRateThrottle
from resume_analyzer.openapi import ErrorSerializer
from resume_analyzer.parsers import JSONParser
from uploads.models import Upload
from uploads.pagination import MAX_LIMIT, paginate
from uploads.parsers import StrictMultiPartParser, read_upload
from uploads.services import upload_create


class UploadThrottle(UserRateThrottle):
    scope = "expensive"


class UploadSerializer(serializers.ModelSerializer):
    class Meta:
        model = Upload
        fields = ["id", "filename", "linkedin_url", "file_size", "upload_date"]


TooLargeSerializer = inline_serializer(
    name="FileTooLarge", fields={"error": serializers.CharField(), "max_size_mb": serializers.IntegerField()}
)
UploadRequestSerializer = inline_serializer(
    name="UploadRequest",
    fields={"file": serializers.FileField(), "linkedin_url": serializers.URLField(required=False)},
)


class UploadCreateView(APIView):
    # JSON and urlencoded bodies are accepted only to answer "No file uploaded" clearly.
    parser_classes = [StrictMultiPartParser, parsers.FormParser, JSONParser]
    throttle_classes = [UserRateThrottle, UploadThrottle]

    @extend_schema(
        summary="Upload a resume",
        description="A multipart form with `file` (PDF, DOC or DOCX, at most 10 MB) and an optional "
        "`linkedin_url`. The extension, the declared type and the file's own signature must agree "
        "(400 `Invalid file type`); damaged files are 400 `Corrupt file`, zip bombs, XML entities and "
        "macros 400 `Unsafe file`, and a body over the limit 413 before it is read.",
        request={"multipart/form-data": UploadRequestSerializer},
        responses={201: UploadSerializer, 400: ErrorSerializer, 413: TooLargeSerializer},
    )
    def post(self, request: Request) -> Response:
        incoming = read_upload(request)
        upload = upload_create(owner=request.user, uploaded_file=incoming.file, linkedin_url=incoming.linkedin_url)
        return Response(UploadSerializer(upload).data, status=status.HTTP_201_CREATED)


class UploadListView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                             description=f"Page size (1-{MAX_LIMIT}); the body stays a JSON array"),
            OpenApiParameter("offset", {"type": "integer", "minimum": 0},
                             description="Items to skip; see the Link and X-Total-Count headers"),
            OpenApiParameter("X-Total-Count", int, OpenApiParameter.HEADER, response=True,
                             description="How many uploads the caller has in all"),
            OpenApiParameter("Link", str, OpenApiParameter.HEADER, response=[200],
                             description='RFC 8288 first/prev/next/last links when limit or offset is given'),
        ],
        responses={200: UploadSerializer(many=True), 400: ErrorSerializer},
        summary="List your uploaded resumes",
        description="The caller's uploads, newest first, as a JSON array. Without `limit` and `offset` "
        "all of them; with either, one page, and a `Link` header to the neighbouring pages.",
    )
    def get(self, request: Request) -> Response:
        page = paginate(request, Upload.objects.for_owner(request.user))
        return Response(UploadSerializer(page.items, many=True).data, headers=page.headers)

"""Analysis API (the seed's contract, scoped to the owner): start, jobs, delete-job, retry-job."""

import uuid

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import UserRateThrottle
from analysis.models import AnalysisJob
from analysis.selectors import (
    job_for_owner,
    job_not_found,
    jobs_for_upload,
    parse_job_id,
    parse_upload_id,
    upload_for_owner,
)
from analysis.serializers import JobActionSerializer, JobSerializer, JobStartedSerializer
from analysis.services import job_delete, job_retry, job_start
from resume_analyzer.errors import NotFound, Rejected
from resume_analyzer.openapi import ErrorSerializer
from uploads.models import Upload

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
        "(`queued`, `extracting_text`, `chunking`, `generating_embeddings`, `analyzing`, `completed`, "
        "`failed`), progress (0-100), the current step and, for a failed job, its error message.",
        parameters=[UPLOAD_ID],
        responses={200: JobSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(JobSerializer(jobs_for_upload(upload=_upload(request)), many=True).data)


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

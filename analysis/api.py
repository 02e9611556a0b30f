"""Analysis API (the seed's contract, scoped to the owner): start, jobs, delete-job, retry-job."""

import uuid

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import UserRateThrottle
from analysis.selectors import (
    job_for_owner,
    jobs_for_upload,
    parse_job_id,
    parse_upload_id,
    upload_for_owner,
)
from analysis.serializers import JobActionSerializer, JobSerializer, JobStartedSerializer
from analysis.services import JobGone, JobNotStartable, job_delete, job_retry, job_start
from resume_analyzer.api_errors import error_response
from resume_analyzer.openapi import ErrorSerializer

UPLOAD_ID = OpenApiParameter(
    "upload_id", int, required=True, description="Id of the uploaded resume"
)
JOB_ID = OpenApiParameter("job_id", str, required=True, description="UUID of the analysis job")


class ExpensiveThrottle(UserRateThrottle):
    scope = "expensive"


def _upload_or_error(request: Request):
    """(upload, None) for the caller's upload, else (None, the seed's 400/404 response)."""
    raw = request.query_params.get("upload_id")
    upload_id = parse_upload_id(raw)
    if upload_id is None:
        message = (
            "upload_id must be a positive integer"
            if raw
            else "The upload_id query parameter is required"
        )
        return None, error_response(400, "Invalid upload_id parameter", message, field="upload_id")
    upload = upload_for_owner(user=request.user, upload_id=upload_id)
    if upload is None:
        return None, error_response(
            404, "Upload not found", "No upload with this id", upload_id=upload_id
        )
    return upload, None


def job_not_found(job_id: uuid.UUID) -> Response:
    """The 404 for a job that is missing, another user's, or deleted meanwhile (all look alike)."""
    return error_response(404, "Job not found", "No analysis job with this id", job_id=str(job_id))


def _job_or_error(request: Request):
    raw = request.query_params.get("job_id")
    job_id = parse_job_id(raw)
    if job_id is None:
        message = "job_id must be a UUID" if raw else "The job_id query parameter is required"
        return None, error_response(400, "Invalid job_id parameter", message, field="job_id")
    job = job_for_owner(user=request.user, job_id=job_id)
    if job is None:
        return None, job_not_found(job_id)
    return job, None


class StartView(APIView):
    throttle_classes = [UserRateThrottle, ExpensiveThrottle]

    @extend_schema(
        parameters=[UPLOAD_ID],
        request=None,
        responses={202: JobStartedSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        upload, error = _upload_or_error(request)
        if error:
            return error
        job = job_start(upload=upload)
        body = {
            "job_id": str(job.id),
            "status": job.status,
            "message": "Analysis job started successfully",
        }
        return Response(body, status=202)


class JobsView(APIView):
    @extend_schema(
        parameters=[UPLOAD_ID],
        responses={200: JobSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        upload, error = _upload_or_error(request)
        if error:
            return error
        return Response(JobSerializer(jobs_for_upload(upload=upload), many=True).data)


class DeleteJobView(APIView):
    @extend_schema(
        parameters=[JOB_ID],
        responses={200: JobActionSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def delete(self, request: Request) -> Response:
        job, error = _job_or_error(request)
        if error:
            return error
        try:
            job_delete(job=job)
        except JobGone:
            return job_not_found(job.id)
        except JobNotStartable as exc:
            return error_response(400, "Cannot delete job", str(exc), current_status=job.status)
        return Response(
            {"success": True, "message": "Job deleted successfully", "job_id": str(job.id)}
        )


class RetryJobView(APIView):
    throttle_classes = [UserRateThrottle, ExpensiveThrottle]

    @extend_schema(
        parameters=[JOB_ID],
        request=None,
        responses={202: JobActionSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        job, error = _job_or_error(request)
        if error:
            return error
        try:
            job = job_retry(job=job)
        except JobGone:
            return job_not_found(job.id)
        except JobNotStartable as exc:
            return error_response(400, "Cannot retry job", str(exc))
        body = {
            "success": True,
            "message": "Job retry started successfully",
            "job_id": str(job.id),
            "status": job.status,
        }
        return Response(body, status=202)

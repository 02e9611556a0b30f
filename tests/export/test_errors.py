"""Every bad request gets the seed's error body; other users' jobs look exactly like missing ones."""

import uuid

import pytest

from analysis.models import JobStatus

URL = "/api/analysis/export"


def get(client, job_id, fmt="json"):
    params = {"format": fmt}
    if job_id is not None:
        params["job_id"] = str(job_id)
    return client.get(URL, params)


@pytest.mark.parametrize("fmt", ["xml", "", "pdf;", "../json"])
def test_invalid_format(api, job, fmt):
    response = get(api, job.id, fmt)
    assert response.status_code == 400
    assert response.json() == {
        "error": "Invalid format",
        "message": "Supported formats: json, csv, pdf, docx",
        "field": "format",
    }


def test_missing_format(api, job):
    response = api.get(URL, {"job_id": str(job.id)})
    assert response.status_code == 400
    assert response.json()["error"] == "Invalid format"


@pytest.mark.parametrize("job_id, message", [
    (None, "The job_id query parameter is required"),
    ("", "The job_id query parameter is required"),
    ("not-a-uuid", "job_id must be a UUID"),
    ("123", "job_id must be a UUID"),
])
def test_missing_or_malformed_job_id(api, job_id, message):
    response = get(api, job_id)
    assert response.status_code == 400
    assert response.json() == {"error": "Invalid job_id", "message": message, "field": "job_id"}


def test_unknown_job(api):
    missing = uuid.uuid4()
    response = get(api, missing)
    assert response.status_code == 404
    assert response.json() == {"error": "Job not found", "message": "No analysis job with this id", "job_id": str(missing)}


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "docx"])
def test_outsider_gets_the_missing_job_answer(outsider_api, job, fmt):
    response = get(outsider_api, job.id, fmt)
    assert response.status_code == 404
    assert response.json() == {"error": "Job not found", "message": "No analysis job with this id", "job_id": str(job.id)}


def test_anonymous_is_refused(anon_api, job):
    response = get(anon_api, job.id)
    assert response.status_code == 401
    assert response.json()["error"] == "Authentication required"


def test_invalid_token_is_refused(anon_api, job):
    anon_api.credentials(HTTP_AUTHORIZATION="Bearer not-a-real-token")
    response = get(anon_api, job.id)
    assert response.status_code == 401


@pytest.mark.parametrize("status, progress", [
    (JobStatus.QUEUED, 0),
    (JobStatus.EXTRACTING_TEXT, 10),
    (JobStatus.ANALYZING, 70),
    (JobStatus.FAILED, 30),
])
def test_unfinished_job(api, make_job, owner, status, progress):
    job = make_job(owner, status=status, profile=None)
    response = get(api, job.id, "pdf")
    assert response.status_code == 400
    assert response.json() == {
        "error": "Analysis not yet completed",
        "message": "Only completed analysis jobs can be exported",
        "current_status": status.value,
        "progress": progress,
    }


def test_outsider_cannot_learn_status_of_unfinished_job(outsider_api, make_job, owner):
    job = make_job(owner, status=JobStatus.ANALYZING, profile=None)
    assert get(outsider_api, job.id).status_code == 404


def test_completed_job_without_profile(api, make_job, owner):
    job = make_job(owner, profile=None)
    response = get(api, job.id, "docx")
    assert response.status_code == 404
    assert response.json() == {"error": "Profile not found", "message": "No analysis results available for this job"}


def test_post_is_not_allowed(api, job):
    response = api.post(f"{URL}?job_id={job.id}&format=json")
    assert response.status_code == 405
    assert response.json()["error"] == "Method not allowed"

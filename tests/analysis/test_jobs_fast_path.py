"""The poll endpoint's fast path (accounts/hotpath.py, analysis/api.py jobs_fast): one statement
for token, rate limit, ownership and rows, answering exactly what the DRF view answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import ApiToken, RateLimit
from accounts.throttling import GcraRateThrottle
from analysis.models import AnalysisJob, JobStatus
from tests.analysis.conftest import store_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload(owner):
    upload = store_upload(owner)
    AnalysisJob.objects.create(upload=upload, owner=owner, status=JobStatus.COMPLETED, progress=100,
                               completed_at=timezone.now())  # fmt: skip
    AnalysisJob.objects.create(upload=upload, owner=owner, status=JobStatus.FAILED, progress=20,
                               error_message="Text extraction failed: bad file")  # fmt: skip
    AnalysisJob.objects.create(upload=upload, owner=owner, status=JobStatus.ANALYZING, progress=75,
                               current_step="Analyzing resume")  # fmt: skip
    return upload


def drf(api, upload_id) -> object:
    """The same request down the DRF view: a second query parameter makes the fast path decline."""
    return api.get(f"/api/analysis/jobs?upload_id={upload_id}&via=drf")


def test_fast_path_answers_in_one_statement_with_the_drf_views_body(api, upload, django_assert_num_queries):
    slow = drf(api, upload.id)
    with django_assert_num_queries(1):
        fast = api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    assert fast.status_code == slow.status_code == 200
    assert fast.json() == slow.json()
    assert [job["status"] for job in fast.json()] == ["analyzing", "failed", "completed"]  # newest first
    assert fast["Content-Type"] == slow["Content-Type"] == "application/json"


def test_an_upload_without_jobs_is_an_empty_list(api, owner, django_assert_num_queries):
    empty = store_upload(owner, name="empty.pdf", data=b"%PDF-1.4 empty")
    with django_assert_num_queries(1):
        assert api.get(f"/api/analysis/jobs?upload_id={empty.id}").json() == []


def test_another_users_upload_is_the_drf_views_404(outsider_api, upload, django_assert_num_queries):
    with django_assert_num_queries(1):
        fast = outsider_api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    slow = drf(outsider_api, upload.id)
    assert fast.status_code == slow.status_code == 404
    assert fast.json() == slow.json() == {"error": "Upload not found", "message": "No upload with this id", "upload_id": upload.id}


@pytest.mark.parametrize("change", ["revoked", "expired", "inactive user"])
def test_a_dead_token_is_refused_as_before(api, owner, upload, change):
    token = ApiToken.objects.get(user=owner)
    if change == "revoked":
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    elif change == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        type(owner).objects.filter(pk=owner.pk).update(is_active=False)
    response = api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    assert response.status_code == 401 and response.json()["error"] == "Authentication required"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_the_rate_limit_is_the_users_one_and_counts_each_request_once(api, owner, upload, monkeypatch):
    monkeypatch.setattr(GcraRateThrottle, "THROTTLE_RATES", {**GcraRateThrottle.THROTTLE_RATES, "user": "4/min"})
    assert api.get("/api/auth/me").status_code == 200  # another endpoint, the same bucket
    codes = [api.get(f"/api/analysis/jobs?upload_id={upload.id}").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    refused = api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    assert refused.json()["error"] == "Too many requests" and int(refused["Retry-After"]) >= 1
    assert RateLimit.objects.filter(key=f"throttle_user_{owner.pk}").count() == 1


def test_token_use_is_recorded_at_most_once_a_minute(api, owner, upload):
    token = ApiToken.objects.get(user=owner)
    assert token.last_used_at is None
    api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    api.get(f"/api/analysis/jobs?upload_id={upload.id}")
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first - timedelta(seconds=1)

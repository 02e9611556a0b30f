"""Server-rendered analysis pages through Django's test client (logged-in sessions)."""

import pytest

from analysis.models import AnalysisJob, JobStatus, UserProfile
from tests.analysis.conftest import store_upload
from tests.analysis.test_qa_bank import PROFILE


@pytest.fixture
def upload(owner):
    return store_upload(owner)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


def completed_job(upload) -> AnalysisJob:
    job = AnalysisJob.objects.create(
        upload=upload,
        owner=upload.owner,
        status=JobStatus.COMPLETED,
        progress=100,
        current_step="Analysis complete",
    )
    UserProfile.objects.create(job=job, **PROFILE)
    return job


def test_job_list_polls_while_a_job_runs(owner_client, upload):
    AnalysisJob.objects.create(
        upload=upload, owner=upload.owner, status=JobStatus.CHUNKING, progress=30
    )
    page = owner_client.get(f"/uploads/{upload.id}/jobs").content.decode()
    # Polls every 2 s unless the live socket is up (jobs-live.js cancels the poll then: an
    # hx-trigger filter would need eval, which the CSP refuses); a job_update refreshes at once.
    assert 'hx-trigger="every 2s, job-update"' in page and 'data-polling="true"' in page
    assert 'value="30" max="100"' in page and 'style="' not in page
    assert "js/jobs-live." in page and "data-chat-live" in page
    assert 'aria-valuenow="30"' in page and "Start analysis" in page


def test_partial_stops_polling_when_every_job_is_finished(owner_client, upload):
    job = completed_job(upload)
    partial = owner_client.get(
        f"/uploads/{upload.id}/jobs", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert partial.lstrip().startswith('<div id="job-list"') and "<html" not in partial
    assert "hx-trigger" not in partial and 'data-polling="false"' in partial
    assert f'href="/jobs/{job.id}"' in partial and 'data-action="delete"' in partial


def test_start_retry_and_delete_buttons(owner_client, upload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        response = owner_client.post(f"/uploads/{upload.id}/jobs/start")
    assert response.status_code == 302 and response["Location"] == f"/uploads/{upload.id}/jobs"
    job = AnalysisJob.objects.get(upload=upload)
    AnalysisJob.objects.filter(id=job.id).update(
        status=JobStatus.FAILED, error_message="Text extraction failed: x"
    )
    page = owner_client.get(f"/uploads/{upload.id}/jobs").content.decode()
    assert "Text extraction failed: x" in page and 'data-action="retry"' in page
    with django_capture_on_commit_callbacks(execute=False):
        owner_client.post(f"/jobs/{job.id}/retry")
    job.refresh_from_db()
    assert job.status == "queued"
    refused = owner_client.post(f"/jobs/{job.id}/delete", follow=True).content.decode()
    assert "Cannot delete" in refused and AnalysisJob.objects.filter(id=job.id).exists()
    AnalysisJob.objects.filter(id=job.id).update(status=JobStatus.FAILED)
    owner_client.post(f"/jobs/{job.id}/delete")
    assert not AnalysisJob.objects.exists()


def test_profile_page_shows_the_analysis(owner_client, upload):
    job = completed_job(upload)
    page = owner_client.get(f"/jobs/{job.id}").content.decode()
    assert '<h1 class="candidate-name">Jordan Avery Lee</h1>' in page
    assert 'href="mailto:jordan@example.com"' in page
    assert '<li class="chip">Kafka</li>' in page and "<h3>Languages</h3>" in page
    assert "Northwind Analytics" in page and "University of Edinburgh" in page
    assert "Mar 2019 – Present" in page and "Jun 2016 – Feb 2019" in page
    assert "Little mobile work" in page and "Engineering Manager" in page
    assert f'href="/interview/{job.id}"' in page and f'href="/chat?job={job.id}"' in page
    assert f"/jobs/{job.id}/export/pdf" in page  # the export buttons are included


def test_unfinished_job_page_polls_its_progress(owner_client, upload):
    job = AnalysisJob.objects.create(
        upload=upload, owner=upload.owner, status=JobStatus.ANALYZING, progress=70
    )
    page = owner_client.get(f"/jobs/{job.id}").content.decode()
    assert f'hx-get="/jobs/{job.id}/progress"' in page and 'aria-valuenow="70"' in page
    progress = owner_client.get(f"/jobs/{job.id}/progress")
    assert "HX-Refresh" not in progress
    AnalysisJob.objects.filter(id=job.id).update(
        status=JobStatus.FAILED, error_message="Resume analysis failed: x"
    )
    progress = owner_client.get(f"/jobs/{job.id}/progress")
    assert (
        progress["HX-Refresh"] == "true"
        and "Resume analysis failed: x" in progress.content.decode()
    )


def test_pages_are_private(outsider_client, upload):
    job = completed_job(upload)
    for url in [f"/uploads/{upload.id}/jobs", f"/jobs/{job.id}", f"/jobs/{job.id}/progress"]:
        assert outsider_client.get(url).status_code == 404, url
    for url in [
        f"/uploads/{upload.id}/jobs/start",
        f"/jobs/{job.id}/retry",
        f"/jobs/{job.id}/delete",
    ]:
        assert outsider_client.post(url).status_code == 404, url
    assert AnalysisJob.objects.count() == 1


def test_pages_need_login(client, upload):
    response = client.get(f"/uploads/{upload.id}/jobs")
    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_admin_retries_failed_jobs(admin_client, upload, django_capture_on_commit_callbacks):
    failed = AnalysisJob.objects.create(upload=upload, owner=upload.owner, status=JobStatus.FAILED)
    done = completed_job(upload)
    with django_capture_on_commit_callbacks(execute=False):
        response = admin_client.post(
            "/admin/analysis/analysisjob/",
            {"action": "retry_failed_jobs", "_selected_action": [failed.id, done.id]},
            follow=True,
        )
    assert "1 failed job(s) queued again; 1 skipped" in response.content.decode()
    failed.refresh_from_db()
    done.refresh_from_db()
    assert (failed.status, done.status) == ("queued", "completed")
    for model in ["analysisjob", "resumechunk", "userprofile", "qapair"]:
        assert admin_client.get(f"/admin/analysis/{model}/").status_code == 200
    assert (
        admin_client.get(f"/admin/analysis/userprofile/{done.profile.id}/change/").status_code
        == 200
    )


def test_profile_links_only_use_http_schemes(owner_client, upload):
    job = completed_job(upload)
    job.profile.personal_info = {
        "name": "Eve <script>alert(1)</script>",
        "linkedin": "javascript://%0aalert(document.cookie)",
        "github": "github.com/eve",
    }
    job.profile.save()
    page = owner_client.get(f"/jobs/{job.id}").content.decode()
    assert 'href="javascript:' not in page and "<script>alert(1)" not in page
    assert 'href="https://github.com/eve"' in page
    assert "javascript://%0aalert(document.cookie)</dd>" in page  # shown as text, not linked

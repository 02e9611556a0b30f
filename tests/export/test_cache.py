"""Exports of an unchanged profile come from the kept file (ExportFile); a changed profile or
renderer renders afresh and replaces it. ETag + If-None-Match answer 304 without a body."""

import pytest

from analysis.exports import service
from analysis.exports.models import ExportFile
from analysis.exports.service import export_key, export_render
from analysis.models import AnalysisJob, UserProfile

URL = "/api/analysis/export"


def get(api, job, fmt, **headers):
    return api.get(URL, {"job_id": str(job.id), "format": fmt}, **headers)


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "docx"])
def test_unchanged_profile_is_served_from_the_cache(api, job, fmt):
    first = get(api, job, fmt)
    kept = ExportFile.objects.get(job=job, format=fmt)
    assert (kept.etag, bytes(kept.content)) == (first["ETag"], first.content)
    # Plant different bytes in the kept file: a cached answer must return exactly them.
    ExportFile.objects.filter(pk=kept.pk).update(etag='"planted"', content=b"planted bytes")
    second = get(api, job, fmt)
    assert second.content == b"planted bytes"
    assert second["ETag"] == '"planted"'


def test_a_new_profile_version_renders_afresh(api, job):
    first = get(api, job, "json")
    profile = UserProfile.objects.get(job=job)
    profile.summary = "Rewritten summary after a re-analysis."
    profile.version += 1
    profile.save()
    second = get(api, job, "json")
    assert second.json()["summary"] == "Rewritten summary after a re-analysis."
    assert second["ETag"] != first["ETag"]
    # The stale file was replaced, not joined: one kept file per job and format.
    kept = ExportFile.objects.get(job=job, format="json")
    assert bytes(kept.content) == second.content and kept.key == export_key(profile)


def test_version_bump_alone_changes_the_key(job):
    profile = UserProfile.objects.get(job=job)
    before = export_key(profile)
    UserProfile.objects.filter(pk=profile.pk).update(version=profile.version + 1)
    profile.refresh_from_db()
    assert export_key(profile) != before


def test_a_renderer_change_renders_afresh(api, job, monkeypatch):
    get(api, job, "csv")
    ExportFile.objects.filter(job=job, format="csv").update(content=b"made by the old renderer")
    monkeypatch.setattr(service, "renderer_fingerprint", lambda: "newdeploy000")
    response = get(api, job, "csv")
    assert response.content.startswith(b"SECTION,KEY,VALUE")


def test_each_format_keeps_its_own_file_and_deleting_the_job_deletes_them(api, job):
    contents = {fmt: get(api, job, fmt).content for fmt in ("json", "csv", "pdf", "docx")}
    kept = {row.format: bytes(row.content) for row in ExportFile.objects.filter(job=job)}
    assert kept == contents
    assert api.delete(f"/api/analysis/delete-job?job_id={job.id}").status_code == 200
    assert not ExportFile.objects.filter(job_id=job.id).exists()


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_if_none_match_answers_304(api, job, fmt):
    etag = get(api, job, fmt)["ETag"]
    response = get(api, job, fmt, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("header", ["W/{etag}", '"other", {etag}', "*"])
def test_weak_listed_and_star_etags_answer_304(api, job, header):
    etag = get(api, job, "csv")["ETag"]
    assert get(api, job, "csv", HTTP_IF_NONE_MATCH=header.format(etag=etag)).status_code == 304


def test_date_preconditions_are_ignored_without_a_last_modified(api, job):
    """RFC 9110: no modification date, so If-Unmodified-Since is ignored (Django's helper
    answered 412 with no useful body). Found by fuzzing."""
    response = get(api, job, "json", HTTP_IF_UNMODIFIED_SINCE="Mon, 01 Jan 2000 00:00:00 GMT")
    assert response.status_code == 200 and response.json()["job_id"] == str(job.id)


def test_stale_etag_gets_the_file(api, job):
    response = get(api, job, "csv", HTTP_IF_NONE_MATCH='"0123456789abcdef0123456789abcdef"')
    assert response.status_code == 200
    assert response.content.startswith(b"SECTION,KEY,VALUE")


def test_etag_from_before_a_change_gets_the_new_file(api, job):
    etag = get(api, job, "json")["ETag"]
    UserProfile.objects.filter(job=job).update(version=7, summary="Changed")
    response = get(api, job, "json", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["summary"] == "Changed"


def test_outsider_with_a_valid_etag_still_gets_404(api, outsider_api, job):
    etag = get(api, job, "json")["ETag"]
    assert get(outsider_api, job, "json", HTTP_IF_NONE_MATCH=etag).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_failed_keep_still_returns_the_download(job, caplog):
    """The job is deleted while its export renders: keeping the file fails, the bytes still go out."""
    job = AnalysisJob.objects.select_related("profile").get(pk=job.pk)
    profile = job.profile
    AnalysisJob.objects.filter(pk=job.pk).delete()
    download = export_render(job=job, profile=profile, fmt="csv")
    assert download.content.startswith(b"SECTION,KEY,VALUE") and download.etag.startswith('"')
    assert not ExportFile.objects.exists()
    assert "keeping the csv export" in caplog.text

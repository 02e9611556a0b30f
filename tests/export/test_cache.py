"""Exports of an unchanged profile come from the cache; a changed profile renders afresh.
ETag + If-None-Match answer 304 without a body."""

import pytest
from django.core.cache import cache

from analysis.exports.service import cache_key
from analysis.models import UserProfile

URL = "/api/analysis/export"


def get(api, job, fmt, **headers):
    return api.get(URL, {"job_id": str(job.id), "format": fmt}, **headers)


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "docx"])
def test_unchanged_profile_is_served_from_the_cache(api, job, fmt):
    first = get(api, job, fmt)
    profile = UserProfile.objects.get(job=job)
    etag, content = cache.get(cache_key(profile, fmt))
    assert (etag, content) == (first["ETag"], first.content)
    # Plant different bytes under the key: a cached answer must return exactly them.
    cache.set(cache_key(profile, fmt), ('"planted"', b"planted bytes"))
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


def test_version_bump_alone_changes_the_key(job):
    profile = UserProfile.objects.get(job=job)
    before = cache_key(profile, "pdf")
    UserProfile.objects.filter(pk=profile.pk).update(version=profile.version + 1)
    profile.refresh_from_db()
    assert cache_key(profile, "pdf") != before
    assert cache_key(profile, "pdf") != cache_key(profile, "docx")


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_if_none_match_answers_304(api, job, fmt):
    etag = get(api, job, fmt)["ETag"]
    response = get(api, job, fmt, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "private, no-cache"


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


def test_a_malformed_cache_entry_is_rendered_again(api, job):
    profile = UserProfile.objects.get(job=job)
    cache.set(cache_key(profile, "csv"), "not a (etag, bytes) pair")
    response = get(api, job, "csv")
    assert response.status_code == 200
    assert response.content.startswith(b"SECTION,KEY,VALUE")
    assert cache.get(cache_key(profile, "csv"))[1] == response.content

"""The download response shared by the API and the page route: seed headers plus ETag/304."""

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags

from analysis.exports.service import Download


def download_response(request: HttpRequest, export: Download) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Content-Length"] = str(len(export.content))
    response["ETag"] = export.etag
    # Per-user data: never in a shared cache; browsers may keep it but must revalidate (cheap 304).
    response["Cache-Control"] = "private, no-cache"
    if _matches(request.headers.get("If-None-Match", ""), export.etag):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Content-Disposition"):
            not_modified[header] = response[header]
        return not_modified
    return response


def _matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match by weak comparison (RFC 9110 13.1.2). Only the ETag is a validator here: the
    file has no Last-Modified, so date preconditions are ignored, as the RFC allows."""
    tags = parse_etags(if_none_match)
    return "*" in tags or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}

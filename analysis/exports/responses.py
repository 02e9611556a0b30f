"""The download response shared by the API and the page route: seed headers plus ETag/304."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from analysis.exports.service import Download


def download_response(request: HttpRequest, export: Download) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Content-Length"] = str(len(export.content))
    response["ETag"] = export.etag
    # Per-user data: never in a shared cache; browsers may keep it but must revalidate (cheap 304).
    response["Cache-Control"] = "private, no-cache"
    # Django answers 304 (with these headers) when If-None-Match matches, else the file itself.
    return get_conditional_response(request, etag=export.etag, response=response)

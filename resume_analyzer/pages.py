from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from resume_analyzer.api_errors import INTERNAL_ERROR, REFUSED, error_body


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("Not found", "No such resource"), status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(*INTERNAL_ERROR), status=500)
    return render(request, "500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400s raised outside any view (a Host not in ALLOWED_HOSTS, too many fields)."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(*REFUSED), status=400)
    return HttpResponse("<!doctype html><title>Bad request</title><h1>Bad request</h1>", status=400)

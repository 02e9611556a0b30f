"""The product's URLs plus /bench/bare: a plain sync Django view behind the same middleware, the
yardstick bench/api.py divides every endpoint's throughput by."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from resume_analyzer.urls import handler400, handler404, handler500, urlpatterns  # noqa: F401


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare", bare), *urlpatterns]

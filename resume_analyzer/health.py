from datetime import timedelta

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _worker_state() -> str:
    """'ok' when a django-q2 cluster reported in the last minute, else 'down' (the web still serves)."""
    try:
        from django_q.status import Stat

        fresh = timezone.now() - timedelta(seconds=60)
        clusters = [stat for stat in Stat.get_all() if stat.timestamp and stat.timestamp > fresh]
        return "ok" if clusters else "down"
    except Exception:
        return "unknown"


@csrf_exempt  # so a POST meets the 405 below, not the CSRF check's HTML 403
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    if not _database_ok():
        return JsonResponse({"status": "error", "database": "down", "worker": "unknown"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "worker": _worker_state()})

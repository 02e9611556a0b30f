"""The API's hot read paths in one database round trip: bearer token, per-user rate limit and the
endpoint's own rows in a single SQL statement.

Why (docs/benchmarks.md, "API endpoints"): under daphne every sync view and the whole middleware
chain run on one thread per process, one request at a time, so a request's database waits are
the process's throughput limit. The DRF path of the poll endpoint sent four statements (token,
rate limit, upload, jobs) through the ORM, and the ORM's SQL compilation cost about as much again.
Here the same checks are one statement the endpoint prepares once:

    WITH token AS (the active token of an active user, by the sha256 of the bearer value),
         touched AS (last_used_at, at most once a minute, as token_touch),
         counted AS (the GCRA upsert of accounts/throttling.py on the user's DRF key),
         auth AS (user id, allowed?, seconds the bucket is ahead)
         <the endpoint's CTEs, reading auth.user_id>
    SELECT ...

Nothing is relaxed: the token rules are token_lookup's, the limit is UserRateThrottle's rate on
the same row (`throttle_user_<id>`) every other endpoint counts on. Whatever the fast path does not
answer itself (no or a malformed Authorization header, an unknown, revoked or expired token, a
refused rate, a method other than GET, a parameter the view must refuse) goes to the DRF view
unchanged, which answers exactly as before; a request refused here was not counted (an unknown
token counts nothing; a refused rate changes no row), so the DRF view counts it once.
"""

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework.renderers import JSONRenderer

from accounts.models import ApiToken, RateLimit, User
from accounts.throttling import UserRateThrottle

TOKEN = ApiToken._meta.db_table
USER = User._meta.db_table
RATE = RateLimit._meta.db_table
MAX_TOKEN_LENGTH = 256

# Each parameter is named; the endpoint's part adds its own.
AUTH_CTES = f"""
    token AS (
        SELECT t.id, t.user_id, t.last_used_at FROM {TOKEN} t JOIN {USER} u ON u.id = t.user_id
        WHERE t.key_hash = %(key_hash)s AND t.revoked_at IS NULL AND t.expires_at > now() AND u.is_active
    ),
    touched AS (
        UPDATE {TOKEN} a SET last_used_at = now() FROM token
        WHERE a.id = token.id AND (token.last_used_at IS NULL OR token.last_used_at < now() - interval '1 minute')
        RETURNING 1
    ),
    counted AS (
        INSERT INTO {RATE} AS r (key, tat)
        SELECT %(rate_prefix)s || token.user_id, clock_timestamp() + %(interval)s FROM token
        ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat + %(interval)s, EXCLUDED.tat)
        WHERE r.tat <= EXCLUDED.tat + %(slack)s
        RETURNING 1
    ),
    auth AS (
        SELECT token.user_id, EXISTS (SELECT 1 FROM counted) AS allowed FROM token
    )
"""


class UserRate(UserRateThrottle):
    """Only for the configured rate (THROTTLE_USER, parsed by DRF) and the key format."""

    def __init__(self) -> None:
        super().__init__()
        self.prefix = self.cache_format % {"scope": self.scope, "ident": ""}


def bearer_hash(request: HttpRequest) -> str | None:
    """sha256 of a well-formed `Authorization: Bearer <token>` value, else None (the DRF path
    then answers, with its own messages)."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    parts = header.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return None
    raw = parts[1]
    if len(raw) > MAX_TOKEN_LENGTH or not raw.isascii() or not raw.isprintable():
        return None
    return hashlib.sha256(raw.encode()).hexdigest()


def auth_params(key_hash: str) -> dict | None:
    """The statement's auth parameters; None when the rate closes the scope or there is no rate
    (the DRF path decides those)."""
    rate = UserRate()
    if rate.rate is None or not rate.num_requests:
        return None
    interval = timedelta(seconds=rate.duration / rate.num_requests)
    slack = timedelta(seconds=rate.duration) - 2 * interval
    return {"key_hash": key_hash, "rate_prefix": rate.prefix, "interval": interval, "slack": slack}


PLACEHOLDER = re.compile(r"(?<!%)%s")


def correlated(queryset, replace: dict[object, str], name: str) -> tuple[str, dict]:
    """A queryset's SQL as a CTE body with named parameters, each parameter equal to a key of
    `replace` written as that SQL instead (e.g. a sentinel user id -> the auth CTE's user id).
    The endpoint builds its CTEs from the same querysets its DRF path uses, so a change there (an
    owner filter, a soft delete) reaches the fast path too."""
    sql, params = queryset.query.sql_with_params()
    pieces = PLACEHOLDER.split(sql)
    assert len(pieces) == len(params) + 1, sql
    out, named = [pieces[0]], {}
    for index, (param, piece) in enumerate(zip(params, pieces[1:], strict=True)):
        if param in replace:
            out.append(replace[param])
        else:
            key = f"{name}_{index}"
            named[key] = param
            out.append(f"%({key})s")
        out.append(piece.replace("%%", "%%"))
    return "".join(out), named


def run_statement(sql: str, params: dict) -> list[tuple]:
    """The one round trip. A pooled connection goes back to the pool at once, not at the end of
    the request: under load the requests' threads then wait for the GIL, not for a connection."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if getattr(connection, "pool", None) and not connection.in_atomic_block:
        connection.close()
    return rows


def json_response(data, status: int = 200, allow: str = "GET, HEAD, OPTIONS") -> HttpResponse:
    """What DRF's Response with JSONRenderer sends: the same bytes and headers."""
    response = HttpResponse(JSONRenderer().render(data), status=status, content_type="application/json")
    response["Vary"] = "Accept"
    response["Allow"] = allow
    return response


def hot_get(fallback: Callable, fast: Callable[[HttpRequest, str], HttpResponse | None]) -> Callable:
    """A view answering GETs with a bearer token through `fast(request, key_hash)`; everything
    else, and whatever `fast` declines (returns None), through `fallback` (the DRF view).
    drf-spectacular documents the DRF view: the wrapper carries its `cls` and `initkwargs`."""

    @csrf_exempt
    @wraps(fallback)
    def view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "GET":
            key_hash = bearer_hash(request)
            if key_hash is not None:
                response = fast(request, key_hash)
                if response is not None:
                    return response
        return fallback(request, *args, **kwargs)

    return view

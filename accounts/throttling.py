"""API rate limits kept in PostgreSQL, decided and counted by one atomic statement per request.

DRF's own throttles keep a list of request times per key in the cache: they read it, trim it and
write it back. Two requests at once read the same list, so bursts can pass the limit, and on the
DatabaseCache that read-modify-write is six SQL statements (about 1.5 ms of every API request).

These classes keep DRF's scopes, rate strings ("600/min"), keys and Retry-After, but decide with
the generic cell rate algorithm (GCRA), a token bucket that stores one timestamp per key: the
"theoretical arrival time" (tat) at which the bucket would be full again. A rate of N per period
P allows N requests at once, then one more every P/N. The check and the update are a single
INSERT ... ON CONFLICT DO UPDATE on an unlogged table, so every process shares the counts and
concurrent requests are counted exactly. Time is PostgreSQL's clock, the same for every process.
"""

import hashlib
import math
from datetime import timedelta

from django.db import connection
from rest_framework import throttling

from accounts.models import RateLimit
from resume_analyzer.errors import RateLimited

TABLE = RateLimit._meta.db_table
MAX_KEY_LENGTH = RateLimit._meta.get_field("key").max_length

# The row is written only when the request is allowed, i.e. while tat is no later than
# now + (P - P/N); `slack` is that bound minus the interval, because EXCLUDED.tat is now + P/N.
ALLOW = f"""
    INSERT INTO {TABLE} AS r (key, tat) VALUES (%(key)s, clock_timestamp() + %(interval)s)
    ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat + %(interval)s, EXCLUDED.tat)
    WHERE r.tat <= EXCLUDED.tat + %(slack)s
    RETURNING 1
"""
AHEAD = f"SELECT EXTRACT(EPOCH FROM tat - clock_timestamp()) FROM {TABLE} WHERE key = %s"


class GcraRateThrottle(throttling.SimpleRateThrottle):
    """SimpleRateThrottle with one row per key instead of a cached history (see the module doc).
    Concrete classes list DRF's class first, so its allow_request (ScopedRateThrottle reads the
    view's scope there) runs and then calls this one.

    That ordering, and the rate/num_requests/duration attributes it fills in, are how DRF's
    throttles happen to be written, not documented API: djangorestframework is pinned exactly
    in pyproject.toml (tests/test_dependencies.py). A storage hook in DRF's throttles (one atomic
    "count this request if allowed" call instead of the cache history) would retire the class."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        if not self.num_requests:  # a rate of "0/min" closes the scope
            return False
        if len(self.key) > MAX_KEY_LENGTH:  # the identity part comes from the request
            self.key = "sha256:" + hashlib.sha256(self.key.encode()).hexdigest()
        interval = timedelta(seconds=self.duration / self.num_requests)
        slack = timedelta(seconds=self.duration) - 2 * interval
        with connection.cursor() as cursor:
            cursor.execute(ALLOW, {"key": self.key, "interval": interval, "slack": slack})
            return cursor.fetchone() is not None

    def wait(self) -> float | None:
        """Seconds until this key may make its next request."""
        if not self.num_requests:
            return None
        with connection.cursor() as cursor:
            cursor.execute(AHEAD, [self.key])
            row = cursor.fetchone()
        if row is None:
            return None
        burst = self.duration - self.duration / self.num_requests
        return max(0.0, float(row[0]) - burst)


class UserRateThrottle(throttling.UserRateThrottle, GcraRateThrottle):
    pass


class ScopedRateThrottle(throttling.ScopedRateThrottle, GcraRateThrottle):
    pass


class AuthAddressThrottle(GcraRateThrottle):
    """Login and register attempts per client address, for the API and the pages alike: one
    bucket ("throttle_auth_<address>"), so switching between them buys no extra guesses. Keyed by
    address whoever is signed in (a page's visitor may be)."""

    scope = "auth"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class AuthAccountThrottle(GcraRateThrottle):
    """Login and register attempts per account (the email given), from any address: many
    addresses cannot share out guesses at one password."""

    scope = "auth_account"

    def __init__(self, email: str) -> None:
        super().__init__()
        self.email = email.strip().lower()

    def get_cache_key(self, request, view) -> str | None:
        if not self.email:
            return None
        ident = hashlib.sha256(self.email.encode()).hexdigest()  # no address in the table
        return self.cache_format % {"scope": self.scope, "ident": ident}


def auth_attempt_check(request, *, email: object, address: bool = True) -> None:
    """Count one login or register attempt against its address (unless a DRF throttle class
    already did) and its account; raises RateLimited (429, Retry-After) beyond either limit."""
    throttles: list[GcraRateThrottle] = [AuthAddressThrottle()] if address else []
    if isinstance(email, str):
        throttles.append(AuthAccountThrottle(email))
    for throttle in throttles:
        if not throttle.allow_request(request, None):
            wait = math.ceil(throttle.wait() or 1)
            raise RateLimited(
                "Too many requests", f"Too many attempts. Try again in {wait} seconds.", retry_after=wait
            )


def rate_limits_prune() -> int:
    """Delete rows whose bucket has refilled (they mean the same as no row); run periodically."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE tat < clock_timestamp()")
        return cursor.rowcount

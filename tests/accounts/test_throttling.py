"""Rate limits in PostgreSQL (accounts/throttling.py): burst, refill, Retry-After, keys, pruning,
and exact counting when requests race from separate connections."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory

from accounts.models import RateLimit
from accounts.throttling import (
    GcraRateThrottle,
    ScopedRateThrottle,
    UserRateThrottle,
    rate_limits_prune,
)
from resume_analyzer.errors import RateLimited
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(monkeypatch):
    def set_rates(**scopes: str) -> None:
        monkeypatch.setattr(GcraRateThrottle, "THROTTLE_RATES", {**GcraRateThrottle.THROTTLE_RATES, **scopes})

    return set_rates


def me(client) -> int:
    return client.get("/api/auth/me").status_code


def rewind(key: str, seconds: float) -> None:
    """Move a key's state into the past, as if `seconds` had gone by."""
    RateLimit.objects.filter(key=key).update(tat=RateLimit.objects.get(key=key).tat - timedelta(seconds=seconds))


def test_a_burst_of_the_rate_passes_then_429_with_retry_after(api, owner, rates):
    rates(user="5/min")
    assert [me(api) for _ in range(7)] == [200] * 5 + [429] * 2
    response = api.get("/api/auth/me")
    body = response.json()
    assert body["error"] == "Too many requests" and 0 < body["retry_after"] <= 12
    # One request refills every 60/5 = 12 s; DRF rounds the header up to whole seconds.
    assert 1 <= int(response["Retry-After"]) <= 12
    assert RateLimit.objects.filter(key=f"throttle_user_{owner.pk}").exists()


def test_one_interval_later_exactly_one_more_request_passes(api, owner, rates):
    rates(user="5/min")
    assert [me(api) for _ in range(5)] == [200] * 5
    rewind(f"throttle_user_{owner.pk}", 12.5)
    assert [me(api) for _ in range(2)] == [200, 429]
    rewind(f"throttle_user_{owner.pk}", 60)  # a whole period: the full burst again
    assert [me(api) for _ in range(6)] == [200] * 5 + [429]


def test_rejected_requests_do_not_push_the_limit_further_away(api, owner, rates):
    rates(user="2/min")
    key = f"throttle_user_{owner.pk}"
    [me(api) for _ in range(2)]
    tat = RateLimit.objects.get(key=key).tat
    assert [me(api) for _ in range(5)] == [429] * 5
    assert RateLimit.objects.get(key=key).tat == tat


def test_users_and_scopes_are_counted_apart(api, outsider_api, rates):
    rates(user="2/min")
    assert [me(api) for _ in range(3)] == [200, 200, 429]
    assert [me(outsider_api) for _ in range(2)] == [200, 200]


def test_login_is_limited_per_client_address(anon_api, rates):
    rates(auth="3/min")
    body = {"email": "nobody@example.com", "password": "wrong-password-1"}
    statuses = [anon_api.post("/api/auth/login", body, format="json").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    assert RateLimit.objects.filter(key="throttle_auth_127.0.0.1").exists()


def test_wait_is_the_time_until_the_next_request_may_pass(owner, rates):
    rates(user="4/min")
    request = RequestFactory().get("/")
    request.user = owner
    throttle = UserRateThrottle()
    assert all(throttle.allow_request(request, None) for _ in range(4))
    assert not throttle.allow_request(request, None)
    assert 14 < throttle.wait() <= 15


def test_a_scoped_throttle_reads_the_scope_from_the_view(owner, rates):
    rates(expensive="1/min")

    class View:
        throttle_scope = "expensive"

    request = RequestFactory().get("/")
    request.user = owner
    assert ScopedRateThrottle().allow_request(request, View)
    assert not ScopedRateThrottle().allow_request(request, View)
    assert RateLimit.objects.filter(key=f"throttle_expensive_{owner.pk}").exists()


def test_prune_deletes_only_refilled_rows(api, outsider_api, owner, outsider, rates):
    rates(user="10/min")
    me(api), me(outsider_api)
    rewind(f"throttle_user_{owner.pk}", 60)
    assert rate_limits_prune() == 1
    assert list(RateLimit.objects.values_list("key", flat=True)) == [f"throttle_user_{outsider.pk}"]


@pytest.mark.django_db(transaction=True)
def test_racing_requests_from_separate_connections_are_counted_exactly(owner, rates):
    """DRF's cache throttle reads, trims and writes a list: racing requests read the same list and
    pass together. Here 8 threads, each with its own connection, send 40 checks at a 25/min limit."""
    rates(user="25/min")
    allowed, start = [], threading.Barrier(8)

    def hammer() -> None:
        request = RequestFactory().get("/")
        request.user = owner
        try:
            start.wait()
            for _ in range(5):
                allowed.append(UserRateThrottle().allow_request(request, None))
        finally:
            connection.close()

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == 40 and allowed.count(True) == 25


def test_a_forged_forwarded_for_header_gets_no_fresh_limit_and_no_500(anon_api, rates):
    """Behind no proxy (NUM_PROXIES unset) the client address is the socket's: a client cannot
    pick a new identity per request with X-Forwarded-For, and a huge header is not a key."""
    rates(auth="2/min")
    body = {"email": "nobody@example.com", "password": "wrong-password-1"}
    statuses = [
        anon_api.post("/api/auth/login", body, format="json", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, " + "9" * 400).status_code
        for i in range(3)
    ]
    assert statuses == [401, 401, 429]


def test_behind_a_proxy_the_forwarded_address_is_the_client_and_long_ones_are_hashed(anon_api, rates, settings):
    rates(auth="1/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    body = {"email": "nobody@example.com", "password": "wrong-password-1"}

    def login(address: str) -> int:
        return anon_api.post("/api/auth/login", body, format="json", HTTP_X_FORWARDED_FOR=address).status_code

    assert [login("203.0.113.7"), login("203.0.113.7"), login("198.51.100.2")] == [401, 429, 401]
    odd = "a" * 400  # a broken or hostile proxy chain: still one client, never a 500
    assert [login(odd), login(odd)] == [401, 429]
    assert RateLimit.objects.filter(key__startswith="sha256:").count() == 1


def test_a_zero_rate_closes_the_scope(api, rates):
    rates(user="0/min")
    response = api.get("/api/auth/me")
    assert response.status_code == 429 and response.json()["error"] == "Too many requests"


# --- Login and register: per address and per account, on the API and the pages alike -----------


def login_page(client, email: str, password: str = "wrong-password-1", **extra):
    return client.post("/login", {"email": email, "password": password}, **extra)


def test_the_login_page_is_limited_per_address_with_a_429_page_and_retry_after(client, owner, rates):
    """150 wrong passwords in 22 s all answered 400, then the right one logged in (issue 19)."""
    rates(auth="3/min", auth_account="100/min")
    statuses = [login_page(client, f"guess{i}@example.com").status_code for i in range(3)]
    refused = login_page(client, owner.email, PASSWORD)
    assert statuses == [400] * 3 and refused.status_code == 429
    assert b"Too many requests" in refused.content and b"Try again in" in refused.content
    assert refused["Content-Type"].startswith("text/html") and 1 <= int(refused["Retry-After"]) <= 20
    assert "_auth_user_id" not in client.session  # the right password did not get through


def test_the_login_page_is_limited_per_account_from_any_address(client, owner, rates, settings):
    rates(auth="100/min", auth_account="2/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    statuses = [
        login_page(client, owner.email, HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)
    ]
    assert statuses == [400, 400, 429]
    # Another account from the same addresses is still served.
    assert login_page(client, "other@example.com", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 400


def test_the_register_page_is_limited_per_address(client, rates):
    rates(auth="2/min", auth_account="100/min")

    def register(i: int) -> int:
        body = {"name": f"Bot {i}", "email": f"bot{i}@example.com", "password": "a-long-passphrase-2026"}
        return client.post("/register", body).status_code

    client.get("/")  # a GET is not an attempt
    assert [register(i) for i in range(3)] == [302, 302, 429]


def test_page_and_api_share_the_address_bucket(client, anon_api, rates):
    rates(auth="2/min", auth_account="100/min")
    body = {"email": "nobody@example.com", "password": "wrong-password-1"}
    assert anon_api.post("/api/auth/login", body, format="json").status_code == 401
    assert login_page(client, "someone@example.com").status_code == 400
    response = anon_api.post("/api/auth/login", body, format="json")
    assert response.status_code == 429 and response["Retry-After"]


def test_the_api_login_is_limited_per_account(anon_api, owner, rates, settings):
    rates(auth="100/min", auth_account="2/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    def login(address: str, password: str = "wrong-password-1"):
        body = {"email": owner.email.upper(), "password": password}
        return anon_api.post("/api/auth/login", body, format="json", HTTP_X_FORWARDED_FOR=address)

    assert [login("203.0.113.1").status_code, login("203.0.113.2").status_code] == [401, 401]
    refused = login("203.0.113.3", PASSWORD)
    assert refused.status_code == 429 and refused.json()["error"] == "Too many requests"
    assert refused.json()["retry_after"] > 0 and int(refused["Retry-After"]) >= 1
    assert RateLimited.__name__ not in refused.content.decode()  # the seed's body, nothing internal
    assert not RateLimit.objects.filter(key__contains=owner.email).exists()  # keyed by a hash


def test_the_api_register_is_limited_per_account(anon_api, rates):
    rates(auth="100/min", auth_account="1/min")
    body = {"email": "new@example.com", "password": "a-long-passphrase-2026", "name": "New"}
    assert anon_api.post("/api/auth/register", body, format="json").status_code == 201
    assert anon_api.post("/api/auth/register", body, format="json").status_code == 429

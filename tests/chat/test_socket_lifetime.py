"""A socket lives no longer than the credential it authenticated with: logging out its page
session, its token expiring, or its account being deactivated or deleted closes it with 4401;
and one socket authenticates once (issue 19). Real daphne, real WebSocket clients."""

import re
import urllib.request
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from websockets.exceptions import ConnectionClosed

from accounts.models import ApiToken
from accounts.services import token_issue
from tests.chat.wsclient import ChatClient

pytestmark = pytest.mark.slow


def closed_with(ws: ChatClient, error: str, timeout: float = 15) -> int:
    reply = ws.recv(timeout)
    assert (reply["type"], reply["error"]) == ("error", error), reply
    with pytest.raises(ConnectionClosed) as closed:
        ws.recv(timeout)
    return closed.value.rcvd.code


def still_open(ws: ChatClient) -> bool:
    ws.send({"type": "history"})
    return ws.recv()["type"] == "history"


def session_cookie(client, user) -> str:
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def log_out_over_http(server, cookie: str) -> None:
    """POST /logout on the real server, as the page's button does (CSRF token included)."""
    with urllib.request.urlopen(urllib.request.Request(server.url + "/logout", headers={"Cookie": cookie}), timeout=10) as page:
        csrf_cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
        form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()).group(1)
    request = urllib.request.Request(
        server.url + "/logout", method="POST", data=urlencode({"csrfmiddlewaretoken": form_token}).encode(),
        headers={"Cookie": f"{cookie}; csrftoken={csrf_cookie}", "Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.url.endswith("/login")


def test_logging_out_a_session_closes_the_sockets_of_that_session_only(daphne_server, owner, client):
    from django.test import Client

    this_tab, other_session = session_cookie(client, owner), session_cookie(Client(), owner)
    with ChatClient(daphne_server, cookie=this_tab) as ends, ChatClient(daphne_server, cookie=other_session) as stays, \
            ChatClient(daphne_server) as by_token:  # fmt: skip
        ends.auth(), stays.auth(), by_token.auth(token_issue(user=owner).raw)
        log_out_over_http(daphne_server, this_tab)
        assert closed_with(ends, "Logged out") == 4401
        assert still_open(stays) and still_open(by_token)


def test_a_socket_opened_before_logout_cannot_authenticate_with_the_ended_session(daphne_server, owner, client):
    cookie = session_cookie(client, owner)
    with ChatClient(daphne_server, cookie=cookie) as ws:  # the handshake still had the session
        log_out_over_http(daphne_server, cookie)
        ws.send({"type": "auth"})
        assert closed_with(ws, "Not authenticated") == 4401


def test_a_token_socket_closes_when_its_token_expires(daphne_server, owner):
    issued = token_issue(user=owner)
    ApiToken.objects.filter(pk=issued.token.pk).update(expires_at=timezone.now() + timedelta(seconds=3))
    with ChatClient(daphne_server) as ws:
        ws.auth(issued.raw)
        assert still_open(ws)
        assert closed_with(ws, "Token expired", timeout=20) == 4401


def test_deactivating_or_deleting_an_account_closes_all_its_sockets(daphne_server, owner, outsider, make_user, client):
    doomed = make_user("doomed@example.com")
    with ChatClient(daphne_server) as by_token, ChatClient(daphne_server, cookie=session_cookie(client, owner)) as by_session, \
            ChatClient(daphne_server) as bystander, ChatClient(daphne_server) as deleted:  # fmt: skip
        by_token.auth(token_issue(user=owner).raw), by_session.auth()
        bystander.auth(token_issue(user=outsider).raw), deleted.auth(token_issue(user=doomed).raw)
        owner.is_active = False
        owner.save()  # as the admin's change form does
        assert closed_with(by_token, "Account deactivated") == 4401
        assert closed_with(by_session, "Account deactivated") == 4401
        doomed.delete()
        assert closed_with(deleted, "Account deactivated") == 4401
        assert still_open(bystander)


def test_a_second_auth_on_an_authenticated_socket_is_refused_and_changes_nothing(daphne_server, owner, outsider, make_analysis):
    job = make_analysis(owner)
    with ChatClient(daphne_server) as ws:
        ws.auth(token_issue(user=owner).raw)
        for frame in ({"type": "auth", "token": token_issue(user=outsider).raw}, {"type": "auth"}, {"type": "auth", "token": "bad"}):
            ws.send({**frame, "id": "again"})
            reply = ws.recv()
            assert (reply["type"], reply["error"], reply["reply_to"]) == ("error", "Already authenticated", "again")
        ws.send({"type": "history"})
        assert ws.recv()["job_id"] == str(job.pk)  # still the owner's socket, still open

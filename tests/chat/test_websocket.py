"""/ws against a real daphne process with a real WebSocket client (the `websockets` package)."""

import re
import time
import uuid

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from accounts.services import token_issue, token_revoke
from analysis.models import JobStatus
from chat.consumers import QUESTIONS_PER_MINUTE
from chat.events import job_update_publish
from chat.services import NO_CONTEXT_ANSWER
from tests.chat.wsclient import ChatClient

pytestmark = pytest.mark.slow
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
# The first question makes daphne load the embedding model.
FIRST_ANSWER_TIMEOUT = 90


def closed_code(client: ChatClient) -> int:
    with pytest.raises(ConnectionClosed) as closed:
        client.recv()
    return closed.value.rcvd.code


def test_authentication_by_token_or_session_and_nothing_before_it(daphne_server, owner, client):
    token = token_issue(user=owner).raw
    with ChatClient(daphne_server) as ws:
        for frame in ({"type": "message", "content": "hi", "msg_type": "text"}, {"type": "history"}):
            ws.send(frame)
            reply = ws.recv()
            assert (reply["type"], reply["error"]) == ("error", "Not authenticated")
        ws.send({"type": "auth", "token": 7})  # refused, and the socket may still authenticate
        reply = ws.recv()
        assert (reply["error"], reply["field"]) == ("Invalid field", "token")
        system = ws.auth(token)
        assert system["type"] == "system" and system["content"] == "Connected to chat server"
        assert TIMESTAMP.match(system["timestamp"])
        assert ws.history() == {"type": "history", "job_id": None, "messages": []}
        # No analysis yet: a helpful system answer instead of a made-up one.
        reply = ws.ask("What are my top skills?")
        assert reply["type"] == "system" and reply["content"] == NO_CONTEXT_ANSWER

    client.force_login(owner)
    with ChatClient(daphne_server, cookie=f"sessionid={client.cookies['sessionid'].value}") as ws:
        assert ws.auth()["content"] == "Connected to chat server"


def test_bad_credentials_and_foreign_origins_are_refused(daphne_server, owner):
    revoked = token_issue(user=owner)
    token_revoke(token=revoked.token)
    for token in ("not-a-real-token", revoked.raw, "\udcff", None):
        with ChatClient(daphne_server) as ws:
            ws.send({"type": "auth", **({"token": token} if token else {})})
            reply = ws.recv()
            assert reply["type"] == "error"
            assert reply["error"] == ("Invalid token" if token else "Not authenticated")
            assert closed_code(ws) == 4401
    with pytest.raises(InvalidStatus) as refused:
        ChatClient(daphne_server, origin="http://evil.example")
    assert refused.value.response.status_code == 403


@pytest.mark.parametrize("path", ["/ws/", "/wss", "/nothing", "/ws/../ws"])
def test_handshakes_on_other_paths_are_refused_not_crashed(daphne_server, path):
    with pytest.raises(InvalidStatus) as refused:
        connect(daphne_server.ws_url.removesuffix("/ws") + path, origin=daphne_server.url, open_timeout=10, proxy=None)
    assert refused.value.response.status_code == 403
    assert "Traceback" not in daphne_server.log()


def test_bad_frames_get_errors_and_the_connection_stays_open(daphne_server, owner, outsider, make_analysis):
    theirs = make_analysis(outsider, status=JobStatus.QUEUED)
    with ChatClient(daphne_server) as ws:
        ws.auth(token_issue(user=owner).raw)
        bad_frames = [
            ("{not json", "Invalid JSON", None),
            ("[1, 2, 3]", "Invalid message", None),
            ({"content": "no type"}, "Missing field", "type"),
            ({"type": "subscribe"}, "Missing field", "topic"),
            ({"type": "subscribe", "topic": "news"}, "Invalid field", "topic"),
            ({"type": "subscribe", "topic": ["jobs"]}, "Invalid field", "topic"),
            ({"type": "unsubscribe", "topic": 1}, "Invalid field", "topic"),
            ({"type": "whoami"}, "Unknown message type", "type"),
            ({"type": "message", "msg_type": "text"}, "Missing field", "content"),
            ({"type": "message", "content": 42}, "Missing field", "content"),
            ({"type": "message", "content": "x", "msg_type": "audio"}, "Unsupported message type", "msg_type"),
            ({"type": "message", "content": "x", "msg_type": "video"}, "Unsupported message type", "msg_type"),
            ({"type": "message", "content": "x", "msg_type": "sticker"}, "Invalid field", "msg_type"),
            ({"type": "message", "content": "x", "msg_type": ["audio"]}, "Invalid field", "msg_type"),
            ({"type": "auth", "token": 7}, "Already authenticated", None),
            ({"type": "message", "content": "x", "job_id": str(theirs.pk)}, "Not found", "job_id"),
            ({"type": "message", "content": "x", "job_id": str(uuid.uuid4())}, "Not found", "job_id"),
            ({"type": "message", "content": "x", "job_id": "42"}, "Invalid field", "job_id"),
            ({"type": "history", "job_id": ["x"]}, "Invalid field", "job_id"),
            ({"type": "message", "content": "x" * 5000}, "Message too long", "content"),
            (b"\x00\x01binary", "Unsupported frame", None),
            # Found by fuzzing: these answered "Server error" (or answered, then failed to store).
            ("[" * 100_000 + "]" * 100_000, "Invalid JSON", None),
            ({"type": "message", "content": "skills\x00?"}, "Invalid field", "content"),
            ({"type": "message", "content": "\ud800 skills?"}, "Invalid field", "content"),
        ]
        for frame, error, field in bad_frames:
            ws.send(frame)
            reply = ws.recv()
            assert (reply["type"], reply["error"], reply.get("field")) == ("error", error, field), frame
            assert reply["message"] and TIMESTAMP.match(reply["timestamp"])
        image = {"type": "message", "content": "x", "msg_type": "image", "id": "frame-7"}
        ws.send(image)
        reply = ws.recv()
        assert "only text" in reply["message"] and reply["reply_to"] == "frame-7"
        # Still the same, working connection.
        assert ws.ask("Where did I study?")["content"] == NO_CONTEXT_ANSWER


def test_the_web_process_loads_the_model_in_the_background_once_serving(transactional_db):
    from tests.support.processes import ServerProcess, test_database_url

    server = ServerProcess(database_url=test_database_url(), env={"WEB_PRELOAD_MODEL": "1"})
    server.start()  # serving first: start() returns once /healthz answers
    try:
        deadline = time.monotonic() + 90
        while "embedding model ready" not in server.log() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "embedding model ready" in server.log(), server.log()[-2000:]
        assert "Traceback" not in server.log()
    finally:
        server.stop()


def test_questions_are_rate_limited_per_connection(daphne_server, owner):
    with ChatClient(daphne_server) as ws:
        ws.auth(token_issue(user=owner).raw)
        for _ in range(QUESTIONS_PER_MINUTE):
            assert ws.ask("Where did I study?")["type"] == "system"
        refused = ws.ask("Where did I study?")
        assert refused["type"] == "error" and refused["error"] == "Too many messages"
        assert "try again in" in refused["message"]
        ws.send({"type": "history"})  # other frames still work
        assert ws.recv()["type"] == "history"


def test_messages_over_512_kb_close_with_1009_and_the_server_carries_on(daphne_server, owner):
    token = token_issue(user=owner).raw
    with ChatClient(daphne_server) as ws:
        ws.auth(token)
        ws.send({"type": "message", "content": "x" * (512 * 1024 - 100)})  # just under: an error
        assert ws.recv()["error"] == "Message too long"
        ws.send("x" * (512 * 1024 + 1))
        assert closed_code(ws) == 1009
    with ChatClient(daphne_server) as ws:
        assert ws.auth(token)["content"] == "Connected to chat server"


def test_questions_get_sourced_answers_in_every_tab_and_history_returns(daphne_server, owner, make_analysis):
    job = make_analysis(owner)
    token = token_issue(user=owner).raw
    questions = {
        "What are my top skills?": ["Python", "Go", "PostgreSQL"],
        "Where do I work now?": ["Stripe"],
        "How many years of experience do I have?": ["10.5 years"],
        "Where did I study?": ["University of Texas at Austin"],
    }
    with ChatClient(daphne_server) as tab, ChatClient(daphne_server) as other_tab:
        tab.auth(token)
        other_tab.auth(token)
        assert other_tab.history()["job_id"] == str(job.pk)
        for number, (question, facts) in enumerate(questions.items()):
            reply = tab.ask(question, timeout=FIRST_ANSWER_TIMEOUT if number == 0 else 15, id=number)
            assert reply.pop("reply_to") == number
            assert (reply["type"], reply["role"], reply["msg_type"], reply["job_id"]) == (
                "message", "assistant", "text", str(job.pk))  # fmt: skip
            assert all(fact in reply["content"] for fact in facts), reply["content"]
            assert reply["metadata"]["from_qa"] is True
            assert reply["metadata"]["similarity"] >= 0.6 and reply["metadata"]["matched_question"]
            assert TIMESTAMP.match(reply["timestamp"])
            relayed = [other_tab.recv(), other_tab.recv()]
            assert [(m["role"], m["content"]) for m in relayed] == [("user", question), ("assistant", reply["content"])]

        fallback = tab.ask("Has she contributed to open-source projects?", job_id=str(job.pk))
        assert fallback["metadata"]["from_qa"] is False
        assert fallback["metadata"]["sources"][0]["section"] == "Projects" and "psycopg" in fallback["content"]

    with ChatClient(daphne_server) as reconnected:
        reconnected.auth(token)
        history = reconnected.history(job_id=str(job.pk))
        assert [m["role"] for m in history["messages"]] == ["user", "assistant"] * 5
        assert history["messages"][0]["content"] == "What are my top skills?"
        assert history["messages"][-1]["content"] == fallback["content"]


def test_job_updates_from_another_process_reach_every_tab_of_the_owner_only(daphne_server, owner, outsider):
    with ChatClient(daphne_server) as tab, ChatClient(daphne_server) as other_tab, ChatClient(daphne_server) as stranger:
        for ws, user in ((tab, owner), (other_tab, owner), (stranger, outsider)):
            ws.auth(token_issue(user=user).raw)
            assert ws.subscribe() == {"type": "subscribed", "topic": "jobs"}
        job_id = str(uuid.uuid4())
        # This test process stands in for the worker: the event crosses processes through Postgres.
        job_update_publish(owner_id=owner.pk, job_id=job_id, status=JobStatus.ANALYZING, progress=70)
        job_update_publish(owner_id=owner.pk, job_id=job_id, status=JobStatus.COMPLETED, progress=100)
        for ws in (tab, other_tab):
            assert ws.recv() == {"type": "job_update", "job_id": job_id, "status": "analyzing", "progress": 70}
            assert ws.recv() == {"type": "job_update", "job_id": job_id, "status": "completed", "progress": 100}
        # The outsider got nothing: the next thing it hears is the answer to its own question.
        assert stranger.ask("Where did I study?")["content"] == NO_CONTEXT_ANSWER


def test_logging_out_closes_the_sockets_that_used_that_token(daphne_server, owner):
    import json
    import urllib.request

    kept, revoked = token_issue(user=owner).raw, token_issue(user=owner).raw
    with ChatClient(daphne_server) as stays, ChatClient(daphne_server) as ends:
        stays.auth(kept)
        ends.auth(revoked)
        request = urllib.request.Request(
            daphne_server.url + "/api/auth/logout", method="POST", headers={"Authorization": f"Bearer {revoked}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.loads(response.read())["success"] is True
        reply = ends.recv()
        assert (reply["type"], reply["error"]) == ("error", "Token revoked")
        assert closed_code(ends) == 4401
        # The other token's connection is untouched and still answers.
        stays.send({"type": "history"})
        assert stays.recv()["type"] == "history"


def test_a_client_written_to_the_seed_gets_only_the_seed_frame_types(daphne_server, owner, make_analysis):
    """auth -> system -> message -> reply: no unasked history after the greeting, no job updates
    on the socket until it subscribes (issue 19: a seed client read the history as its answer)."""
    token = token_issue(user=owner).raw
    with ChatClient(daphne_server) as seed_client, ChatClient(daphne_server) as witness:
        witness.auth(token)
        witness.subscribe()
        assert seed_client.auth(token)["content"] == "Connected to chat server"
        job_update_publish(owner_id=owner.pk, job_id=str(uuid.uuid4()), status=JobStatus.ANALYZING, progress=70)
        assert witness.recv()["type"] == "job_update"  # the event reached the user's sockets
        reply = seed_client.ask("Where did I study?")
        assert (reply["type"], reply["content"]) == ("system", NO_CONTEXT_ANSWER)
        with pytest.raises(TimeoutError):
            seed_client.recv(timeout=1.5)  # nothing else was queued for it

        # Asking changes that: updates after subscribing, none after unsubscribing.
        seed_client.subscribe()
        job_update_publish(owner_id=owner.pk, job_id="a1", status=JobStatus.CHUNKING, progress=30)
        assert seed_client.recv()["type"] == "job_update"
        seed_client.send({"type": "unsubscribe", "topic": "jobs", "id": 3})
        assert seed_client.recv() == {"type": "unsubscribed", "topic": "jobs", "reply_to": 3}
        job_update_publish(owner_id=owner.pk, job_id="a1", status=JobStatus.COMPLETED, progress=100)
        assert witness.recv()["progress"] == 30 and witness.recv()["progress"] == 100
        with pytest.raises(TimeoutError):
            seed_client.recv(timeout=1.5)

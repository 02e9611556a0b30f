"""The /ws chat endpoint (the seed's "WebSocket Endpoint").

Protocol, as the seed has it: the client sends {"type": "auth", "token": ...} (or {"type": "auth"}
to use the page's session cookie) and gets a `system` "Connected to chat server". Then
{"type": "message", "content", "msg_type": "text", "job_id"?} gets a `message` answer. A client
that asks for nothing more gets nothing more: the conversation history comes only on
{"type": "history", "job_id"?}, and job progress (`job_update`) only after
{"type": "subscribe", "topic": "jobs"} (answered by `subscribed`; `unsubscribe` undoes it).
A frame may carry an "id" (string or number); the answer or error to it repeats it as "reply_to".
Every problem with a frame is an `error` message and the connection stays open; a failed
authentication, and the end of the credential it authenticated with (logout, expiry,
revocation, deactivation), close it with 4401. Each user's connections share a group, so
answers reach every open tab.
"""

import asyncio
import json
import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from autobahn.exception import Disconnected
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone

from chat.events import user_group
from chat.models import ChatMessage
from chat.selectors import history_list
from chat.services import (
    MAX_QUESTION_CHARS,
    NO_CONTEXT_ANSWER,
    ChatError,
    chat_context_resolve,
    chat_exchange_prepare,
    chat_exchange_record,
)
from resume_analyzer.ai.errors import AIError
from resume_analyzer.errors import ApplicationError
from resume_analyzer.text import storable

logger = logging.getLogger(__name__)

AUTH_TIMEOUT_SECONDS = 30
CLOSE_UNAUTHENTICATED = 4401
UNSUPPORTED_MSG_TYPES = {"audio", "image", "video"}
TOPICS = {"jobs"}  # what a connection may subscribe to: job progress of the user's analyses
# Questions cost CPU (an embedding, queries): a connection may ask this many per rolling minute.
QUESTIONS_PER_MINUTE = 30
# Answers embed a question and query Postgres: blocking work, run on a few threads of its own.
# (database_sync_to_async's default would queue every connection's answer on one shared thread.)
_answer_threads = ThreadPoolExecutor(max_workers=4, thread_name_prefix="chat-answer")


def in_thread(func: Callable) -> Callable:
    return database_sync_to_async(func, thread_sensitive=False, executor=_answer_threads)


def iso(moment: datetime | None = None) -> str:
    moment = moment or timezone.now()
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def message_payload(message: ChatMessage) -> dict[str, Any]:
    return {
        "type": "message",
        "role": message.role,
        "content": message.content,
        "msg_type": message.msg_type,
        "metadata": message.metadata,
        "job_id": str(message.job_id),
        "timestamp": iso(message.created_at),
    }


@dataclass(frozen=True)
class Credential:
    """Who a connection authenticated as, and with what: an API token (its id and expiry) or the
    page session (a hash of its key), so the connection ends when that credential does."""

    user: Any
    token_id: int | None = None
    expires_at: datetime | None = None
    session_hash: str | None = None


def authenticate(token: str | None, scope: dict[str, Any]) -> Credential | None:
    """The credential of a bearer token, else of the handshake's page session; None when neither
    is valid (a session is re-checked: it may have logged out since the handshake)."""
    from accounts.services import token_lookup, token_touch
    from accounts.signals import session_key_hash

    if token is not None:
        found = token_lookup(token)
        if found is None:
            return None
        token_touch(found)
        return Credential(found.user, token_id=found.pk, expires_at=found.expires_at)
    user, session = scope.get("user"), scope.get("session")
    if user is None or not user.is_authenticated or session is None or not session.session_key:
        return None
    if not session.exists(session.session_key):
        return None
    return Credential(user, session_hash=session_key_hash(session.session_key))


def conversation(user: Any, job_id: str | None) -> dict[str, Any]:
    job = chat_context_resolve(user=user, job_id=job_id)
    if job is None:
        return {"type": "history", "job_id": None, "messages": []}
    messages = [message_payload(message) for message in history_list(user=user, job=job)]
    return {"type": "history", "job_id": str(job.pk), "messages": messages}


def answer(user: Any, job_id: str | None, question: str) -> list[ChatMessage] | None:
    """The unsaved [question, answer], or None when the user has no analysis to talk about."""
    job = chat_context_resolve(user=user, job_id=job_id)
    if job is None:
        return None
    return chat_exchange_prepare(user=user, job=job, question=question)


def record(exchange: list[ChatMessage]) -> None:
    chat_exchange_record(exchange=exchange)


def optional_str(payload: dict, name: str) -> str | None:
    value = payload.get(name)
    if value is not None and not isinstance(value, str):
        raise ChatError("Invalid field", f"'{name}' must be a string", field=name)
    return value


class ChatConsumer(AsyncWebsocketConsumer):
    user: Any = None
    token_id: int | None = None  # the API token this connection authenticated with, if any
    session_hash: str | None = None  # else the hash of its page session's key
    group: str | None = None
    reply_to: str | int | None = None  # the "id" of the frame being handled
    topics: frozenset[str] = frozenset()  # subscribed to

    async def connect(self) -> None:
        self.asked_at: deque[float] = deque()  # when this connection's recent questions came
        await self.accept()
        loop = asyncio.get_running_loop()
        self._auth_timer = loop.call_later(AUTH_TIMEOUT_SECONDS, lambda: loop.create_task(self.auth_expired()))
        self._expiry_timer: asyncio.TimerHandle | None = None

    async def disconnect(self, code: int) -> None:
        self._auth_timer.cancel()
        if self._expiry_timer is not None:
            self._expiry_timer.cancel()
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)
        forget = getattr(self.channel_layer, "channel_forget", None)
        if forget is not None:
            forget(self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        self.reply_to = None
        try:
            await self.dispatch_frame(self.parse(text_data, bytes_data))
        except ApplicationError as exc:  # the chat's own refusals, and any service's
            await self.send_error(exc.error, exc.message or exc.error, field=exc.field)
        except AIError as exc:
            logger.warning("chat answer failed: %s", exc)
            await self.send_error("Answer failed", "The assistant could not answer right now; please try again")
        except Exception:  # a bug must cost one answer, never the connection
            logger.exception("chat frame failed")
            await self.send_error("Server error", "Something went wrong with this message; please try again")

    def parse(self, text_data: str | None, bytes_data: bytes | None) -> dict[str, Any]:
        if text_data is None:
            raise ChatError("Unsupported frame", "Send messages as JSON text frames, not binary")
        try:
            payload = json.loads(text_data)
        except ValueError as exc:
            raise ChatError("Invalid JSON", f"The message is not valid JSON: {exc}") from exc
        except RecursionError:
            raise ChatError("Invalid JSON", "The message is nested too deeply") from None
        if not isinstance(payload, dict):
            raise ChatError("Invalid message", "A message must be a JSON object")
        frame_id = payload.get("id")
        if isinstance(frame_id, (str, int)) and not isinstance(frame_id, bool) and len(str(frame_id)) <= 100:
            self.reply_to = frame_id
        if not isinstance(payload.get("type"), str) or not payload["type"]:
            raise ChatError("Missing field", "'type' is required", field="type")
        return payload

    async def dispatch_frame(self, payload: dict[str, Any]) -> None:
        kind = payload["type"]
        if kind == "auth":
            return await self.on_auth(payload)
        if self.user is None:
            raise ChatError("Not authenticated", 'Send {"type": "auth", "token": "<token>"} first')
        if kind == "message":
            return await self.on_message(payload)
        if kind == "history":
            return await self.on_history(payload)
        if kind in ("subscribe", "unsubscribe"):
            return await self.on_subscription(kind, payload)
        raise ChatError(
            "Unknown message type",
            f"Unknown type '{kind[:40]}'; use auth, message, history, subscribe or unsubscribe",
            field="type",
        )

    async def on_auth(self, payload: dict[str, Any]) -> None:
        if self.user is not None:  # one identity per connection, for as long as it lasts
            raise ChatError("Already authenticated", "This connection is already authenticated; open a new one to log in again")
        token = optional_str(payload, "token")
        credential = await in_thread(authenticate)(token, self.scope)
        if credential is None:
            if token is None:
                await self.send_error("Not authenticated", "Send a bearer token, or log in first")
            else:
                await self.send_error("Invalid token", "The token is unknown, expired or revoked")
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self._auth_timer.cancel()
        self.user, self.token_id, self.session_hash = credential.user, credential.token_id, credential.session_hash
        self.group = user_group(self.user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        if credential.expires_at is not None:
            self.close_at(credential.expires_at)
        await self.send_reply({"type": "system", "content": "Connected to chat server", "timestamp": iso()})

    def close_at(self, expires_at: datetime) -> None:
        """End the connection when its token expires (new connections with it already get 4401)."""
        loop = asyncio.get_running_loop()
        delay = max(0.0, (expires_at - timezone.now()).total_seconds())
        self._expiry_timer = loop.call_later(delay, lambda: loop.create_task(
            self.end("Token expired", "This connection's token expired; log in again")))

    async def on_history(self, payload: dict[str, Any]) -> None:
        await self.send_reply(await in_thread(conversation)(self.user, optional_str(payload, "job_id")))

    async def on_subscription(self, kind: str, payload: dict[str, Any]) -> None:
        topic = payload.get("topic")
        if topic is None:
            raise ChatError("Missing field", "'topic' is required", field="topic")
        if not isinstance(topic, str) or topic not in TOPICS:
            raise ChatError("Invalid field", "'topic' must be 'jobs'", field="topic")
        self.topics = (self.topics | {topic}) if kind == "subscribe" else (self.topics - {topic})
        await self.send_reply({"type": f"{kind}d", "topic": topic})

    async def on_message(self, payload: dict[str, Any]) -> None:
        question = payload.get("content")
        if not isinstance(question, str) or not question.strip():
            raise ChatError("Missing field", "'content' must be a non-empty string", field="content")
        msg_type = payload.get("msg_type", "text")
        if not isinstance(msg_type, str):
            raise ChatError("Invalid field", "'msg_type' must be 'text'", field="msg_type")
        if msg_type in UNSUPPORTED_MSG_TYPES:
            raise ChatError(
                "Unsupported message type",
                f"'{msg_type}' messages are not supported; only text messages can be answered",
                field="msg_type",
            )
        if msg_type != "text":
            raise ChatError("Invalid field", "'msg_type' must be 'text'", field="msg_type")
        if not storable(question):
            raise ChatError("Invalid field", "'content' must not contain NUL or unpaired surrogate characters", field="content")
        if len(question) > MAX_QUESTION_CHARS:
            raise ChatError("Message too long", f"A question may have at most {MAX_QUESTION_CHARS} characters", field="content")
        self.check_question_rate()
        exchange = await in_thread(answer)(self.user, optional_str(payload, "job_id"), question.strip())
        if exchange is None:
            await self.send_reply({"type": "system", "content": NO_CONTEXT_ANSWER, "timestamp": iso()})
            return
        payloads = [message_payload(message) for message in exchange]
        # Answer first; the history write and the copies for the user's other tabs follow.
        await self.send_reply(payloads[1])
        await in_thread(record)(exchange)
        await self.channel_layer.group_send(
            self.group, {"type": "chat.relay", "origin": self.channel_name, "messages": payloads}
        )

    def check_question_rate(self) -> None:
        now = time.monotonic()
        asked = self.asked_at
        while asked and now - asked[0] > 60:
            asked.popleft()
        if len(asked) >= QUESTIONS_PER_MINUTE:
            wait = int(60 - (now - asked[0])) + 1
            raise ChatError("Too many messages", f"At most {QUESTIONS_PER_MINUTE} questions a minute; try again in {wait} s")
        asked.append(now)

    async def auth_expired(self) -> None:
        if self.user is None:
            await self.send_error("Not authenticated", f"No auth message within {AUTH_TIMEOUT_SECONDS} seconds")
            await self.close(code=CLOSE_UNAUTHENTICATED)

    # --- channel-layer events -------------------------------------------------------------------

    async def chat_relay(self, event: dict[str, Any]) -> None:
        if event.get("origin") != self.channel_name:
            for message in event["messages"]:
                await self.send_json(message)

    async def auth_revoked(self, event: dict[str, Any]) -> None:
        """The token this connection authenticated with was revoked (logout, admin): end it."""
        if self.token_id is not None and event.get("token_id") == self.token_id:
            await self.end("Token revoked", "This connection's token was revoked; log in again")

    async def auth_session_ended(self, event: dict[str, Any]) -> None:
        """The page session this connection authenticated with logged out: end it."""
        if self.session_hash is not None and event.get("session_hash") == self.session_hash:
            await self.end("Logged out", "This connection's session was logged out; log in again")

    async def auth_deactivated(self, event: dict[str, Any]) -> None:
        """The account was deactivated or deleted: end every connection of it."""
        await self.end("Account deactivated", "This account is no longer active")

    async def end(self, error: str, message: str) -> None:
        self.reply_to = None
        await self.send_error(error, message)
        await self.close(code=CLOSE_UNAUTHENTICATED)

    async def job_update(self, event: dict[str, Any]) -> None:
        if "jobs" not in self.topics:
            return
        keys = ("job_id", "status", "progress")
        await self.send_json({"type": "job_update", **{key: event[key] for key in keys}})

    # --- sending --------------------------------------------------------------------------------

    async def send_json(self, data: dict[str, Any]) -> None:
        try:
            await self.send(text_data=json.dumps(data))
        except Disconnected:
            # The socket closed while this was on its way (a relay to a tab just shut); the
            # disconnect handler cleans up, so nothing more to do.
            pass

    async def send_reply(self, data: dict[str, Any]) -> None:
        """Send the answer to the frame being handled, tagged with its id when it had one."""
        await self.send_json(data if self.reply_to is None else {**data, "reply_to": self.reply_to})

    async def send_error(self, error: str, message: str, *, field: str | None = None) -> None:
        body: dict[str, Any] = {"type": "error", "error": error, "message": message}
        if field:
            body["field"] = field
        await self.send_reply({**body, "timestamp": iso()})

"""A small synchronous client for /ws built on the `websockets` package (a real RFC 6455 client)."""

import json
from typing import Any

from websockets.sync.client import ClientConnection, connect


class ChatClient:
    def __init__(self, server, *, origin: str | None = None, cookie: str | None = None) -> None:
        self.ws: ClientConnection = connect(
            server.ws_url,
            origin=origin or server.url,
            additional_headers={"Cookie": cookie} if cookie else None,
            compression=None,
            proxy=None,
            open_timeout=15,
            max_size=None,
            legacy=True,
        )

    def send(self, payload: Any) -> None:
        self.ws.send(payload if isinstance(payload, (str, bytes)) else json.dumps(payload))

    def recv(self, timeout: float = 15) -> dict:
        return json.loads(self.ws.recv(timeout))

    def auth(self, token: str | None = None, **extra: Any) -> dict:
        """Authenticate; returns the `system` greeting (the only frame the seed's protocol sends)."""
        payload = {"type": "auth", **extra}
        if token is not None:
            payload["token"] = token
        self.send(payload)
        return self.recv()

    def history(self, job_id: str | None = None) -> dict:
        """Ask for a conversation's history (the latest analysis's without a job_id)."""
        self.send({"type": "history", **({"job_id": job_id} if job_id else {})})
        return self.recv()

    def subscribe(self, topic: str = "jobs") -> dict:
        """Ask for job updates; returns the `subscribed` confirmation, after which they arrive."""
        self.send({"type": "subscribe", "topic": topic})
        return self.recv()

    def ask(self, content: str, timeout: float = 15, **extra: Any) -> dict:
        self.send({"type": "message", "content": content, "msg_type": "text", **extra})
        return self.recv(timeout)

    def close(self) -> None:
        self.ws.close()

    def __enter__(self) -> "ChatClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

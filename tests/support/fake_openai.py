"""An OpenAI-compatible HTTP server on 127.0.0.1 for tests (no network exists here).

The real `openai` client talks to it. Tests script its answers: queue a completion, a status code,
a delay or a broken body per endpoint; with nothing queued it answers with `default_chat` (a
callable taking the request JSON and returning the message content) and deterministic
hash-based embeddings of the requested dimension.
"""

import hashlib
import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict → JSON; str → sent raw
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def completion(content: str, *, prompt_tokens: int = 120, completion_tokens: int = 80) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "test-model",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def fake_embedding(text: str, dimensions: int) -> list[float]:
    """Deterministic unit vector from the text's words, so equal texts embed equally."""
    vector = [0.0] * dimensions
    for word in text.lower().split():
        digest = hashlib.sha256(word.encode()).digest()
        vector[int.from_bytes(digest[:4], "big") % dimensions] += 1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


class FakeOpenAI:
    def __init__(self) -> None:
        self.queues: dict[str, deque[Reply]] = {"chat": deque(), "embeddings": deque()}
        self.requests: list[tuple[str, dict]] = []
        self.default_chat: Callable[[dict], str] = lambda request: "{}"
        self._server: ThreadingHTTPServer | None = None

    # --- scripting ---
    def enqueue(self, endpoint: str, reply: Reply) -> None:
        self.queues[endpoint].append(reply)

    def chat_reply(self, content: str, **usage: int) -> None:
        self.enqueue("chat", Reply(body=completion(content, **usage)))

    def fail(self, endpoint: str, status: int, times: int = 1, message: str = "stand-in failure") -> None:
        body = {"error": {"message": message, "type": "server_error", "code": None}}
        for _ in range(times):
            self.enqueue(endpoint, Reply(status=status, body=body))

    def calls(self, endpoint: str) -> list[dict]:
        return [body for path, body in self.requests if path == endpoint]

    # --- lifecycle ---
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    payload = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    payload = {}
                endpoint = "embeddings" if self.path.endswith("/embeddings") else "chat"
                fake.requests.append((endpoint, payload))
                queue = fake.queues[endpoint]
                reply = queue.popleft() if queue else fake._default(endpoint, payload)
                if reply.delay:
                    time.sleep(reply.delay)
                raw = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                data = raw.encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and left; that is what some tests want

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def _default(self, endpoint: str, payload: dict) -> Reply:
        if endpoint == "embeddings":
            inputs = payload.get("input") or []
            if isinstance(inputs, str):
                inputs = [inputs]
            dims = int(payload.get("dimensions") or 384)
            data = [
                {"object": "embedding", "index": i, "embedding": fake_embedding(str(text), dims)}
                for i, text in enumerate(inputs)
            ]
            usage = {"prompt_tokens": sum(len(str(t).split()) for t in inputs), "total_tokens": 0}
            return Reply(body={"object": "list", "data": data, "model": "test-embed", "usage": usage})
        return Reply(body=completion(self.default_chat(payload)))

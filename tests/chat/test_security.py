"""The /ws Origin check offered to asgi.py: foreign browsers refused, Origin-less clients admitted."""

import asyncio

from chat.security import AllowedHostsOrNoOriginValidator


def handshake(origin: bytes | None) -> str:
    """Run one WebSocket handshake through the validator; 'app' if it reached the application."""
    reached = []
    events = iter([{"type": "websocket.connect"}, {"type": "websocket.disconnect", "code": 1000}])

    async def application(scope, receive, send):
        reached.append(scope)

    sent = []

    async def receive():
        return next(events)

    async def send(message):
        sent.append(message)

    headers = [(b"host", b"127.0.0.1:8081")] + ([(b"origin", origin)] if origin is not None else [])
    scope = {"type": "websocket", "path": "/ws", "headers": headers}
    # A refusal that never finished would hang the suite: bound it.
    asyncio.run(asyncio.wait_for(AllowedHostsOrNoOriginValidator(application)(scope, receive, send), 10))
    return "app" if reached else sent[0]["type"]


def test_allowed_hosts_and_origin_less_clients_pass_foreign_origins_are_closed(settings, monkeypatch):
    # The refusal runs channels' denier consumer; the in-memory layer keeps it off the database.
    # Channels caches layer instances and ignores setting changes, so drop the cache as well.
    from channels.layers import channel_layers

    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    monkeypatch.setattr(channel_layers, "backends", {})
    assert handshake(b"http://127.0.0.1:8081") == "app"
    assert handshake(b"http://localhost:8081") == "app"
    assert handshake(None) == "app"
    assert handshake(b"http://evil.example") == "websocket.close"
    assert handshake(b"null") == "websocket.close"

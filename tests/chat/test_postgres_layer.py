"""The default channel layer (chat/layers.py) on the test database: a web process starting up
takes only the queued messages for its own channels, never another process's."""

import asyncio
from datetime import timedelta

import pytest
from channels_postgres.models import Message
from django.utils import timezone

from chat.layers import PostgresChannelLayer

pytestmark = pytest.mark.django_db(transaction=True)


def queue(layer: PostgresChannelLayer, channel: str, text: str) -> None:
    payload = layer.serialize({"type": "chat.relay", "text": text})
    Message.objects.create(channel=channel, message=payload, expire=timezone.now() + timedelta(seconds=60))


async def close(layer: PostgresChannelLayer) -> None:
    """Stop the listener and the package's shared pool, so the test database can be dropped."""
    from channels_postgres import db

    if layer._listener is not None:
        layer._listener[1].cancel()
        await asyncio.gather(layer._listener[1], return_exceptions=True)
    if db.connection_pool is not None:
        await db.connection_pool.close()
        db.connection_pool = None


def test_a_starting_listener_leaves_other_processes_messages_queued():
    starting, running = PostgresChannelLayer(), PostgresChannelLayer()
    mine = f"specific.{starting.client_prefix}!{'a' * 32}"
    theirs = f"specific.{running.client_prefix}!{'b' * 32}"
    queue(starting, mine, "for the starting process")
    queue(running, theirs, "for the running process")

    async def scenario():
        try:
            taken = await starting.django_db.retrieve_non_expired_queued_messages()
            received = await asyncio.wait_for(running.receive(theirs), 10)
            return [row[1] for row in taken], received
        finally:
            await close(running)

    taken, received = asyncio.run(scenario())
    assert taken == [mine]  # the package's query took both rows: theirs was lost
    assert received == {"type": "chat.relay", "text": "for the running process"}
    assert not Message.objects.exists()

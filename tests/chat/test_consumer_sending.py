"""Sending to a socket that closed meanwhile (a relay to a tab that just shut) is dropped quietly:
the consumer task must not die before its disconnect handler cleans up. Fuzzing 30 tabs that
asked and closed at once logged "Attempt to send on a closed protocol" tracebacks."""

import asyncio

from autobahn.exception import Disconnected

from chat.consumers import ChatConsumer


def test_a_relay_to_a_closed_socket_is_dropped_without_an_exception():
    consumer = ChatConsumer()
    consumer.channel_name = "this-tab"
    sent = []

    async def closed_socket(**frame):
        sent.append(frame)
        raise Disconnected("Attempt to send on a closed protocol")

    consumer.send = closed_socket
    event = {"origin": "another-tab", "messages": [{"type": "message", "content": "hi"}, {"type": "message", "content": "answer"}]}
    asyncio.run(consumer.chat_relay(event))
    assert len(sent) == 2  # both tried, neither raised

"""daphne with the chat's WebSocket rules: `python -m chat.serve <daphne arguments>`.

daphne's CLI sets the seed's size limits (--websocket-max-message-size/--websocket-max-frame-size),
but autobahn by default "fails" an over-limit connection by dropping TCP, so the client never
learns why. Closing with a close frame (1009 Message Too Big) needs autobahn's failByDrop=False,
which daphne does not expose: this Server sets it on daphne's WebSocket factory before the
reactor accepts any connection.
"""

from daphne.cli import CommandLineInterface
from daphne.server import Server


class ChatServer(Server):
    def run(self) -> None:
        # Imported here: daphne.server installs the asyncio reactor and must come first.
        from twisted.internet import reactor

        reactor.callWhenRunning(self.close_with_frames)
        super().run()

    def close_with_frames(self) -> None:
        self.ws_factory.setProtocolOptions(failByDrop=False)


class ChatCommandLine(CommandLineInterface):
    server_class = ChatServer


if __name__ == "__main__":
    ChatCommandLine.entrypoint()

"""The web process: daphne's own CLI with two protocol-level rules daphne has no option for.

`python -m resume_analyzer.server <daphne arguments>` (see run.daphne_command).

1. HTTP bodies over the upload limit are refused while they arrive (uploads.server): daphne
   otherwise buffers a whole body in memory before Django can say 413.
2. WebSocket messages or frames over the limit close with code 1009: daphne's CLI sets the size
   limits, but autobahn by default "fails" such a connection by dropping TCP, so the client never
   learns why; a close frame needs autobahn's failByDrop=False on daphne's factory.
"""

from daphne.cli import CommandLineInterface
from daphne.server import Server


class ResumeAnalyzerServer(Server):
    def run(self) -> None:
        # The CLI has loaded the ASGI application (and so set Django up) before run().
        from twisted.internet import reactor

        from uploads.server import install_body_limit

        install_body_limit()
        reactor.callWhenRunning(self.close_with_frames)
        super().run()

    def close_with_frames(self) -> None:
        self.ws_factory.setProtocolOptions(failByDrop=False)


class ResumeAnalyzerCommandLine(CommandLineInterface):
    server_class = ResumeAnalyzerServer


if __name__ == "__main__":
    ResumeAnalyzerCommandLine.entrypoint()

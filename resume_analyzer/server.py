"""The web process: daphne's own CLI with two protocol-level rules daphne has no option for.

`python -m resume_analyzer.server <daphne arguments>` (see run.daphne_command).

1. HTTP bodies over the upload limit are refused while they arrive (body_limit.py): daphne
   otherwise buffers a whole body in memory before Django can say 413.
2. WebSocket messages or frames over the limit close with code 1009: daphne's CLI sets the size
   limits, but autobahn by default "fails" such a connection by dropping TCP, so the client never
   learns why; a close frame needs autobahn's failByDrop=False on daphne's factory.

3. A socket inherited from `make run` (`--fd`) starts listening only once the application is
   loaded (listen_inherited_sockets), so a restarted process takes no connection it cannot serve.

It also loads the embedding model in a background thread once serving (WEB_PRELOAD_MODEL), so the
first chat question after a start does not wait ~5 s for torch and the model to load.
"""

import logging
import os
import threading
import time

from daphne.cli import CommandLineInterface
from daphne.server import Server


class ResumeAnalyzerServer(Server):
    """daphne's Server with the two rules above. run() and ws_factory are daphne internals (daphne
    is pinned exactly, tests/test_dependencies.py); a daphne option for a body limit and for
    autobahn's failByDrop would make this class unnecessary."""

    def run(self) -> None:
        # The CLI has loaded the ASGI application (and so set Django up) before run().
        from twisted.internet import reactor

        from resume_analyzer.body_limit import install_body_limit

        install_body_limit()
        listen_inherited_sockets(self.endpoints)
        reactor.callWhenRunning(self.close_with_frames)
        reactor.callWhenRunning(start_model_warmup)
        super().run()

    def close_with_frames(self) -> None:
        self.ws_factory.setProtocolOptions(failByDrop=False)


LISTEN_BACKLOG = 1024


def listen_inherited_sockets(endpoints: list[str]) -> None:
    """`make run` hands each web process a bound socket (`--fd`) that is not listening yet, so no
    connection queues on it while this process loads Django; it listens now, ready to serve.
    (A socket already listening is left as it is.)"""
    import socket

    for endpoint in endpoints:
        if endpoint.startswith("fd:fileno="):
            sock = socket.socket(fileno=int(endpoint.split("=", 1)[1].split(":", 1)[0]))
            try:
                sock.listen(LISTEN_BACKLOG)
            finally:
                sock.detach()  # twisted adopts the descriptor


def start_model_warmup() -> None:
    from django.conf import settings

    from resume_analyzer.ai.embeddings import uses_local_model

    if settings.WEB_PRELOAD_MODEL and uses_local_model():
        threading.Thread(target=_warm_model, name="embedding-warmup", daemon=True).start()


def _warm_model() -> None:
    from django.db import connection

    from resume_analyzer.ai.embeddings import embed_text

    started = time.monotonic()
    try:
        embed_text("warm up")
        logging.getLogger(__name__).info("embedding model ready in %.1f s", time.monotonic() - started)
    except Exception:  # the first question then loads it; never take the server down for this
        logging.getLogger(__name__).warning("embedding model warm-up failed", exc_info=True)
    finally:
        connection.close()


class ResumeAnalyzerCommandLine(CommandLineInterface):
    server_class = ResumeAnalyzerServer


if __name__ == "__main__":
    os.environ.setdefault("DATABASE_POOL", "1")  # read by settings; see the note there
    ResumeAnalyzerCommandLine.entrypoint()

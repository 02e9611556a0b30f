"""A request-body limit at the HTTP server, in front of Django.

daphne hands a request to the application only after the whole body has arrived, then queues all
of it in memory at once; and twisted, underneath, parses every multipart body it receives into a
second in-memory copy that daphne never uses. Measured here: one 100 MB POST raised daphne's peak
memory by 1.3 GB, before Django could answer 413. `BodyLimitedRequest` stops both: twisted's form
parsing is switched off, and a body longer than any acceptable upload is discarded as it arrives
(by Content-Length, or by counting for chunked requests) and answered 413: with the upload API's
body on the upload routes, with the API's general one elsewhere.
"""

import json
import time
from io import BytesIO

from daphne import http_protocol
from django.conf import settings

from resume_analyzer.api_errors import TOO_LARGE, error_body


def max_request_body_bytes() -> int:
    return settings.MAX_UPLOAD_BYTES + settings.MULTIPART_OVERHEAD_BYTES


class BodyLimitedRequest(http_protocol.WebRequest):
    body_too_large = False

    def __init__(self, *args, **kwargs) -> None:
        # daphne passes the raw body to the ASGI app; twisted's own form parse would only copy it.
        super().__init__(*args, parsePOSTFormSubmission=False, **kwargs)

    def gotLength(self, length: int | None) -> None:
        if length is not None and length > max_request_body_bytes():
            self._discard_body()
        else:
            super().gotLength(length)

    def handleContentChunk(self, data: bytes) -> None:
        if self.body_too_large:
            return
        if self.content.tell() + len(data) > max_request_body_bytes():
            self._discard_body()  # chunked request without a Content-Length that grew too long
            return
        super().handleContentChunk(data)

    def _discard_body(self) -> None:
        self.body_too_large = True
        self.content = BytesIO()

    def process(self):
        if not self.body_too_large:
            self._declare_chunked_length()
            return super().process()
        self.request_start = time.time()
        self._answer_too_large()
        return None

    def _declare_chunked_length(self) -> None:
        """A chunked body arrives without Content-Length, and Django then reads a multipart body
        as empty ("No file uploaded"). The whole body is here by now: declare its length."""
        if self.requestHeaders.hasHeader(b"content-length"):
            return
        self.content.seek(0, 2)
        size = self.content.tell()
        self.content.seek(0)
        if size:
            self.requestHeaders.setRawHeaders(b"content-length", [str(size).encode()])

    def _answer_too_large(self) -> None:
        limit_mb = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
        is_upload = self.path.rstrip(b"/") in (b"/api/upload", b"/upload")
        if self.path.startswith(b"/api/"):
            content_type = b"application/json"
            # The seed's body for uploads; the shape Django's own 413 has everywhere else.
            error = (
                error_body("File size exceeds limit", max_size_mb=limit_mb)
                if is_upload
                else error_body(*TOO_LARGE)
            )
            body = json.dumps(error).encode()
        else:
            content_type = b"text/html; charset=utf-8"
            advice = (
                f"The maximum upload size is {limit_mb} MB. <a href=\"/upload\">Back to the upload page</a>"
                if is_upload
                else "The request body exceeds the allowed size."
            )
            body = f"<!doctype html><title>Request too large</title><h1>Request too large</h1><p>{advice}</p>".encode()
        headers = [(b"Content-Type", content_type), (b"Connection", b"close")]
        self.handle_reply({"type": "http.response.start", "status": 413, "headers": headers})
        self.handle_reply({"type": "http.response.body", "body": body})


def install_body_limit() -> None:
    """Make daphne build BodyLimitedRequest for every HTTP request.

    daphne's HTTPFactory looks the request class up as a module global of daphne.http_protocol
    on each connection and offers no setting for it; this is the one place that replaces it.
    That global, WebRequest's handle_reply/request_start and twisted.web's Request body handling
    (gotLength, handleContentChunk, `content`) are internals: daphne and twisted are pinned
    exactly in pyproject.toml (tests/test_dependencies.py). Unnecessary once daphne takes a
    request-body size limit of its own (refusing early, without buffering) and lets twisted skip
    its multipart parse.
    """
    http_protocol.WebRequest = BodyLimitedRequest

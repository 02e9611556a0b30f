"""Reading an upload out of a request without holding more than the limit anywhere.

Django streams multipart files to temporary files above FILE_UPLOAD_MAX_MEMORY_SIZE; the
`UploadLimitHandler` goes first in the handler chain and stops the parse as soon as a file passes
the byte limit or a second file starts, so neither memory nor the temp file grows past the limit.
`StrictMultiPartParser` refuses filenames with path parts or control characters instead of
letting Django silently strip them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from django.http.multipartparser import MultiPartParser as DjangoMultiPartParser
from django.http.multipartparser import MultiPartParserError
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from uploads.validation import (
    UploadRejected,
    check_content_length,
    check_filename,
    max_upload_bytes,
    missing_file,
    too_large,
    too_many_files,
)


class UploadLimitHandler(FileUploadHandler):
    """First in the chain: passes chunks through, stopping the parse at the limits."""

    def __init__(self, request: HttpRequest | None = None, max_files: int = 1) -> None:
        super().__init__(request)
        self.max_files = max_files
        self.files_started = 0
        self.received = 0
        self.rejection: UploadRejected | None = None

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.files_started += 1
        self.received = 0
        if self.files_started > self.max_files:
            self._stop(too_many_files(self.max_files))

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > max_upload_bytes():
            self._stop(too_large())
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (memory or temp file) builds the file object

    def _stop(self, rejection: UploadRejected) -> None:
        self.rejection = rejection
        # connection_reset: Django closes the temp files and does not read the rest of the body.
        raise StopUpload(connection_reset=True)


class _StrictDjangoParser(DjangoMultiPartParser):
    """Django's parser, refusing a bad filename where Django would strip it. sanitize_file_name
    is undocumented, and so are HttpRequest._post/_files (set in _parsed): Django is pinned
    exactly in pyproject.toml (tests/test_dependencies.py). A Django hook to choose the multipart
    parser of an HttpRequest, or to refuse rather than sanitise filenames, would retire both."""

    def sanitize_file_name(self, file_name: str) -> str | None:
        check_filename(file_name)
        return super().sanitize_file_name(file_name)


class StrictMultiPartParser(parsers.MultiPartParser):
    """DRF's multipart parser with the strict filename rule."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = parser_context["request"]
        meta = request.META.copy()
        meta["CONTENT_TYPE"] = media_type
        try:
            encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
            parser = _StrictDjangoParser(meta, stream, request.upload_handlers, encoding)
            data, files = parser.parse()
        except MultiPartParserError as exc:
            raise ParseError(f"Multipart form parse error - {exc}") from exc
        return parsers.DataAndFiles(data, files)


@dataclass
class IncomingUpload:
    file: UploadedFile | None
    linkedin_url: object


def read_upload(request) -> IncomingUpload:
    """The one file and the LinkedIn URL from a DRF or Django request; raises UploadRejected.

    Must run before anything touches request.data / request.POST.
    """
    check_content_length(request.META)
    limiter = UploadLimitHandler(request)
    request.upload_handlers.insert(0, limiter)
    try:
        data, files = _parsed(request)
    except RequestDataTooBig:
        raise too_large() from None
    except (TooManyFieldsSent, TooManyFilesSent):
        raise UploadRejected("Too many fields", "The form has too many fields or files") from None
    if limiter.rejection is not None:
        _close_all(files)
        raise limiter.rejection
    all_files = [f for key in files for f in files.getlist(key)]
    if len(all_files) > 1:
        _close_all(files)
        raise too_many_files()
    uploaded = files.get("file")
    if uploaded is None:
        _close_all(files)
        raise missing_file()
    linkedin_url = data.get("linkedin_url") if hasattr(data, "get") else None
    return IncomingUpload(file=uploaded, linkedin_url=linkedin_url)


@dataclass
class IncomingBatch:
    files: list[UploadedFile]
    data: object  # the form's other fields


def read_uploads(request, *, max_files: int) -> IncomingBatch:
    """Up to `max_files` files (any field names) and the form's fields; raises UploadRejected.
    Each file is held to the single-upload limit while it arrives, the body to the request limit.
    Must run before anything touches request.data / request.POST."""
    check_content_length(request.META)
    limiter = UploadLimitHandler(request, max_files=max_files)
    request.upload_handlers.insert(0, limiter)
    try:
        data, files = _parsed(request)
    except RequestDataTooBig:
        raise too_large() from None
    except (TooManyFieldsSent, TooManyFilesSent):
        raise UploadRejected("Too many fields", "The form has too many fields or files") from None
    if limiter.rejection is not None:
        _close_all(files)
        raise limiter.rejection
    all_files = [f for key in files for f in files.getlist(key)]
    if not all_files:
        raise UploadRejected("No file uploaded", "Attach the resumes as multipart fields named 'files'", field="files")
    return IncomingBatch(files=all_files, data=data)


def _parsed(request):
    if isinstance(request, HttpRequest):
        if request.content_type == "multipart/form-data" and not hasattr(request, "_files"):
            # The page gets the API's filename rule too: parse as HttpRequest._load_post_and_files
            # would, with the strict parser, and store the result where it keeps its own.
            encoding = request.encoding or settings.DEFAULT_CHARSET
            request._post, request._files = _StrictDjangoParser(
                request.META, request, request.upload_handlers, encoding
            ).parse()
        return request.POST, request.FILES
    return request.data, request.FILES


def _close_all(files) -> None:
    for key in files:
        for uploaded in files.getlist(key):
            uploaded.close()

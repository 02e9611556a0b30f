"""Strict checks for uploaded resumes. Every failure is an `UploadRejected` (an oversize an
`UploadTooLarge`) carrying the seed's error title, message and keys, so the API and the pages
answer the same way (resume_analyzer/api_errors.py maps them to 400 and 413).

The content decides the type: the extension and the declared MIME type must agree with what the
bytes are (PDF `%PDF-`, DOC an OLE2 file with a `WordDocument` stream, DOCX a zip holding
`[Content_Types].xml` and `word/document.xml`), and each format is opened far enough to refuse
damaged or hostile files (truncated PDFs, zip bombs, XML with DTDs or entities).
"""

import html
import struct
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any
from urllib.parse import urlsplit

import olefile
import pypdfium2
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator

from resume_analyzer.errors import Rejected, TooLarge
from resume_analyzer.text import has_control, is_control
from uploads.models import Upload

Kind = Upload.Kind

MAX_FILENAME_CHARS = 255
MAX_LINKEDIN_URL_CHARS = 500
# A DOCX may inflate well past its zipped size (text compresses ~10x), but not past this.
MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024
MAX_DOCX_MEMBERS = 2000

EXTENSION_KINDS = {".pdf": Kind.PDF, ".doc": Kind.DOC, ".docx": Kind.DOCX}
CANONICAL_MIME = {
    Kind.PDF: "application/pdf",
    Kind.DOC: "application/msword",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DECLARED_MIME = {
    Kind.PDF: {"application/pdf", "application/x-pdf"},
    Kind.DOC: {"application/msword"},
    Kind.DOCX: {CANONICAL_MIME[Kind.DOCX]},
}
# curl, and browsers on machines without Word, declare .doc/.docx as "unknown binary"; that claims
# nothing, so the signature alone decides. Any other declared type must match the extension.
GENERIC_MIME = {"", "application/octet-stream", "binary/octet-stream"}
LINKEDIN_HOST = "linkedin.com"
WORD_FIB_IDENT = 0xA5EC
FIB_FLAG_ENCRYPTED = 0x0100
MIN_NFIB_WORD97 = 0x00C1
FIB_HEAD_BYTES = 12


class UploadRejected(Rejected):
    """A refused upload, or a bad parameter of the upload list."""


class UploadTooLarge(UploadRejected, TooLarge):
    """A file over MAX_UPLOAD_BYTES (the seed's body names the limit, `max_size_mb`)."""


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    filename: str
    content_type: str
    size: int


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_BYTES


def too_large() -> UploadTooLarge:
    # The seed's exact 413 body (design.md: an oversize always answers this, never a 400).
    return UploadTooLarge("File size exceeds limit", max_size_mb=max_upload_bytes() // (1024 * 1024))


def invalid_type() -> UploadRejected:
    return UploadRejected("Invalid file type", "Only PDF, DOC, and DOCX files are supported", field="file")


def corrupt(message: str) -> UploadRejected:
    return UploadRejected("Corrupt file", message, field="file")


def unsafe(message: str) -> UploadRejected:
    return UploadRejected("Unsafe file", message, field="file")


def missing_file() -> UploadRejected:
    return UploadRejected("No file uploaded", "Attach the resume as the multipart field 'file'", field="file")


def too_many_files(limit: int = 1) -> UploadRejected:
    if limit == 1:
        return UploadRejected("Too many files", "Upload exactly one file per request", field="file")
    return UploadRejected("Too many files", f"Send at most {limit} files per request", field="files")


def invalid_filename(message: str) -> UploadRejected:
    return UploadRejected("Invalid filename", message, field="file")


# --- Request-level checks ----------------------------------------------------------------------


def check_content_length(meta: dict) -> None:
    """413 before the body is parsed when the declared length cannot hold an acceptable file."""
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return  # Django's parser answers a malformed length with a 400 of its own.
    if length > max_upload_bytes() + settings.MULTIPART_OVERHEAD_BYTES:
        raise too_large()


def check_filename(raw: str) -> str:
    """The display name: the client's own name, refused when it carries path parts or controls.

    Django's parser HTML-unescapes names ("&#47;" is "/"), so the separators are looked for in
    both forms; the name itself is returned as received (Django has already unescaped it once).
    """
    name = unicodedata.normalize("NFC", raw).strip()
    if any(sep in form for sep in "/\\" for form in (raw, html.unescape(raw))):
        raise invalid_filename("The filename must not contain path separators")
    if has_control(raw):
        raise invalid_filename("The filename must not contain control characters")
    if name in {"", ".", ".."} or len(name) > MAX_FILENAME_CHARS:
        raise invalid_filename(f"The filename must be 1 to {MAX_FILENAME_CHARS} characters")
    return name


def check_linkedin_url(value: Any) -> str | None:
    """None when absent; otherwise an http(s) URL on linkedin.com or one of its subdomains."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    message = "Must be an http(s) URL on linkedin.com, e.g. https://www.linkedin.com/in/your-name"
    if not isinstance(value, str) or len(value.strip()) > MAX_LINKEDIN_URL_CHARS:
        raise UploadRejected("Invalid LinkedIn URL", message, field="linkedin_url")
    url = value.strip()
    # URLValidator lets a NUL through after the path's first character; no control character or
    # space belongs in a URL we store and link to.
    if any(is_control(ch) or ch.isspace() for ch in url):
        raise UploadRejected("Invalid LinkedIn URL", message, field="linkedin_url")
    try:
        URLValidator(schemes=["http", "https"])(url)
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port outside 0-65535)
    except (ValidationError, ValueError):
        raise UploadRejected("Invalid LinkedIn URL", message, field="linkedin_url") from None
    host = (parts.hostname or "").rstrip(".")
    on_linkedin = host == LINKEDIN_HOST or host.endswith("." + LINKEDIN_HOST)
    if not on_linkedin or parts.username is not None or parts.password is not None:
        raise UploadRejected("Invalid LinkedIn URL", message, field="linkedin_url")
    return url


# --- File checks -------------------------------------------------------------------------------


def check_upload(uploaded_file: UploadedFile | None) -> CheckedFile:
    """All checks on one uploaded file, cheapest first; raises UploadRejected."""
    if uploaded_file is None:
        raise missing_file()
    filename = check_filename(uploaded_file.name or "")
    size = uploaded_file.size or 0
    if size > max_upload_bytes():
        raise too_large()
    if size == 0:
        raise UploadRejected("Empty file", "The uploaded file is empty", field="file")
    kind = kind_from_name_and_mime(filename, uploaded_file.content_type or "")
    CONTENT_CHECKS[kind](uploaded_file)
    uploaded_file.seek(0)
    return CheckedFile(kind=kind, filename=filename, content_type=CANONICAL_MIME[kind], size=size)


def kind_from_name_and_mime(filename: str, declared: str) -> str:
    kind = EXTENSION_KINDS.get(PurePosixPath(filename).suffix.lower())
    declared = declared.split(";")[0].strip().lower()
    if kind is None or (declared not in GENERIC_MIME and declared not in DECLARED_MIME[kind]):
        raise invalid_type()
    return kind


def _head(file: IO[bytes], size: int) -> bytes:
    file.seek(0)
    return file.read(size)


def check_pdf(file: IO[bytes]) -> None:
    if _head(file, 5) != b"%PDF-":
        raise invalid_type()
    # Readers accept up to 1 KB after the final %%EOF; a file cut short has none.
    file.seek(0, 2)
    file.seek(max(0, file.tell() - 1024))
    if b"%%EOF" not in file.read():
        raise corrupt("The PDF is incomplete (no end-of-file marker); it may have been truncated")
    file.seek(0)
    try:
        # pdfium reads through the file object (from the temp file on disk for large uploads).
        document = pypdfium2.PdfDocument(file)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise corrupt("The PDF is password-protected; upload an unprotected copy") from None
        raise corrupt("The PDF is damaged and cannot be opened") from None
    try:
        if len(document) == 0:
            raise corrupt("The PDF has no pages")
    finally:
        document.close()


def check_doc(file: IO[bytes]) -> None:
    if not olefile.isOleFile(data=_head(file, 1536)):
        raise invalid_type()
    file.seek(0)
    try:
        with olefile.OleFileIO(file) as ole:
            if not ole.exists("WordDocument"):
                raise invalid_type()
            fib = ole.openstream("WordDocument").read(FIB_HEAD_BYTES)
    except UploadRejected:
        raise
    except Exception:  # olefile raises assorted errors on damaged compound files
        raise corrupt("The DOC file is damaged and cannot be opened") from None
    _check_word_fib(fib)


def _check_word_fib(fib: bytes) -> None:
    """The FIB that opens the WordDocument stream ([MS-DOC] 2.5.2): Word 97 or later, unencrypted,
    which is what text extraction can read."""
    if len(fib) < FIB_HEAD_BYTES:
        raise corrupt("The DOC file is damaged: its Word header is truncated")
    ident, nfib, _, _, _, flags = struct.unpack_from("<HHHHHH", fib)
    if ident != WORD_FIB_IDENT:
        raise invalid_type()
    if flags & FIB_FLAG_ENCRYPTED:
        raise corrupt("The DOC file is password-protected; upload an unprotected copy")
    if nfib < MIN_NFIB_WORD97:
        raise corrupt("Word 6/95 documents are not supported; save the file as DOCX or PDF")


def check_docx(file: IO[bytes]) -> None:
    if _head(file, 4) != b"PK\x03\x04":
        raise invalid_type()
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            _check_docx_archive(archive)
    except zipfile.BadZipFile:
        raise corrupt("The DOCX file is damaged (not a readable zip archive)") from None


def _check_docx_archive(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    names = {member.filename for member in members}
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        raise invalid_type()
    if "word/vbaProject.bin" in names:
        raise unsafe("The file contains macros; a .docx document cannot, so it is refused")
    if len(members) > MAX_DOCX_MEMBERS:
        raise unsafe("The DOCX holds too many parts")
    # zipfile never returns more bytes than a member declares, so the declared sizes bound what
    # any later reader can inflate.
    if sum(member.file_size for member in members) > MAX_DOCX_INFLATED_BYTES:
        raise unsafe("The DOCX would expand to an unreasonable size (zip bomb)")
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            _check_xml_prolog(archive, member)


def _check_xml_prolog(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """A DTD can only come before the root element, so parsing stops at the first tag."""
    try:
        with archive.open(member) as stream:
            for _event in iterparse(stream, events=("start",), forbid_dtd=True):
                break
    except DefusedXmlException:
        raise unsafe("The DOCX contains XML with a DTD or entity declarations") from None
    except Exception:  # expat ParseError, bad CRC, unsupported compression
        raise corrupt(f"The DOCX part {member.filename[:100]} is damaged") from None


CONTENT_CHECKS = {Kind.PDF: check_pdf, Kind.DOC: check_doc, Kind.DOCX: check_docx}

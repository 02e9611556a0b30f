"""Uploads created through the real service from the real fixture files. Each call stores
different bytes (a variant of the fixture, still valid), since the same file twice is refused as a
duplicate; `same_bytes=True` sends the fixture as it is."""

import io
import itertools
import zipfile
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.uploads.badfiles import MIME, fixture
from uploads.models import Upload
from uploads.services import upload_create

_variants = itertools.count(1)


def variant(content: bytes, kind: str, number: int | None = None) -> bytes:
    """The same document with different bytes: a PDF comment after %%EOF, a DOCX zip comment, a
    DOC padded by a sector (each still passes validation and extracts the same text)."""
    number = next(_variants) if number is None else number
    if kind == "pdf":
        return content + b"\n%variant " + str(number).encode() + b"\n"
    if kind == "docx":
        buffer = io.BytesIO(content)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.comment = b"variant %d" % number
        return buffer.getvalue()
    return content + (b"variant %d" % number).ljust(512, b"\0")


def make_upload(
    owner, name: str = "resume.pdf", *, days_ago: float = 0, linkedin_url: str | None = None, same_bytes: bool = False
) -> Upload:
    source = name if name in {"resume.pdf", "resume.docx", "resume.doc"} else "resume." + name.rsplit(".", 1)[1]
    kind = source.rsplit(".", 1)[1]
    content = fixture(source) if same_bytes else variant(fixture(source), kind)
    uploaded = SimpleUploadedFile(name, content, content_type=MIME[kind])
    upload = upload_create(owner=owner, uploaded_file=uploaded, linkedin_url=linkedin_url)
    if days_ago:
        Upload.objects.filter(pk=upload.pk).update(upload_date=timezone.now() - timedelta(days=days_ago))
        upload.refresh_from_db()
    return upload

"""Uploads created through the real service from the real fixture files."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.uploads.badfiles import MIME, fixture
from uploads.models import Upload
from uploads.services import upload_create


def make_upload(owner, name: str = "resume.pdf", *, days_ago: float = 0, linkedin_url: str | None = None) -> Upload:
    source = name if name in {"resume.pdf", "resume.docx", "resume.doc"} else "resume." + name.rsplit(".", 1)[1]
    kind = source.rsplit(".", 1)[1]
    uploaded = SimpleUploadedFile(name, fixture(source), content_type=MIME[kind])
    upload = upload_create(owner=owner, uploaded_file=uploaded, linkedin_url=linkedin_url)
    if days_ago:
        Upload.objects.filter(pk=upload.pk).update(upload_date=timezone.now() - timedelta(days=days_ago))
        upload.refresh_from_db()
    return upload

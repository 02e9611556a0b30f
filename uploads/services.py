"""Writes for uploads. `upload_create` validates, stores the file under a generated name and
creates the row; when anything fails, neither a row nor a file is left behind."""

import hashlib
import logging

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from uploads.models import Upload
from uploads.validation import check_linkedin_url, check_upload

logger = logging.getLogger(__name__)


def upload_create(*, owner, uploaded_file: UploadedFile | None, linkedin_url: object = None) -> Upload:
    """Raises uploads.validation.UploadRejected for any invalid input."""
    url = check_linkedin_url(linkedin_url)
    checked = check_upload(uploaded_file)
    upload = Upload(
        owner=owner,
        filename=checked.filename,
        kind=checked.kind,
        content_type=checked.content_type,
        file_size=checked.size,
        sha256=_sha256(uploaded_file),
        linkedin_url=url,
    )
    try:
        with transaction.atomic():
            # upload_to generates the storage name; the client's filename is display-only.
            upload.file.save(checked.filename, uploaded_file, save=False)
            upload.save()
    except BaseException:
        if upload.file.name:
            upload.file.storage.delete(upload.file.name)
        raise
    logger.info("upload %s stored for user %s (%s, %d bytes)", upload.pk, owner.pk, upload.kind, upload.file_size)
    return upload


def _sha256(uploaded_file: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()

"""Writes for uploads. `upload_create` validates, refuses a file the owner already has (same
sha256), stores the file under a generated name and creates the row; when anything fails, neither
a row nor a file is left behind. `upload_delete` removes an upload with everything made from it.
`upload_preference` / `upload_preference_set` keep the user's upload settings."""

import hashlib
import logging

from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import formats

from resume_analyzer.errors import Conflict, NotFound
from uploads.models import Upload, UploadPreference
from uploads.validation import check_linkedin_url, check_upload

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock(namespace, owner): two uploads of one owner check for a duplicate and
# insert one after the other, so the same file sent twice at once is still stored once.
LOCK_NAMESPACE = 0x75706C64  # "upld"


class DuplicateUpload(Conflict):
    """The owner already has a file with these exact bytes; `upload_id` names it."""


class UploadNotFound(NotFound):
    pass


def duplicate_of(existing: Upload) -> DuplicateUpload:
    when = formats.date_format(existing.upload_date, "j M Y")
    return DuplicateUpload(
        "Duplicate upload",
        f"This file is already in your resumes as '{existing.filename}' (uploaded {when})",
        upload_id=existing.id,
    )


def upload_not_found(upload_id: object) -> UploadNotFound:
    return UploadNotFound("Upload not found", "No upload with this id", upload_id=upload_id)


def upload_create(*, owner, uploaded_file: UploadedFile | None, linkedin_url: object = None) -> Upload:
    """Raises uploads.validation.UploadRejected for any invalid input, DuplicateUpload when the
    owner already has this file."""
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
            _lock_owner(owner)
            existing = Upload.objects.for_owner(owner).filter(sha256=upload.sha256).order_by("upload_date", "id").first()
            if existing is not None:
                raise duplicate_of(existing)
            # upload_to generates the storage name; the client's filename is display-only.
            upload.file.save(checked.filename, uploaded_file, save=False)
            upload.save()
    except BaseException:
        if upload.file.name:
            upload.file.storage.delete(upload.file.name)
        raise
    logger.info("upload %s stored for user %s (%s, %d bytes)", upload.pk, owner.pk, upload.kind, upload.file_size)
    return upload


def upload_delete(*, owner, upload_id: int) -> None:
    """Delete the owner's upload and everything made from it: its analysis jobs with their chunks,
    profiles (versions, Q&A bank), kept exports, interview question sets and chat history go by
    cascade; saved questions stay, unlinked and marked by interview's pre_delete receiver; the
    stored file is removed once the deletion commits (uploads.signals). Raises UploadNotFound for
    a missing or another user's upload."""
    with transaction.atomic():
        upload = Upload.objects.for_owner(owner).select_for_update().filter(pk=upload_id).first()
        if upload is None:
            raise upload_not_found(upload_id)
        upload.delete()
    logger.info("upload %s deleted by user %s", upload_id, owner.pk)


def upload_preference(owner) -> UploadPreference:
    """The owner's settings (unsaved defaults when they never changed one)."""
    return UploadPreference.objects.filter(owner=owner).first() or UploadPreference(owner=owner)


def upload_preference_set(owner, *, analyze_on_upload: bool) -> UploadPreference:
    preference, _ = UploadPreference.objects.update_or_create(
        owner=owner, defaults={"analyze_on_upload": analyze_on_upload}
    )
    return preference


def _lock_owner(owner) -> None:
    if owner.pk is None:
        raise ValueError("The owner must be saved before it can upload")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, int(owner.pk) % 2**31])


def _sha256(uploaded_file: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()

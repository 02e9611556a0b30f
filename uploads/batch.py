"""Many files at once: `POST /api/uploads/batch` and the upload page.

Each file (and each member of a .zip, uploads.archives) goes through `upload_create` on its own,
so one refused file never stops the others: every item ends as stored (with the analysis started
when asked), a duplicate of an upload the owner already has, or refused with the same error a
single upload would get. A request carries at most MAX_BATCH_FILES files and, like every request,
at most the upload limit in all (resume_analyzer/body_limit.py refuses a longer body before it is
buffered); a zip may hold up to 200 resumes.
"""

import logging
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile

from resume_analyzer.api_errors import status_code
from resume_analyzer.errors import ApplicationError
from uploads.archives import archive_members, is_archive_name
from uploads.hooks import analysis_start
from uploads.models import Upload
from uploads.services import upload_create

logger = logging.getLogger(__name__)

MAX_BATCH_FILES = 25  # "20 resumes and a zip" in one drop, with room to spare


@dataclass
class BatchItem:
    filename: str
    archive: str | None = None  # the .zip it came from
    member: str | None = None  # its path inside that zip
    upload: Upload | None = None
    analysis: dict | None = None
    error: ApplicationError | None = None

    @property
    def status(self) -> int:
        return 201 if self.error is None else status_code(self.error)


def batch_upload(*, owner, files: list[UploadedFile], analyze: bool, linkedin_url: object = None) -> list[BatchItem]:
    """One item per file, zips expanded into one item per member, in the order sent. The LinkedIn
    URL applies only when a single resume is sent."""
    items: list[BatchItem] = []
    for uploaded in files:
        name = uploaded.name or ""
        if is_archive_name(name):
            items.extend(_archive_items(owner, uploaded, name, analyze))
        else:
            items.append(_item(owner, uploaded, BatchItem(filename=name), analyze, linkedin_url))
    return items


def _archive_items(owner, uploaded: UploadedFile, name: str, analyze: bool) -> list[BatchItem]:
    items = []
    try:
        for member in archive_members(uploaded):
            item = BatchItem(filename=member.filename, archive=name, member=member.path)
            if member.error is not None:
                item.error = member.error
                items.append(item)
            else:
                items.append(_item(owner, member.file, item, analyze, None))
    except ApplicationError as exc:  # the archive as a whole is refused
        return [BatchItem(filename=name, archive=name, error=exc)]
    return items


def _item(owner, uploaded: UploadedFile, item: BatchItem, analyze: bool, linkedin_url: object) -> BatchItem:
    try:
        item.upload = upload_create(owner=owner, uploaded_file=uploaded, linkedin_url=linkedin_url)
    except ApplicationError as exc:
        item.error = exc
        return item
    if analyze:
        item.analysis = analysis_start(item.upload)
    return item

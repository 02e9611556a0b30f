"""A .zip of resumes, opened member by member for the batch upload (uploads.batch).

The archive itself must be a readable zip within the upload size limit. It is refused whole when
it holds more than MAX_ARCHIVE_MEMBERS files or would expand past MAX_ARCHIVE_INFLATED_BYTES (a
zip bomb). Each member then becomes one upload, checked exactly as a single upload is
(uploads.validation.check_upload), or one error of its own: a path that climbs out of the archive
or is absolute (path traversal), a nested archive, an encrypted or damaged member, a member over
the size limit. Directory entries and macOS metadata (`__MACOSX/`, `._name`) are skipped.
Nothing is extracted to disk under the member's name: a member is read (at most the upload limit
plus one byte) into memory and handed on under its base name, for display only.
"""

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile

from uploads.validation import (
    UploadRejected,
    check_filename,
    corrupt,
    max_upload_bytes,
    too_large,
    unsafe,
)

MAX_ARCHIVE_MEMBERS = 200
MAX_ARCHIVE_INFLATED_BYTES = 200 * 1024 * 1024
ARCHIVE_EXTENSIONS = {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".cab", ".jar", ".iso"}
# Signatures of archives a member may be, whatever its name says (a .docx is a zip and is checked
# as a document by its own rules).
ARCHIVE_SIGNATURES = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd")
ZIP_SIGNATURE = b"PK\x03\x04"


def is_archive_name(filename: str) -> bool:
    return PurePosixPath(filename.lower()).suffix == ".zip"


@dataclass
class Member:
    path: str  # the member's path inside the archive, as stored
    file: UploadedFile | None = None
    error: UploadRejected | None = None

    @property
    def filename(self) -> str:
        return self.file.name if self.file is not None else (self.path.replace("\\", "/").rsplit("/", 1)[-1] or self.path)


def nested_archive() -> UploadRejected:
    return unsafe("Archives inside an archive are not accepted; put the resumes themselves in the zip")


def path_traversal() -> UploadRejected:
    return unsafe("The member's path leaves the archive (an absolute path or '..'); it was not read")


def _skipped(info: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    return info.is_dir() or (bool(parts) and (parts[0] == "__MACOSX" or parts[-1].startswith("._")))


def _traverses(name: str) -> bool:
    unified = name.replace("\\", "/")
    parts = unified.split("/")
    return unified.startswith("/") or ".." in parts or (len(parts[0]) == 2 and parts[0][1] == ":")


def archive_members(archive_file: UploadedFile) -> Iterator[Member]:
    """The archive's members, each with its file or its error. Raises UploadRejected when the
    archive as a whole is refused (not a zip, too many members, would inflate too far)."""
    archive_file.seek(0)
    if archive_file.read(4) != ZIP_SIGNATURE:
        raise corrupt("The .zip file is not a zip archive")
    archive_file.seek(0)
    try:
        archive = zipfile.ZipFile(archive_file)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise corrupt("The .zip file is damaged (not a readable zip archive)") from None
    with archive:
        members = [info for info in archive.infolist() if not _skipped(info)]
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise UploadRejected(
                "Too many files",
                f"The archive holds {len(members)} files; at most {MAX_ARCHIVE_MEMBERS} are accepted per archive",
                field="file",
            )
        if sum(info.file_size for info in members) > MAX_ARCHIVE_INFLATED_BYTES:
            raise unsafe(
                f"The archive would expand to over {MAX_ARCHIVE_INFLATED_BYTES // (1024 * 1024)} MB (zip bomb)"
            )
        for info in members:
            yield _member(archive, info)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Member:
    member = Member(path=info.filename)
    if _traverses(info.filename):
        member.error = path_traversal()
        return member
    name = PurePosixPath(info.filename.replace("\\", "/")).name
    try:
        check_filename(name)
    except UploadRejected as exc:
        member.error = exc
        return member
    if PurePosixPath(name.lower()).suffix in ARCHIVE_EXTENSIONS:
        member.error = nested_archive()
        return member
    if info.flag_bits & 0x1:
        member.error = corrupt("The member is encrypted; put unprotected files in the archive")
        return member
    if info.file_size > max_upload_bytes():
        member.error = too_large()
        return member
    try:
        with archive.open(info) as stream:
            data = stream.read(max_upload_bytes() + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError):
        member.error = corrupt("The member is damaged and cannot be read from the archive")
        return member
    if len(data) > max_upload_bytes():
        member.error = too_large()
        return member
    if data.startswith(ARCHIVE_SIGNATURES) or (
        data.startswith(ZIP_SIGNATURE) and PurePosixPath(name.lower()).suffix != ".docx"
    ):
        member.error = nested_archive()
        return member
    # No declared type: the extension and the signature decide, as for a generic upload.
    member.file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return member

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from resume_analyzer.api_errors import known_failure
from tests.uploads.badfiles import fixture
from tests.uploads.factories import make_upload
from uploads.models import Upload
from uploads.services import DuplicateUpload, upload_create
from uploads.validation import UploadRejected


def test_failed_save_leaves_no_file(db, media_snapshot):
    """A failure after the file reached storage (here: an owner that was never saved) removes it."""
    ghost = User(email="ghost@example.com", name="Ghost")
    uploaded = SimpleUploadedFile("resume.pdf", fixture("resume.pdf"), content_type="application/pdf")
    with pytest.raises(ValueError):
        upload_create(owner=ghost, uploaded_file=uploaded, linkedin_url=None)
    assert not Upload.objects.exists() and not media_snapshot.new()


def test_missing_file_is_rejected(owner):
    with pytest.raises(UploadRejected) as caught:
        upload_create(owner=owner, uploaded_file=None, linkedin_url=None)
    status, body = known_failure(caught.value)
    assert status == 400 and body["error"] == "No file uploaded"


def test_delete_removes_the_file_after_commit(owner, make_user, client, django_capture_on_commit_callbacks):
    """Uploads are deleted by staff in the admin (or with their user); uploads.signals then
    removes the stored file once the deletion commits."""
    upload = make_upload(owner)
    path = Path(upload.file.path)
    assert path.exists()
    client.force_login(make_user("staff@example.com", is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/uploads/upload/{upload.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not path.exists() and not Upload.objects.exists()


def test_deleting_the_user_removes_their_files(owner, django_capture_on_commit_callbacks):
    paths = [Path(make_upload(owner, name).file.path) for name in ("a.pdf", "b.docx")]
    with django_capture_on_commit_callbacks(execute=True):
        owner.delete()
    assert not any(path.exists() for path in paths)


def test_same_content_twice_is_refused_as_a_duplicate(owner, outsider, media_snapshot):
    first = make_upload(owner, same_bytes=True)
    with pytest.raises(DuplicateUpload) as caught:
        make_upload(owner, "renamed.pdf", same_bytes=True)
    status, body = known_failure(caught.value)
    assert status == 409 and body["error"] == "Duplicate upload" and body["upload_id"] == first.id
    assert "'resume.pdf'" in body["message"]
    assert Upload.objects.count() == 1 and len(media_snapshot.new()) == 1  # no second file on disk
    # Another user's identical file is theirs to store; different bytes of the same document are new.
    theirs = make_upload(outsider, same_bytes=True)
    other = make_upload(owner)
    assert len({first.file.name, theirs.file.name, other.file.name}) == 3


def test_the_same_file_sent_at_once_is_stored_once(transactional_db, owner):
    """Two requests racing: the owner's advisory lock makes the second see the first."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    def send(_):
        try:
            return make_upload(owner, same_bytes=True).id
        except DuplicateUpload as exc:
            return exc.extra["upload_id"]
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        ids = set(pool.map(send, range(4)))
    assert len(ids) == 1 and Upload.objects.filter(owner=owner).count() == 1

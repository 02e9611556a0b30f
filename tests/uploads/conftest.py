from pathlib import Path

import pytest
from django.conf import settings

from tests.uploads.badfiles import CONTENT_TYPE, multipart


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / "resumes"
    return set(root.rglob("*")) if root.exists() else set()


@pytest.fixture
def post_upload():
    """POST a raw multipart body to /api/upload with the given client."""

    def post(client, files, fields=None, **extra):
        body = multipart(files, fields)
        return client.generic("POST", "/api/upload", body, content_type=CONTENT_TYPE, **extra)

    return post


@pytest.fixture
def media_snapshot():
    """The stored files before the test; `.new()` lists the files the test added."""

    class Snapshot:
        before = stored_files()

        def new(self) -> set[Path]:
            return stored_files() - self.before

    return Snapshot()

"""The test session's environment, set before pytest-django loads the settings.

Loaded as a plugin (`-p tests.support.environment` in pyproject's addopts) because pytest-django
sets Django up before tests/conftest.py is imported: set there, DATA_DIR reached the server and
worker processes the tests start but not the test process's own settings, so the two read
different static-file folders (and the test process used the `make run` data folder).
Tests get their own embedded PostgreSQL, media and static folder unless DATA_DIR is set.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "test"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser tests are
# still plain synchronous code, so Django's async guard would be a false alarm there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Under pytest-xdist each worker gets its own data folder, so its own embedded PostgreSQL, media
# and static files: tests that compare the media folder before and after see only their own files.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["DATA_DIR"] = str(Path(os.environ["DATA_DIR"]) / os.environ["PYTEST_XDIST_WORKER"])

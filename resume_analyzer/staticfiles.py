"""Static files: collected by WhiteNoise's storage (content-hashed names, gzip and Brotli copies)
and served by its middleware, with the pages' security headers and a year's caching for hashed
names. Only collected files are served, looked up in a table built at startup, so a path such as
`/static/%2e%2e/%2e%2e/etc/passwd` is simply not found (404).

`static_files_collect()` runs collectstatic only when the sources changed since it last ran;
`make run` and the test session call it, so an unchanged start costs one directory listing.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static

IGNORE_PATTERNS = ["CVS", ".*", "*~"]  # collectstatic's defaults
STAMP = ".sources"  # in STATIC_ROOT: the fingerprint of the sources last collected


def sources_fingerprint() -> str:
    """Every source file's path, size and modification time, and the storage settings."""
    entries = []
    for finder in get_finders():
        for path, storage in finder.list(IGNORE_PATTERNS):
            stat = Path(storage.path(path)).stat()
            entries.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    digest = hashlib.sha256(repr(settings.STORAGES["staticfiles"]).encode())
    for entry in sorted(entries):
        digest.update(entry.encode())
    return digest.hexdigest()


def static_files_collect() -> bool:
    """collectstatic into STATIC_ROOT unless it already holds these sources; True if it ran."""
    root = Path(settings.STATIC_ROOT)
    fingerprint = sources_fingerprint()
    stamp = root / STAMP
    if (root / "staticfiles.json").exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, clear=True, verbosity=0)
    stamp.write_text(fingerprint)
    return True


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on pages without an icon link (the admin's)."""
    response = HttpResponseRedirect(static("favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response

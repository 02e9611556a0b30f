"""The size limit over real HTTP through daphne: 413 (never 400/500), nothing stored, and the
server's peak memory stays flat however large the body (resume_analyzer.body_limit.BodyLimitedRequest)."""

import http.client
import json
from urllib.parse import urlsplit

import pytest

from accounts.services import token_issue
from tests.uploads.badfiles import CONTENT_TYPE, LIMIT, fixture, multipart, padded_pdf
from uploads.models import Upload

pytestmark = [pytest.mark.slow]
TOO_LARGE = {"error": "File size exceeds limit", "max_size_mb": 10}
MB = 1024 * 1024


def request(server, path: str, body, headers: dict[str, str]) -> tuple[int, str, bytes]:
    url = urlsplit(server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    connection.request("POST", path, body=body, headers=headers, encode_chunked=not isinstance(body, bytes))
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type", ""), payload


def upload(server, token: str, body) -> tuple[int, dict]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": CONTENT_TYPE}
    status, _, payload = request(server, "/api/upload", body, headers)
    return status, json.loads(payload)


def peak_memory_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))


def test_size_limit_over_real_http(daphne_server, owner, media_snapshot):
    token = token_issue(user=owner).raw
    pid = daphne_server.proc.pid
    pdf = fixture("resume.pdf")
    assert upload(daphne_server, token, multipart([("file", "resume.pdf", pdf, "application/pdf")]))[0] == 201
    baseline = peak_memory_kb(pid)

    just_over = multipart([("file", "big.pdf", b"%PDF-1.7\n" + bytes(LIMIT + 1 - 9), "application/pdf")])
    far_over = multipart([("file", "huge.pdf", bytes(100 * MB), "application/pdf")])
    chunked_over = (bytes(MB) for _ in range(30))  # no Content-Length: counted as it arrives
    for body in (just_over, far_over, chunked_over):
        assert upload(daphne_server, token, body) == (413, TOO_LARGE)
    status, created = upload(daphne_server, token, multipart([("file", "max.pdf", padded_pdf(LIMIT), "application/pdf")]))
    assert status == 201 and created["file_size"] == LIMIT

    # Before the server-level limit, the 100 MB body alone raised daphne's peak by ~1.3 GB.
    growth_mb = (peak_memory_kb(pid) - baseline) / 1024
    assert growth_mb < 40, f"daphne peak memory grew by {growth_mb:.0f} MB"
    assert Upload.objects.count() == 2 and len(media_snapshot.new()) == 2

    # The page gets an HTML answer (its own script stops such files before they are sent).
    status, content_type, payload = request(daphne_server, "/upload", bytes(20 * MB), {"Content-Type": CONTENT_TYPE})
    assert status == 413 and content_type.startswith("text/html")
    assert b"The maximum upload size is 10 MB" in payload

    # Other routes keep the general 413 shape: the upload wording would mislead there.
    status, content_type, payload = request(daphne_server, "/api/auth/login", bytes(20 * MB), {"Content-Type": "application/json"})
    assert (status, json.loads(payload)) == (413, {"error": "Request too large", "message": "The request body exceeds the allowed size"})
    status, content_type, payload = request(daphne_server, "/login", bytes(20 * MB), {"Content-Type": CONTENT_TYPE})
    assert status == 413 and content_type.startswith("text/html") and b"upload size" not in payload


def test_a_chunked_upload_keeps_its_file(daphne_server, owner):
    """Transfer-Encoding: chunked (no Content-Length) used to arrive as "No file uploaded"."""
    token = token_issue(user=owner).raw
    body = multipart([("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")])
    chunks = (body[i : i + 4096] for i in range(0, len(body), 4096))
    status, created = upload(daphne_server, token, chunks)
    assert status == 201 and created["filename"] == "resume.pdf"
    assert Upload.objects.get(pk=created["id"]).file_size == len(fixture("resume.pdf"))

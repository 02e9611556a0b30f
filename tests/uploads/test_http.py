"""The size limit over real HTTP through daphne: no 400/500 for an oversize body, nothing stored."""

import http.client
import json
from urllib.parse import urlsplit

import pytest

from accounts.services import token_issue
from tests.uploads.badfiles import BOUNDARY, CONTENT_TYPE, LIMIT, fixture, multipart
from uploads.models import Upload

pytestmark = [pytest.mark.slow]


def post(server, token: str, body: bytes) -> tuple[int, dict]:
    url = urlsplit(server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": CONTENT_TYPE}
    connection.request("POST", "/api/upload", body=body, headers=headers)
    response = connection.getresponse()
    payload = json.loads(response.read())
    connection.close()
    return response.status, payload


def test_size_limit_over_real_http(daphne_server, owner, media_snapshot):
    token = token_issue(user=owner).raw
    pdf = fixture("resume.pdf")
    just_over = multipart([("file", "big.pdf", b"%PDF-1.7\n" + bytes(LIMIT + 1 - 9), "application/pdf")])
    far_over = multipart([("file", "huge.pdf", bytes(30 * 1024 * 1024), "application/pdf")])
    for body in (just_over, far_over):
        assert post(daphne_server, token, body) == (413, {"error": "File size exceeds limit", "max_size_mb": 10})
    assert not Upload.objects.exists() and not media_snapshot.new()
    status, created = post(daphne_server, token, multipart([("file", "resume.pdf", pdf, "application/pdf")]))
    assert status == 201 and created["file_size"] == len(pdf)
    assert BOUNDARY not in json.dumps(created)

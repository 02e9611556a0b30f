"""Over real daphne: the per-address login limit cannot be dodged with X-Forwarded-For, and a
header that is not UTF-8 is no crash."""

import http.client
import json

import pytest

from tests.support.processes import ServerProcess
from tests.support.processes import test_database_url as database_url


@pytest.fixture
def strict_server(transactional_db):
    server = ServerProcess(database_url=database_url(), env={"THROTTLE_AUTH": "2/min"})
    server.start()
    yield server
    server.stop()


def login(server, forwarded_for: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    body = json.dumps({"email": "nobody@example.com", "password": "wrong-password-1"})
    # putheader encodes str values as latin-1, so "\xff" goes out as the single byte 0xff.
    connection.putrequest("POST", "/api/auth/login")
    for name, value in (("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                        ("X-Forwarded-For", forwarded_for)):
        connection.putheader(name, value)
    connection.endheaders(body.encode())
    response = connection.getresponse()
    result = response.status, response.getheader("Content-Type", "")
    connection.close()
    return result


def test_forwarded_for_neither_renames_the_client_nor_crashes_the_server(strict_server):
    results = [login(strict_server, address) for address in ("10.0.0.1", "10.0.0.2", "\xff", "10.0.0.3")]
    assert [status for status, _ in results] == [401, 401, 429, 429]
    assert all(content_type.startswith("application/json") for _, content_type in results)


def test_refused_requests_are_logged_in_one_line_without_a_traceback(strict_server):
    connection = http.client.HTTPConnection("127.0.0.1", strict_server.port, timeout=10)
    connection.request("GET", "/api/auth/me", headers={"Host": "evil.example"})
    response = connection.getresponse()
    assert response.status == 400 and response.getheader("Content-Type", "").startswith("application/json")
    connection.close()
    log = strict_server.log()
    assert "Invalid HTTP_HOST header: 'evil.example'" in log and "Traceback" not in log

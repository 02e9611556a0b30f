"""Static files over a real daphne (issue 19): served by WhiteNoise with the pages' security
headers, a year's caching for hashed names and compressed copies; traversal attempts are 404
(one answered 500 with a traceback); /favicon.ico exists; every page has a skip link."""

import http.client
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow


def raw_get(server, path: str, **headers: str) -> http.client.HTTPResponse:
    """GET the path exactly as written (no client-side normalisation of '..' or escapes)."""
    parts = urlsplit(server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    for name, value in headers.items():
        connection.putheader(name.replace("_", "-"), value)
    connection.endheaders()
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def stylesheet_url(server) -> str:
    page = raw_get(server, "/login").body.decode()
    return re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page).group(1)


@pytest.mark.parametrize(
    "path",
    [
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/../../etc/passwd",
        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static/..%5c..%5cresume_analyzer%5csettings.py",
        "/static/css/../../resume_analyzer/settings.py",
        "/static/%00",
    ],
)
def test_traversal_attempts_are_404_without_a_traceback(daphne_server, path):
    response = raw_get(daphne_server, path)
    assert response.status == 404, (path, response.status)
    assert b"root:" not in response.body and b"SECRET_KEY" not in response.body
    assert "Traceback" not in daphne_server.log()


def test_hashed_static_files_are_cached_for_a_year_with_the_security_headers(daphne_server):
    response = raw_get(daphne_server, stylesheet_url(daphne_server))
    assert response.status == 200 and response.getheader("Content-Type").startswith("text/css")
    assert "max-age=315360000" in response.getheader("Cache-Control")
    assert "immutable" in response.getheader("Cache-Control")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "same-origin"
    assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert "default-src 'self'" in response.getheader("Content-Security-Policy")


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_static_files_are_served_compressed(daphne_server, encoding):
    url = stylesheet_url(daphne_server)
    plain = raw_get(daphne_server, url)
    compressed = raw_get(daphne_server, url, Accept_Encoding=encoding)
    assert compressed.getheader("Content-Encoding") == encoding
    assert len(compressed.body) < len(plain.body) / 2
    assert "Accept-Encoding" in compressed.getheader("Vary")


def test_favicon_is_there_and_pages_link_it(daphne_server):
    redirect = raw_get(daphne_server, "/favicon.ico")
    assert redirect.status == 302
    icon = raw_get(daphne_server, redirect.getheader("Location"))
    assert icon.status == 200 and icon.getheader("Content-Type").startswith("image/svg+xml")
    assert re.search(r'<link rel="icon" href="/static/favicon\.[0-9a-f]{12}\.svg"', raw_get(daphne_server, "/login").body.decode())


@pytest.mark.parametrize("path", ["/login", "/register", "/no-such-page"])
def test_every_page_starts_with_a_skip_link_to_the_main_content(daphne_server, path):
    page = raw_get(daphne_server, path).body.decode()
    body = page[page.index("<body"):]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'class="skip-link"' in first_link and 'href="#main"' in first_link
    assert '<main class="container" id="main"' in page

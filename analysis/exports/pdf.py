"""PDF export: a Django template with print CSS, laid out by WeasyPrint.

WeasyPrint would otherwise fetch any URL a document mentions (http:, file:, data:). User text is
escaped by the template, but the renderer is still locked down: `StaticOnlyFetcher` answers only
for our own static files and refuses everything else, so a resume can never make the server read
a local file or call the network.
"""

import logging
import threading
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import weasyprint
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from analysis.exports.document import Report

logger = logging.getLogger(__name__)

# Relative URLs in the report resolve against this origin, which exists only inside the fetcher.
BASE_URL = "https://export.invalid/"
STATIC_PREFIX = BASE_URL + "static/"
STYLESHEET = "css/export-print.css"
TEMPLATE = "analysis/export/report.html"


class FetchRefused(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    """Serves https://export.invalid/static/<path> from our static files; refuses anything else."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if not url.startswith(STATIC_PREFIX):
            logger.warning("PDF export refused to fetch %s", url[:200])
            raise FetchRefused(f"refused to fetch {url[:200]}")
        relative = unquote(urlsplit(url).path).removeprefix("/static/")
        path = finders.find(relative) if _plain_relative(relative) else None
        if not path:
            raise FetchRefused(f"no static file {relative[:200]}")
        with open(path, "rb") as handle:
            return URLFetcherResponse(url, handle.read(), {"Content-Type": _media_type(relative)})


def _plain_relative(path: str) -> bool:
    """A path that stays inside the static directories: no absolute path, no '..', no backslash."""
    return bool(path) and not path.startswith("/") and "\\" not in path and ".." not in path.split("/")


def _media_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {"css": "text/css", "png": "image/png", "svg": "image/svg+xml"}.get(suffix, "application/octet-stream")


@lru_cache(maxsize=1)
def print_stylesheet() -> weasyprint.CSS:
    """Parsed once per process: the stylesheet is a static file that only changes on deploy."""
    return weasyprint.CSS(url=STATIC_PREFIX + STYLESHEET, url_fetcher=StaticOnlyFetcher())


_fonts = threading.local()


def font_configuration() -> FontConfiguration:
    """One per thread: building Pango's font map costs ~15% of a render, and it is not
    thread-safe, so each thread keeps its own (the report uses system fonts only)."""
    if not hasattr(_fonts, "config"):
        _fonts.config = FontConfiguration()
    return _fonts.config


def report_html(report: Report) -> str:
    return render_to_string(TEMPLATE, {"report": report, "static_base": STATIC_PREFIX})


def render_pdf(report: Report) -> bytes:
    document = weasyprint.HTML(string=report_html(report), base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    return document.write_pdf(stylesheets=[print_stylesheet()], font_config=font_configuration()) or b""


"""Hostile resume text: CSV formulas are neutralised, markup renders literally, and the PDF
renderer reaches neither the network nor the file system."""

import http.server
import threading

import pytest
import weasyprint

from analysis.exports.pdf import BASE_URL, STATIC_PREFIX, FetchRefused, StaticOnlyFetcher
from analysis.exports.tabular import neutralise
from tests.export.readers import CSV_TRIGGERS, csv_rows, docx_document, pdf_text
from tests.export.sample import SAMPLE_PROFILE

URL = "/api/analysis/export"
HOSTILE = {
    **SAMPLE_PROFILE,
    "personal_info": {**SAMPLE_PROFILE["personal_info"], "name": "=HYPERLINK(\"http://evil.example\",\"x\")"},
    "skills": {"@SUM(A1:A9)": ["+cmd|' /C calc'!A0", "-2+3", "\tTabbed", "\rReturn", "Safe"]},
    "summary": "<script>alert('x')</script> {{ request.user }} {% debug %} <img src=\"file:///etc/passwd\">",
    "strengths": ["<b>bold claim</b>", "Ampersands & <angles>"],
}


def get(api, job, fmt):
    response = api.get(URL, {"job_id": str(job.id), "format": fmt})
    assert response.status_code == 200
    return response.content


def test_csv_cells_never_start_with_a_formula_trigger(api, make_job, owner):
    rows = csv_rows(get(api, make_job(owner, profile=HOSTILE), "csv"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(CSV_TRIGGERS)]
    assert ["PERSONAL INFORMATION", "Name", "'=HYPERLINK(\"http://evil.example\",\"x\")"] in rows
    assert ["SKILLS", "'@SUM(A1:A9)", "'+cmd|' /C calc'!A0"] in rows
    assert ["SKILLS", "'@SUM(A1:A9)", "'-2+3"] in rows
    # Leading whitespace (tab, CR) is trimmed from every value, which disarms those two triggers.
    assert ["SKILLS", "'@SUM(A1:A9)", "Tabbed"] in rows
    assert ["SKILLS", "'@SUM(A1:A9)", "Return"] in rows
    assert ["SKILLS", "'@SUM(A1:A9)", "Safe"] in rows


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_neutralise_prefixes_every_trigger(cell):
    assert neutralise(cell) == "'" + cell
    assert neutralise("plain " + cell) == "plain " + cell


def test_pdf_shows_markup_and_template_tags_literally(api, make_job, owner):
    text = " ".join(pdf_text(get(api, make_job(owner, profile=HOSTILE), "pdf")).split())
    assert "<script>alert('x')</script> {{ request.user }} {% debug %}" in text
    assert '<img src="file:///etc/passwd">' in text
    assert "<b>bold claim</b>" in text
    assert "Ampersands & <angles>" in text
    assert "root:x:0:0" not in text


def test_docx_shows_markup_literally(api, make_job, owner):
    document = docx_document(get(api, make_job(owner, profile=HOSTILE), "docx"))
    body = [p.text for p in document.paragraphs]
    assert HOSTILE["summary"] in body
    assert "<b>bold claim</b>" in body


def test_control_characters_do_not_break_docx_or_pdf(api, make_job, owner):
    profile = {**SAMPLE_PROFILE, "summary": "Line one\x08\x0b\x1f and more", "strengths": ["ok\x07"]}
    job = make_job(owner, profile=profile)
    assert "Line one and more" in [p.text for p in docx_document(get(api, job, "docx")).paragraphs]
    assert "Line one and more" in pdf_text(get(api, job, "pdf"))


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://127.0.0.1:1/x.png",
    "https://example.com/style.css",
    "data:text/css,body{color:red}",
    STATIC_PREFIX + "../../settings.py",
    STATIC_PREFIX + "css/%2e%2e/%2e%2e/resume_analyzer/settings.py",
    STATIC_PREFIX + "css/does-not-exist.css",
    STATIC_PREFIX + "/etc/passwd",
    STATIC_PREFIX + "%2Fetc%2Fpasswd",
    STATIC_PREFIX + "css\\..\\..\\manage.py",
    BASE_URL + "media/resumes/x.pdf",
])
def test_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(FetchRefused):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_our_stylesheet():
    response = StaticOnlyFetcher().fetch(STATIC_PREFIX + "css/export-print.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { background: red }")

    def log_message(self, *args):
        pass


def test_renderer_makes_no_request_even_for_hostile_html():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    html = (
        f'<link rel="stylesheet" href="{origin}/style.css"><img src="{origin}/pixel.png">'
        '<img src="file:///etc/passwd"><style>@import url("' + origin + '/import.css");</style><p>Hello</p>'
    )
    try:
        pdf = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()
    finally:
        server.shutdown()
        server.server_close()
    assert pdf.startswith(b"%PDF-")
    assert _Recorder.hits == []

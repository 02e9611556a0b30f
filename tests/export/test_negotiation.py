"""`?format=` names the file; the Accept header never refuses an export (no 406)."""

import pytest

from analysis.exports.service import FORMATS

URL = "/api/analysis/export"


@pytest.mark.parametrize(("fmt", "accept"), [("pdf", "application/pdf"), ("csv", "text/csv"), ("json", "text/html")])
def test_an_accept_header_without_json_still_gets_the_file(api, job, fmt, accept):
    response = api.get(URL, {"job_id": str(job.id), "format": fmt}, HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FORMATS[fmt].content_type)


def test_errors_are_json_whatever_the_accept_header(api, job):
    response = api.get(URL, {"job_id": str(job.id), "format": "xml"}, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 400 and response.json()["error"] == "Invalid format"

"""Scanned resumes read by Tesseract OCR (analysis/documents/ocr.py) on the fixtures that
tests/fixtures/ocr/make_fixtures.py made with pdftoppm, Pillow and pdfunite: a 2-page scan runs
through a real job (the `ocr` stage between extracting_text and chunking) and its name, email and
phone are found; an upside-down scan is turned upright. (The sideways scan and the PDF mixing a
text page and a scanned page run as jobs in tests/analysis/test_hidden_text_corpus.py.)"""

from pathlib import Path

import pytest

from analysis.documents.extraction import extract_document
from analysis.documents.ocr import ocr_document
from analysis.models import JobStatus
from analysis.signals import job_changed
from tests.analysis.conftest import FILES
from tests.analysis.test_pipeline import new_job, run
from tests.fixtures.ocr.metrics import cer

OCR = Path(__file__).resolve().parent.parent / "fixtures" / "ocr"
TEXT_LAYER = extract_document(FILES / "resume.pdf")


def test_a_two_page_scan_completes_with_name_email_and_phone(owner, django_capture_on_commit_callbacks):
    statuses: list[str] = []

    def seen(sender, status, **kwargs):
        statuses.append(status)

    job_changed.connect(seen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            job = run(new_job(owner, "scan.pdf", (OCR / "scan-300.pdf").read_bytes()))
    finally:
        job_changed.disconnect(seen)

    assert job.status == JobStatus.COMPLETED, job.error_message
    assert statuses.index("extracting_text") < statuses.index("ocr") < statuses.index("chunking")
    info = job.profile.personal_info
    assert info["name"] == "Jordan Avery Lee"
    assert info["email"] == "jordan.avery.lee@example.com"
    assert "7946 0958" in info["phone"]
    assert cer(TEXT_LAYER.text, job.extracted_text) <= 0.03  # the target at 300 dpi
    assert len(job.page_starts) == 2 and job.page_starts[1] > 0
    [warning] = [w for w in job.warnings if w["kind"] == "ocr"]
    assert warning["pages"] == [1, 2] and warning["count"] == 2
    assert not any(w["kind"] == "hidden_text" for w in job.warnings)


def test_an_upside_down_scan_is_read_upright():
    # (the sideways scan runs as a job in tests/analysis/test_hidden_text_corpus.py)
    path = OCR / "scan-rotated-180.pdf"
    extracted = extract_document(path, allow_scanned=True)
    assert extracted.needs_ocr == [0] and extracted.text == ""
    read = ocr_document(path, extracted)
    assert read.ocr_pages == [0] and read.needs_ocr == []
    assert read.text.startswith("Jordan Avery Lee")
    assert "jordan.avery.lee@example.com" in read.text
    assert cer(TEXT_LAYER.pages[0], read.text) <= 0.03


def test_without_allow_scanned_a_scan_still_has_no_text():
    from analysis.documents.extraction import ExtractionError

    with pytest.raises(ExtractionError, match=r"No extractable text \(scanned PDF\?\)"):
        extract_document(OCR / "scan-300.pdf")


def test_ocr_stops_at_its_time_limit():
    from analysis.documents.extraction import ExtractionError

    path = OCR / "scan-300.pdf"
    with pytest.raises(ExtractionError, match=r"OCR of the scanned pages took longer than 0 s and was stopped"):
        ocr_document(path, extract_document(path, allow_scanned=True), time_limit=0)

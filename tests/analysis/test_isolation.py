"""Extraction under a hard wall-clock and memory limit in a child process (analysis/isolation.py):
a page built to be slow to read fails in time with a clear message, and the worker's memory
stays as it was."""

import time
from pathlib import Path

import psutil
import pytest

from analysis.documents.errors import ExtractionError
from analysis.documents.extraction import extract_document
from analysis.isolation import run_isolated
from analysis.services import StageError, stage_extract
from tests.analysis.conftest import store_upload
from tests.support.pdf_bomb import content_bomb_pdf

FILES = Path(__file__).resolve().parent.parent / "fixtures" / "files"
pytestmark = pytest.mark.slow


def test_a_one_page_pdf_with_a_60_mb_content_stream_fails_in_time_and_leaves_memory_as_it_was(
    owner, tmp_path, settings, db
):
    settings.EXTRACTION_TIME_LIMIT_SECONDS = 3  # 60 in production; the page alone takes minutes
    bomb = content_bomb_pdf(tmp_path / "bomb.pdf", megabytes=60)
    assert bomb.stat().st_size < 250_000
    job = store_upload(owner, "bomb.pdf", data=bomb.read_bytes()).jobs.create(owner=owner)
    rss = psutil.Process().memory_info().rss
    started = time.monotonic()
    with pytest.raises(StageError) as refused:
        stage_extract(job=job)
    assert time.monotonic() - started < 3 + 3
    assert str(refused.value) == "Text extraction failed: Text extraction took longer than 3 s and was stopped"
    assert psutil.Process().memory_info().rss - rss < 30 * 2**20
    assert not psutil.Process().children()  # the reader was killed and reaped


def test_a_normal_file_reads_as_it_does_in_process():
    path = FILES / "resume.pdf"
    isolated = run_isolated(extract_document, path, kind="pdf", max_pages=30, time_limit=60,
                            wall_seconds=30, memory_mb=1024)  # fmt: skip
    direct = extract_document(path, kind="pdf", max_pages=30, time_limit=60)
    assert isolated.text == direct.text and isolated.page_starts == direct.page_starts


def test_the_readers_own_refusal_comes_through_as_it_is(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(ExtractionError) as refused:
        run_isolated(extract_document, broken, kind="pdf", max_pages=30, time_limit=60, wall_seconds=30, memory_mb=1024)
    assert "not a valid PDF" in refused.value.message


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def test_memory_beyond_the_limit_fails_in_the_child_with_a_clear_message():
    assert run_isolated(_allocate, 16, wall_seconds=30, memory_mb=128) == 16 * 2**20
    with pytest.raises(ExtractionError) as refused:
        run_isolated(_allocate, 512, wall_seconds=30, memory_mb=128)
    assert refused.value.message == "reading the file needed more than the 128 MB memory limit"

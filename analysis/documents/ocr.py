"""Text of scanned PDF pages, read by Tesseract OCR, offline.

extraction.py lists the pages of a PDF that have no text layer but an image (Extracted.needs_ocr,
with allow_scanned=True); `ocr_document` draws each of them with pdfium at DEFAULT_DPI, turns it
upright (Tesseract's orientation detection, on a half-resolution copy, for pages scanned at 90°,
180° or 270°), reads it with Tesseract, and returns the whole document's Extracted with those
pages filled in (`assemble`), listing them in `ocr_pages`.

Engine: the `tesseract` program (Debian's tesseract-ocr with its English and orientation data),
run as a subprocess with one thread (OMP_THREAD_LIMIT=1: on shared cores its OpenMP threads made
it many times slower, docs/benchmarks.md) and a timeout from the stage's time budget. Measured
against rapidocr-onnxruntime on our fixtures (docs/parser-quality.md "OCR"), Tesseract had about
a tenth of the character error rate and was faster. With no `tesseract` on the PATH the job fails
with a message naming what to install.

Plain Python, no Django.
"""

import io
import logging
import os
import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

from analysis.documents.errors import ExtractionError
from analysis.documents.extraction import Extracted, assemble

logger = logging.getLogger(__name__)

DEFAULT_DPI = 300  # Tesseract's own advice; 150-dpi scans are drawn up to it, which reads better
OSD_DPI = 150  # orientation detection needs far fewer pixels than reading
MAX_PIXELS = 40_000_000  # a page drawn larger than this (a poster-sized page) is drawn smaller
DEFAULT_LANGUAGE = "eng"
INSTALL_HINT = (
    "install Tesseract OCR (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng; "
    "`make run` does this when it can)"
)
ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")
CONFIDENCE_RE = re.compile(r"Orientation confidence:\s*([\d.]+)")
MIN_ORIENTATION_CONFIDENCE = 1.5


def engine() -> str | None:
    """The tesseract program's path, or None when it is not installed."""
    return shutil.which(os.environ.get("TESSERACT_CMD", "tesseract"))


def engine_version() -> str:
    program = engine()
    if program is None:
        return ""
    try:
        out = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    first = (out.stdout or out.stderr).splitlines()
    return first[0] if first else ""


def ocr_document(
    path: str | Path,
    extracted: Extracted,
    *,
    dpi: int = DEFAULT_DPI,
    time_limit: float = 60.0,
    language: str = DEFAULT_LANGUAGE,
) -> Extracted:
    """`extracted` with its needs_ocr pages read by OCR; raises ExtractionError when no engine is
    installed, the time runs out, or the document still has no text."""
    if not extracted.needs_ocr:
        return extracted
    program = engine()
    if program is None:
        raise ExtractionError(f"This PDF is scanned (its pages are images) and no OCR engine is installed: {INSTALL_HINT}")
    started = time.monotonic()
    pages = list(extracted.pages)
    try:
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
    except Exception as exc:
        raise ExtractionError("Could not read the PDF file's scanned pages: it is damaged") from exc
    try:
        for index in extracted.needs_ocr:
            remaining = time_limit - (time.monotonic() - started)
            if remaining <= 0:
                raise ExtractionError(f"OCR of the scanned pages took longer than {time_limit:g} s and was stopped")
            image = _draw(document, index, dpi)
            pages[index] = read_image(image, dpi=dpi, program=program, language=language, timeout=remaining)
    finally:
        document.close()
    result = assemble(pages, hidden=extracted.hidden, ocr_pages=list(extracted.needs_ocr), require_text=False)
    if not any(char.isalnum() for char in result.text):
        raise ExtractionError("No extractable text: OCR found no text on the scanned pages")
    return replace(result, needs_ocr=[])


def _draw(document, index: int, dpi: int):
    """Page `index` drawn in grayscale at `dpi` (smaller for a huge page), as a PIL image."""
    page = document[index]
    try:
        width, height = page.get_size()  # points
        scale = dpi / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        return page.render(scale=scale, grayscale=True).to_pil()
    except Exception as exc:
        raise ExtractionError(f"Could not draw scanned page {index + 1} for OCR: it is damaged") from exc
    finally:
        page.close()


def _run(program: str, image, args: list[str], timeout: float) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [program, "stdin", "stdout", *args],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=max(1.0, timeout),
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError("OCR of the scanned pages took too long and was stopped") from exc
    except OSError as exc:
        raise ExtractionError(f"The OCR engine could not be started: {INSTALL_HINT}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        logger.info("tesseract %s failed: %s", args, message[-3:] if message else "")
        if args and args[0] == "--psm" and args[1] == "0":
            return ""  # orientation unknown (too little text): read the page as it is
        if any("Failed loading language" in line or "traineddata" in line for line in message):
            raise ExtractionError(f"The OCR engine has no data for the language '{args[-1]}': {INSTALL_HINT}")
        raise ExtractionError("The OCR engine could not read a scanned page")
    return done.stdout.decode("utf-8", "replace")


def orientation(image, *, dpi: int, program: str, timeout: float) -> int:
    """Degrees clockwise the page must turn to be upright (0, 90, 180 or 270), by Tesseract's
    orientation detection on a smaller copy; 0 when it cannot tell."""
    small = image
    if dpi > OSD_DPI:
        factor = OSD_DPI / dpi
        small = image.resize((max(1, int(image.width * factor)), max(1, int(image.height * factor))))
    report = _run(program, small, ["--psm", "0"], timeout)
    rotate = ROTATE_RE.search(report)
    confidence = CONFIDENCE_RE.search(report)
    if not rotate or not confidence or float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def read_image(
    image, *, dpi: int = DEFAULT_DPI, program: str | None = None, language: str = DEFAULT_LANGUAGE, timeout: float = 60.0
) -> str:
    """The text of one page image drawn at `dpi`, turned upright first."""
    program = program or engine()
    if program is None:
        raise ExtractionError(f"No OCR engine is installed: {INSTALL_HINT}")
    started = time.monotonic()
    turn = orientation(image, dpi=dpi, program=program, timeout=timeout)
    if turn:
        image = image.rotate(-turn, expand=True, fillcolor=255)
    remaining = timeout - (time.monotonic() - started)
    return _run(program, image, ["--psm", "3", "-l", language], remaining)

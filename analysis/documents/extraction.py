"""Plain text from a resume file: PDF (pdfplumber), DOCX (python-docx), legacy DOC (word97.py).

`extract_document(path, kind=None, *, max_pages=, time_limit=, allow_scanned=False)` returns an
Extracted: the text in reading order and, for a PDF, the offset in that text where each page
starts (pages are joined by a blank line); `extract_text` is the same call returning only the
text. Both raise ExtractionError with a message fit to show a user. Every parser failure, however
exotic, becomes an ExtractionError: the worker must never crash on a hostile or broken file.

Text a reader cannot see (hidden.py: white on white, tiny, outside the page, invisible, Word's
hidden runs) is left out of `text` and listed in `Extracted.hidden`. With `allow_scanned`, a PDF
page that has no text layer but images is listed in `needs_ocr` instead of failing the file;
ocr.py reads those pages and `assemble` builds the final text from all pages.
"""

import itertools
import logging
import re
import time
import zipfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from analysis.documents.errors import CELL_SEPARATOR, ExtractionError
from analysis.documents.hidden import HiddenText, docx_run_reason, render_page, split_words
from analysis.documents.word97 import read_doc

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_MAX_PAGES = 30
DEFAULT_TIME_LIMIT_SECONDS = 60.0
# A DOCX that inflates past this is a zip bomb, not a resume.
DOCX_MAX_UNCOMPRESSED = 100 * 1024 * 1024
MIN_GUTTER_PT = 10
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
SYMBOL_BULLETS = {"\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "\uf0fc", "\uf06e", "\uf0a8"}

# A page with fewer letters and digits than this in its text layer, and an image, is a scan.
SCANNED_PAGE_MAX_ALNUM = 20
NO_TEXT_PDF = "No extractable text (scanned PDF?)"

__all__ = [
    "ExtractionError", "Extracted", "HiddenText", "assemble", "detect_kind", "extract_document",
    "extract_text",
]


@dataclass(frozen=True)
class Extracted:
    text: str
    # Offset into `text` where each page begins (PDFs; [] for DOCX and DOC, which have no pages).
    page_starts: list[int] = field(default_factory=list)
    # Text a reader cannot see, left out of `text` (hidden.py).
    hidden: list[HiddenText] = field(default_factory=list)
    # PDFs: each page's text before tidying (what `assemble` joins), 0-based.
    pages: list[str] = field(default_factory=list)
    # PDFs read with allow_scanned: pages (0-based) with no text layer but an image, for OCR.
    needs_ocr: list[int] = field(default_factory=list)
    # Pages (0-based) whose text came from OCR (set by ocr.py).
    ocr_pages: list[int] = field(default_factory=list)


def detect_kind(path: str | Path) -> str:
    """The document kind from the file's first bytes (never from its name)."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "docx"
    if head.startswith(OLE_MAGIC):
        return "doc"
    raise ExtractionError("Unsupported file type: only PDF, DOC and DOCX files can be read")


def extract_text(
    path: str | Path,
    kind: str | None = None,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
) -> str:
    """The file's text; `max_pages` and `time_limit` (seconds) cap how much of a PDF is read."""
    return extract_document(path, kind, max_pages=max_pages, time_limit=time_limit).text


def extract_document(
    path: str | Path,
    kind: str | None = None,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
    allow_scanned: bool = False,
) -> Extracted:
    """The file's text and page starts; the limits are extract_text's. With `allow_scanned`, a
    PDF whose pages (some or all) are images comes back with those pages in `needs_ocr` rather
    than failing with "No extractable text"."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError("The uploaded file is missing from storage")
    kind = (kind or detect_kind(path)).lower()
    hidden: list[HiddenText] = []
    readers = {
        "pdf": partial(_extract_pdf, max_pages=max_pages, time_limit=time_limit, hidden=hidden),
        "docx": partial(_extract_docx, hidden=hidden),
        "doc": read_doc,
    }
    if kind not in readers:
        raise ExtractionError(f"Unsupported file type: {kind}")
    try:
        read = readers[kind](path)
    except ExtractionError:
        raise
    except Exception as exc:  # parsers raise anything on hostile input; none may escape
        logger.info("extraction of %s failed", path, exc_info=True)
        raise ExtractionError(
            f"Could not read the {kind.upper()} file: it is damaged or not a valid {kind.upper()}"
        ) from exc
    if isinstance(read, list):  # a PDF: (text, has images) per page
        pages = [page for page, _ in read]
        scans = [i for i, (page, images) in enumerate(read) if images and _alnum(page) < SCANNED_PAGE_MAX_ALNUM]
        if allow_scanned and scans:
            pages = ["" if i in scans else page for i, page in enumerate(pages)]
            return assemble(pages, hidden=hidden, needs_ocr=scans, require_text=False)
        return assemble(pages, hidden=hidden)
    text = _tidy(read)
    if not any(char.isalnum() for char in text):
        raise ExtractionError(f"No extractable text in the {kind.upper()} file")
    return Extracted(text, [], hidden)


def assemble(
    pages: list[str],
    *,
    hidden: list[HiddenText] | None = None,
    needs_ocr: list[int] | None = None,
    ocr_pages: list[int] | None = None,
    require_text: bool = True,
) -> Extracted:
    """A PDF's Extracted from its pages' texts (pages joined by a blank line, page starts)."""
    text = _tidy(_drop_unmapped_glyphs("\n\n".join(pages)))
    if require_text and not any(char.isalnum() for char in text):
        raise ExtractionError(NO_TEXT_PDF)
    return Extracted(
        text,
        _page_starts(pages, text),
        list(hidden or []),
        list(pages),
        list(needs_ocr or []),
        list(ocr_pages or []),
    )


def _alnum(text: str) -> int:
    return sum(1 for char in UNMAPPED_GLYPH.sub("", text) if char.isalnum())


def _page_starts(pages: list[str], text: str) -> list[int]:
    """Where each page begins in the tidied text. Tidying works line by line, so the whole is the
    tidied pages joined by a blank line (an empty page adds nothing and starts where the next
    one does); the rebuilt text is checked against the real one, and no pages are claimed if
    they ever differ."""
    rebuilt, starts = "", []
    for page in pages:
        tidied = _tidy(UNMAPPED_GLYPH.sub("", page))
        if tidied and rebuilt:
            rebuilt += "\n\n"
        starts.append(len(rebuilt))
        rebuilt += tidied
    return starts if rebuilt == text else []


def _tidy(text: str) -> str:
    """Trim trailing spaces, collapse runs of blank lines, drop control characters."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = "".join(_visible(ch) for ch in raw).replace("\xa0", " ").strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


def _visible(char: str) -> str:
    """Symbol-font bullets (private-use code points) become "•"; other invisible characters go."""
    if "\ue000" <= char <= "\uf8ff":
        return "•" if char in SYMBOL_BULLETS else ""
    return char if char == "\t" or char >= " " else ""


# --- PDF -------------------------------------------------------------------------------------------


def _extract_pdf(path: Path, *, max_pages: int, time_limit: float, hidden: list[HiddenText]) -> list[tuple[str, bool]]:
    """Each page's visible text and whether it has images (extract_document joins the texts
    with a blank line); the page's hidden text goes to `hidden`."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    started = time.monotonic()
    pages: list[tuple[str, bool]] = []
    try:
        with pdfplumber.open(path) as pdf, _pdfium(path) as drawn:
            for number, page in enumerate(pdf.pages[:max_pages]):
                if time.monotonic() - started > time_limit:
                    raise ExtractionError(
                        f"Text extraction took longer than {time_limit:g} s and was stopped"
                    )
                pages.append((_pdf_page_text(page, drawn, number, hidden), bool(page.images)))
                page.close()  # frees the page's cached layout objects
    except PDFPasswordIncorrect as exc:
        raise ExtractionError("The PDF is password-protected") from exc
    return pages


class _pdfium:
    """The same file opened by pdfium, to draw pages for the hidden-text check; None inside the
    `with` when pdfium cannot open it (the check then reads attributes only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.document = None

    def __enter__(self):
        try:
            import pypdfium2

            self.document = pypdfium2.PdfDocument(str(self.path))
        except Exception:
            logger.info("pdfium could not open %s; hidden text checked by attributes", self.path)
            self.document = None
        return self.document

    def __exit__(self, *exc) -> None:
        if self.document is not None:
            self.document.close()


def _drop_unmapped_glyphs(text: str) -> str:
    """Remove "(cid:NN)" placeholders (glyphs whose font has no character map); a PDF made
    mostly of them has no usable text layer."""
    glyphs = len(UNMAPPED_GLYPH.findall(text))
    cleaned = UNMAPPED_GLYPH.sub("", text)
    if glyphs > 20 and glyphs > len(cleaned.split()):
        raise ExtractionError(
            "No extractable text: the PDF's fonts do not map to characters (scanned or outlined?)"
        )
    return cleaned


def _page_ink(page, drawn, number: int):
    """The page as drawn, for the ink test; None for rotated pages (their drawing is turned
    against pdfplumber's coordinates) or when pdfium is unavailable."""
    if drawn is None or page.rotation or not page.chars:
        return None
    try:
        pdfium_page = drawn[number]
    except Exception:
        return None
    try:
        return render_page(pdfium_page, float(page.cropbox[0]), float(page.cropbox[1]))
    finally:
        pdfium_page.close()


def _pdf_page_text(page, drawn=None, number: int = 0, hidden: list[HiddenText] | None = None) -> str:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False, return_chars=True)
    cropbox = tuple(float(v) for v in page.cropbox)
    words, found = split_words(words, cropbox, _page_ink(page, drawn, number), number + 1)
    if hidden is not None:
        hidden.extend(found)
    lines = _group_lines(words)
    gutter = _find_gutter(lines, float(page.width))
    if gutter is None:
        return "\n".join(_join(line) for line in lines)
    return "\n".join(_two_column_order(lines, gutter))


def _group_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into visual lines (same baseline within 3 pt), top to bottom, left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


WIDE_GAP = 0.5  # of the word's height: about two spaces' width


def _join(words: list[dict]) -> str:
    """The words of one line; a gap of two spaces or more is kept as two spaces, the mark that
    separates sections and fields when a resume's line breaks were lost (the learned extractor
    reads it, analysis/parsing/learned/features.py), and a right-aligned date from its title.
    The indent after a bullet stays one space."""
    parts = [words[0]["text"]] if words else []
    for before, word in itertools.pairwise(words):
        bullet = len(before["text"]) == 1 and not before["text"].isalnum()
        wide = not bullet and word["x0"] - before["x1"] > WIDE_GAP * (before["bottom"] - before["top"])
        parts.append(("  " if wide else " ") + word["text"])
    return "".join(parts)


def _crosses(line: list[dict], x: float) -> bool:
    return any(word["x0"] < x < word["x1"] for word in line)


def _find_gutter(lines: list[list[dict]], width: float) -> float | None:
    """The x of a column gutter, if the page is laid out in two columns.

    A gutter is an x position that most lines do not cross, with a real column on each side: at
    least a quarter of the lines have text left of it and a quarter right of it, and the right
    column is left-aligned (its lines start at one x). Single-column prose crosses every middle
    x; right-aligned dates beside a job title start at varying x, so neither qualifies.
    """
    if len(lines) < 8:
        return None
    best_x, best_free = None, 0
    for step in range(int(width * 0.2), int(width * 0.8), 2):
        x = float(step)
        free = [line for line in lines if not _crosses(line, x)]
        if len(free) > best_free and _is_column_pair(free, x, len(lines)):
            best_x, best_free = x, len(free)
    return best_x


def _is_column_pair(free: list[list[dict]], x: float, total: int) -> bool:
    starts, lefts, right_only, gaps = [], 0, 0, []
    for line in free:
        left = [w["x1"] for w in line if w["x1"] <= x]
        right = [w["x0"] for w in line if w["x0"] >= x]
        lefts += bool(left)
        right_only += bool(right and not left)
        if right:
            starts.append(min(right))
        if left and right:
            gaps.append(min(right) - max(left))
    if len(free) < 0.6 * total or min(len(starts), lefts) < max(4, 0.25 * total):
        return False
    # A real right column has lines of its own; dates beside a job title never stand alone.
    if right_only < max(2, 0.1 * total):
        return False
    if gaps and min(gaps) < MIN_GUTTER_PT:  # a gap between words, not a channel between columns
        return False
    anchor = min(starts)
    aligned = sum(1 for start in starts if start - anchor <= 12)  # bullets indent a little
    return aligned >= 0.6 * len(starts)


def _two_column_order(lines: list[list[dict]], gutter: float) -> list[str]:
    """Full-width lines stay in place; each run of split lines reads left column, then right."""
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        out.extend(left + right)
        left.clear()
        right.clear()

    for line in lines:
        if _crosses(line, gutter):
            flush()
            out.append(_join(line))
            continue
        left_words = [w for w in line if w["x1"] <= gutter]
        right_words = [w for w in line if w["x0"] >= gutter]
        if left_words:
            left.append(_join(left_words))
        if right_words:
            right.append(_join(right_words))
    flush()
    return out


# --- DOCX ------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _extract_docx(path: Path, *, hidden: list[HiddenText]) -> str:
    import docx

    _check_zip(path)
    document = docx.Document(str(path))
    reader = _DocxRuns(document, hidden)
    parts = [_docx_headers(document, reader), _docx_blocks(document, reader), _docx_text_boxes(document, reader)]
    return "\n".join(part for part in parts if part)


class _DocxRuns:
    """Reads runs as a reader sees them: a hidden run (hidden.docx_run_reason, with the run's
    character style and its paragraph's style, each with the styles it is based on) is left out
    and collected."""

    def __init__(self, document, hidden: list[HiddenText]) -> None:
        self.hidden = hidden
        self.styles = {}
        try:
            for style in document.styles.element.iter(f"{{{W_NS}}}style"):
                self.styles[style.get(f"{{{W_NS}}}styleId")] = style
        except Exception:  # a document without a styles part has only direct formatting
            self.styles = {}

    def _style_chain(self, style_id: str | None) -> list:
        chain, seen = [], set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style.find(f"{{{W_NS}}}rPr"))
            based = style.find(f"{{{W_NS}}}basedOn")
            style_id = based.get(f"{{{W_NS}}}val") if based is not None else None
        return chain

    def _val(self, parent, path: str) -> str | None:
        node = parent.find(path) if parent is not None else None
        return node.get(f"{{{W_NS}}}val") if node is not None else None

    def reason(self, run, paragraph) -> str | None:
        rpr = run.find(f"{{{W_NS}}}rPr")
        ppr = paragraph.find(f"{{{W_NS}}}pPr") if paragraph is not None else None
        chain = [rpr]
        chain += self._style_chain(self._val(rpr, f"{{{W_NS}}}rStyle"))
        chain += self._style_chain(self._val(ppr, f"{{{W_NS}}}pStyle"))
        return docx_run_reason(chain, self._backgrounds(paragraph, ppr))

    def _backgrounds(self, paragraph, ppr) -> list:
        """The shading behind a paragraph: its own and that of the table cells around it."""
        found = [ppr.find(f"{{{W_NS}}}shd")] if ppr is not None else []
        if paragraph is not None:
            for cell in paragraph.iterancestors(f"{{{W_NS}}}tc"):
                tcpr = cell.find(f"{{{W_NS}}}tcPr")
                if tcpr is not None:
                    found.append(tcpr.find(f"{{{W_NS}}}shd"))
        return [shd for shd in found if shd is not None]

    def paragraph_text(self, paragraph) -> str:
        """The paragraph's visible text (python-docx's Paragraph.text, less hidden runs)."""
        from docx.text.hyperlink import Hyperlink

        parts, run_text, run_reason = [], [], None
        for item in paragraph.iter_inner_content():
            runs = item.runs if isinstance(item, Hyperlink) else [item]
            for run in runs:
                reason = self.reason(run._r, paragraph._p)
                if reason is None:
                    parts.append(run.text)
                    continue
                if reason != run_reason and run_text:
                    self._keep(run_text, run_reason)
                    run_text = []
                run_reason = reason
                run_text.append(run.text)
        if run_text:
            self._keep(run_text, run_reason)
        return "".join(parts)

    def _keep(self, texts: list[str], reason: str) -> None:
        text = "".join(texts).strip()
        if text:
            self.hidden.append(HiddenText(text, reason))

    def raw_paragraph_text(self, paragraph_element) -> str:
        """Visible text of a raw w:p element (text boxes, which python-docx does not wrap)."""
        parts = []
        for run in paragraph_element.iter(f"{{{W_NS}}}r"):
            text = "".join(node.text or "" for node in run.iter(f"{{{W_NS}}}t"))
            reason = self.reason(run, paragraph_element)
            if reason is None:
                parts.append(text)
            elif text.strip():
                self.hidden.append(HiddenText(text.strip(), reason))
        return "".join(parts)


def _check_zip(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ExtractionError("The DOCX file has no document body (is it really a Word file?)")
        if sum(info.file_size for info in archive.infolist()) > DOCX_MAX_UNCOMPRESSED:
            raise ExtractionError("The DOCX file expands to more than 100 MB and was not read")


def _docx_blocks(container, reader: _DocxRuns) -> str:
    """Paragraphs and tables in document order."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_docx_table(block, reader))
        else:
            lines.append(reader.paragraph_text(block))
    return "\n".join(lines)


def _docx_table(table, reader: _DocxRuns) -> list[str]:
    """A grid of short cells becomes "a | b" rows; a layout table (cells holding several
    paragraphs, as in two-column resume templates) is read cell by cell, keeping its lines."""
    lines: list[str] = []
    for row in table.rows:
        cells = [
            [line for line in _docx_blocks(cell, reader).split("\n") if line.strip()]
            for cell in _unique_cells(row)
        ]
        cells = [cell for cell in cells if cell]
        if all(len(cell) == 1 for cell in cells):
            lines.append(CELL_SEPARATOR.join(cell[0] for cell in cells))
        else:
            lines.extend(line for cell in cells for line in cell)
    return lines


def _unique_cells(row) -> list:
    """The row's cells, each once (a merged cell repeats across the grid columns it spans).

    A cell's identity is its private XML element `_tc` (python-docx is pinned exactly in
    pyproject.toml, tests/test_dependencies.py); a python-docx row API that yields each merged
    cell once would retire this."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _docx_headers(document, reader: _DocxRuns) -> str:
    """Header text (contact lines often live there), each distinct header once."""
    seen: set[str] = set()
    texts = []
    for section in document.sections:
        for header in (section.first_page_header, section.header, section.even_page_header):
            if header.is_linked_to_previous:
                continue
            text = _docx_blocks(header, reader).strip()
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
    return "\n".join(texts)


def _docx_text_boxes(document, reader: _DocxRuns) -> str:
    """Text boxes, which python-docx's paragraphs skip; the VML fallback copy is ignored."""
    texts = []
    for box in document.element.body.iter(f"{{{W_NS}}}txbxContent"):
        if any(parent.tag == MC_FALLBACK for parent in box.iterancestors()):
            continue
        for paragraph in box.iter(f"{{{W_NS}}}p"):
            text = reader.raw_paragraph_text(paragraph)
            if text.strip():
                texts.append(text)
    return "\n".join(texts)

"""Text in a document that a human reader never sees, found so it can be left out of the analysis.

Keyword stuffing hides text from the reader while leaving it for a machine: white (or near-white)
text on a white page, 1-pt text, text placed outside the visible page, text drawn with the
invisible render mode (Tr 3), text covered by a plain opaque image, and in Word hidden runs
(w:vanish), white runs and runs of 2 pt or less. Such text is removed before chunking and
analysis; the extraction keeps it (Extracted.hidden) so the job can report and store it.

PDF: each word of a page is checked against the page as it is drawn. The page is rendered
(pdfium, RENDER_SCALE) and a word whose box holds no ink (no pixel darker or lighter than the
rest by INK_CONTRAST) is invisible, whatever the reason: fill colour equal to the background,
render mode 3, a white box or image drawn over it. White text on a dark banner has contrast and
stays. Text entirely outside the crop box and text under TINY_PT points are hidden by their
attributes. If the page cannot be rendered, a near-white fill colour stands in for the ink test.

Limit: text under a photograph (rather than under a plain box) has ink around it and reads as
visible; telling it apart from a scanned page's own invisible text layer would need OCR.
Plain Python, no Django.
"""

from dataclasses import dataclass

TINY_PT = 3.0  # PDF text smaller than this is not meant to be read
DOCX_TINY_HALF_POINTS = 4  # Word sizes are in half-points: 2 pt
NEAR_WHITE = 0.92  # every RGB component at least this (0..1) counts as white on white
INK_CONTRAST = 28  # of 255: the least difference between a glyph's pixels and its background
RENDER_SCALE = 2.0  # 144 dpi: even 4-pt glyphs leave a few dark pixels
MAX_RENDER_PIXELS = 16_000_000  # 16 MB of grayscale, about an A0 page at 144 dpi
SAMPLE_CHARS = 120


@dataclass(frozen=True)
class HiddenText:
    text: str
    reason: str  # "invisible", "tiny", "outside", "white", "vanish"
    page: int | None = None  # 1-based, PDFs only


def summary(hidden: list[HiddenText]) -> dict | None:
    """The job's warning for its hidden text: how many pieces, and a sample of what they say."""
    pieces = [item for item in hidden if item.text.strip()]
    if not pieces:
        return None
    sample = " ".join(item.text.strip() for item in pieces)
    if len(sample) > SAMPLE_CHARS:
        sample = sample[: SAMPLE_CHARS - 1].rstrip() + "…"
    reasons = sorted({item.reason for item in pieces})
    return {
        "kind": "hidden_text",
        "count": len(pieces),
        "sample": sample,
        "reasons": reasons,
        "message": (
            f"{_count(len(pieces), 'passage')} of text a reader cannot see ({', '.join(reasons)}) "
            f"{'was' if len(pieces) == 1 else 'were'} left out of the analysis"
        ),
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def audit_text(hidden: list[HiddenText]) -> str:
    """All hidden text, one piece a line with where and why, as the job stores it for audit."""
    lines = []
    for item in hidden:
        where = f"page {item.page}, " if item.page else ""
        lines.append(f"[{where}{item.reason}] {item.text}")
    return "\n".join(lines)


# --- PDF -------------------------------------------------------------------------------------------


def rgb(color) -> tuple[float, float, float] | None:
    """A pdfplumber colour (gray, RGB or CMYK tuple, 0..1) as RGB; None when it is a pattern or
    otherwise unknown."""
    if color is None:
        return (0.0, 0.0, 0.0)  # the PDF default fill is black
    if not isinstance(color, (tuple, list)):
        color = (color,)
    if not all(isinstance(part, (int, float)) for part in color):
        return None
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 3:
        return tuple(float(part) for part in color)
    if len(color) == 4:
        c, m, y, k = (float(part) for part in color)
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def near_white(color) -> bool:
    value = rgb(color)
    return value is not None and min(value) >= NEAR_WHITE


class PageInk:
    """A rendered page (grayscale pixels), asked whether a box in page coordinates has ink."""

    def __init__(self, pixels, crop_x0: float, crop_top: float, scale: float = RENDER_SCALE) -> None:
        self.pixels = pixels
        self.x0 = crop_x0
        self.top = crop_top
        self.scale = scale

    def has_ink(self, x0: float, top: float, x1: float, bottom: float) -> bool | None:
        """True if the box holds visible marks; False if it is one flat colour; None if the
        box lies outside the rendered page."""
        height, width = self.pixels.shape[:2]
        left = max(0, int((x0 - self.x0) * self.scale))
        right = min(width, int((x1 - self.x0) * self.scale + 0.999))
        upper = max(0, int((top - self.top) * self.scale))
        lower = min(height, int((bottom - self.top) * self.scale + 0.999))
        if right <= left or lower <= upper:
            return None
        region = self.pixels[upper:lower, left:right]
        return int(region.max()) - int(region.min()) >= INK_CONTRAST


def render_page(pdfium_page, crop_x0: float, crop_top: float) -> PageInk | None:
    """The page drawn by pdfium in grayscale; None if it cannot be drawn."""
    try:
        width, height = pdfium_page.get_size()
        scale = RENDER_SCALE
        if width * height * scale * scale > MAX_RENDER_PIXELS:  # a poster-sized page: draw it smaller
            scale = (MAX_RENDER_PIXELS / max(1.0, width * height)) ** 0.5
        bitmap = pdfium_page.render(scale=scale, grayscale=True, draw_annots=False)
        pixels = bitmap.to_numpy()
    except Exception:  # a page pdfium cannot draw is checked by its attributes alone
        return None
    if pixels.ndim == 3:
        pixels = pixels[:, :, 0]
    return PageInk(pixels, crop_x0, crop_top, scale)


def word_reason(word: dict, cropbox: tuple, ink: PageInk | None) -> str | None:
    """Why a pdfplumber word (extract_words with return_chars) is hidden, or None if visible."""
    chars = word.get("chars") or []
    if chars and all(float(char.get("size") or 0) < TINY_PT for char in chars):
        return "tiny"
    x0, top, x1, bottom = cropbox
    if word["x1"] <= x0 or word["x0"] >= x1 or word["bottom"] <= top or word["top"] >= bottom:
        return "outside"
    if ink is not None:
        drawn = ink.has_ink(word["x0"], word["top"], word["x1"], word["bottom"])
        if drawn is None:
            return "outside"
        return None if drawn else "invisible"
    if chars and all(near_white(char.get("non_stroking_color")) for char in chars):
        return "white"
    return None


def split_words(words: list[dict], cropbox: tuple, ink: PageInk | None, page: int) -> tuple[list[dict], list[HiddenText]]:
    """The page's visible words, and its hidden text grouped into runs of one reason."""
    visible: list[dict] = []
    hidden: list[HiddenText] = []
    run: list[str] = []
    run_reason = None
    for word in words:
        reason = word_reason(word, cropbox, ink)
        if reason is None:
            visible.append(word)
        if reason != run_reason and run:
            hidden.append(HiddenText(" ".join(run), run_reason, page))
            run = []
        run_reason = reason
        if reason is not None:
            run.append(word["text"])
    if run:
        hidden.append(HiddenText(" ".join(run), run_reason, page))
    return visible, hidden


# --- DOCX ------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WHITE_THEME_COLORS = {"background1", "light1"}


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _on(element) -> bool:
    """A Word toggle property (<w:vanish/>, w:val="true"/"1"/"on"; "false"/"0"/"off" turn it off)."""
    if element is None:
        return False
    return (element.get(_w("val")) or "true").lower() not in {"false", "0", "off", "none"}


def _hex_near_white(value: str | None) -> bool:
    if not value or len(value) != 6:
        return False
    try:
        parts = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    except ValueError:
        return False
    return min(parts) >= NEAR_WHITE


def _coloured(shading) -> bool:
    """A w:shd that paints a background other than white."""
    if shading is None:
        return False
    fill = shading.get(_w("fill")) or "auto"
    return fill.lower() not in {"auto", ""} and not _hex_near_white(fill)


def docx_run_reason(properties: list, backgrounds: list | None = None) -> str | None:
    """Why a Word run is hidden, from its run properties (w:rPr elements, the run's own first,
    then its character style's and paragraph style's): None if it is visible. `backgrounds` are
    the w:shd of its paragraph and table cells: white text on a coloured cell is visible."""
    vanish = color = size = shading = None
    for rpr in properties:
        if rpr is None:
            continue
        if vanish is None and rpr.find(_w("vanish")) is not None:
            vanish = rpr.find(_w("vanish"))
        if color is None and rpr.find(_w("color")) is not None:
            color = rpr.find(_w("color"))
        if size is None and rpr.find(_w("sz")) is not None:
            size = rpr.find(_w("sz"))
        if shading is None and rpr.find(_w("shd")) is not None:
            shading = rpr.find(_w("shd"))
    if _on(vanish):
        return "vanish"
    if color is not None:
        highlighted = any(
            rpr is not None and (rpr.find(_w("highlight")) is not None)
            and (rpr.find(_w("highlight")).get(_w("val")) or "none") not in {"none", "white"}
            for rpr in properties
        )
        dark_background = highlighted or _coloured(shading) or any(_coloured(shd) for shd in backgrounds or [])
        theme = (color.get(_w("themeColor")) or "").lower()
        if not dark_background and (_hex_near_white(color.get(_w("val"))) or theme in WHITE_THEME_COLORS):
            return "white"
    if size is not None:
        try:
            if int(size.get(_w("val")) or 99) <= DOCX_TINY_HALF_POINTS:
                return "tiny"
        except ValueError:
            pass
    return None

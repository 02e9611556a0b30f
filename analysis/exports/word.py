"""DOCX export with python-docx: real headings, bullet lists and a skills table, so the document
navigates and reflows like one a person wrote in Word.

Every report starts from a slim template made once per process from python-docx's default: our
fonts, margins and footer applied, and only the styles we use kept. The default carries 790 KB of
style XML (hundreds of latent and table styles, plus a Word 2010 copy of them all) that each
render parsed, serialised and compressed again: most of a render's time, for a 37 KB file.
"""

import io
from functools import lru_cache

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph

from analysis.exports.document import Position, Report

BRAND = RGBColor(0x34, 0x51, 0xD1)
MUTED = RGBColor(0x5F, 0x6B, 0x7F)
FONT = "Liberation Sans"
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _add(document: DocxDocument, text: str, style_id: str | None = None) -> Paragraph:
    """A paragraph with a style set by id: python-docx's lookup by style name scans every style
    in the template on each call, which was most of the render time. `_p` is python-docx's
    private XML element (python-docx is pinned exactly, tests/test_dependencies.py); setting a
    style by id through the public API would retire it."""
    paragraph = document.add_paragraph(text)
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def _heading(document: DocxDocument, text: str, level: int) -> Paragraph:
    return _add(document, text, f"Heading{level}")


def _font(style, size: float) -> None:
    style.font.name, style.font.size = FONT, Pt(size)
    # The template's theme fonts would otherwise win over the font named here.
    fonts = style.element.rPr.rFonts
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)


def _style(document: DocxDocument) -> None:
    for name, size in (("Normal", 10), ("Title", 24), ("Heading 1", 13), ("Heading 2", 11)):
        _font(document.styles[name], size)
    document.styles["Heading 1"].font.color.rgb = BRAND
    section = document.sections[0]
    section.left_margin = section.right_margin = Inches(0.9)
    section.top_margin = section.bottom_margin = Inches(0.8)
    footer = section.footer.paragraphs[0].add_run("Candidate report · Resume Analyzer")
    footer.font.size, footer.font.color.rgb = Pt(8), MUTED


def _muted(document: DocxDocument, text: str, size: float = 9, italic: bool = False) -> None:
    paragraph = _add(document, "")
    paragraph.paragraph_format.space_after = Pt(3)
    run = paragraph.add_run(text)
    run.font.size, run.font.color.rgb, run.italic = Pt(size), MUTED, italic


def _header(document: DocxDocument, report: Report) -> None:
    _add(document, report.name, "Title")
    if report.contacts:
        _muted(document, "  ·  ".join(value for _, value in report.contacts), size=10)
    _muted(document, f"Candidate analysis report · generated {report.generated_label}")


def _bullets(document: DocxDocument, items: list[str], empty: str) -> None:
    for item in items:
        _add(document, item, "ListBullet")
    if not items:
        _muted(document, empty, italic=True)


def _skills(document: DocxDocument, report: Report) -> None:
    _heading(document, "Skills", 1)
    if not report.skills:
        _muted(document, "No skills were identified.", italic=True)
        return
    table = document.add_table(rows=1, cols=2)
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Category", "Skills"
    for category, names in report.skills:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = category, ", ".join(names)
    # Word reads the cell widths, LibreOffice the grid columns: set both.
    table.autofit = False
    for column, width in zip(table.columns, (Inches(1.8), Inches(4.9)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _position(document: DocxDocument, job: Position) -> None:
    title = job.role or "Role not stated"
    _heading(document, f"{title} — {job.company}" if job.company else title, 2)
    when = " · ".join(part for part in (job.period, job.years) if part)
    if when:
        _muted(document, when, italic=True)
    if job.description:
        _add(document, job.description)


def _experience(document: DocxDocument, report: Report) -> None:
    _heading(document, "Experience", 1)
    for job in report.experience:
        _position(document, job)
    if not report.experience:
        _muted(document, "No work experience was identified.", italic=True)


def _education(document: DocxDocument, report: Report) -> None:
    _heading(document, "Education", 1)
    lines = [", ".join(part for part in (item.degree, item.institution, item.year) if part) for item in report.education]
    _bullets(document, [line for line in lines if line], "No education was identified.")


# Styles the report names (Title, Heading1/2, ListBullet, the skills table) or Word applies by
# default; the template keeps these and whatever they are based on or linked to.
USED_STYLES = {"Normal", "Title", "Heading1", "Heading2", "ListBullet", "LightGrid-Accent1", "Footer"}
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DROPPED_PARTS = (STYLES_WITH_EFFECTS, RT.CUSTOM_XML)


def _prune_styles(document: DocxDocument) -> None:
    styles = document.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    keep = set(USED_STYLES) | {sid for sid, style in by_id.items() if style.get(qn("w:default")) == "1"}
    pending = list(keep)
    while pending:  # follow basedOn / next / link to the styles they name
        style = by_id.get(pending.pop())
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(qn(tag)) if style is not None else None
            if ref is not None and ref.get(qn("w:val")) not in keep:
                keep.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)


def _drop_parts(document: DocxDocument) -> None:
    """Parts the report never uses: the Word 2010 style copy, a bibliography store and the
    template's thumbnail (a picture of an empty page, not of the report)."""
    for part, types in ((document.part, DROPPED_PARTS), (document.part.package, (RT.THUMBNAIL,))):
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype in types:
                del part.rels[rel_id]


@lru_cache(maxsize=1)
def _template() -> bytes:
    document = Document()
    _style(document)
    _prune_styles(document)
    _drop_parts(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(report: Report) -> bytes:
    document = Document(io.BytesIO(_template()))
    document.core_properties.title = f"Candidate report — {report.name}"
    document.core_properties.author = "Resume Analyzer"
    _header(document, report)
    if report.warnings:
        _heading(document, "Document warnings", 1)
        _bullets(document, [f"{title}: {body}" for title, body in report.warnings], "")
    if report.summary:
        _heading(document, "Summary", 1)
        _add(document, report.summary)
    _skills(document, report)
    _experience(document, report)
    _education(document, report)
    _heading(document, "Recommended roles", 1)
    _bullets(document, report.recommendations, "No recommendations.")
    _heading(document, "Strengths", 1)
    _bullets(document, report.strengths, "None noted.")
    _heading(document, "Weaknesses", 1)
    _bullets(document, report.weaknesses, "None noted.")
    _muted(document, f"Generated by Resume Analyzer on {report.generated_label} · analysis {report.job_id}", size=8)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

"""Text extraction from the real fixture files and from broken ones (no database needed)."""

import io
import zipfile
from pathlib import Path

import docx
import olefile
import pytest

from analysis.documents.extraction import ExtractionError, detect_kind, extract_text
from tests.analysis.conftest import FILES, fixture_bytes

HERE = Path(__file__).resolve().parent

RESUME_LINES = [
    "Jordan Avery Lee",
    "jordan.avery.lee@example.com | +44 20 7946 0958 | London, United Kingdom",
    "Senior Software Engineer — Northwind Analytics",
    "London, UK | Mar 2019 – Present",
    "MSc Computer Science — University of Edinburgh, 2014",
    "Languages: Python, Go, TypeScript, JavaScript, SQL, Bash",
    "English (native), Spanish (professional working proficiency)",
]


@pytest.mark.parametrize("name", ["resume.pdf", "resume.docx", "resume.doc"])
def test_each_format_yields_the_resume_in_order(name):
    text = extract_text(FILES / name)
    positions = []
    for line in RESUME_LINES:
        assert line in text, f"{line!r} missing from {name}"
        positions.append(text.index(line))
    assert positions == sorted(positions), "sections came out of order"
    assert text.startswith("Jordan Avery Lee")


def test_kind_is_read_from_the_signature_not_the_name(tmp_path):
    disguised = tmp_path / "resume.txt"
    disguised.write_bytes(fixture_bytes("resume.doc"))
    assert detect_kind(disguised) == "doc"
    assert "Northwind Analytics" in extract_text(disguised)


def test_pdf_symbol_font_bullets_become_bullets():
    text = extract_text(FILES / "resume.pdf")
    assert "• Mentored four junior engineers" in text
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in text)


def test_two_column_pdf_reads_sidebar_then_main_column():
    lines = extract_text(FILES / "two_column.pdf").splitlines()
    skills = lines[lines.index("SKILLS") + 1 : lines.index("EDUCATION")]
    assert skills == [f"• {s}" for s in "Python Java Kotlin SQL Django".split()] + [
        "• Spring Boot", "• PostgreSQL", "• Redis", "• Docker", "• Kubernetes", "• GCP", "• Terraform",
    ]  # fmt: skip
    summary = lines.index("SUMMARY")
    assert lines[summary + 1].startswith("Backend engineer with eight years")
    assert lines[summary + 2].startswith("layers and batch pipelines")
    assert lines.index("LANGUAGES") < summary < lines.index("EXPERIENCE")
    job = lines.index("Staff Software Engineer — Cobalt Health, San Francisco")
    assert lines[job + 1] == "Jan 2021 – Present"


def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(ExtractionError) as error:
        extract_text(FILES / "scanned.pdf")
    assert error.value.message == "No extractable text (scanned PDF?)"


def test_page_cap_reads_only_the_first_pages():
    text = extract_text(FILES / "resume.pdf", max_pages=1)
    assert "Jordan Avery Lee" in text
    assert "Certified Kubernetes Application Developer" not in text  # on page 2


def test_time_cap_stops_extraction():
    with pytest.raises(ExtractionError, match="longer than 0 s"):
        extract_text(FILES / "resume.pdf", time_limit=0)


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_header_table_and_paragraph_order(tmp_path):
    def build(document):
        document.sections[0].header.paragraphs[0].text = "Ana Ruiz · ana@example.com"
        document.add_paragraph("Skills")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Python", "Go"
        table.cell(1, 0).text, table.cell(1, 1).text = "Rust", "SQL"
        document.add_paragraph("Education")

    path = tmp_path / "cv.docx"
    path.write_bytes(_docx_bytes(build))
    assert extract_text(path).splitlines() == [
        "Ana Ruiz · ana@example.com",
        "Skills",
        "Python | Go",
        "Rust | SQL",
        "Education",
    ]


def _truncated(name: str) -> bytes:
    data = fixture_bytes(name)
    return data[: len(data) // 3]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 200, "Could not read the PDF file"),
        ("cut.pdf", _truncated("resume.pdf"), ""),
        ("bad.docx", b"PK\x03\x04" + b"junk" * 100, "Could not read the DOCX file"),
        ("cut.doc", _truncated("resume.doc"), ""),
        ("bad.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "DOC file"),
        ("note.pdf", b"hello, I am text", "Unsupported file type"),
    ],
)
def test_broken_files_raise_a_readable_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExtractionError) as error:
        extract_text(path)
    assert message in error.value.message
    assert "Traceback" not in error.value.message and len(error.value.message) < 200


def test_zip_that_is_not_a_word_file(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ExtractionError, match="no document body"):
        extract_text(path)


def test_ole_file_without_word_stream(tmp_path):
    # An OLE2 container that is not a Word document: rewrite the stream name in a real .doc.
    data = fixture_bytes("resume.doc").replace(
        "WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le")
    )
    path = tmp_path / "other.doc"
    path.write_bytes(data)
    assert olefile.isOleFile(str(path))
    with pytest.raises(ExtractionError, match="no Word document stream"):
        extract_text(path)


def test_missing_file_is_a_readable_error(tmp_path):
    with pytest.raises(ExtractionError, match="missing from storage"):
        extract_text(tmp_path / "gone.pdf", kind="pdf")


TEXT_BOX_RUN = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>Sidebar: Rust, Elixir</w:t></w:r></w:p>
    </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>Sidebar: Rust, Elixir</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def test_docx_text_boxes_are_read_once(tmp_path):
    from lxml import etree

    def build(document):
        document.add_paragraph("Main body")
        holder = document.add_paragraph()
        holder._p.append(etree.fromstring(TEXT_BOX_RUN))

    path = tmp_path / "boxes.docx"
    path.write_bytes(_docx_bytes(build))
    text = extract_text(path)
    assert text.count("Sidebar: Rust, Elixir") == 1
    assert text.index("Main body") < text.index("Sidebar")


def test_doc_header_field_results_and_table_rows():
    lines = [
        line for line in extract_text(HERE / "files" / "table_link_header.doc").splitlines() if line
    ]
    assert lines == [
        "Jane Doe — jane@example.com — +1 555 123 4567",  # the header comes first
        "Jane Doe",
        "Senior Software Engineer. Café, naïve — “quotes”.",
        "Portfolio: janedoe.example.com",  # the field's shown text, not its HYPERLINK code
        "Experience",
        "Acme Corp — Software Engineer — 2019-01 to Present",
        "Python | Go",
        "PostgreSQL | Docker",
        "Education",
        "BS Computer Science, MIT, 2015",
    ]


def test_unmapped_glyph_placeholders_are_dropped():
    from analysis.documents.extraction import _drop_unmapped_glyphs

    assert _drop_unmapped_glyphs("Skills: Python(cid:3) Go") == "Skills: Python Go"
    with pytest.raises(ExtractionError, match="do not map to characters"):
        _drop_unmapped_glyphs(" ".join(["(cid:12)(cid:40)(cid:7)"] * 30))


def test_single_column_with_right_aligned_dates_keeps_its_order(tmp_path):
    from weasyprint import HTML

    jobs = "".join(
        f"<div class=row><b>Engineer — Company {i}</b><span>Jan 201{i} – Dec 201{i + 1}</span></div>"
        f"<ul><li>Built service {i} with Python and Go for users in many regions.</li><li>Short {i}.</li></ul>"
        for i in range(6)
    )
    style = "body{font-family:sans-serif;font-size:11pt}.row{display:flex;justify-content:space-between}"
    html = f"<style>{style}</style><h1>Sam Single</h1><h2>Experience</h2>{jobs}<h2>Skills</h2><p>Python, Go</p>"
    path = tmp_path / "single.pdf"
    HTML(string=html).write_pdf(path)
    lines = extract_text(path).splitlines()
    assert lines[:5] == [
        "Sam Single",
        "Experience",
        "Engineer — Company 0  Jan 2010 – Dec 2011",  # the right-aligned gap kept as two spaces
        "• Built service 0 with Python and Go for users in many regions.",
        "• Short 0.",
    ]
    assert lines[-2:] == ["Skills", "Python, Go"]


def test_docx_layout_table_keeps_each_cells_lines(tmp_path):
    def build(document):
        table = document.add_table(rows=1, cols=2)
        sidebar, main = table.cell(0, 0), table.cell(0, 1)
        sidebar.text = "Contact"
        sidebar.add_paragraph("ann@example.com")
        main.text = "Experience"
        main.add_paragraph("Nimbus Cloud Ltd")
        main.add_paragraph("Creative Technologist, 08.2024 – Present")

    path = tmp_path / "layout.docx"
    path.write_bytes(_docx_bytes(build))
    assert extract_text(path).splitlines() == [
        "Contact",
        "ann@example.com",
        "Experience",
        "Nimbus Cloud Ltd",
        "Creative Technologist, 08.2024 – Present",
    ]

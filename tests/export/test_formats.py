"""Each format downloads with the seed's headers and parses back to the stored profile."""

import io
import json
import re
import zipfile

import pytest

from tests.export.conftest import profile_of
from tests.export.readers import (
    csv_profile,
    csv_rows,
    docx_document,
    docx_paragraphs,
    pdf_column_text,
    pdf_pages,
    pdf_text,
)

URL = "/api/analysis/export"
CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def download(api, job, fmt: str):
    response = api.get(URL, {"job_id": str(job.id), "format": fmt})
    assert response.status_code == 200, response.content[:300]
    return response


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", CONTENT_TYPES)
def test_seed_headers(api, job, fmt):
    response = download(api, job, fmt)
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert response["Content-Disposition"] == f'attachment; filename="resume_analysis_{str(job.id)[:8]}.{fmt}"'
    assert int(response["Content-Length"]) == len(response.content) > 200
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])


def test_json_is_the_profile_with_the_seed_keys(api, job):
    document = json.loads(download(api, job, "json").content)
    assert list(document) == [
        "job_id", "personal_info", "skills", "experience", "education", "summary",
        "job_recommendations", "strengths", "weaknesses", "exported_at",
    ]
    assert document["job_id"] == str(job.id)
    stored = profile_of(job)
    for key in list(document)[1:-1]:
        assert document[key] == stored[key], key
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["exported_at"])


def as_strings(entries: list[dict], keys: tuple[str, ...]) -> list[dict]:
    def show(value) -> str:
        return "" if value is None else str(int(value) if isinstance(value, float) and value.is_integer() else value)

    return [{key: show(entry.get(key)) for key in keys} for entry in entries]


def test_csv_parses_back_to_the_profile(api, job):
    content = download(api, job, "csv").content
    rows = csv_rows(content)
    assert rows[0] == ["SECTION", "KEY", "VALUE"]
    assert rows[1] == ["PERSONAL INFORMATION", "Name", "Jordan Álvarez-Nakamura"]
    sections = [row[0] for row in rows[1:] if row]
    assert list(dict.fromkeys(sections)) == [
        "PERSONAL INFORMATION", "SKILLS", "WORK EXPERIENCE", "EDUCATION", "SUMMARY",
        "JOB RECOMMENDATIONS", "STRENGTHS", "WEAKNESSES", "EXPORT",
    ]
    # A blank line separates sections, as in the seed.
    assert sum(1 for row in rows if not row) == 8
    parsed, stored = csv_profile(content), profile_of(job)
    assert parsed["personal_info"] == stored["personal_info"]
    assert parsed["skills"] == stored["skills"]
    keys = ("company", "role", "start_date", "end_date", "years", "description")
    assert parsed["experience"] == as_strings(stored["experience"], keys)
    assert parsed["education"] == as_strings(stored["education"], ("degree", "institution", "year"))
    for key in ("summary", "job_recommendations", "strengths", "weaknesses"):
        assert parsed[key] == stored[key], key
    assert parsed["export"]["Job ID"] == str(job.id)


def test_csv_phone_starting_with_plus_is_neutralised(api, job):
    rows = csv_rows(download(api, job, "csv").content)
    assert ["PERSONAL INFORMATION", "Phone", "'+1-555-0142"] in rows


def test_pdf_reads_as_the_profile(api, job):
    content = download(api, job, "pdf").content
    assert content.startswith(b"%PDF-")
    assert pdf_pages(content) == 1
    text, stored = squash(pdf_text(content)), profile_of(job)
    headings = ["CANDIDATE ANALYSIS REPORT", "SUMMARY", "SKILLS", "EXPERIENCE", "EDUCATION",
                "RECOMMENDED ROLES", "STRENGTHS", "WEAKNESSES"]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    info = stored["personal_info"]
    expected = [info["name"], info["email"], info["phone"], info["location"], stored["summary"]]
    expected += [skill for names in stored["skills"].values() for skill in names] + list(stored["skills"])
    expected += [entry[key] for entry in stored["experience"] for key in ("company", "role", "description")]
    expected += [entry[key] for entry in stored["education"] for key in ("degree", "institution")]
    expected += stored["job_recommendations"]
    expected += ["Mar 2021 – Present", "3.7 years", "2016", "Generated"]
    for value in expected:
        assert squash(value) in text, value
    # Strengths and weaknesses sit side by side: read each column on its own.
    left, right = squash(pdf_column_text(content, "left")), squash(pdf_column_text(content, "right"))
    assert all(f"+ {item}" in left for item in stored["strengths"])
    assert all(f"– {item}" in right for item in stored["weaknesses"])


def test_docx_has_headings_lists_and_a_skills_table(api, job):
    document = docx_document(download(api, job, "docx").content)
    stored = profile_of(job)
    assert docx_paragraphs(document, "Title") == [stored["personal_info"]["name"]]
    assert docx_paragraphs(document, "Heading 1") == [
        "Summary", "Skills", "Experience", "Education", "Recommended roles", "Strengths", "Weaknesses",
    ]
    assert docx_paragraphs(document, "Heading 2") == [
        f"{entry['role']} — {entry['company']}" for entry in stored["experience"]
    ]
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Category", "Skills"]
    assert {category: names.split(", ") for category, names in rows[1:]} == stored["skills"]
    bullets = docx_paragraphs(document, "List Bullet")
    assert bullets == [
        "MSc Computer Science, University of Washington, 2016",
        "BSc Mathematics, Universidad de Chile, 2014",
        *stored["job_recommendations"], *stored["strengths"], *stored["weaknesses"],
    ]
    body = "\n".join(p.text for p in document.paragraphs)
    for value in [stored["summary"], stored["personal_info"]["email"], "Mar 2021 – Present · 3.7 years"]:
        assert value in body
    assert document.core_properties.title == f"Candidate report — {stored['personal_info']['name']}"


def test_docx_names_only_styles_its_slim_template_defines(api, job):
    """The template keeps only the styles the report uses (analysis/exports/word.py): every style
    a paragraph, run or table names must still be defined, or Word falls back to Normal."""
    with zipfile.ZipFile(io.BytesIO(download(api, job, "docx").content)) as package:
        names = set(package.namelist())
        styles = package.read("word/styles.xml").decode()
        used = set()
        for part in ("word/document.xml", "word/footer1.xml"):
            used |= set(re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', package.read(part).decode()))
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    assert {"Title", "Heading1", "Heading2", "ListBullet", "LightGrid-Accent1"} <= used
    assert used <= defined, used - defined
    assert len(styles) < 30_000 and "latentStyles" not in styles
    assert not {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"} & names


def test_format_is_case_insensitive(api, job):
    response = api.get(URL, {"job_id": str(job.id), "format": "PDF"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"

"""Parse each export format back into plain Python, the way a consumer of the file would."""

import csv
import io

import docx
import pdfplumber

CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CONTACT_LABELS = {
    "Name": "name",
    "Email": "email",
    "Phone": "phone",
    "Location": "location",
    "LinkedIn": "linkedin",
    "GitHub": "github",
}
EXPERIENCE_KEYS = {
    "Company": "company",
    "Role": "role",
    "Start Date": "start_date",
    "End Date": "end_date",
    "Years": "years",
    "Description": "description",
}
EDUCATION_KEYS = {"Degree": "degree", "Institution": "institution", "Year": "year"}
LIST_SECTIONS = {"JOB RECOMMENDATIONS": "job_recommendations", "STRENGTHS": "strengths", "WEAKNESSES": "weaknesses"}


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(CSV_TRIGGERS) else cell


def _entry(target: list[dict], first_key: str, key: str, value: str) -> None:
    if key == first_key or not target:
        target.append({})
    target[-1][key] = value


def csv_profile(content: bytes) -> dict:
    """The CSV back as a profile dict (every value a string, as CSV carries them)."""
    profile: dict = {"personal_info": {}, "skills": {}, "experience": [], "education": [], "summary": "",
                     "job_recommendations": [], "strengths": [], "weaknesses": [], "export": {}}
    for row in csv_rows(content)[1:]:
        if not row:
            continue
        section, key, value = (unneutralise(cell) for cell in row)
        if section == "PERSONAL INFORMATION":
            profile["personal_info"][CONTACT_LABELS[key]] = value
        elif section == "SKILLS":
            profile["skills"].setdefault(key, []).append(value)
        elif section == "WORK EXPERIENCE":
            _entry(profile["experience"], "company", EXPERIENCE_KEYS[key], value)
        elif section == "EDUCATION":
            _entry(profile["education"], "degree", EDUCATION_KEYS[key], value)
        elif section == "SUMMARY":
            profile["summary"] = value
        elif section in LIST_SECTIONS:
            profile[LIST_SECTIONS[section]].append(value)
        else:
            profile[section.lower()][key] = value
    return profile


def pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdf_column_text(content: bytes, side: str) -> str:
    """Text of the left or right half of each page (two-column blocks read column by column)."""
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        parts = []
        for page in pdf.pages:
            middle = page.width / 2
            box = (0, 0, middle, page.height) if side == "left" else (middle, 0, page.width, page.height)
            parts.append(page.crop(box).extract_text() or "")
        return "\n".join(parts)


def pdf_pages(content: bytes) -> int:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return len(pdf.pages)


def docx_document(content: bytes):
    return docx.Document(io.BytesIO(content))


def docx_paragraphs(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]

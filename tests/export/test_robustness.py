"""Whatever shape a profile has (parser output, LLM output, half-empty), every format downloads."""

import json

from analysis.backends import analyze_resume
from analysis.documents.extraction import extract_text
from tests.export.conftest import RESUME_PDF
from tests.export.readers import csv_profile, docx_document, pdf_text

URL = "/api/analysis/export"
FORMATS = ("json", "csv", "pdf", "docx")
ODD = {
    "personal_info": {"name": None, "email": 42, "phone": None, "extra": "kept"},
    "skills": {"Languages": "Python", "": ["Unnamed category skill"], "Numbers": [3, 4.5], "Empty": []},
    "experience": ["not a dict", {"company": None, "role": "Consultant", "years": "3", "start_date": "2019-13"}],
    "education": [{"year": "2019"}, 7],
    "summary": "",
    "job_recommendations": [],
    "strengths": "One strength as a bare string",
    "weaknesses": [None, "", "Real weakness"],
}


def get_all(api, job) -> dict[str, bytes]:
    files = {}
    for fmt in FORMATS:
        response = api.get(URL, {"job_id": str(job.id), "format": fmt})
        assert response.status_code == 200, (fmt, response.content[:300])
        files[fmt] = response.content
    return files


def test_odd_profile_still_exports(api, make_job, owner):
    files = get_all(api, make_job(owner, profile=ODD))
    assert json.loads(files["json"])["skills"] == ODD["skills"]
    parsed = csv_profile(files["csv"])
    assert parsed["skills"]["Languages"] == ["Python"]
    assert parsed["strengths"] == ["One strength as a bare string"]
    text = " ".join(pdf_text(files["pdf"]).split())
    assert "Unnamed candidate" in text and "Consultant" in text and "2019-13" in text
    assert "Unnamed category skill" in text and "Real weakness" in text
    document = docx_document(files["docx"])
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["Unnamed candidate"]


def test_empty_profile_exports_with_placeholders(api, make_job, owner):
    files = get_all(api, make_job(owner, profile={}))
    text = pdf_text(files["pdf"])
    assert "No skills were identified." in text and "No work experience was identified." in text
    assert json.loads(files["json"])["experience"] == []


def test_profile_from_the_local_parser_exports(api, make_job, owner, settings):
    """The real resume fixture through the real text extractor and local parser."""
    settings.AI_BACKEND = "local"
    profile = analyze_resume(extract_text(RESUME_PDF)).profile
    files = get_all(api, make_job(owner, profile=profile))
    assert json.loads(files["json"])["personal_info"] == profile["personal_info"]
    name = profile["personal_info"]["name"]
    assert name and name in pdf_text(files["pdf"])
    assert csv_profile(files["csv"])["skills"] == {k: [str(s) for s in v] for k, v in profile["skills"].items()}

"""The local (offline) heuristic resume parser. First cut: to be replaced by the measured parser."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")


def parse_resume(text: str) -> dict:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    email = EMAIL.search(text)
    phone = PHONE.search(text)
    return {
        "personal_info": {
            "name": lines[0] if lines else None,
            "email": email.group(0) if email else None,
            "phone": phone.group(0).strip() if phone else None,
            "location": None,
            "linkedin": None,
            "github": None,
        },
        "skills": {},
        "experience": [],
        "education": [],
        "summary": "",
        "job_recommendations": [],
        "strengths": [],
        "weaknesses": [],
        "total_years_experience": 0.0,
    }

"""The local (offline) resume parser: text in, profile dict out (schema in analysis/analyzers.py).

    header lines ─┐
    sections ─────┼─ contact details (contact.py)
                  ├─ experience entries and years (experience.py, dates.py)
                  ├─ education with normalised degrees (education.py)
                  ├─ skills from the taxonomy (skills.py, analysis/data/skills.json)
                  └─ summary, strengths, weaknesses, job recommendations (insights.py)

Quality is measured by `manage.py evaluate_parser` on tests/fixtures/resumes (docs/parser-quality.md).
"""

from datetime import date

from analysis.parsing import contact, insights
from analysis.parsing.dates import total_years
from analysis.parsing.education import parse_education
from analysis.parsing.experience import parse_experience
from analysis.parsing.sections import Section, section_lines, split_lines, split_sections
from analysis.parsing.skills import find_skills, group_by_category

# Skills of these categories count only where the resume lists skills, so "German" in
# "Berlin, Germany" or "Leadership" in a sentence about someone else's team does not.
LISTED_ONLY = {"Spoken Languages", "Practices & Soft Skills"}
SKILL_SECTIONS = {"skills", "summary", "languages", "certifications"}


def parse_resume(text: str, *, today: date | None = None) -> dict:
    today = today or date.today()
    lines = split_lines(text or "")
    header, sections = split_sections(lines)
    contact_lines = header + section_lines(sections, "contact")
    # Contact details often sit in a sidebar or footer, so fall back to the whole text.
    personal_info = _personal_info(contact_lines or lines[:10], lines)
    jobs = parse_experience(section_lines(sections, "experience"), today=today)
    education = parse_education(section_lines(sections, "education"), today=today)
    skills = group_by_category(_skills(sections, personal_info.get("name")))
    profile = {
        "personal_info": personal_info,
        "skills": skills,
        "experience": jobs,
        "education": education,
        "total_years_experience": total_years([job["_range"] for job in jobs]),
    }
    stated = " ".join(section_lines(sections, "summary"))
    profile["summary"] = insights.summary_for(profile, skills, jobs, stated)
    profile["strengths"] = insights.strengths_for(profile, skills, jobs)
    profile["weaknesses"] = insights.weaknesses_for(profile, skills, jobs)
    all_skills = {name for names in skills.values() for name in names}
    roles = [job["role"] for job in jobs if job["role"]]
    profile["job_recommendations"] = insights.recommend_roles(
        all_skills, profile["total_years_experience"], roles
    )
    for job in jobs:
        del job["_range"]
    return profile


def _personal_info(contact_lines: list[str], lines: list[str]) -> dict:
    text = "\n".join(lines)
    return {
        "name": contact.find_name(contact_lines) or contact.find_name(lines[:6]),
        "email": contact.find_email("\n".join(contact_lines)) or contact.find_email(text),
        "phone": contact.find_phone(contact_lines) or contact.find_phone(lines),
        "location": contact.find_location(contact_lines) or contact.find_location(lines[:15]),
        "linkedin": contact.find_linkedin(text),
        "github": contact.find_github(text),
    }


def _skills(sections: list[Section], name: str | None):
    listed: list[str] = []
    prose: list[str] = []
    for section in sections:
        if section.kind in SKILL_SECTIONS:
            listed.extend(section.lines)
        elif section.kind in ("experience", "projects"):
            prose.extend(section.lines)
    found = find_skills(listed)
    names = {skill.name for skill in found}
    for skill in find_skills(prose):
        if skill.category not in LISTED_ONLY and skill.name not in names:
            found.append(skill)
            names.add(skill.name)
    if name:
        found = [skill for skill in found if skill.name not in name.split()]
    return found

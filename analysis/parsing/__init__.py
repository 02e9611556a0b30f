"""The local (offline) resume parser: text in, profile dict out (schema in analysis/backends/result.py).

    header lines ─┐
    sections ─────┼─ contact details (contact.py)
                  ├─ experience entries and years (experience.py, dates.py)
                  ├─ education with normalised degrees (education.py)
                  ├─ skills from the taxonomy (skills.py, parsing/data/skills.json)
                  └─ summary, strengths, weaknesses, job recommendations (insights.py)

Quality is measured by `manage.py evaluate_parser` on tests/fixtures/resumes (docs/parser-quality.md).
"""

import re
from datetime import date

from analysis.parsing import contact, insights
from analysis.parsing.combine import combine, has_line_structure, model_text
from analysis.parsing.dates import total_years
from analysis.parsing.education import parse_education
from analysis.parsing.experience import parse_experience
from analysis.parsing.learned.model import Entity
from analysis.parsing.normalise import clean_institution, company_without_city
from analysis.parsing.places import is_city, is_region, looks_like_location
from analysis.parsing.sections import (
    Section,
    heading_kind,
    is_bullet,
    section_lines,
    split_lines,
    split_sections,
)
from analysis.parsing.skills import Skill, find_skills, group_by_category, unlisted_skills

# Skills of these categories count only where the resume lists skills, so "German" in
# "Berlin, Germany" or "Leadership" in a sentence about someone else's team does not.
LISTED_ONLY = {"Spoken Languages", "Practices & Soft Skills", "Business & Domain"}
SKILL_SECTIONS = {"skills", "summary", "languages", "certifications"}


def parse_resume(text: str, *, today: date | None = None, entities: list[Entity] | None = None) -> dict:
    """The profile of one resume. With `entities` (the learned extractor's, learned.extract),
    the structural result is combined with them (combine.py); without, structure alone."""
    return parse_with_structure(text, today=today, entities=entities)[0]


def parse_with_structure(
    text: str, *, today: date | None = None, entities: list[Entity] | None = None
) -> tuple[dict, dict]:
    """parse_resume's profile, and the values structure alone found before the learned entities
    were combined in (contact details, entries, skills): the evidence trusts those more."""
    today = today or date.today()
    lines = split_lines(text or "")
    header, sections = split_sections(lines)
    contact_lines = header + section_lines(sections, "contact")
    # Contact details often sit in a sidebar or footer, so fall back to the whole text.
    personal_info = _personal_info(contact_lines or lines[:10], lines)
    titles = frozenset(line.strip().lower() for line in header[:6] if len(line.split()) <= 5)
    jobs = parse_experience(section_lines(sections, "experience"), today=today, titles=titles)
    for job in jobs:
        job["company"] = company_without_city(job["company"])
    education = parse_education(section_lines(sections, "education"), today=today)
    for entry in education:
        entry["institution"] = clean_institution(entry["institution"])
    found_skills = _skills(sections, jobs, personal_info.get("name"))
    structural = {
        "personal_info": dict(personal_info),
        "experience": [dict(job) for job in jobs],
        "education": [dict(entry) for entry in education],
        "skills": group_by_category(found_skills),
    }
    if entities is not None:
        personal_info, jobs, education, found_skills = combine(
            model_text(text or ""), personal_info, jobs, education, found_skills, entities, today=today,
            structured=has_line_structure(text or ""))
    skills = group_by_category(found_skills)
    profile = {
        "personal_info": personal_info,
        "skills": skills,
        "experience": jobs,
        "education": education,
        "total_years_experience": total_years([job["_range"] for job in jobs if job["_range"]]),
    }
    stated = " ".join(section_lines(sections, "summary"))
    dated = [job for job in jobs if job["_range"]]  # a learned job may have no dates
    profile["summary"] = insights.summary_for(profile, skills, dated, stated)
    profile["strengths"] = insights.strengths_for(profile, skills, dated)
    profile["weaknesses"] = insights.weaknesses_for(profile, skills, dated)
    all_skills = {name for names in skills.values() for name in names}
    roles = [job["role"] for job in jobs if job["role"]]
    profile["job_recommendations"] = insights.recommend_roles(
        all_skills, profile["total_years_experience"], roles
    )
    for job in jobs:
        del job["_range"]
    return profile, structural


def _personal_info(contact_lines: list[str], lines: list[str]) -> dict:
    text = "\n".join(lines)
    location = contact.find_location(contact_lines) or contact.find_location(lines[:15])
    region = contact.region_for(location)  # the phone's default region
    return {
        "name": contact.find_name(contact_lines) or contact.find_name(lines, scan=25),
        "email": contact.find_email("\n".join(contact_lines)) or contact.find_email(text),
        "phone": contact.find_phone(contact_lines, region=region) or contact.find_phone(lines, region=region),
        "location": location,
        "linkedin": contact.find_linkedin(text),
        "github": contact.find_github(text),
    }


LIST_LABEL_RE = re.compile(r"^[\s•\-*]*[^:,]{2,30}:\s+(?=\S)")
URL_OR_EMAIL_RE = re.compile(r"\S+@\S+|https?://\S*|www\.\S+|\S+\.(?:com|org|net|io)/\S*", re.I)


def join_wrapped_list(lines: list[str]) -> list[str]:
    """'SAP, Oracle' / 'Financials, SQL': a comma list wrapped mid-item is one line again."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if "," in previous and not previous.rstrip().endswith((",", ".", ":")) and not is_bullet(line) \
                and ":" not in line[:25]:
            joined[-1] = previous.rstrip() + " " + line
        else:
            joined.append(line)
    # "Cloud & DevOps: AWS, Docker": the label before the colon names a group, not a skill.
    return [LIST_LABEL_RE.sub("", URL_OR_EMAIL_RE.sub(" ", line)) for line in joined]


def _without_titles(lines: list[str], jobs: list[dict]) -> list[str]:
    """A job title in a summary ("machine learning engineer") is a role, not a skill."""
    roles = sorted({job["role"] for job in jobs if job["role"]}, key=len, reverse=True)
    if not roles:
        return lines
    pattern = re.compile("|".join(re.escape(role) for role in roles), re.I)
    return [pattern.sub(" | ", line) for line in lines]


NOT_SKILLS_RE = re.compile(r"\b(?:resume|résumé|cv|curriculum|vitae|page|references?|available)\b", re.I)


def _not_a_skill(item: str, name: str | None = None) -> bool:
    """A heading, a place, a page footer ("Jane Doe — Resume") or the candidate's name inside a
    skills list is not a skill."""
    kind, score = heading_kind(item)
    if (kind and score >= 3) or looks_like_location(item) or is_region(item) or is_city(item):
        return True
    return "@" in item or bool(NOT_SKILLS_RE.search(item)) or bool(name and item.lower() in name.lower())


def _skills(sections: list[Section], jobs: list[dict], name: str | None) -> list[Skill]:
    """Skills where the resume lists them, plus technical ones named in job descriptions.

    Job titles and company names are left out ("Scrum Master" is a role, "Silverline
    Insurance" an employer), and so are soft skills and business terms in prose.
    """
    listed = [line for section in sections if section.kind in SKILL_SECTIONS for line in section.lines]
    listed = _without_titles(join_wrapped_list(listed), jobs)
    prose = [job["description"] for job in jobs] + section_lines(sections, "projects")
    found = find_skills(listed)
    names = {skill.name for skill in found}
    # Listed items the taxonomy lacks are kept under "Other" (only from sections that list skills).
    skill_lines = [line for section in sections if section.kind == "skills" for line in section.lines]
    found += unlisted_skills(_without_titles(join_wrapped_list(skill_lines), jobs),
                             known={skill.lower() for skill in names},
                             reject=lambda item: _not_a_skill(item, name))
    for skill in find_skills(prose, prose=True):
        if skill.category not in LISTED_ONLY and skill.name not in names:
            found.append(skill)
            names.add(skill.name)
    if name:
        found = [skill for skill in found if skill.name not in name.split()]
    return found

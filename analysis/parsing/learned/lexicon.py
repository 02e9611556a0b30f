"""Gazetteers the token features look up: skills, places, degrees and section headings.

They are copied into lexicon.json beside the model when it is trained (train.build_lexicon),
so the committed model and the lists it was trained with always travel together and the
extractor does not depend on where the rest of analysis/ keeps its data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.parsing.learned.tokens import tokenize

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.json"

# Degree forms as written across the world (matched case-insensitively on tokens, so
# "B.Tech", "B. Tech" and "BTech" differ only in punctuation tokens).
DEGREES = [
    "b.e", "be", "b.e.", "b.tech", "btech", "b. tech", "m.tech", "mtech", "m.e", "me", "mca", "bca",
    "b.sc", "bsc", "m.sc", "msc", "b.com", "bcom", "m.com", "mcom", "bba", "bbm", "mba", "pgdm",
    "pgdbm", "pgdca", "dca", "phd", "ph.d", "hsc", "ssc", "sslc", "puc", "cbse", "icse", "12th",
    "10th", "xii", "xth", "xiith", "diploma", "bachelor", "bachelors", "bachelor's", "master",
    "masters", "master's", "b.a", "m.a", "ba", "ma", "b.s", "m.s", "bs", "ms", "doctorate",
    "associate", "intermediate", "matriculation", "higher secondary", "senior secondary",
    "secondary school", "graduation", "post graduation", "post graduate", "pg", "ug",
    "engineering", "b.pharm", "m.pharm", "llb", "llm", "mbbs", "bds", "b.ed", "m.ed", "ca",
    "icwa", "m.phil", "aissce", "aisse", "hssc", "certificate",
    # dotted and spaced spellings tokenise differently ("H.S.C" is h . s . c)
    "h.s.c", "s.s.c", "b.b.a", "m.b.a", "b.c.a", "m.c.a", "b.e.", "m.e.", "b.sc.", "m.sc.",
    "ph.d.", "b. e", "b. sc", "b. com", "m. tech", "pg diploma", "post graduate diploma",
    "bachelor of", "master of", "bachelor's degree", "master's degree", "hons", "b.s.", "m.s.",
    "bachelor of engineering", "bachelor of technology", "master of business administration",
    "master of computer applications", "bachelor of computer applications", "bachelor of science",
    "master of science", "bachelor of arts", "master of arts", "bachelor of commerce",
]
INSTITUTION_WORDS = [
    "university", "college", "institute", "institution", "school", "academy", "vidyalaya",
    "polytechnic", "iit", "nit", "iiit", "iim", "board", "vidyapeeth", "mahavidyalaya",
]
COMPANY_WORDS = [
    "ltd", "limited", "pvt", "private", "inc", "llc", "llp", "corp", "corporation", "technologies",
    "solutions", "services", "systems", "software", "consultancy", "consulting", "infotech",
    "group", "bank", "labs", "company", "co",
]
SECTIONS = {
    "experience": "exp", "employment": "exp", "work": "exp", "career": "exp", "history": "exp",
    "internship": "exp", "internships": "exp",
    "education": "edu", "academic": "edu", "academics": "edu", "qualification": "edu",
    "qualifications": "edu", "educational": "edu", "scholastic": "edu",
    "skills": "skill", "skill": "skill", "technical": "skill", "competencies": "skill",
    "expertise": "skill", "technologies": "skill", "tools": "skill",
    "projects": "proj", "project": "proj",
    "summary": "sum", "objective": "sum", "profile": "sum", "overview": "sum", "about": "sum",
    "certifications": "cert", "certification": "cert", "certificates": "cert", "training": "cert",
    "courses": "cert", "achievements": "other", "awards": "other", "hobbies": "other",
    "interests": "other", "languages": "other", "personal": "pers", "declaration": "pers",
    "contact": "pers", "details": "pers", "strengths": "other", "responsibilities": "exp",
    "additional": "other", "information": "other", "links": "other", "references": "pers",
}
# The annotated resumes are mostly Indian; places.json lists few Indian places.
EXTRA_PLACES = [
    "India", "Karnataka", "Maharashtra", "Tamil Nadu", "Telangana", "Andhra Pradesh", "Kerala",
    "Uttar Pradesh", "Madhya Pradesh", "Gujarat", "Rajasthan", "West Bengal", "Delhi", "Haryana",
    "Punjab", "Odisha", "Orissa", "Bihar", "Jharkhand", "Goa", "Assam", "Chhattisgarh",
    "Uttarakhand", "Himachal Pradesh", "Bangalore", "Bengaluru", "Mumbai", "Pune", "Hyderabad",
    "Chennai", "Kolkata", "New Delhi", "Noida", "Gurgaon", "Gurugram", "Ahmedabad", "Jaipur",
    "Lucknow", "Kochi", "Cochin", "Coimbatore", "Indore", "Bhopal", "Nagpur", "Vadodara", "Mysore",
    "Mangalore", "Visakhapatnam", "Thiruvananthapuram", "Trivandrum", "Chandigarh", "Bhubaneswar",
    "Patna", "Ranchi", "Surat", "Nashik", "Aurangabad", "Madurai", "Trichy", "Vijayawada",
    "Guntur", "Secunderabad", "Ghaziabad", "Faridabad", "Kanpur", "Varanasi", "Dehradun", "Navi Mumbai",
    "Thane", "Dubai", "Abu Dhabi", "Doha", "Riyadh",
]
TITLE_WORDS = [
    "engineer", "developer", "manager", "consultant", "analyst", "lead", "senior", "junior",
    "associate", "executive", "intern", "trainee", "architect", "administrator", "officer",
    "director", "specialist", "designer", "tester", "head", "assistant", "coordinator",
    "programmer", "scientist", "technician", "representative", "supervisor", "advisor", "member",
]


@dataclass(frozen=True)
class PhraseTable:
    """Lower-cased token tuples → tag, matched longest first."""

    phrases: dict[tuple[str, ...], str]
    longest: int
    lengths: dict[str, tuple[int, ...]]  # first token → phrase lengths, longest first (speed)


def token_key(text: str) -> tuple[str, ...]:
    return tuple(t.text.lower() for t in tokenize(text))


def table(entries: dict[str, str]) -> PhraseTable:
    phrases: dict[tuple[str, ...], str] = {}
    for text, tag in entries.items():
        key = token_key(text)
        if key:
            phrases.setdefault(key, tag)
    lengths: dict[str, set[int]] = {}
    for key in phrases:
        lengths.setdefault(key[0], set()).add(len(key))
    by_first = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
    return PhraseTable(phrases, max((len(k) for k in phrases), default=1), by_first)


@cache
def load(path: Path = LEXICON_FILE) -> dict[str, PhraseTable | frozenset[str] | dict[str, str]]:
    """The lexicon file as phrase tables and word sets (read once per process)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        "skill": table({s: "skill" for s in data["skills"]}),
        "place": table({p: "place" for p in data["places"]}),
        "degree": table({d: "degree" for d in data["degrees"]}),
        "inst": frozenset(data["institution_words"]),
        "company": frozenset(data["company_words"]),
        "title": frozenset(data["title_words"]),
        "sections": dict(data["sections"]),
    }


def build(skills_file: Path, places_file: Path) -> dict:
    """The lexicon contents from the project's taxonomy and places lists (sorted, so the file
    and thus the model are byte-identical from the same inputs)."""
    skills_data = json.loads(skills_file.read_text(encoding="utf-8"))
    skills = {form for entry in skills_data["skills"] for form in [entry["name"], *entry["aliases"]]}
    places_data = json.loads(places_file.read_text(encoding="utf-8"))
    places = set(places_data["countries"]) | set(places_data["cities"]) | set(EXTRA_PLACES)
    for code, region in places_data["regions"].items():
        places.add(region if isinstance(region, str) else code)
        places.add(code)
    return {
        "skills": sorted(skills),
        "places": sorted(p for p in places if isinstance(p, str)),
        "degrees": sorted(set(DEGREES)),
        "institution_words": sorted(INSTITUTION_WORDS),
        "company_words": sorted(COMPANY_WORDS),
        "title_words": sorted(TITLE_WORDS),
        "sections": dict(sorted(SECTIONS.items())),
    }

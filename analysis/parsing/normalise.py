"""Normalised values that keep the original: a degree's level and subject, an institution without
the bullets, labels, months, cities or degree text around it, a company without its trailing city.

The text as written stays in the profile's evidence (analysis/parsing/evidence.py); these only
decide what the profile shows. Plain Python, used by both backends (analysis/backends/).
"""

import re

from analysis.parsing.education import DEGREES, INSTITUTION_RE, find_degree
from analysis.parsing.places import is_city, is_region, looks_like_location

__all__ = ["clean_institution", "company_without_city", "degree_parts", "level_of", "with_degree_parts"]

# Canonical degree names (education.DEGREES) by level; anything else named a degree is its own.
LEVELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), level)
    for p, level in [
        (r"^(?:PhD|Doctor\b|Juris Doctor)", "Doctorate"),
        (r"^Postgraduate Diploma", "Postgraduate Diploma"),
        (r"^(?:Master|Diplom$)", "Master's"),  # the German Diplom is a master's-level degree
        (r"^Bachelor", "Bachelor's"),
        (r"^Associate", "Associate"),
        (r"^(?:High School Diploma|Higher Secondary|Secondary School)", "Secondary"),
        (r"^Diploma", "Diploma"),
    ]
]


def level_of(canonical: str) -> str | None:
    """'Bachelor of Engineering' → "Bachelor's"; None for a name that is not a known degree."""
    return next((level for pattern, level in LEVELS if pattern.search(canonical)), None)


def degree_parts(degree: str | None) -> tuple[str | None, str | None]:
    """(level, subject) of a degree as the profile or a resume writes it:
    'B.E in Computer Science Engineering' → ("Bachelor's", 'Computer Science Engineering');
    'Bachelor of Science in Physics' → ("Bachelor's", 'Physics'). (None, None) when unknown."""
    if not degree:
        return None, None
    found = find_degree(degree)
    if not found:
        return None, None
    name, subject = found
    if name == "Postgraduate Diploma in Management" and not subject:
        subject = "Management"
    return level_of(name), subject or None


def with_degree_parts(entry: dict) -> dict:
    """An education entry with `level` and `subject` added where the degree names them (a value
    the analyzer already gave is kept)."""
    level, subject = degree_parts(entry.get("degree"))
    extra = {}
    if level and not entry.get("level"):
        extra["level"] = level
    if subject and not entry.get("subject"):
        extra["subject"] = subject
    return {**entry, **extra}


BULLET_RE = re.compile(r"^[\s•\-*▪●►◦·–—>○■□✓✔➢➤]+")
LABEL_RE = re.compile(r"^(?:institution|institute|college|university|school|board|name of (?:the )?institut\w*)"
                      r"(?:\s+name)?\s*[:\-–]\s+", re.I)
MONTH_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s*'?\d{2,4})?",
    re.I,
)
YEARS_RE = re.compile(r"\(?\b(?:19|20)\d\d\b\)?(?:\s*[-–—to]+\s*(?:\b(?:19|20)\d\d\b|present|current|now))?", re.I)


def _is_degree_text(part: str) -> bool:
    return any(pattern.search(part) for pattern, _ in DEGREES) and not INSTITUTION_RE.search(part)


def clean_institution(value: str | None) -> str | None:
    """'• Institution: M.S. Computer Science, Carnegie Mellon University, Pittsburgh' →
    'Carnegie Mellon University'. Keeps 'University of California, Berkeley'."""
    if not value:
        return value
    text = LABEL_RE.sub("", BULLET_RE.sub("", value.strip()))
    text = YEARS_RE.sub(" ", MONTH_RE.sub(" ", text))
    text = re.sub(r"\s{2,}", " ", text).strip(" ,.;:-–—|()")
    parts = [part.strip(" .;:-–—|()") for part in re.split(r",|\s[|–—-]\s", text)]
    parts = [part for part in parts if part and not _is_degree_text(part)]
    # A trailing city, state or country goes, but the campus of a university with a comma in its
    # name ("University of California, Berkeley") stays when it is the only thing after the name.
    while len(parts) > 1 and (looks_like_location(", ".join(parts[1:])) or is_region(parts[-1])
                              or (is_city(parts[-1]) and len(parts) > 2)):
        if len(parts) == 2 and re.search(r"\bof\s+[\w ]+$", parts[0]) and not is_region(parts[1]):
            break  # "University of Texas, Austin": the campus is part of the name
        parts.pop()
    cleaned = ", ".join(parts).strip()
    return cleaned or value.strip()


TRAILING_CITY_RE = re.compile(r"^(?P<name>.+?)(?P<sep>\s*[,(|–—-]\s*|\s+)(?P<place>[A-Z][\w'’.\- ]{1,40}?)\)?\s*$")


def company_without_city(value: str | None) -> str | None:
    """'Infosys Ltd, Pune' / 'Infosys Ltd (Pune)' / 'Infosys Bangalore' → the company alone; a name
    such as 'Bank of America' is left alone (the place must be a known city, and not follow 'of')."""
    if not value:
        return value
    text = value.strip()
    for _ in range(2):  # "Acme, Pune, India"
        match = TRAILING_CITY_RE.match(text)
        if not match:
            break
        name, place = match["name"].strip(" ,(|–—-"), match["place"].strip()
        # After a plain space only a whole city name counts ("Nordlicht AB" keeps its "AB").
        spaced = not match["sep"].strip()
        if not name or not (is_city(place) or (not spaced and (looks_like_location(place) or is_region(place)))):
            break
        if re.search(r"\b(?:of|de|du|in|at|the|and|&)$", name, re.I) or len(name) < 2:
            break
        text = name
    return text

"""Contact details: name, email, phone, location, LinkedIn and GitHub.

Header lines are split on the separators people put between contact items (|, •, ·, tabs,
runs of spaces); icon glyphs are already gone (sections.clean_line), and labels such as
"Phone:" or "E-mail:" are dropped before a fragment is judged.
"""

import re

from analysis.parsing.dates import RANGE_RE, YEAR_RE
from analysis.parsing.experience import ROLE_WORDS
from analysis.parsing.places import looks_like_location
from analysis.parsing.sections import heading_kind
from analysis.parsing.skills import find_skills

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \-.()/]{5,}\d(?![\w@])")
LINKEDIN_RE = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\w\-%.]+/?", re.I)
GITHUB_RE = re.compile(r"(?:https?://)?(?:www\.)?github\.com/[\w\-.]+/?", re.I)
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|io|dev|org|net|me)(?:/\S*)?", re.I)
SEPARATORS_RE = re.compile(
    r"\s*(?:\||•|·|●|▪|◆|♦|\t|/{2,}|\s{3,}| - | – | — )\s*"
    # "Email: a@b.c Phone: 555 Address: …" on one line: each label starts a new item.
    r"|\s+(?=(?:e-?mail|phone|tel|mobile|cell|address|location|linkedin|github|web(?:site)?)\s*:)",
    re.I,
)
LABEL_RE = re.compile(
    r"^(?:e-?mail|mail|phone|tel(?:ephone)?|mobile|mob|cell|ph|address|location|(?:full )?name|"
    r"linkedin|github|web(?:site)?|portfolio|home|based in|lives in)\b\.?\s*[:\-]?\s*",
    re.I,
)
PHONE_LABEL_RE = re.compile(r"\b(?:phone|tel|mobile|mob|cell|ph)\b", re.I)
CREDENTIALS_RE = re.compile(
    r",?\s+\b(?:ph\.?\s?d\.?|mba|m\.?sc\.?|b\.?sc\.?|cpa|pmp|p\.?e\.?|md|cfa|msc|bsc|jr\.?|sr\.?)$", re.I
)
# Job-title words, less the few that are also common surnames or given names.
TITLE_WORDS = ROLE_WORDS - {"head", "master", "fellow", "partner", "chef", "driver", "staff", "owner",
                            "agent", "advocate", "principal", "associate", "buyer", "broker", "chief"}
PARTICLE_RE = re.compile(r"^(?:de|da|das|do|dos|van|von|der|den|la|le|di|del|della|y|bin|binti|al|el)$")
NAME_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*$|" + PARTICLE_RE.pattern)
NOT_NAME_WORDS = {
    "resume", "résumé", "curriculum", "vitae", "cv", "profile", "contact", "engineer", "developer",
    "manager", "address", "phone", "email", "page", "street", "road", "avenue", "university",
}


def find_email(text: str) -> str | None:
    match = EMAIL_RE.search(text)
    return match.group(0).rstrip(".") if match else None


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _is_phone(candidate: str) -> bool:
    digits = _digits(candidate)
    if not 7 <= len(digits) <= 15:
        return False
    if RANGE_RE.fullmatch(candidate.strip()) or re.fullmatch(r"[\d\s]*\d{4}\s*[-–]\s*\d{4}", candidate):
        return False  # "2019 - 2021" is a date range, not a number to call
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", candidate.strip()):
        return False
    return candidate.count("(") == candidate.count(")") or candidate.startswith("(")


def find_phone(lines: list[str]) -> str | None:
    """The first phone-like number, preferring lines labelled as phones and the header."""
    candidates: list[tuple[int, int, str]] = []
    for position, line in enumerate(join_wrapped(lines)):
        searchable = EMAIL_RE.sub(" ", URL_RE.sub(" ", line))
        for match in PHONE_RE.finditer(searchable):
            candidate = match.group(0).strip(" -.(/")
            if match.group(0).lstrip().startswith("(") and ")" in candidate:
                candidate = "(" + candidate
            if not _is_phone(candidate):
                continue
            score = (0 if PHONE_LABEL_RE.search(line) else 1) + (0 if candidate.startswith("+") else 1)
            candidates.append((score if position < 15 else score + 2, position, candidate))
    if not candidates:
        return None
    return min(candidates)[2]


def find_linkedin(text: str) -> str | None:
    match = LINKEDIN_RE.search(text)
    return _as_url(match.group(0)) if match else None


def find_github(text: str) -> str | None:
    match = GITHUB_RE.search(text)
    return _as_url(match.group(0)) if match else None


def _as_url(found: str) -> str:
    found = found.rstrip("/.")
    return found if found.lower().startswith("http") else "https://" + found


def fragments(line: str) -> list[str]:
    parts = [LABEL_RE.sub("", part).strip(" ,;:") for part in SEPARATORS_RE.split(line)]
    return [part for part in parts if part]


def _name_candidate(fragment: str) -> str | None:
    fragment = CREDENTIALS_RE.sub("", fragment.strip()).strip(" ,")
    fragment = re.sub(r"^(?:dr|prof|mr|mrs|ms|mx)\.?\s+", "", fragment, flags=re.I)
    words = fragment.split()
    particles = sum(1 for word in words if PARTICLE_RE.match(word))
    if not 2 <= len(words) - particles <= 5 or len(fragment) > 50:
        return None
    if any(word.lower().strip(".,") in NOT_NAME_WORDS for word in words):
        return None
    if not all(NAME_WORD_RE.match(word) for word in words):
        return None
    if sum(1 for word in words if len(word.rstrip(".")) > 1) < 2:
        return None
    if fragment.isupper():
        fragment = " ".join(word.capitalize() if word.isalpha() else word.title() for word in words)
    return fragment


def find_name(lines: list[str], *, scan: int = 12) -> str | None:
    """The first short run of capitalised words near the top that is not a heading, a contact
    item, a job title or a skill ("Distributed Systems" in a sidebar above the name)."""
    for line in lines[:scan]:
        if EMAIL_RE.search(line) and len(fragments(line)) == 1:
            continue
        kind, score = heading_kind(line)
        if kind and score >= 3:
            continue
        parts = fragments(line)[:2]
        if parts and _is_title(parts[0]):
            continue  # a headline line ("Marketing Coordinator | Growth Hacker"); names come first
        for fragment in parts:
            if YEAR_RE.search(fragment) or looks_like_location(fragment):
                continue
            name = _name_candidate(fragment)
            if name and not _is_skill(name):
                return name
    return None


def _is_skill(text: str) -> bool:
    found = find_skills([text])
    return len(found) == 1 and found[0].name.lower() == text.lower()


def _is_title(fragment: str) -> bool:
    return any(word.lower().strip(".,") in TITLE_WORDS for word in fragment.split())


def join_wrapped(lines: list[str]) -> list[str]:
    """A contact line that ends in a comma continues on the next line ('Bengaluru,' / 'Karnataka'),
    and so does a number broken across lines ('07700' / '900123')."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        if previous.endswith(",") or (previous[-1:].isdigit() and line[:1].isdigit()):
            joined[-1] = joined[-1].rstrip() + " " + line
        else:
            joined.append(line)
    return joined


def find_location(lines: list[str]) -> str | None:
    for line in join_wrapped(lines):
        text = EMAIL_RE.sub(" ", URL_RE.sub(" ", line))
        for fragment in fragments(text):
            location = looks_like_location(fragment)
            if location:
                return location
    return None

"""Contact details: name, email, phone, location, LinkedIn and GitHub.

Header lines are split on the separators people put between contact items (|, •, ·, tabs,
runs of spaces); icon glyphs are already gone (sections.clean_line), and labels such as
"Phone:" or "E-mail:" are dropped before a fragment is judged.
"""

import re
from functools import cache

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


# Numbers that are not phones: a date range or date ("2019 - 2021", "03/2019", "2017.64117" from
# "2017.6 - 4117"), a run of years, or a number labelled as an id.
YEAR_LED_RE = re.compile(r"^(?:19|20)\d\d(?:\s*[.\-–/]\s*\d{1,2}\b|\.\d)")
DATE_RE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b|\b(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}\b")
ID_LABEL_RE = re.compile(
    r"\b(?:id|ids|no|number|roll|reg(?:istration)?|enrol(?:l?ment)?|pan|aadhaa?r|passport|licen[cs]e|"
    r"employee|emp|account|acct|invoice|order|ssn|nin|gpa|cgpa|pin(?:code)?|zip|postcode)\b\.?\s*[:#\-]?\s*$",
    re.I,
)


def _is_phone(candidate: str) -> bool:
    """The shape of a phone: 7-15 digits, balanced brackets, and not a date, a range of years or
    a year-led number; whether it is a real number is phonenumbers' call (_parsed)."""
    digits = _digits(candidate)
    if not 7 <= len(digits) <= 15:
        return False
    stripped = candidate.strip()
    if RANGE_RE.fullmatch(stripped) or re.fullmatch(r"[\d\s]*\d{4}\s*[-–]\s*\d{4}", candidate):
        return False  # "2019 - 2021" is a date range, not a number to call
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", stripped) or DATE_RE.search(stripped):
        return False
    if not stripped.startswith(("+", "00", "(")) and YEAR_LED_RE.match(stripped):
        return False  # "2017.64117", "2019-05 12345"
    groups = re.findall(r"\d+", stripped)
    if len(groups) >= 2 and all(re.fullmatch(r"(?:19|20)\d\d", group) for group in groups):
        return False  # "2015 2016 2017"
    return candidate.count("(") == candidate.count(")") or candidate.startswith("(")


@cache
def _country_regions() -> dict[str, str]:
    """Country name (lower case) → region code, from phonenumbers' own data."""
    import phonenumbers
    from phonenumbers import geocoder

    names: dict[str, str] = {}
    for region in phonenumbers.SUPPORTED_REGIONS:
        example = phonenumbers.example_number(region)
        name = geocoder.country_name_for_number(example, "en") if example else ""
        if name:
            names.setdefault(name.lower(), region)
    names.update(COUNTRY_ALIASES)
    return names


COUNTRY_ALIASES = {
    "usa": "US", "u.s.a.": "US", "us": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "great britain": "GB",
    "uae": "AE", "czechia": "CZ", "korea": "KR", "holland": "NL", "the netherlands": "NL", "russia": "RU",
    "vietnam": "VN", "ivory coast": "CI", "turkey": "TR", "türkiye": "TR",
}  # fmt: skip
# States and provinces whose country is certain (places.json's region codes mix countries).
SUBDIVISION_REGIONS = {
    **dict.fromkeys("AL AK AZ AR CO CT DE FL GA HI ID IL IN IA KS KY LA MD MA MI MN MS MO MT NE NV NH NJ NM "
                    "NY NC ND OH OK OR PA RI SC SD TX UT VT VA WV WI WY DC".lower().split(), "US"),
    **dict.fromkeys("on qc bc ab mb sk ns nb nl pe ontario quebec alberta manitoba saskatchewan".split(), "CA"),
    **dict.fromkeys(["nsw", "vic", "qld", "tas", "act", "new south wales", "queensland", "victoria"], "AU"),
    **dict.fromkeys(["karnataka", "maharashtra", "tamil nadu", "telangana", "kerala", "gujarat", "delhi",
                     "uttar pradesh", "west bengal", "haryana", "punjab", "ka", "mh", "tg", "dl"], "IN"),
    **dict.fromkeys(["california", "texas", "washington", "new york", "massachusetts", "illinois"], "US"),
}  # fmt: skip


def region_for(location: str | None) -> str | None:
    """The phone region of a location ('Austin, TX' → 'US', 'Pune, Maharashtra, India' → 'IN',
    'Berlin, Germany' → 'DE'): the country named last wins, then a state or province."""
    if not location:
        return None
    parts = [part.strip(" .").lower() for part in location.split(",") if part.strip(" .")]
    countries = _country_regions()
    for part in reversed(parts):
        if part in countries:
            return countries[part]
    for part in reversed(parts[1:]):
        if part in SUBDIVISION_REGIONS:
            return SUBDIVISION_REGIONS[part]
    return countries.get(parts[0]) if parts else None  # "Singapore"


FALLBACK_REGIONS = ("US", "GB", "IN")


def _parsed(candidate: str, region: str | None) -> int | None:
    """How sure phonenumbers is that the candidate is a phone number: 0 valid, 1 possible (right
    length for its country, e.g. a fictional 555 number), None not a number. A number without a
    country code is read in the resume's region, else in a few common ones."""
    import phonenumbers

    regions = [region] if region else []
    if not candidate.startswith("+"):
        regions += [fallback for fallback in FALLBACK_REGIONS if fallback != region]
    best = None
    for where in regions or [None]:
        try:
            number = phonenumbers.parse(candidate, where)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return 0 if where == region or candidate.startswith("+") else 1
        if phonenumbers.is_possible_number(number) and best is None:
            best = 1
    return best


def find_phone(lines: list[str], *, region: str | None = None) -> str | None:
    """The number as written, parsed and validated by phonenumbers (`region`: the resume's, for
    numbers written without a country code). Preferred: numbers on lines labelled as phones, with
    a country code, valid rather than merely possible, and in the header."""
    candidates: list[tuple[int, int, str]] = []
    for position, line in enumerate(join_wrapped(lines)):
        searchable = EMAIL_RE.sub(" ", URL_RE.sub(" ", line))
        for match in PHONE_RE.finditer(searchable):
            candidate = match.group(0).strip(" -.(/")
            if match.group(0).lstrip().startswith("(") and ")" in candidate:
                candidate = "(" + candidate
            if not _is_phone(candidate) or ID_LABEL_RE.search(searchable[: match.start()]):
                continue
            certainty = _parsed(candidate, region)
            if certainty is None:
                continue
            score = (0 if PHONE_LABEL_RE.search(line) else 1) + (0 if candidate.startswith("+") else 1) + certainty
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

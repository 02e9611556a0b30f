"""Experience entries: each date range anchors one job; the short lines around it name it.

Header lines are the line holding the range plus the short, non-bullet lines just before it
(or, for "dates first" layouts, just after it). They are cut into fragments at separators;
fragments that are places, employment types or leftovers of dates are dropped, and of the
rest the one that reads like a job title is the role and the other is the company.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from analysis.parsing.dates import DateRange, find_ranges
from analysis.parsing.places import is_city, is_region, looks_like_location
from analysis.parsing.sections import is_bullet, strip_bullet

ROLE_WORDS = {
    "engineer", "developer", "manager", "lead", "analyst", "designer", "scientist", "intern",
    "consultant", "architect", "director", "specialist", "administrator", "officer",
    "coordinator", "associate", "assistant", "head", "vp", "president", "founder", "co-founder",
    "cto", "ceo", "cfo", "coo", "cio", "owner", "technician", "accountant", "nurse", "teacher",
    "writer", "editor", "recruiter", "representative", "programmer", "sre", "researcher",
    "professor", "lecturer", "fellow", "trainee", "apprentice", "supervisor", "executive",
    "strategist", "planner", "buyer", "auditor", "controller", "partner", "principal", "staff",
    "senior", "junior", "sr", "jr", "product", "scrum", "master", "tester", "devops", "advisor",
    "adviser", "agent", "clerk", "operator", "instructor", "tutor", "chef", "pharmacist",
    "physician", "therapist", "counsel", "attorney", "lawyer", "paralegal", "marketer",
    "bookkeeper", "cashier", "driver", "mechanic", "electrician", "contractor", "freelancer",
    "freelance", "volunteer", "postdoc", "postdoctoral", "student", "teaching",
    "hr", "generalist", "producer", "photographer", "illustrator", "copywriter", "investigator",
    "economist", "statistician", "actuary", "underwriter", "broker", "banker", "trader",
    "expert", "evangelist", "advocate", "chief", "vice", "team", "qa", "ux", "ui",
}
COMPANY_WORDS = {
    "inc", "llc", "ltd", "gmbh", "ag", "corp", "corporation", "co", "company", "group",
    "technologies", "technology", "labs", "lab", "solutions", "systems", "software", "partners",
    "consulting", "bank", "university", "hospital", "agency", "studio", "studios", "media",
    "health", "services", "ventures", "capital", "holdings", "sa", "bv", "pty", "plc", "limited",
    "ab", "as", "oy", "se", "srl", "kk", "institute", "foundation", "networks", "analytics",
    "digital", "industries", "international", "enterprises", "associates", "llp", "sarl", "spa",
    "nv", "gmbh & co", "kg", "bhd", "pvt", "school", "college", "clinic", "games", "interactive",
}
EMPLOYMENT_TYPES = re.compile(
    r"^(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|freelance|internship|"
    r"temporary|permanent|self-employed)$",
    re.I,
)
SPLIT_RE = re.compile(r"\s+[|•·–—-]\s+|\t|\s{3,}|\s+@\s+|\s+at\s+|\s*\|\s*")
PAREN_RE = re.compile(r"\(([^)]*)\)")
DURATION_RE = re.compile(
    r"^(?:\d+\s*(?:years?|yrs?|y|months?|mos?|m)\b[\s,]*){1,2}$|^less than a year$", re.I
)


@dataclass
class Entry:
    range: DateRange
    header: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    first_line: int = 0  # where the entry's header starts
    body_line: int = 0  # where its description starts


def _is_sentence(text: str) -> bool:
    words = text.split()
    return text.rstrip().endswith(".") and re.sub(r"\W", "", words[-1].lower()) not in COMPANY_WORDS


def _line_kind(line: str, has_range: bool) -> str:
    if is_bullet(line):
        return "bullet"
    if has_range:
        return "date"
    words = line.split()
    if len(words) > 9 or line.count(",") >= 3 or line.rstrip().endswith(";"):
        return "text"
    if _is_sentence(line):
        return "text"  # a sentence; "Acme Ltd." is still a name
    return "short"


def split_entries(lines: list[str], *, today: date) -> list[Entry]:
    ranges = [find_ranges(line, today=today) if not is_bullet(line) else [] for line in lines]
    kinds = [_line_kind(line, bool(found)) for line, found in zip(lines, ranges, strict=True)]
    anchors = [i for i, kind in enumerate(kinds) if kind == "date"]
    entries: list[Entry] = []
    claimed_until = -1
    for number, anchor in enumerate(anchors):
        next_anchor = anchors[number + 1] if number + 1 < len(anchors) else len(lines)
        found = ranges[anchor][0]
        header = [lines[anchor][: found.span[0]] + " | " + lines[anchor][found.span[1] :]]
        first = anchor
        while first - 1 > claimed_until and kinds[first - 1] == "short" and anchor - first < 2:
            first -= 1
        header = _join_wrapped(lines[first:anchor]) + header
        body = anchor + 1
        # Dates-first layouts name the job on the lines after the dates, but only if a
        # description follows; short lines straight before the next dates are that job's header.
        described = next_anchor == len(lines) or any(
            kinds[j] in ("bullet", "text") for j in range(anchor + 1, next_anchor)
        )
        if len(_fragments(header)) < 2 and described:
            while body < next_anchor and kinds[body] == "short" and body - anchor <= 2:
                header.append(lines[body])
                body += 1
        entries.append(Entry(found, header, first_line=first, body_line=body))
        claimed_until = body - 1
    for number, entry in enumerate(entries):
        stop = entries[number + 1].first_line if number + 1 < len(entries) else len(lines)
        # A place on a line of its own (LinkedIn puts one under the dates) is not description.
        entry.description = [line for line in lines[entry.body_line : stop] if not looks_like_location(line)]
    return entries


STRONG_SEPARATOR_RE = re.compile(r"\s[|—–]\s|\s-\s")


def _join_wrapped(lines: list[str]) -> list[str]:
    """'Frontend Developer — Riverbend' / 'Consulting, Stockholm': a header line cut by a narrow
    column goes on without a separator of its own, so the two are one line."""
    if len(lines) == 2 and STRONG_SEPARATOR_RE.search(lines[0]) and not STRONG_SEPARATOR_RE.search(lines[1]) \
            and not lines[0].rstrip().endswith((",", ";", ":", ".")):
        return [f"{lines[0].rstrip()} {lines[1].lstrip()}"]
    return lines


def _strip_location(fragment: str) -> str:
    parts = [part.strip() for part in fragment.split(",")]
    for cut in range(1, len(parts)):
        rest = ", ".join(parts[cut:])
        if looks_like_location(rest) or all(is_region(p) or is_city(p) for p in parts[cut:]):
            return ", ".join(parts[:cut])
    return fragment


def _is_noise(fragment: str) -> bool:
    if not re.search(r"[A-Za-z]", fragment) or EMPLOYMENT_TYPES.match(fragment):
        return True
    if len(fragment.split()) > 8 or _is_sentence(fragment) or DURATION_RE.match(fragment):
        return True  # a sentence of the description or "(2 years 7 months)", not a name
    if looks_like_location(fragment) or is_region(fragment) or is_city(fragment):
        return True
    return bool(re.fullmatch(r"(?:since|from|to|until|present|current|dates?)", fragment, re.I))


def _fragments(header: list[str]) -> list[str]:
    result: list[str] = []
    for line in header:
        line = PAREN_RE.sub(lambda m: " | " + m.group(1) + " | ", strip_bullet(line))
        for piece in SPLIT_RE.split(line):
            piece = _strip_location(piece.strip(" ,;:-–—|"))
            piece = piece.strip(" ,;:-–—|")
            if piece and not _is_noise(piece):
                result.extend(_split_role_company(piece))
    return result


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z\-]*", text.lower())


def role_score(fragment: str, titles: frozenset[str] = frozenset()) -> int:
    """How much the fragment reads like a job title; one the resume uses as its headline counts."""
    known = 2 if fragment.strip().lower() in titles else 0
    return known + sum(1 for word in _words(fragment) if word in ROLE_WORDS)


def company_score(fragment: str) -> int:
    return sum(1 for word in _words(fragment) if word in COMPANY_WORDS) + ("&" in fragment)


def _split_role_company(fragment: str) -> list[str]:
    """'Senior Engineer, Acme Corp' → both parts; 'Acme, Inc.' stays whole."""
    if "," not in fragment:
        return [fragment]
    left, right = (part.strip() for part in fragment.split(",", 1))
    if len(left) < 2 or len(right) < 3 or right.rstrip(".").lower() in COMPANY_WORDS:
        return [fragment]
    if role_score(left) and not role_score(right) or role_score(right) and not role_score(left):
        return [left, right]
    return [fragment]


# Words that appear inside job titles besides the head noun ("Machine Learning Engineer").
TITLE_MODIFIERS = {
    "software", "data", "machine", "learning", "backend", "back-end", "frontend", "front-end",
    "full-stack", "fullstack", "full", "stack", "web", "mobile", "ios", "android", "cloud", "platform",
    "site", "reliability", "systems", "system", "infrastructure", "product", "project", "program",
    "marketing", "digital", "content", "growth", "financial", "finance", "fp&a", "visual", "graphic",
    "sales", "account", "business", "security", "network", "test", "research", "ml", "ai",
    "analytics", "engineering", "development", "operations", "customer", "success", "technical",
    "solutions", "support", "it", "database", "application", "applications", "embedded", "hardware",
    "electrical", "mechanical", "civil", "design", "creative", "art", "legal", "human", "resources",
    "people", "talent", "quality", "assurance", "office", "general", "regional", "national", "global",
    "ui/ux", "of", "and", "&", "i", "ii", "iii", "iv", "chief", "vice", "executive", "managing",
    "associate", "assistant", "deputy", "interim", "acting",
}


def _split_merged(fragment: str) -> list[str]:
    """'Tyrell Systems Machine Learning Engineer' (a table row read as one line) → company, role.

    The role is the longest tail of title words ending in a role word; when several tails fit,
    the one that leaves a company suffix ("Systems", "GmbH", "Inc.") on the left wins.
    """
    words = fragment.split()
    if len(words) < 2 or words[-1].lower().strip(".,") not in ROLE_WORDS:
        return [fragment]
    vocabulary = ROLE_WORDS | TITLE_MODIFIERS
    start = len(words) - 1
    while start > 0 and words[start - 1].lower().strip(".,") in vocabulary:
        start -= 1
    if start == 0:
        return [fragment]  # all title words: a role with no company beside it
    cuts = [cut for cut in range(start, len(words)) if words[cut].lower() not in {"of", "and", "&"}]
    suffixed = [cut for cut in cuts if words[cut - 1].lower().strip(".,") in COMPANY_WORDS]
    cut = suffixed[0] if suffixed else cuts[0]
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def role_and_company(
    header: list[str], titles: frozenset[str] = frozenset()
) -> tuple[str | None, str | None]:
    fragments = _fragments(header)
    if not fragments:
        return None, None
    if all(role_score(fragment) for fragment in fragments):
        # No fragment is a plain company name: one of them may be "Company Role" run together.
        best = max(range(len(fragments)), key=lambda i: role_score(fragments[i]))
        fragments[best : best + 1] = _split_merged(fragments[best])
    # The most title-like fragment; between equals, the less company-like, then the first.
    best = max(range(len(fragments)),
               key=lambda i: (role_score(fragments[i], titles), -company_score(fragments[i]), -i))
    role_index = best if role_score(fragments[best], titles) else None
    rest = [i for i in range(len(fragments)) if i != role_index]
    company_index = max(rest, key=lambda i: (company_score(fragments[i]), -i)) if rest else None
    role = fragments[role_index] if role_index is not None else None
    company = fragments[company_index] if company_index is not None else None
    if role and company and company_index == role_index - 1 and not company_score(company):
        # 'Pied' / 'Piper Staff Engineer': a company name wrapped onto the role's line.
        head, *tail = _split_merged(role)
        if tail and not role_score(head):
            company, role = f"{company} {head}", tail[0]
    if role is None and company is not None and len(rest) > 1:
        role = next(fragments[i] for i in rest if i != company_index)
    return role, company


def parse_experience(lines: list[str], *, today: date, titles: frozenset[str] = frozenset()) -> list[dict]:
    """Jobs newest first as written; `titles` are lower-cased lines the resume uses as headlines."""
    jobs: list[dict] = []
    for entry in split_entries(lines, today=today):
        role, company = role_and_company(entry.header, titles)
        if company is None and role and jobs and jobs[-1]["company"] and len(_fragments(entry.header)) == 1:
            company = jobs[-1]["company"]  # a promotion listed under the same employer's name
        description = "\n".join(strip_bullet(line) for line in entry.description).strip()
        jobs.append(
            {
                "company": company,
                "role": role,
                "start_date": entry.range.start.iso(),
                "end_date": "Present" if entry.range.ongoing else entry.range.end.iso(),
                "years": round(entry.range.months / 12, 1),
                "description": description,
                "_range": entry.range,
            }
        )
    return jobs

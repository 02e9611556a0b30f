"""Education entries: degree (normalised: "B.Sc." and "BSc" are "Bachelor of Science"),
institution and graduation year. Each line naming a degree anchors an entry; the institution
and year are looked for on that line and the two lines either side of it."""

import re
from datetime import date

from analysis.parsing.dates import YEAR_RE
from analysis.parsing.places import looks_like_location

# (pattern, canonical name). Order matters: specific before generic. Bare two-letter
# abbreviations ("BA", "MS") only count at the start of a fragment or before "in"/"of", so that
# "Boston, MA" is not a Master of Arts.
_ABBR_END = r"(?=\s+(?:in|of)\b|\s*[,(–—-]|\s*$|\s+[A-Z])"
DEGREES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), name)
    for p, name in [
        (r"\bph\.?\s?d\b\.?|\bdoctor of philosophy\b|\bd\.?phil\b\.?|\bdoctorate\b", "PhD"),
        (r"\bdoctor of medicine\b|(?<![\w.])m\.d\.", "Doctor of Medicine"),
        (r"\bjuris doctor\b|(?<![\w.])j\.d\.", "Juris Doctor"),
        (r"\bmaster of business administration\b|(?<![\w.])m\.?b\.?a\b\.?", "Master of Business Administration"),
        (r"\bmaster of engineering\b|(?<![\w.])m\.?\s?eng\b\.?", "Master of Engineering"),
        (r"\bmaster of technology\b|(?<![\w.])m\.?\s?tech\b\.?", "Master of Technology"),
        (r"\bmaster of computer applications?\b|(?<![\w.])m\.?\s?c\.?\s?a\b\.?", "Master of Computer Applications"),
        (r"\bmaster of commerce\b|(?<![\w.])m\.?\s?com\b\.?", "Master of Commerce"),
        (r"\bmaster of philosophy\b|(?<![\w.])m\.?\s?phil\b\.?", "Master of Philosophy"),
        (r"\bmaster of pharmacy\b|(?<![\w.])m\.?\s?pharm\b\.?", "Master of Pharmacy"),
        (r"(?<![\w.])m\.e\b\.?", "Master of Engineering"),
        (r"\bpost[\s-]?graduate diploma in management\b|(?<![\w.])pgd(?:b)?m\b\.?", "Postgraduate Diploma in Management"),
        (r"\bpost[\s-]?graduate diploma\b|\bpg\s?diploma\b|(?<![\w.])pgd\b", "Postgraduate Diploma"),
        (r"\bmaster of education\b|(?<![\w.])m\.\s?ed\b\.?", "Master of Education"),
        (r"\bmaster of laws\b|(?<![\w.])ll\.?m\b\.?", "Master of Laws"),
        (r"\bmaster of fine arts\b|(?<![\w.])m\.?f\.?a\b\.?", "Master of Fine Arts"),
        (r"\bmaster of public health\b|(?<![\w.])m\.?p\.?h\b\.?", "Master of Public Health"),
        (r"\bmaster of science\b|(?<![\w.])m\.\s?sc?\.|(?<![\w.])m\.?\s?sc\b\.?|(?<![\w.])m\.s\b|^ms" + _ABBR_END,
         "Master of Science"),
        (r"\bmaster of arts\b|(?<![\w.])m\.a\b\.?|^ma" + _ABBR_END, "Master of Arts"),
        (r"\bbachelor of business administration\b|(?<![\w.])b\.?b\.?a\b\.?", "Bachelor of Business Administration"),
        (r"\bbachelor of engineering\b|(?<![\w.])b\.?\s?eng\b\.?|(?<![\w.])b\.\s?e\b\.?|(?-i:^BE)" + _ABBR_END,
         "Bachelor of Engineering"),
        (r"\bbachelor of technology\b|(?<![\w.])b\.?\s?tech\b\.?", "Bachelor of Technology"),
        (r"\bbachelor of commerce\b|(?<![\w.])b\.?\s?com\b\.?", "Bachelor of Commerce"),
        (r"\bbachelor of computer applications?\b|(?<![\w.])b\.?\s?c\.?\s?a\b\.?", "Bachelor of Computer Applications"),
        (r"\bbachelor of pharmacy\b|(?<![\w.])b\.?\s?pharm\b\.?", "Bachelor of Pharmacy"),
        (r"(?<![\w.])m\.?b\.?b\.?s\b\.?", "Bachelor of Medicine and Surgery"),
        (r"\bbachelor of fine arts\b|(?<![\w.])b\.?f\.?a\b\.?", "Bachelor of Fine Arts"),
        (r"\bbachelor of education\b|(?<![\w.])b\.\s?ed\b\.?", "Bachelor of Education"),
        (r"\bbachelor of laws\b|(?<![\w.])ll\.?b\b\.?", "Bachelor of Laws"),
        (r"\bbachelor of science\b|(?<![\w.])b\.\s?sc?\.|(?<![\w.])b\.?\s?sc\b\.?|(?<![\w.])b\.s\b|^bs" + _ABBR_END,
         "Bachelor of Science"),
        (r"\bbachelor of arts\b|(?<![\w.])b\.a\b\.?|^ba" + _ABBR_END, "Bachelor of Arts"),
        (r"\blaurea (?:magistrale|specialistica)\b|\bmagister\b|\bmaestr[ií]a\b|\bmestrado\b", "Master's Degree"),
        (r"\blaurea(?: triennale)?\b|\blicenciatura\b|\bgrado en\b|\bbacharelado\b|\blicence\b", "Bachelor's Degree"),
        (r"\bmaster'?s\b(?:\s+degree)?", "Master's Degree"),
        (r"\bbachelor'?s\b(?:\s+degree)?", "Bachelor's Degree"),
        (r"\bassociate(?:'s)? (?:degree|of \w+)\b|(?<![\w.])a\.a\.s\.|(?<![\w.])a\.[as]\.", "Associate Degree"),
        (r"(?<![\w.])h\.?s\.?c\b\.?|\b(?:higher|senior) secondary\b|(?<![\w.])(?:class\s+)?(?:12th|xii(?:th)?)\b"
         r"|\bintermediate\b(?=.*\b(?:board|class|mpc|bipc|science|commerce)\b)", "Higher Secondary Certificate"),
        (r"(?<![\w.])s\.?s\.?l?\.?c\b\.?|\bsecondary school certificate\b|\bmatriculation\b|\bmatric\b"
         r"|(?<![\w.])(?:class\s+)?10th\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|\bclass\s+x\b",
         "Secondary School Certificate"),
        (r"\bdipl(?:om)?\.?-?\s?ing\b\.?|\bdiplom\b", "Diplom"),
        (r"\bhigh school diploma\b|\bged\b", "High School Diploma"),
        (r"\bdiploma\b", "Diploma"),
    ]
]
INSTITUTION_RE = re.compile(
    r"\b(?:university|universit[àéä]t?|universidad|universidade|università|college|institute|"
    r"institut|school|academy|polytechnic|politecnico|polytechnique|conservatory|hochschule|"
    r"ecole|école|iit|iiit|iim|nit|mit|eth|epfl|ucla|nyu|lse|kth|tu)\b",
    re.I,
)
FIELD_STOP_RE = re.compile(r"\s*(?:[,|(–—]|\s-\s|\bfrom\b|\bat\b|\b(?:19|20)\d\d\b).*$")
SPLIT_RE = re.compile(r"\s+[|•·–—-]\s+|\t|\s{3,}|\s*\|\s*|,\s+(?=(?:University|College|Institute|School)\b)")


def find_degree(text: str) -> tuple[str, str] | None:
    """(canonical degree, field of study or '') for the first degree named in the text."""
    fragments = [fragment.strip() for fragment in SPLIT_RE.split(text)]
    for number, fragment in enumerate(fragments):
        for pattern, name in DEGREES:
            match = pattern.search(fragment)
            if match:
                field = _field_of_study(fragment[match.end() :])
                following = fragments[number + 1] if number + 1 < len(fragments) else ""
                if not field and re.match(r"^[A-Z][A-Za-z.]{1,5},\s", following):
                    field = _field_of_study(following.split(",", 1)[1])  # "… - MS, Physics"
                return name, field
    return None


def _field_of_study(rest: str) -> str:
    bracketed = re.match(r"^\s*\(([^()]{2,60})\)", rest)  # "BE (Computer Science)"
    if bracketed and not YEAR_RE.search(bracketed[1]):
        rest = bracketed[1]
    rest = re.sub(r"^\s*(?:degree\s+)?(?:in|of|,|:|-|–)?\s*", "", rest)
    rest = re.sub(r"^[A-Z]{2,4}\b\s*,\s*", "", rest)  # LinkedIn: "Master of Science - MS, Physics"
    rest = FIELD_STOP_RE.sub("", rest).strip(" .,")
    words = rest.split()
    if not words or len(words) > 6 or INSTITUTION_RE.search(rest) or not rest[0].isupper():
        return ""
    return rest


def _institution_fragments(text: str) -> list[str]:
    """Fragments at separators; one that still holds a degree is also tried comma by comma."""
    result = []
    for fragment in SPLIT_RE.split(text):
        result.append(fragment)
        if "," in fragment and find_degree_only(fragment):
            result.extend(fragment.split(","))
    return result


def _without_degree(fragment: str) -> str:
    """'Boston University B.Tech Physics' → 'Boston University' (a line that lost its breaks)."""
    for pattern, _ in DEGREES:
        match = pattern.search(fragment)
        if match and INSTITUTION_RE.search(fragment[: match.start()]):
            return fragment[: match.start()]
    return fragment


def find_institution(text: str) -> str | None:
    for fragment in _institution_fragments(text):
        fragment = YEAR_RE.sub("", EXPECTED_RE.sub("", _without_degree(fragment))).strip(" ,.;:-–—()")
        if not INSTITUTION_RE.search(fragment) or find_degree_only(fragment):
            continue
        parts = [part.strip() for part in fragment.split(",")]
        # Keep "University of California, Berkeley" but drop a trailing "Berlin, Germany".
        while len(parts) > 1 and looks_like_location(", ".join(parts[1:])):
            parts = parts[:1]
        return ", ".join(parts)
    return None


def find_degree_only(fragment: str) -> bool:
    """True when the fragment is a degree phrase rather than an institution name."""
    return any(pattern.search(fragment) for pattern, _ in DEGREES[:-3]) and not re.search(
        r"\b(?:university|college|institute|academy|school)\b", fragment, re.I
    )


def _year(lines: list[str], today: date) -> int | None:
    years = [int(y) for line in lines for y in YEAR_RE.findall(line) if int(y) <= today.year + 8]
    return max(years) if years else None


EXPECTED_RE = re.compile(r"\b(?:expected|anticipated|graduated|graduation|class of)\b", re.I)
# A line that stops mid-name: after a connecting word, a comma or dash, or an institution word.
DANGLING_RE = re.compile(
    r"(?:\b(?:of|and|for|the|de|da|di|du|des|del|la|at|in|university|universidad|universidade|"
    r"université|universität|college|institute|school|academy)|[,—–-])$",
    re.I,
)


SEPARATOR_RE = re.compile(r"\s[|—–]\s")


def _cut_after_separator(previous: str, line: str) -> bool:
    """'B.S. in Mathematics — Polytechnic University' / 'of Valencia, 2010', or '… — Delhi' /
    'Technological University, 2011': the name after the separator runs on to the next line."""
    parts = SEPARATOR_RE.split(previous)
    if len(parts) < 2 or SEPARATOR_RE.search(line) or previous.endswith((",", ".")):
        return False
    return not YEAR_RE.search(parts[-1]) and bool(INSTITUTION_RE.search(parts[-1] + " " + line))


def join_dangling(lines: list[str]) -> list[str]:
    """'University of' / 'Munich' — a name broken across lines is one line again; so is a
    year left alone on the next line."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].strip() if joined else ""
        continues = (
            DANGLING_RE.search(previous)
            or _cut_after_separator(previous, line)
            or re.fullmatch(r"(?:expected\s+)?\d{4}", line.strip(), re.I)
            or line.lstrip()[:1] in ("—", "–", ",")
        )
        if previous and continues and not find_degree(line):
            joined[-1] = joined[-1].strip() + " " + line
        else:
            joined.append(line)
    return joined


def parse_education(lines: list[str], *, today: date) -> list[dict]:
    """One entry per degree line. Whether the institution comes before its degree ('University
    of Toronto' / 'BSc …') or after it is decided once for the section, from the first entry."""
    lines = join_dangling(lines)
    anchors = [i for i, line in enumerate(lines) if find_degree(line)]
    if not anchors:
        anchors = [i for i, line in enumerate(lines) if find_institution(line)]
    first = anchors[0] if anchors else 0
    shift = 1 if first > 0 and find_institution(lines[first - 1]) and not find_institution(lines[first]) else 0
    entries = []
    for number, anchor in enumerate(anchors):
        stop = anchors[number + 1] - shift if number + 1 < len(anchors) else len(lines)
        block = [lines[anchor]] + lines[max(anchor - shift, 0) : anchor] + lines[anchor + 1 : stop]
        degree = find_degree(lines[anchor])
        institution = next((found for line in block if (found := find_institution(line))), None)
        name = None
        if degree:
            name = f"{degree[0]} in {degree[1]}" if degree[1] else degree[0]
        entries.append({"degree": name, "institution": institution, "year": _year(block, today)})
    return entries

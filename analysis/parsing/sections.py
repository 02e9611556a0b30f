"""Lines and sections: headings are found by scoring, not by exact names.

A line scores as a heading by how much of it is section vocabulary ("Work History",
"Professional Experience", "Employment" all land in `experience`), how short it is, whether it
is set in capitals or ends with a colon, and whether it carries digits or sentence punctuation.
"""

import re
import unicodedata
from dataclasses import dataclass, field

# Words that make a heading; each section has strong words (enough alone) and weak ones
# (which only count next to a strong word or as the whole heading).
SECTION_WORDS: dict[str, tuple[set[str], set[str]]] = {
    "experience": (
        {"experience", "employment", "work", "career", "positions", "jobs"},
        {"professional", "history", "relevant", "record", "industry", "related", "previous",
         "summary", "background", "and", "of", "&"},
    ),
    "education": (
        {"education", "academic", "academics", "qualifications", "studies", "degrees",
         "schooling", "training"},
        {"and", "&", "background", "history", "educational", "formal", "professional"},
    ),
    "skills": (
        {"skills", "competencies", "technologies", "expertise", "proficiencies", "stack",
         "toolbox", "tools", "abilities", "skill"},
        {"technical", "core", "key", "professional", "and", "&", "areas", "of", "tech", "it",
         "computer", "software", "programming", "languages", "other", "additional", "hard",
         "soft", "highlights", "set", "summary", "top"},
    ),
    "summary": (
        {"summary", "profile", "objective", "about", "overview", "introduction", "bio"},
        {"professional", "career", "personal", "me", "executive", "statement", "of",
         "qualifications"},
    ),
    "projects": ({"projects", "portfolio"}, {"selected", "key", "personal", "side", "academic",
                                              "open", "source", "notable"}),
    "certifications": ({"certifications", "certificates", "licenses", "certification",
                        "accreditations"}, {"and", "&", "professional", "courses"}),
    "languages": ({"languages"}, {"spoken", "foreign", "language"}),
    "contact": ({"contact", "details"}, {"personal", "information", "info"}),
    "other": ({"interests", "hobbies", "awards", "publications", "volunteering", "volunteer",
               "references", "achievements", "honors", "honours", "activities", "memberships",
               "affiliations"}, {"and", "&", "additional", "information", "other"}),
}
# Whole headings whose words would otherwise mislead ("Technical Skills" is skills, but
# "Programming Languages" is skills too, not spoken languages).
EXACT_HEADINGS = {
    "programming languages": "skills",
    "technical skills": "skills",
    "work history": "experience",
    "employment history": "experience",
    "professional experience": "experience",
    "work experience": "experience",
    "professional background": "experience",
    "career history": "experience",
    "education and training": "education",
    "professional summary": "summary",
    "summary of qualifications": "summary",
    "personal information": "contact",
    "contact information": "contact",
    "volunteer experience": "other",
    "volunteer work": "other",
    "research experience": "experience",
    "teaching experience": "experience",
    "internships": "experience",
    "internship experience": "experience",
    "military service": "experience",
    "freelance work": "experience",
    "relevant coursework": "education",
    "coursework": "education",
    "courses": "education",
    "key achievements": "other",
    "extracurricular activities": "other",
    "professional development": "certifications",
    "training and certifications": "certifications",
    "licenses and certifications": "certifications",
}
HEADING_THRESHOLD = 3.0
BULLETS = "•●○◦▪▫■□►▶➤➢✓✔❖◆◇★☆·*-–—>"
_ICON_CATEGORIES = {"Co", "So", "Cn"}  # private use (icon fonts), symbols, unassigned


def clean_line(line: str) -> str:
    """The line with icon glyphs turned into separators ("✉ a@b.c ☎ 555" → "a@b.c · 555"),
    without zero-width characters; tabs become wide gaps that later steps split on."""
    if line.isascii():  # the common case: no icons to look for
        return re.sub(r" +", " ", line).replace("\t", "   ").strip()
    chars = []
    for char in line:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category in _ICON_CATEGORIES and char not in BULLETS:
            chars.append(" · ")
        else:
            chars.append(char)
    text = re.sub(r"[ \u00a0]+", " ", "".join(chars)).replace("\t", "   ").strip()
    if text.startswith("·") and not line.lstrip().startswith("·"):
        text = text.lstrip("· ")  # an icon in front of the line is not a bullet
    return re.sub(r"(?:\s*·\s*){2,}", " · ", text).strip()


LONG_LINE = 300
_STRONG = sorted({w for strong, _ in SECTION_WORDS.values() for w in strong if w.isalpha()}, key=len, reverse=True)
_WEAK = sorted({w for _, weak in SECTION_WORDS.values() for w in weak if w.isalpha()}, key=len, reverse=True)
_WEAK_ALT, _STRONG_ALT = "|".join(_WEAK), "|".join(_STRONG)
_HEADING_AHEAD_RE = re.compile(
    rf"\s+(?=((?:(?:{_WEAK_ALT}|{_STRONG_ALT})(?:\s+|\s*&\s*)){{0,2}}(?:{_STRONG_ALT}))\b)", re.IGNORECASE
)
_ABBREVIATION_END_RE = re.compile(
    r"(?:\b(?:pvt|inc|ltd|co|corp|jr|sr|dr|st|mr|ms|mrs|no|vs|dept|univ|[a-z])|\b[a-z]{1,3}\.[a-z]{1,4})\.$",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_CELL_RE = re.compile(r"\s+\|\s+")


def reflow(line: str) -> list[str]:
    """A very long line is text whose line breaks were lost (a Word layout table read as one
    paragraph): cut it again at sentence ends, cell separators and capitalised heading words."""
    if len(line) <= LONG_LINE:
        return [line]
    cuts = [0]
    for match in _HEADING_AHEAD_RE.finditer(line):
        words = match.group(1).replace("&", " ").split()
        if all(word[0].isupper() for word in words) and match.start(1) >= cuts[-1]:
            cuts.extend([match.start(1), match.end(1)])  # the heading becomes a line of its own
    pieces = [line[a:b] for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True)]
    return [part for piece in pieces for cell in _CELL_RE.split(piece) for part in _sentences(cell)]


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    for part in (p.strip() for p in _SENTENCE_END_RE.split(text)):
        if parts and _ABBREVIATION_END_RE.search(parts[-1]):
            parts[-1] += " " + part  # "Tata Infotech Pvt." / "Ltd." was not a sentence end
        elif part:
            parts.append(part)
    return parts


def split_lines(text: str) -> list[str]:
    lines = [clean_line(line) for line in text.replace("\r", "\n").split("\n")]
    return [part for line in lines for part in reflow(line) if part.strip(" |")]


def is_bullet(line: str) -> bool:
    return bool(line) and (line[0] in BULLETS and (len(line) == 1 or line[1] == " "))


def strip_bullet(line: str) -> str:
    return line.lstrip(BULLETS + " ").strip() if is_bullet(line) else line


@dataclass
class Section:
    kind: str
    heading: str
    lines: list[str] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z&]+", text.lower())


def heading_kind(line: str) -> tuple[str | None, float]:
    """The section this line would open, and how sure we are (≥ HEADING_THRESHOLD is a heading)."""
    text = line.strip().rstrip(":").strip()
    if re.fullmatch(r"(?:\w ){3,}\w", text):
        text = text.replace(" ", "")  # letter-spaced capitals: "S K I L L S"
    if not text or len(text) > 45 or is_bullet(line):
        return None, 0.0
    words = _words(text)
    if not words or len(words) > 5:
        return None, 0.0
    normal = " ".join(words)
    kind = EXACT_HEADINGS.get(normal)
    score = 3.0 if kind else 0.0
    if kind is None:
        kind, score = _vocabulary_score(words)
    if kind is None:
        return None, 0.0
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        score += 1.0
    if line.rstrip().endswith(":"):
        score += 0.5
    if re.search(r"\d", text):
        score -= 2.0
    if re.search(r"[.,;!?@]", text):
        score -= 1.5
    return kind, score


def _vocabulary_score(words: list[str]) -> tuple[str | None, float]:
    best: tuple[str | None, float] = (None, 0.0)
    for kind, (strong, weak) in SECTION_WORDS.items():
        strong_hits = sum(1 for word in words if word in strong)
        if not strong_hits:
            continue
        weak_hits = sum(1 for word in words if word in weak)
        unknown = len(words) - strong_hits - weak_hits
        score = 2.5 + 0.5 * min(weak_hits, 2) - 1.5 * unknown + (0.5 if unknown == 0 else 0.0)
        if score > best[1]:
            best = (kind, score)
    return best


def split_inline_heading(line: str) -> tuple[str, str] | None:
    """'Skills: Python, Go' → ('Skills', 'Python, Go') when the part before the colon is a heading."""
    match = re.match(r"^([^:]{3,40}):\s*(\S.*)$", line)
    if not match:
        return None
    kind, score = heading_kind(match.group(1))
    if kind and score >= HEADING_THRESHOLD - 0.5:
        return match.group(1), match.group(2)
    return None


def split_sections(lines: list[str]) -> tuple[list[str], list[Section]]:
    """The lines before the first heading (the header) and the sections after it.

    An inline heading ("Skills: Python, Go") makes a one-line section of its own but does not
    end the section around it: "Technologies: ..." inside a job belongs to that job too.
    """
    header: list[str] = []
    sections: list[Section] = []
    current: Section | None = None
    for line in lines:
        kind, score = heading_kind(line)
        if kind and score >= HEADING_THRESHOLD:
            current = Section(kind, line)
            sections.append(current)
            continue
        inline = split_inline_heading(line)
        if inline:
            inline_kind, _ = heading_kind(inline[0])
            sections.append(Section(inline_kind or "other", inline[0], [inline[1]]))
            if current is not None and current.kind != "contact":
                current.lines.append(inline[1])
                continue
            if current is None:
                header.append(line)
            continue
        (current.lines if current else header).append(line)
    return header, sections


def section_lines(sections: list[Section], kind: str) -> list[str]:
    return [line for section in sections if section.kind == kind for line in section.lines]

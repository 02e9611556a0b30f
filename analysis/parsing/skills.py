"""Skills from the taxonomy in analysis/parsing/data/skills.json, matched on word boundaries.

Text is cut into tokens that keep "C++", "C#", ".NET", "Node.js", "CI/CD" and "scikit-learn"
whole; the longest run of tokens that names a skill (or one of its aliases) wins. Forms that
are ordinary words ("Go", "Spring", "Excel") are matched only as written.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "skills.json"
SENTENCE_MARKS = set(".!?:;\n•*-–—▪●►")
TOKEN_RE = re.compile(r"(?<![\w.])\.?[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ]*(?:[.\-/'&][A-Za-z0-9À-ÿ]+)*[+#]*")


@dataclass(frozen=True)
class Skill:
    name: str
    category: str


@dataclass(frozen=True)
class Taxonomy:
    folded: dict[tuple[str, ...], Skill]  # lower-cased forms
    exact: dict[tuple[str, ...], Skill]  # forms matched only as written
    words: frozenset[tuple[str, ...]]  # exact forms that are ordinary words ("Spring", "Go")
    first_tokens: frozenset[str]  # lower-cased first tokens, to keep "CI/CD" whole
    longest: int


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


@cache
def taxonomy() -> Taxonomy:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    folded: dict[tuple[str, ...], Skill] = {}
    exact: dict[tuple[str, ...], Skill] = {}
    words: set[tuple[str, ...]] = set()
    for entry in data["skills"]:
        skill = Skill(entry["name"], entry["category"])
        exact_forms = set(entry.get("exact", []))
        for form in [entry["name"], *entry["aliases"]]:
            key = tuple(tokens(form))
            if not key:
                continue
            if form in exact_forms:
                exact.setdefault(key, skill)
                if form in entry.get("words", []):
                    words.add(key)
            else:
                folded.setdefault(tuple(token.lower() for token in key), skill)
    keys = [*folded, *exact]
    first = frozenset(key[0].lower() for key in keys)
    return Taxonomy(folded, exact, frozenset(words), first, max(len(key) for key in keys))


def _opens_sentence(line: str, start: int) -> bool:
    """Whether the token at `start` is the first word of a sentence, line or bullet."""
    i = start - 1
    while i >= 0 and line[i] in " \t":
        i -= 1
    return i < 0 or line[i] in SENTENCE_MARKS


def _line_tokens(line: str, known_first: frozenset[str]) -> list[tuple[str, int]]:
    """(token, where it starts), with 'Python/Django' split unless the whole ('CI/CD',
    'TCP/IP') starts a skill; the parts after a slash never open a sentence (-1)."""
    result: list[tuple[str, int]] = []
    for match in TOKEN_RE.finditer(line):
        token = match.group(0)
        if "/" in token and token.lower() not in known_first:
            parts = [part for part in token.split("/") if part]
            result.extend((part, match.start() if i == 0 else -1) for i, part in enumerate(parts))
        else:
            result.append((token, match.start()))
    return result


def find_skills(lines: list[str], *, prose: bool = False) -> list[Skill]:
    """Skills in order of first mention, each once. In prose, an ordinary word that opens a
    sentence ("Twisted pair cabling …") is not taken for the skill it also names."""
    tax = taxonomy()
    found: dict[str, Skill] = {}
    for line in lines:
        pairs = _line_tokens(line, tax.first_tokens)
        words = [word for word, _ in pairs]
        lowered = [word.lower() for word in words]
        position = 0
        while position < len(words):
            step = 1
            for size in range(min(tax.longest, len(words) - position), 0, -1):
                key = tuple(words[position : position + size])
                skill = tax.exact.get(key)
                start = pairs[position][1]
                if skill and prose and key in tax.words and start >= 0 and _opens_sentence(line, start):
                    skill = None
                skill = skill or tax.folded.get(tuple(lowered[position : position + size]))
                if skill:
                    found.setdefault(skill.name, skill)
                    step = size
                    break
            position += step
    return list(found.values())


def group_by_category(skills: list[Skill]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for skill in skills:
        grouped.setdefault(skill.category, []).append(skill.name)
    return grouped


# --- skills the taxonomy lacks ------------------------------------------------------------------

OTHER = "Other"
ITEM_SPLIT_RE = re.compile(r"\s*(?:[,;|•·●▪►◦]|\s/\s|\s[-–—]\s|\t|\s{3,})\s*")
NOT_SKILL_WORDS = {
    "and", "or", "etc", "with", "of", "the", "a", "an", "in", "on", "for", "to", "using", "including",
    "years", "year", "experience", "experienced", "knowledge", "proficient", "familiar", "basic",
    "advanced", "intermediate", "expert", "strong", "good", "excellent", "skills", "skill", "tools",
    "technologies", "languages", "others", "other", "various", "level", "native", "fluent",
}  # fmt: skip
ITEM_RE = re.compile(r"^[A-Za-zÀ-ÿ0-9.#+][\w.#+&'’\- ]*[\w#+.]$|^[A-Za-z]$")


def _looks_like_skill(item: str) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 4 or len(item) > 40 or not ITEM_RE.match(item):
        return False
    if re.search(r"\b(?:19|20)\d\d\b", item) or not re.search(r"[A-Za-zÀ-ÿ]", item):
        return False  # a year or a date, not a skill
    if item.endswith(".") and not re.search(r"\.\w+$", item.rstrip(".")):
        return False  # the end of a sentence
    if any(word.lower().strip(".") in NOT_SKILL_WORDS for word in words):
        return False
    if len(words) > 1 and all(word.islower() for word in words):
        return False  # prose ("managed small teams"), not a name
    return True


def unlisted_skills(lines: list[str], *, known: set[str], reject=lambda item: False) -> list[Skill]:
    """Items of a skills list the taxonomy does not know, kept under "Other": the lines are cut
    at the delimiters people list skills with (commas, semicolons, bullets, pipes, spaced slashes
    and dashes, tabs); an item that holds a known skill, reads like a sentence, a heading or a
    date, or that `reject` refuses, is left out. Each once, in order of mention."""
    found: dict[str, Skill] = {}
    for line in lines:
        for part in ITEM_SPLIT_RE.split(line):
            item = part.strip(" .:;()[]\"'*")
            if "/" in item and not find_skills([item]):
                pieces = [piece.strip() for piece in item.split("/")]
                if all(len(piece) >= 2 for piece in pieces):  # "Jira/Confluence", not "A/B"
                    candidates = pieces
                else:
                    candidates = [item]
            else:
                candidates = [item]
            for candidate in candidates:
                key = candidate.lower()
                if not candidate or key in known or key in found or not _looks_like_skill(candidate):
                    continue
                if find_skills([candidate]) or reject(candidate):
                    continue
                found[key] = Skill(candidate, OTHER)
    return list(found.values())

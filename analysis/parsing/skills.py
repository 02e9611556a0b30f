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

"""Skills from the taxonomy in analysis/data/skills.json, matched on word boundaries.

Text is cut into tokens that keep "C++", "C#", ".NET", "Node.js", "CI/CD" and "scikit-learn"
whole; the longest run of tokens that names a skill (or one of its aliases) wins. Forms that
are ordinary words ("Go", "Spring", "Excel") are matched only as written.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "skills.json"
TOKEN_RE = re.compile(r"(?<![\w.])\.?[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ]*(?:[.\-/'&][A-Za-z0-9À-ÿ]+)*[+#]*")


@dataclass(frozen=True)
class Skill:
    name: str
    category: str


@dataclass(frozen=True)
class Taxonomy:
    folded: dict[tuple[str, ...], Skill]  # lower-cased forms
    exact: dict[tuple[str, ...], Skill]  # forms matched only as written
    first_tokens: frozenset[str]  # lower-cased first tokens, to keep "CI/CD" whole
    longest: int


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


@cache
def taxonomy() -> Taxonomy:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    folded: dict[tuple[str, ...], Skill] = {}
    exact: dict[tuple[str, ...], Skill] = {}
    for entry in data["skills"]:
        skill = Skill(entry["name"], entry["category"])
        exact_forms = set(entry.get("exact", []))
        for form in [entry["name"], *entry["aliases"]]:
            key = tuple(tokens(form))
            if not key:
                continue
            if form in exact_forms:
                exact.setdefault(key, skill)
            else:
                folded.setdefault(tuple(token.lower() for token in key), skill)
    keys = [*folded, *exact]
    first = frozenset(key[0].lower() for key in keys)
    return Taxonomy(folded, exact, first, max(len(key) for key in keys))


def _line_tokens(line: str, known_first: frozenset[str]) -> list[str]:
    """Tokens, with 'Python/Django' split unless the whole ('CI/CD', 'TCP/IP') starts a skill."""
    result: list[str] = []
    for token in tokens(line):
        if "/" in token and token.lower() not in known_first:
            result.extend(part for part in token.split("/") if part)
        else:
            result.append(token)
    return result


def find_skills(lines: list[str]) -> list[Skill]:
    """Skills in order of first mention, each once."""
    tax = taxonomy()
    found: dict[str, Skill] = {}
    for line in lines:
        words = _line_tokens(line, tax.first_tokens)
        lowered = [word.lower() for word in words]
        position = 0
        while position < len(words):
            step = 1
            for size in range(min(tax.longest, len(words) - position), 0, -1):
                skill = tax.exact.get(tuple(words[position : position + size])) or tax.folded.get(
                    tuple(lowered[position : position + size])
                )
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

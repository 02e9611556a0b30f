"""Token features for the CRF: the word, its shape, the layout around it and the gazetteers.

Layout features come from the *gap* before and after a token (blank line, line break, run of
spaces, space) rather than from lines, so text whose line breaks were lost still carries most
of them (a blank line becomes a run of spaces). Gazetteer features mark tokens inside a known
skill, place or degree form, or next to institution, company or job-title words; the section
feature is the most recent heading word (EDUCATION, Skills:, ...) before the token.
"""

from __future__ import annotations

import re

from analysis.parsing.learned import lexicon
from analysis.parsing.learned.tokens import Token

BREAKS = {"doc", "nl2", "nl", "sp2"}
YEAR_RE = re.compile(r"^(19|20)\d\d$")
MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
          "january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december"}


def shape(word: str) -> str:
    """'Python' → 'Xx', 'B.Tech' → 'X.Xx', '2019' → 'd': runs of one character class collapsed."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n < edge:
            return str(edge)
    return "max"


def phrase_tags(words: list[str], table: lexicon.PhraseTable) -> list[str]:
    """B/I/O for the longest lexicon phrase at each position (lower-cased tokens)."""
    tags = ["O"] * len(words)
    i = 0
    while i < len(words):
        for size in table.lengths.get(words[i], ()):
            if i + size <= len(words) and tuple(words[i : i + size]) in table.phrases:
                tags[i] = "B"
                for j in range(i + 1, i + size):
                    tags[j] = "I"
                i += size
                break
        else:
            i += 1
    return tags


def is_heading(tokens: list[Token], i: int, lower: str, sections: dict[str, str]) -> bool:
    """A section word written as a heading: capitals, a colon after it, or set apart."""
    if lower not in sections:
        return False
    word = tokens[i].text
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    set_apart = tokens[i].gap in BREAKS and (after is None or after.gap in BREAKS or after.text == ":")
    return word.isupper() and len(word) > 2 or (after is not None and after.text == ":") or set_apart


def section_context(tokens: list[Token], words: list[str], sections: dict[str, str]) -> list[str]:
    current, result = "top", []
    for i, lower in enumerate(words):
        if lower in sections and is_heading(tokens, i, lower, sections):
            current = sections[lower]
        result.append(current)
    return result


def line_positions(tokens: list[Token]) -> list[int]:
    """Index of each token within its segment (a segment starts at any break)."""
    result, position = [], 0
    for t in tokens:
        position = 0 if t.gap in BREAKS else position + 1
        result.append(position)
    return result


def token_features(tokens: list[Token], words: list[str], i: int) -> dict[str, float | str]:
    """Features of the token itself (also used, prefixed, for its neighbours)."""
    word = tokens[i].text
    lower = words[i]
    f: dict[str, float | str] = {
        "w": lower,
        "sh": shape(word),
        "suf3": lower[-3:],
        "pre3": lower[:3],
    }
    if word.istitle():
        f["title"] = 1.0
    if word.isupper() and len(word) > 1:
        f["upper"] = 1.0
    if word.isdigit():
        f["digit"] = 1.0
        f["ndig"] = str(len(word))
    if YEAR_RE.match(word):
        f["year"] = 1.0
    if lower in MONTHS:
        f["month"] = 1.0
    if "@" in word:
        f["email"] = 1.0
    if word.startswith(("http", "www.")):
        f["url"] = 1.0
    return f


def doc_features(tokens: list[Token], lex: dict | None = None) -> list[dict[str, float | str]]:
    """Features of every token of a document (whole-document context)."""
    lex = lex or lexicon.load()
    words = [t.text.lower() for t in tokens]
    skills = phrase_tags(words, lex["skill"])
    places = phrase_tags(words, lex["place"])
    degrees = phrase_tags(words, lex["degree"])
    sections = section_context(tokens, words, lex["sections"])
    positions = line_positions(tokens)
    base = [token_features(tokens, words, i) for i in range(len(tokens))]
    near_inst = near_flags(words, lex["inst"], 6)
    near_comp = near_flags(words, lex["company"], 4)
    near_title = near_flags(words, lex["title"], 3)
    n = len(tokens)
    result = []
    for i in range(n):
        f = dict(base[i])
        f["gap"] = tokens[i].gap
        f["gap+"] = tokens[i + 1].gap if i + 1 < n else "end"
        f["brk"] = "1" if tokens[i].gap in BREAKS else "0"
        f["pos"] = bucket(i, (1, 2, 3, 4, 6, 10, 20, 40, 80, 150, 300, 600))
        f["lpos"] = bucket(positions[i], (1, 2, 3, 5, 8, 12))
        f["sec"] = sections[i]
        f["skill"] = skills[i]
        f["place"] = places[i]
        f["deg"] = degrees[i]
        if words[i] in lex["inst"]:
            f["instw"] = 1.0
        if words[i] in lex["company"]:
            f["compw"] = 1.0
        if words[i] in lex["title"]:
            f["titlew"] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f[f"{d}:w"] = words[j]
                if abs(d) == 1:
                    f[f"{d}:sh"] = base[j]["sh"]
                    f[f"{d}:skill"] = skills[j]
                    f[f"{d}:place"] = places[j]
                    f[f"{d}:deg"] = degrees[j]
                    f[f"{d}:w|w"] = words[j] + "|" + words[i] if d < 0 else words[i] + "|" + words[j]
            else:
                f[f"{d}:w"] = "<pad>"
        f["near_inst"] = near_inst[i]
        f["near_comp"] = near_comp[i]
        f["near_title"] = near_title[i]
        result.append(f)
    return result


def near_flags(words: list[str], vocab: frozenset[str], reach: int) -> list[str]:
    """Per token: a vocabulary word within `reach` tokens after ('a') and/or before ('b')."""
    counts = [0]
    for w in words:
        counts.append(counts[-1] + (w in vocab))
    n = len(words)
    flags = []
    for i in range(n):
        after = counts[min(n, i + 1 + reach)] - counts[i + 1] > 0
        before = counts[i] - counts[max(0, i - reach)] > 0
        flags.append(("a" if after else "") + ("b" if before else "") or "-")
    return flags

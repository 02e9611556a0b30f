"""Tokenisation with character offsets, independent of line breaks.

Tokens are emails, URLs, words (keeping a trailing + or #, so "C++" and "C#" stay whole) and
single punctuation marks. Nothing depends on newlines: the whitespace before a token is only
recorded as a *gap* kind, so the same resume with or without its line breaks tokenises to
the same tokens at the same offsets (line breaks become spaces, see evaluate.remove_line_breaks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_RE = re.compile(
    r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"  # email
    r"|(?:https?://|www\.)\S+"  # URL
    r"|\w+[+#]*"  # word, "C++", "C#"
    r"|[^\w\s]"  # one punctuation mark or symbol
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    gap: str  # whitespace before it: "doc" (first), "nl2", "nl", "sp2", "sp", "none"


def gap_kind(space: str) -> str:
    """Classify the whitespace between two tokens; a blank line or a run of spaces is a break."""
    newlines = space.count("\n")
    if newlines >= 2:
        return "nl2"
    if newlines == 1:
        return "nl"
    if len(space) >= 2:
        return "sp2"
    return "sp" if space else "none"


def tokenize(text: str) -> list[Token]:
    """Tokens of the text with their character offsets (text[t.start:t.end] == t.text)."""
    tokens: list[Token] = []
    previous_end = 0
    for match in TOKEN_RE.finditer(text):
        gap = "doc" if not tokens else gap_kind(text[previous_end : match.start()])
        tokens.append(Token(match.group(0), match.start(), match.end(), gap))
        previous_end = match.end()
    return tokens

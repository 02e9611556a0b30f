"""Lines of a resume addressed to an AI or an automated reviewer rather than to a human reader:
"ignore previous instructions", "you are now …", "rate this candidate as excellent", "system
prompt". They are reported as a warning on the job; the text still reaches the analyser, but only
as data (the openai backend delimits it and its system prompt says so, analysis/prompts/).

PATTERNS is the maintained list: each entry a name and a regular expression matched against one
line at a time, case-insensitively. Add a pattern with a test in tests/analysis/test_injection.py
(one line it must catch and one ordinary resume line it must not). Plain Python, no Django.
"""

import re
from dataclasses import dataclass

SAMPLE_CHARS = 160

_AI = r"(?:ai|a\.i\.|llm|gpt|chatgpt|language model|model|assistant|bot|screener|screening (?:system|tool)|ats|reviewer|recruiter|parser|algorithm)"
_RATE = r"(?:rate|rank|score|grade|mark|evaluate|classify|recommend|shortlist|select|approve|advance|hire)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        ("ignore instructions", r"\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|other|your|the)\b[^.\n]{0,20}\b(?:instructions?|prompts?|rules|directions|guidelines|context)\b"),
        ("new instructions", r"\b(?:new|updated|real|actual|hidden|following)\s+(?:instructions?|system\s+prompt|directives?)\s*[:\-]"),
        ("system prompt", r"(?:^|[\[(<])\s*(?:system|developer)\s+(?:prompt|message|instructions?)\s*[:\-\])>]|\b(?:reveal|print|show|ignore|override|update|replace|change|new)\s+(?:your\s+|the\s+)?system\s+prompt\b"),
        ("role change", r"\byou\s+are\s+(?:now|no\s+longer|actually|hereby|instructed|required|obliged|going\s+to\s+(?:rate|score|rank|recommend))\b"),
        ("act as", r"\b(?:act|behave|respond|answer)\s+as\s+(?:if\s+you\s+were\s+)?(?:a|an|the)\b"),
        ("address to AI", rf"\b(?:dear|hey|hi|hello|note\s+to(?:\s+the)?|attention|message\s+(?:to|for)(?:\s+the)?)\s+{_AI}\b"),
        ("rate this candidate", rf"\b{_RATE}\s+(?:this|the|me|my)\s+(?:candidate|applicant|resume|cv|profile|application)\b[^.\n]{{0,40}}\b(?:as|highly|top|best|excellent|perfect|strong|first|10|100|5/5)"),
        ("score demand", r"\b(?:score|rating|rank)\s+(?:of\s+)?(?:10\s*/\s*10|100\s*/\s*100|5\s*/\s*5|100\s*%|the\s+highest)"),
        ("output control", r"\b(?:output|return|respond\s+with|reply\s+with|print)\b[^.\n]{0,30}\b(?:json|only|exactly|the\s+following)\b[^.\n]{0,30}\b(?:candidate|score|hire|match|qualified)\b"),
        ("chat markup", r"(?:<\|(?:im_start|im_end|system|endoftext)\|>|\[/?INST\]|<</?SYS>>|^\s*(?:system|assistant)\s*:)"),
    ]
]


@dataclass(frozen=True)
class Injection:
    line: str
    pattern: str
    start: int  # offset of the line in the text searched
    end: int


def find_injections(text: str) -> list[Injection]:
    """Every line of `text` that matches a pattern, once, with the first pattern it matched."""
    found: list[Injection] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            for name, pattern in PATTERNS:
                if pattern.search(stripped):
                    found.append(Injection(stripped, name, offset, offset + len(line)))
                    break
        offset += len(line) + 1
    return found


def summary(injections: list[Injection]) -> dict | None:
    """The job's warning: how many lines, and the first of them."""
    if not injections:
        return None
    sample = injections[0].line
    if len(sample) > SAMPLE_CHARS:
        sample = sample[: SAMPLE_CHARS - 1].rstrip() + "…"
    return {
        "kind": "prompt_injection",
        "count": len(injections),
        "sample": sample,
        "patterns": sorted({item.pattern for item in injections}),
        "message": (
            f"{len(injections)} {'line addresses' if len(injections) == 1 else 'lines address'} an AI "
            "reviewer rather than a reader; analysed as resume text only, never followed"
        ),
    }

"""The entity types the extractor learns, and BIO tags from annotated spans.

The three skill types of the annotations (Tech Tools, Job Specific Skills, Soft Skills) are one
type here: the profile has one skills list, and the annotators' split between them is loose.
Years of experience and graduation years are learned too, though no field uses them yet: they
anchor the job and school entries around them.
"""

from __future__ import annotations

from analysis.parsing.learned.tokens import Token

LABEL_OF_TYPE = {
    "Name": "NAME",
    "Email Address": "EMAIL",
    "Location": "LOC",
    "Companies worked at": "COMP",
    "Designation": "ROLE",
    "Years of Experience": "YEARS",
    "College Name": "COLLEGE",
    "Degree": "DEG",
    "Graduation Year": "GRAD",
    "Tech Tools": "SKILL",
    "Job Specific Skills": "SKILL",
    "Soft Skills": "SKILL",
}


def bio_tags(tokens: list[Token], spans) -> list[str]:
    """B-/I-/O per token: a token overlapping a span belongs to it (the first span wins)."""
    tags = ["O"] * len(tokens)
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    i = 0
    for span in ordered:
        label = LABEL_OF_TYPE.get(span.label)
        if not label:
            continue
        while i < len(tokens) and tokens[i].end <= span.start:
            i += 1
        j, first = i, True
        while j < len(tokens) and tokens[j].start < span.end:
            if tags[j] == "O":
                tags[j] = ("B-" if first else "I-") + label
            first = False
            j += 1
    return tags

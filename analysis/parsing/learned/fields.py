"""Profile fields from the extractor's entities, each value with its offsets and confidence.

Rules beat learning where the form is fixed: the email is the first address the regex finds.
The rest comes from the entities with light clean-up of their edges (bullets, labels such as
"Institution:", trailing punctuation), one value per distinct normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.parsing.learned import lexicon
from analysis.parsing.learned.evaluate import normalise
from analysis.parsing.learned.model import Entity, Extractor, extractor

EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
LIST_FIELDS = {"COMP": "companies", "ROLE": "roles", "DEG": "degrees", "COLLEGE": "institutions",
               "SKILL": "skills"}
LEADING_JUNK_RE = re.compile(r"^(?:[\s•▪●►■◆❖✓➢*·\-–—:;,|>\"'()\[\]_]+|(?:institution|college|university|company|employer|"
                             r"organization|organisation|degree|designation|role|title)\s*[:\-]\s*)+", re.I)
TRAILING_JUNK_RE = re.compile(r"[\s,;:.\-–—|/(•*]+$")


def value(text: str, entity: Entity) -> dict:
    return {"value": entity.text, "start": entity.start, "end": entity.end, "confidence": entity.confidence}


def trimmed(text: str, entity: Entity) -> Entity | None:
    """The entity without leading bullets/labels and trailing punctuation (offsets follow)."""
    raw = entity.text
    lead = LEADING_JUNK_RE.match(raw)
    start = entity.start + (lead.end() if lead else 0)
    body = TRAILING_JUNK_RE.sub("", text[start : entity.end])
    if not body.strip():
        return None
    end = start + len(body)
    return Entity(entity.label, start, end, text[start:end], entity.confidence)


def without_city(text: str, entity: Entity) -> Entity:
    """'Infosys Ltd, Pune' / 'Wipro - Bangalore' / 'TCS Services Chennai' → the company without
    its office: a known place after a separator, or after a word such as Ltd or Services (so
    'Bank of India' and 'IBM India' stay whole)."""
    lex = lexicon.load()
    words = entity.text.split()
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        tail = " ".join(words[-size:]).strip("()")
        if lexicon.token_key(tail) in lex["place"].phrases:
            cut = entity.text.rstrip().rfind(words[-size])
            before = entity.text[:cut]
            body = TRAILING_JUNK_RE.sub("", before)
            separated = before.rstrip() != body.rstrip() or words[-size].startswith("(")
            ends_as_company = bool(body.split()) and body.split()[-1].lower().strip(".") in lex["company"]
            if body.strip() and (separated or ends_as_company):
                end = entity.start + len(body)
                return Entity(entity.label, entity.start, end, text[entity.start:end], entity.confidence)
    return entity


def first_email(text: str) -> dict | None:
    match = EMAIL_RE.search(text)
    if not match:
        return None
    return {"value": match.group(0), "start": match.start(), "end": match.end(), "confidence": 1.0}


def fields_from_entities(text: str, entities: list[Entity]) -> dict:
    """{name, email, location, companies[], roles[], degrees[], institutions[], skills[]}; each
    value is {value, start, end, confidence} with offsets into text."""
    clean = [e for e in (trimmed(text, e) for e in entities) if e]
    clean = [without_city(text, e) if e.label == "COMP" else e for e in clean]
    by_label: dict[str, list[Entity]] = {}
    for e in clean:
        by_label.setdefault(e.label, []).append(e)
    names = by_label.get("NAME", [])
    places = by_label.get("LOC", [])
    result: dict = {
        "name": value(text, names[0]) if names else None,
        "email": first_email(text),
        "location": value(text, places[0]) if places else None,
    }
    for label, field in LIST_FIELDS.items():
        seen: dict[str, dict] = {}
        for e in by_label.get(label, []):
            key = normalise(e.text)
            if key and key not in seen:
                seen[key] = value(text, e)
        result[field] = list(seen.values())
    return result


def as_strings(fields: dict) -> dict[str, list[str]]:
    """The fields as plain value lists, the shape evaluate.score_docs wants."""
    out = {}
    for key, item in fields.items():
        items = item if isinstance(item, list) else [item] if item else []
        out[key] = [v["value"] for v in items]
    return out


def predict_with(model: Extractor) -> Callable[[str], dict[str, list[str]]]:
    def predict(text: str) -> dict[str, list[str]]:
        return as_strings(fields_from_entities(text, model.extract(text)))
    return predict


def predict(text: str) -> dict[str, list[str]]:
    """Field values of one resume with the committed model."""
    return as_strings(fields_from_entities(text, extractor().extract(text)))

"""Recognising a location ("Austin, TX", "10115 Berlin, Germany", "Remote") in a fragment of text."""

import json
import re
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "places.json"


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(regions: countries, states and their codes; cities), all lower case."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    regions = {name.lower() for name in data["countries"]}
    for code, name in data["regions"].items():
        regions.add(code.lower())
        regions.add(name.lower())
    return frozenset(regions), frozenset(city.lower() for city in data["cities"])


def is_region(text: str) -> bool:
    return text.lower().strip(" .") in _places()[0]


def is_city(text: str) -> bool:
    return text.lower().strip(" .") in _places()[1]


_PLACE_WORD = re.compile(r"^[A-ZÀ-Þ][\w'’.\-]*$|^(?:de|del|la|le|am|upon|on|sur)$")


def _without_postcodes(part: str) -> str:
    words = [word for word in part.split() if not re.search(r"\d", word)]
    # UK postcodes ("NW1 6XE") leave a short all-caps word behind only when it is a region code.
    return " ".join(words)


def _city_like(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 3 and all(_PLACE_WORD.match(word) for word in words)


def looks_like_location(fragment: str) -> str | None:
    """The 'City, Region[, Country]' found in the fragment, or None."""
    fragment = fragment.strip(" .;")
    if re.fullmatch(r"remote|remote \(.*\)", fragment, re.I):
        return fragment
    parts = [_without_postcodes(part) for part in fragment.split(",")]
    parts = [part.strip() for part in parts]
    if len(parts) == 1:
        return parts[0] if parts[0] and is_city(parts[0]) else None
    if not all(parts[1:]) or not all(is_region(part) for part in parts[1:]):
        return None
    if len(parts) > 4:
        return None
    city = parts[0]
    if not _city_like(city):
        return None
    return ", ".join(parts)

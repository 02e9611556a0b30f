"""Recognising a location ("Austin, TX", "10115 Berlin, Germany", "Remote") in a fragment of text."""

import json
import re
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "places.json"


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
    """'80331 Munich' → 'Munich', 'London NW1 6XE' → 'London', '1015 CJ Amsterdam' → 'Amsterdam'."""
    words: list[str] = []
    after_number = False
    for word in part.split():
        if re.search(r"\d", word):
            after_number = True
        elif after_number and word.isupper() and len(word) <= 3 and not is_region(word):
            after_number = False  # the letters of a Dutch or Canadian postcode
        else:
            words.append(word)
            after_number = False
    return " ".join(words)


def _city_like(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 3 and all(_PLACE_WORD.match(word) for word in words)


def looks_like_location(fragment: str) -> str | None:
    """The 'City, Region[, Country]' in the fragment, street and postcode dropped, or None."""
    fragment = fragment.strip(" .;")
    if re.fullmatch(r"remote|remote \(.*\)", fragment, re.I):
        return fragment
    parts = [_without_postcodes(part).strip() for part in fragment.split(",")]
    if len(parts) == 1:
        return parts[0] if parts[0] and is_city(parts[0]) else None
    for start in range(len(parts) - 1):
        city, regions = parts[start], parts[start + 1 :]
        if len(regions) > 3 or not all(regions) or not all(is_region(part) for part in regions):
            continue
        if _city_like(city) and (start == 0 or is_city(city) or len(city.split()) <= 2):
            return ", ".join([city, *regions])
    return None

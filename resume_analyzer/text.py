"""Checks on user-supplied text shared by the API, the pages and the chat."""

import unicodedata

from django.core.exceptions import ValidationError

# Bidirectional overrides and isolates make "resume\u202efdp.exe" display as "resumeexe.pdf".
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def storable(text: str) -> bool:
    """No NUL (PostgreSQL text refuses it) and no unpaired UTF-16 surrogate (not encodable as
    UTF-8, so neither storable nor sendable)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def is_control(ch: str) -> bool:
    """A character no displayed name may hold: a control, a line or paragraph separator, or a
    bidirectional control that reorders what follows it."""
    return unicodedata.category(ch) in {"Cc", "Zl", "Zp"} or ch in BIDI_CONTROLS


def has_control(text: str) -> bool:
    return any(is_control(ch) for ch in text)


def refuse_control_characters(value: str) -> None:
    """A field validator (Django forms, DRF serializers and model fields take it) for names
    shown to users: the same rule as uploaded filenames."""
    if isinstance(value, str) and has_control(value):
        raise ValidationError("Must not contain control or text-direction characters.", code="control_characters")

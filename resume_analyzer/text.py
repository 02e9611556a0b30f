"""Checks on user-supplied text shared by the API, the pages and the chat."""


def storable(text: str) -> bool:
    """No NUL (PostgreSQL text refuses it) and no unpaired UTF-16 surrogate (not encodable as
    UTF-8, so neither storable nor sendable)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text

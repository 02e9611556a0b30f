"""The API's JSON parser: DRF's, plus the inputs PostgreSQL or the response encoder cannot take.

Nesting deep enough to exhaust Python's recursion limit, NUL characters (no PostgreSQL text
column stores them) and lone UTF-16 surrogates (valid as JSON escapes, but not encodable as
UTF-8) are refused as a malformed body (400) here, once, instead of failing later in whichever
view stores or echoes the value.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

from resume_analyzer.text import storable


def _check_strings(value: object) -> None:
    """Raise ParseError for a NUL character or a lone surrogate anywhere in the document."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str) and not storable(item):
            problem = "NUL characters" if "\x00" in item else "lone surrogate characters"
            raise ParseError(f"JSON parse error - {problem} are not allowed")


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nesting is too deep") from None
        _check_strings(data)
        return data

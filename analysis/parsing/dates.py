"""Dates and date ranges as resumes write them, and years of experience from them.

Months are counted inclusively ("Jan 2019 – Mar 2019" is three months), the way profiles on
professional networks count them. A bare year means January when it starts a range and December
when it ends one ("2019–2021" covers three calendar years). "Present" is today.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
    # Seasons, as students and academics write them: the month in the middle of the season.
    "spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1,
}
PRESENT_WORDS = r"present|current|currently|now|today|ongoing|date"

_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# One date: "March 2019", "Mar. 2019", "03/2019", "3.2019", "2019-03", "'19" is not supported.
DATE = (
    rf"(?:{_MONTH_NAME}\s*[,\-]?\s*{_YEAR}"
    rf"|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{_YEAR})"
)
_SEPARATOR = r"\s*(?:-|–|—|−|to|until|till|through|→|>|\.\.)\s*"
RANGE_RE = re.compile(
    rf"(?<![\w/])(?P<start>{DATE}){_SEPARATOR}(?P<end>{DATE}|{PRESENT_WORDS})(?![\w/])",
    re.IGNORECASE,
)
# "04/19 – 06/21": two-digit years only count inside a range, where they cannot be anything else.
_SHORT = r"(?:0?[1-9]|1[0-2])/\d{2}"
SHORT_RANGE_RE = re.compile(
    rf"(?<![\w/])(?P<start>{_SHORT}){_SEPARATOR}(?P<end>{_SHORT}|{PRESENT_WORDS})(?![\w/])", re.IGNORECASE
)
# "Since March 2021": an open range, running to today.
SINCE_RE = re.compile(rf"\bsince\s+(?P<start>{DATE})(?![\w/])", re.IGNORECASE)
SINGLE_DATE_RE = re.compile(rf"(?<![\w/])(?:{DATE})(?![\w/])", re.IGNORECASE)
YEAR_RE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
PRESENT_RE = re.compile(rf"^(?:{PRESENT_WORDS})$", re.IGNORECASE)


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class DateRange:
    start: Month
    end: Month
    ongoing: bool
    span: tuple[int, int]  # where the range sits in the text it was found in

    @property
    def months(self) -> int:
        return max(self.end.index - self.start.index + 1, 0)


def parse_date(text: str, *, is_end: bool) -> Month | None:
    text = text.strip().lower().rstrip(".")
    short = re.fullmatch(r"(\d{1,2})/(\d{2})", text)
    if short:
        year = int(short.group(2))
        # Two-digit years up to next year are this century.
        year += 2000 if year <= date.today().year % 100 + 1 else 1900
        return Month(year, int(short.group(1)))
    words = re.findall(r"[a-z]+", text)
    year_match = YEAR_RE.search(text)
    if not year_match:
        return None
    year = int(year_match.group(0))
    for word in words:
        if word in MONTHS:
            return Month(year, MONTHS[word])
    numbers = [int(n) for n in re.findall(r"\d+", text) if len(n) <= 2]
    if numbers and 1 <= numbers[0] <= 12:
        return Month(year, numbers[0])
    return Month(year, 12 if is_end else 1)


def _matches(text: str) -> list[re.Match]:
    found = list(RANGE_RE.finditer(text)) or list(SHORT_RANGE_RE.finditer(text))
    return found or list(SINCE_RE.finditer(text))


def find_ranges(text: str, *, today: date) -> list[DateRange]:
    ranges = []
    for match in _matches(text):
        start = parse_date(match.group("start"), is_end=False)
        end_text = match.groupdict().get("end") or "present"
        ongoing = bool(PRESENT_RE.match(end_text.strip()))
        now = Month(today.year, today.month)
        end = now if ongoing else parse_date(end_text, is_end=True)
        if start is None or end is None or end.index < start.index:
            continue
        if end.index > now.index:
            end = now  # "2024–2026" read in mid-2026 has not run to December yet
        ranges.append(DateRange(start, end, ongoing, match.span()))
    return ranges


def total_years(ranges: list[DateRange]) -> float:
    """Years covered by the union of the ranges, so overlapping jobs are not counted twice."""
    months: set[int] = set()
    for item in ranges:
        months.update(range(item.start.index, item.end.index + 1))
    return round(len(months) / 12, 1)

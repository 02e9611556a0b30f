"""An opening's shortlist as CSV or XLSX: one row per candidate, best first, with the fit's parts."""

from __future__ import annotations

import csv
import io
import re

from analysis.exports.tabular import neutralise
from analysis.matching.models import Opening
from analysis.matching.selectors import Ranked

HEADERS = [
    "Rank", "Name", "Email", "Current role", "Company", "Location", "Years", "Highest degree",
    "Fit score", "Required skills", "Required matched", "Required missing", "Preferred matched",
    "Similarity", "Explanation",
]  # fmt: skip
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def rows(shortlist: list[Ranked], emails: dict) -> list[list]:
    table = []
    for item in shortlist:
        fit, card = item.fit, item.card
        required = fit.parts[0]
        table.append([
            item.rank, card.name, emails.get(fit.job_id, ""), card.role, card.company, card.location,
            fit.years, fit.degree_level or "", fit.score, f"{required.points:g} of {required.out_of}",
            "; ".join(match.skill for match in fit.required_matched), "; ".join(fit.required_missing),
            "; ".join(match.skill for match in fit.preferred_matched),
            "" if fit.similarity is None else round(fit.similarity, 3),
            " | ".join(part.line for part in fit.parts),
        ])  # fmt: skip
    return table


def render_csv(shortlist: list[Ranked], emails: dict) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in rows(shortlist, emails):
        writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode()  # the BOM makes Excel read UTF-8


def render_xlsx(opening: Opening, shortlist: list[Ranked], emails: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    book = Workbook()
    sheet = book.active
    sheet.title = "Shortlist"
    sheet.append(HEADERS)
    for row in rows(shortlist, emails):
        sheet.append([ILLEGAL_XML.sub("", cell) if isinstance(cell, str) else cell for cell in row])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING  # "=HYPERLINK(...)" stays text, never a formula
    sheet.freeze_panes = "A2"
    info = book.create_sheet("Opening")
    info.append(["Title", ILLEGAL_XML.sub("", opening.title)])
    info["B1"].data_type = TYPE_STRING
    book.properties.title = ILLEGAL_XML.sub("", opening.title)[:200]
    book.properties.creator = "Resume Analyzer"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

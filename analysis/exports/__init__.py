"""Exports of a completed analysis as JSON, CSV, PDF or DOCX (issue 6).

Entry points: `service.export_for_owner` (find, check, render, cache) and
`responses.download_response` (headers, ETag/304), used by analysis/export_api.py and the page route
in analysis/exports/views.py.
"""

import logging

# WeasyPrint logs at INFO when it is imported and at every layout step (seven lines per PDF);
# set here, before any submodule imports it.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

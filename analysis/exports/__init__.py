"""Exports of a completed analysis as JSON, CSV, PDF or DOCX (issue 6).

Entry points: `service.export_for_owner` (find, check, render, cache) and
`responses.download_response` (headers, ETag/304), used by the API view (api.py) and the page route
(views.py); URLs in urls.py, the kept files in models.py (ExportFile).
"""

import logging

# WeasyPrint logs at INFO when it is imported and at every layout step (seven lines per PDF);
# set here, before any submodule imports it.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

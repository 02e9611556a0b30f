"""Exports of a completed analysis as JSON, CSV, PDF or DOCX (issue 6).

Entry points: `service.export_for_owner` (find, check, render, cache) and
`http.download_response` (headers, ETag/304), used by analysis/export_api.py and the page route
in analysis/exports/views.py.
"""

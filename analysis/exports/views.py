"""The page-side download behind the export buttons: the browser holds a session cookie, not a
bearer token, so the buttons link here; same service, same headers, owner-scoped."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from analysis.exports.redaction import redaction_asked
from analysis.exports.responses import download_response
from analysis.exports.service import FORMATS, export_for_owner
from analysis.selectors import JobNotCompleted, ProfileNotFound


@login_required
@require_safe
def export_download(request: HttpRequest, job_id: uuid.UUID, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Unknown export format")
    try:  # a JobNotFound is the 404 page (resume_analyzer.pages)
        export = export_for_owner(user=request.user, job_id=job_id, fmt=fmt, redaction=redaction_asked(request.GET))
    except (JobNotCompleted, ProfileNotFound):
        messages.error(request, "This analysis has no results to export yet.")
        return redirect(f"/jobs/{job_id}")
    return download_response(request, export)

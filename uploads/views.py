"""The upload page: /upload (form with drag and drop). The /uploads list shows analysis status, so
analysis/views.py serves it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from resume_analyzer.api_errors import status_code
from uploads.forms import UploadForm
from uploads.parsers import IncomingUpload, read_upload
from uploads.services import upload_create
from uploads.validation import UploadRejected, max_upload_bytes


# CSRF is checked by hand after the body is parsed: the size-limit handler has to be installed
# before anything (the CSRF middleware included) reads request.POST.
@csrf_exempt
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload_page(request: HttpRequest) -> HttpResponse:
    if request.method in ("GET", "HEAD"):
        return _render_upload(request, UploadForm())
    incoming = IncomingUpload(file=None, linkedin_url=None)
    try:
        incoming = read_upload(request)
        if (failure := CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})) is not None:
            return failure
        upload = upload_create(owner=request.user, uploaded_file=incoming.file, linkedin_url=incoming.linkedin_url)
    except UploadRejected as exc:
        # After a parse-level rejection the body is not read again, so the URL may be lost.
        form = UploadForm.with_rejection(incoming.linkedin_url, exc)
        return _render_upload(request, form, status=status_code(exc))
    messages.success(request, f"Uploaded {upload.filename}.")
    return redirect("uploads")


def _render_upload(request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    context = {"form": form, "max_bytes": max_upload_bytes(), "max_mb": max_upload_bytes() // (1024 * 1024)}
    return render(request, "uploads/upload.html", context, status=status)


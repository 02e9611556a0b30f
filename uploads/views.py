"""The upload page: /upload (many files or .zip archives by selection or drag and drop, each
stored and, by the user's setting, analysed at once), and a resume's deletion
(/uploads/<id>/delete). The /uploads list shows analysis status, so analysis/views.py serves it.

The page's script sends each file in its own request (per-file progress) asking for JSON; without
the script the form posts every chosen file at once and the page lists the results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from resume_analyzer.api_errors import status_code
from resume_analyzer.pages import page_sentence
from uploads.archives import MAX_ARCHIVE_MEMBERS, is_archive_name
from uploads.batch import MAX_BATCH_FILES, BatchItem, batch_upload
from uploads.forms import UploadForm, rejection_message
from uploads.parsers import read_uploads
from uploads.services import (
    DuplicateUpload,
    upload_delete,
    upload_preference,
    upload_preference_set,
)
from uploads.validation import UploadRejected, max_upload_bytes


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def item_view(item: BatchItem) -> dict:
    """One result as the page shows it (JSON for the script, the same dict for the template)."""
    view = {
        "filename": item.filename, "archive": item.archive or "", "member": item.member or "",
        "status": item.status, "ok": item.error is None, "error": "", "message": "",
        "upload_id": None, "url": "", "analysis": bool(item.analysis), "existing_url": "",
    }
    if item.upload is not None:
        view["upload_id"] = item.upload.id
        view["url"] = f"/uploads/{item.upload.id}/jobs"
    if item.error is not None:
        view["error"] = item.error.error
        view["message"] = rejection_message(item.error) if isinstance(item.error, UploadRejected) else page_sentence(item.error)
        if isinstance(item.error, DuplicateUpload):
            view["existing_url"] = f"/uploads/{item.error.extra['upload_id']}/jobs"
    return view


# CSRF is checked by hand after the body is parsed: the size-limit handler has to be installed
# before anything (the CSRF middleware included) reads request.POST.
@csrf_exempt
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload_page(request: HttpRequest) -> HttpResponse:
    if request.method in ("GET", "HEAD"):
        return _render_upload(request, UploadForm())
    try:
        incoming = read_uploads(request, max_files=MAX_BATCH_FILES)
    except UploadRejected as exc:
        if _wants_json(request):
            return JsonResponse({"error": exc.error, "message": rejection_message(exc)}, status=status_code(exc))
        # After a parse-level rejection the body is not read again, so the URL may be lost.
        return _render_upload(request, UploadForm.with_rejection(None, exc), status=status_code(exc))
    if (failure := CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})) is not None:
        return failure
    analyze = _analyze_choice(request)
    files = incoming.files
    single = len(files) == 1 and not is_archive_name(files[0].name or "")
    linkedin_url = request.POST.get("linkedin_url") if single else None
    items = batch_upload(owner=request.user, files=files, analyze=analyze, linkedin_url=linkedin_url)
    results = [item_view(item) for item in items]
    if _wants_json(request):
        return JsonResponse({"results": results})
    if single and isinstance(items[0].error, UploadRejected):  # the form shows the error by the field
        form = UploadForm.with_rejection(linkedin_url, items[0].error)
        return _render_upload(request, form, status=status_code(items[0].error))
    if single and items[0].error is None:
        started = " and started its analysis" if items[0].analysis else ""
        messages.success(request, f"Uploaded {items[0].upload.filename}{started}.")
        return redirect("uploads")
    return _render_upload(request, UploadForm(), results=results)


def _analyze_choice(request: HttpRequest) -> bool:
    """The form's "analyse" box, remembered as the user's setting; the setting when it is absent."""
    preference = upload_preference(request.user)
    if "analyze_shown" not in request.POST:
        return preference.analyze_on_upload
    chosen = request.POST.get("analyze") in ("on", "true", "1")
    if chosen != preference.analyze_on_upload:
        upload_preference_set(request.user, analyze_on_upload=chosen)
    return chosen


def _render_upload(request: HttpRequest, form: UploadForm, status: int = 200, results: list | None = None) -> HttpResponse:
    context = {
        "form": form, "max_bytes": max_upload_bytes(), "max_mb": max_upload_bytes() // (1024 * 1024),
        "max_files": MAX_BATCH_FILES, "max_members": MAX_ARCHIVE_MEMBERS,
        "analyze": upload_preference(request.user).analyze_on_upload, "results": results or [],
    }
    return render(request, "uploads/upload.html", context, status=status)


@login_required
@require_POST
def upload_delete_page(request: HttpRequest, upload_id: int) -> HttpResponse:
    """The list's Delete button (it asks for confirmation first, static/js/confirm.js)."""
    upload_delete(owner=request.user, upload_id=upload_id)  # another user's: the 404 page
    messages.success(request, "The resume and everything made from it were deleted.")
    return redirect("uploads")

"""Pages: the resumes list with their latest analysis, an upload's job list (live progress by htmx
polling) and a job's profile page."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from analysis.forms import ProfileCorrectionForm, entry_changes, entry_formsets
from analysis.models import AnalysisJob
from analysis.profile import PersonalInfo, Profile, month_label
from analysis.profile_edits import profile_edit
from analysis.selectors import (
    api_refusals,
    completed_job_with_profile,
    job_for_owner,
    jobs_for_upload,
    profile_for_job,
    upload_for_owner,
)
from analysis.services import JobGone, JobNotStartable, job_delete, job_retry, job_start
from resume_analyzer.errors import Rejected
from resume_analyzer.pages import page_message
from uploads.listing import rows_decorate, upload_list
from uploads.models import Upload

POLL_SECONDS = 2
PAGE_REFUSALS = api_refusals(needs="Only a completed analysis has a profile to correct", name_job_id=False)
UPLOADS_PAGE_SIZE = 25


def _upload_or_404(request: HttpRequest, upload_id: int):
    upload = upload_for_owner(user=request.user, upload_id=upload_id)
    if upload is None:
        raise Http404("No such upload")
    return upload


def _job_or_404(request: HttpRequest, job_id: uuid.UUID) -> AnalysisJob:
    job = job_for_owner(user=request.user, job_id=job_id)
    if job is None:
        raise Http404("No such job")
    return job


def _jobs_context(upload) -> dict:
    jobs = jobs_for_upload(upload=upload)
    return {
        "upload": upload,
        "jobs": jobs,
        "polling": any(not job.is_finished for job in jobs),
        "poll_seconds": POLL_SECONDS,
    }


@login_required
@require_safe
def upload_jobs(request: HttpRequest, upload_id: int) -> HttpResponse:
    upload = _upload_or_404(request, upload_id)
    template = "analysis/_job_list.html" if request.htmx else "analysis/jobs.html"
    return render(request, template, _jobs_context(upload))


@login_required
@require_POST
def upload_job_start(request: HttpRequest, upload_id: int) -> HttpResponse:
    upload = _upload_or_404(request, upload_id)
    job_start(upload=upload)
    messages.success(request, "Analysis started.")
    return redirect("analysis-upload-jobs", upload_id=upload.id)


@login_required
@require_POST
def job_retry_page(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _job_or_404(request, job_id)
    try:
        job_retry(job=job)
        messages.success(request, "The job was queued again.")
    except JobGone:
        messages.error(request, "Cannot retry: the job was deleted.")
    except JobNotStartable as exc:
        messages.error(request, f"Cannot retry: {page_message(exc)}.")
    return redirect("analysis-upload-jobs", upload_id=job.upload_id)


@login_required
@require_POST
def job_delete_page(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _job_or_404(request, job_id)
    try:
        job_delete(job=job)
        messages.success(request, "The job and its analysis were deleted.")
    except JobGone:  # a second click or another tab got there first: the outcome is the same
        messages.success(request, "The job and its analysis were deleted.")
    except JobNotStartable as exc:
        messages.error(request, f"Cannot delete: {page_message(exc)}.")
    return redirect("analysis-upload-jobs", upload_id=job.upload_id)


@login_required
@require_safe
def job_detail(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _job_or_404(request, job_id)
    stored = profile_for_job(job=job) if job.status == "completed" else None
    profile = stored.data if stored else None
    context = {"job": job, "profile": profile, "poll_seconds": POLL_SECONDS}
    if profile:
        context.update(_profile_context(profile))
        context.update(_evidence_context(profile, job.extracted_text, context))
    return render(request, "analysis/profile.html", context)


@login_required
def profile_correct(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """/jobs/<job_id>/correct: the owner corrects the profile (a new version, as PATCH does)."""
    job = completed_job_with_profile(user=request.user, job_id=job_id, refusals=PAGE_REFUSALS)
    data, current = request.POST or None, job.profile.data
    form, formsets = ProfileCorrectionForm(data, profile=current), entry_formsets(data, profile=current)
    if request.method == "POST" and _all_valid(form, formsets):
        try:
            profile = profile_edit(job=job, author=request.user, changes={**form.changes, **entry_changes(formsets)})
        except Rejected as exc:  # an entry the typed profile refuses, e.g. a bad date
            form.add_error(None, page_message(exc))
        else:
            messages.success(request, f"Profile saved (version {profile.version}).")
            return redirect("analysis-job", job_id=job.id)
    return render(request, "analysis/correct.html", {"job": job, "form": form, "formsets": formsets})


def _all_valid(form, formsets: dict) -> bool:
    valid = [form.is_valid(), *(formset.is_valid() for formset in formsets.values())]  # every one checked
    return all(valid)


@login_required
@require_safe
def job_progress(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """The progress card polled by the profile page; reloads the page once the job finishes."""
    job = _job_or_404(request, job_id)
    response = render(
        request, "analysis/_job_progress.html", {"job": job, "poll_seconds": POLL_SECONDS}
    )
    if job.is_finished:
        response["HX-Refresh"] = "true"
    return response


def _profile_context(profile: Profile) -> dict:
    info = profile.personal_info
    experience = [
        {
            **entry.model_dump(),
            "period": " – ".join(month_label(date) or "?" for date in (entry.start_date, entry.end_date)),
        }
        for entry in profile.experience
    ]
    return {
        "info": info,
        "links": {"linkedin": external_url(info.linkedin), "github": external_url(info.github)},
        "skills": {category: names for category, names in profile.skills.items() if names},
        "experience": experience,
        "education": [entry.model_dump() for entry in profile.education],
    }


REVIEW_BELOW = 0.6  # a value less sure than this is marked for review on the profile page


def _evidence_context(profile: Profile, text: str, context: dict) -> dict:
    """Each value's evidence for the template (a mark id, whether it was found, whether to review
    it; also set on the context's experience and education entries), and the extracted text cut
    into plain and marked passages."""
    marks: dict[str, dict] = {}
    spans = []
    for number, item in enumerate(profile.evidence):
        mark = {"id": f"ev-{number}" if item.verified else "", "verified": item.verified,
                "review": item.verified and item.confidence < REVIEW_BELOW,
                "confidence": round(item.confidence * 100), "page": item.page}  # fmt: skip
        marks.setdefault(item.field, mark)
        if item.verified and item.end <= len(text):
            spans.append((item.start, item.end, mark["id"], item.field))
    passages, cursor = [], 0
    for start, end, mark_id, field in sorted(spans):
        if start < cursor:
            continue  # overlapping spans: the earlier one is marked
        if start > cursor:
            passages.append({"text": text[cursor:start]})
        passages.append({"text": text[start:end], "id": mark_id, "field": field})
        cursor = end
    if cursor < len(text):
        passages.append({"text": text[cursor:]})
    for section, names in (("experience", ("company", "role")), ("education", ("degree", "institution"))):
        for number, entry in enumerate(context[section]):
            entry["evidence"] = {name: marks.get(f"{section}.{number}.{name}") for name in names}
    return {
        "evidence": marks,
        "passages": passages if marks else [],
        "info_evidence": {name: marks.get(f"personal_info.{name}") for name in PersonalInfo.model_fields},
        "skill_items": {
            category: [(name, marks.get(f"skills.{category}.{number}")) for number, name in enumerate(names)]
            for category, names in profile.skills.items() if names
        },
    }


def external_url(value: object) -> str:
    """An http(s) URL for a link taken from the resume; any other scheme is never linked."""
    text = str(value or "").strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    return text if text.lower().startswith(("http://", "https://")) else ""


@login_required
@require_safe
def uploads_page(request: HttpRequest) -> HttpResponse:
    """/uploads: the user's candidates (uploads.listing with analysis' extension, analysis/
    candidates.py): each candidate's latest upload with who it is and its analysis status, the
    other versions linked; sortable, filterable, paginated."""
    params = request.GET.copy()
    error = ""
    try:
        found = upload_list(request.user, params, latest_default=True)
    except Rejected as exc:  # a hand-edited query string: say so, and list without it
        error, params = page_message(exc), QueryDict(mutable=True)
        found = upload_list(request.user, params, latest_default=True)
    page = Paginator(found.queryset, UPLOADS_PAGE_SIZE).get_page(params.get("page"))
    rows = rows_decorate(page.object_list, found.grouping)
    _versions_attach(rows)
    kept = params.copy()
    kept.pop("page", None)
    context = {
        "page": page, "rows": rows, "error": error, "filters": {name: params.get(name, "") for name in LIST_FILTERS},
        "latest": found.latest, "sort": found.sort, "sort_links": _sort_links(kept, found.sort),
        "query": kept.urlencode(), "status_choices": STATUS_FILTER_CHOICES,
        "filtered": any(params.get(name) for name in LIST_FILTERS),
    }
    return render(request, "uploads/list.html", context)


LIST_FILTERS = ("q", "skills", "location", "min_years", "status")
STATUS_FILTER_CHOICES = [("", "Any status"), ("completed", "Completed"), ("running", "Running"),
                         ("failed", "Failed"), ("none", "Not analysed")]
SORT_COLUMNS = {"name": "asc", "years": "desc", "location": "asc", "status": "asc", "upload_date": "desc"}


def _sort_links(params: QueryDict, current: str) -> dict:
    """Each sortable column's link: its natural direction first, reversed when already sorted by it."""
    links = {}
    for key, natural in SORT_COLUMNS.items():
        first = key if natural == "asc" else f"-{key}"
        target = (first[1:] if first.startswith("-") else f"-{first}") if current == first else first
        query = params.copy()
        query["sort"] = target
        direction = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        links[key] = {"href": "?" + query.urlencode(), "sorted": direction}
    return links


def _versions_attach(rows: list) -> None:
    """Each row's other versions (id, filename, date) for the links, in one query."""
    others = {version for row in rows for version in row.versions if version != row.id}
    found = {
        upload.id: upload
        for upload in Upload.objects.filter(id__in=others).only("id", "filename", "upload_date")
    }
    for row in rows:
        row.other_versions = [found[version] for version in row.versions if version in found]

"""Interview pages: a workspace per analysed resume and the question library. htmx requests get
partials (templates/interview/_*.html); plain form posts get a redirect, so the pages also work
without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.throttling import ScopedRateThrottle
from analysis.models import AnalysisJob, JobStatus, UserProfile
from analysis.selectors import job_for_owner, parse_positive_id
from interview import services
from interview.forms import GenerateForm, LibraryFilterForm, SaveForm
from interview.generators.local import NONE_DIFFERS
from interview.models import CATEGORIES, QuestionGeneration
from resume_analyzer.ai.errors import AIError
from resume_analyzer.errors import ApplicationError, Conflict
from resume_analyzer.pages import page_message


class _Expensive:
    """The API's "expensive" throttle scope, shared by the pages so they are no back door."""

    throttle_scope = "expensive"


def _throttle_problem(request: HttpRequest) -> str:
    throttle = ScopedRateThrottle()
    if throttle.allow_request(request, _Expensive):
        return ""
    return f"Too many requests. Please wait {int(throttle.wait() or 1)} seconds and try again."


def _owned_job(request: HttpRequest, job_id) -> AnalysisJob:
    job = job_for_owner(user=request.user, job_id=job_id)
    if job is None:
        raise Http404("Job not found")
    return job


def _grouped(generation: QuestionGeneration | None) -> list[tuple[str, list]]:
    questions = list(generation.questions.all()) if generation else []
    return [
        (c, [q for q in questions if q.category == c])
        for c in CATEGORIES
        if any(q.category == c for q in questions)
    ]


def _initial(job: AnalysisJob, generation: QuestionGeneration | None) -> dict:
    if generation:
        return {
            "job_title": generation.job_title,
            "company": generation.company,
            "num_questions": generation.num_questions,
            "mode": generation.mode,
        }
    profile = UserProfile.objects.filter(job=job).first()
    recommendations = profile.data.job_recommendations if profile else []
    return {
        "job_title": recommendations[0][:200] if recommendations else "",
        "num_questions": 10,
    }


def _workspace(
    request: HttpRequest,
    job: AnalysisJob,
    form: GenerateForm,
    generation,
    problem: str = "",
    status: int = 200,
):
    template = "interview/_workspace.html" if request.htmx else "interview/interview.html"
    context = {
        "job": job,
        "form": form,
        "generation": generation,
        "groups": _grouped(generation),
        "problem": problem,
        "completed": job.status == JobStatus.COMPLETED,
        "save_form": SaveForm(),
        "history": services.generation_history(user=request.user, job=job),
    }
    return render(request, template, context, status=200 if request.htmx else status)


@login_required
@require_safe
def interview_page(request: HttpRequest, job_id) -> HttpResponse:
    job = _owned_job(request, job_id)
    wanted = request.GET.get("set", "")
    generation_id = parse_positive_id(wanted)
    if wanted and generation_id is None:
        raise Http404("No such question set")
    generation = services.generation_for(user=request.user, job=job, generation_id=generation_id)
    if generation is None and wanted:
        raise Http404("No such question set")
    return _workspace(request, job, GenerateForm(initial=_initial(job, generation)), generation)


@login_required
@require_POST
def interview_generate(request: HttpRequest, job_id) -> HttpResponse:
    job = _owned_job(request, job_id)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        return _workspace(
            request, job, form, services.latest_generation(user=request.user, job=job), status=400
        )
    problem = _throttle_problem(request)
    if problem:
        return _workspace(
            request, job, form, services.latest_generation(user=request.user, job=job), problem, 429
        )
    try:
        services.generation_create(user=request.user, job_id=job.pk, **form.cleaned_data)
    except (ApplicationError, AIError) as exc:
        problem = page_message(exc)
        return _workspace(
            request, job, form, services.latest_generation(user=request.user, job=job), problem, 400
        )
    if not request.htmx:
        return redirect("interview", job_id=job.pk)
    return _workspace(request, job, form, services.latest_generation(user=request.user, job=job))


def _question(request: HttpRequest, job_id, generation_id: int, position: int):
    """The question a page URL names; a NotFound is the 404 page (resume_analyzer.pages)."""
    return services.question_find(
        user=request.user, job_id=job_id, question_id=f"q{position}", generation_id=generation_id
    )


@login_required
@require_POST
def question_regenerate(
    request: HttpRequest, job_id, generation_id: int, position: int
) -> HttpResponse:
    question = _question(request, job_id, generation_id, position)
    problem = _throttle_problem(request)
    try:
        if not problem:
            question = services.question_regenerate_answer(question=question, user=request.user)
    except (ApplicationError, AIError) as exc:
        problem = page_message(exc)
    if not request.htmx:
        if problem:
            messages.error(request, problem)
        elif getattr(question, "unchanged", False):
            messages.info(request, NONE_DIFFERS)
        return redirect("interview", job_id=job_id)
    notice = NONE_DIFFERS if not problem and getattr(question, "unchanged", False) else ""
    return render(
        request,
        "interview/_answer.html",
        {"q": question, "job": question.generation.job, "problem": problem, "open": True, "notice": notice},
    )


@login_required
@require_POST
def question_save(request: HttpRequest, job_id, generation_id: int, position: int) -> HttpResponse:
    question = _question(request, job_id, generation_id, position)
    form = SaveForm(request.POST)
    if not form.is_valid():  # saving without the tags the user typed would lose them silently
        problem = "Tags: " + " ".join(form.errors.get("tags", ["are not valid."]))
        if not request.htmx:
            messages.error(request, f"Not saved. {problem}")
            return redirect("interview", job_id=job_id)
        return render(request, "interview/_save_result.html", {"outcome": "invalid", "problem": problem})
    tags = form.cleaned_data["tags"]
    try:
        saved = services.saved_question_create(
            user=request.user, question=question, tags=services.normalise_tags(tags)
        )
        outcome = "saved"
    except ApplicationError as exc:
        saved, outcome = None, ("duplicate" if isinstance(exc, Conflict) else "failed")
    if not request.htmx:
        if saved:
            messages.success(request, "Question saved to your library")
        else:
            messages.info(request, "This question is already in your library")
        return redirect("interview", job_id=job_id)
    return render(request, "interview/_save_result.html", {"saved": saved, "outcome": outcome})


@login_required
@require_safe
def library_page(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    invalid = form.is_bound and not form.is_valid()
    filters = {} if invalid or not form.is_bound else form.cleaned_data
    tags = services.normalise_tags(filters.get("tags", ""))
    saved = (
        []
        if invalid
        else services.library(
            user=request.user,
            category=filters.get("category", ""),
            difficulty=filters.get("difficulty", ""),
            tags=tags,
        ).select_related("job__upload", "job__profile")  # each card names its candidate
    )
    context = {
        "form": form,
        "saved": saved,
        "all_tags": services.library_tags(user=request.user),
        "active_tags": tags,
    }
    return render(request, "interview/library.html", context, status=400 if invalid else 200)


@login_required
@require_POST
def library_delete(request: HttpRequest, saved_id: int) -> HttpResponse:
    services.saved_question_delete(user=request.user, saved_id=saved_id)  # NotFound: the 404 page
    if request.htmx:
        return HttpResponse("")
    messages.success(request, "Question removed from your library")
    return redirect("interview-library")

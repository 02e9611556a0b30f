from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chat.selectors import chat_jobs


@login_required
def chat_page(request: HttpRequest) -> HttpResponse:
    """The chat page: pick an analysed resume and talk about it over /ws (?job=<id> preselects)."""
    jobs = list(chat_jobs(request.user).select_related("upload", "profile")[:200])
    seen = set()  # newest first: a re-analysed resume's later entries say "earlier analysis"
    for job in jobs:
        job.earlier_analysis = job.upload_id in seen
        seen.add(job.upload_id)
    wanted = request.GET.get("job", "")
    selected = next((job for job in jobs if str(job.pk) == wanted), jobs[0] if jobs else None)
    return render(request, "chat/chat.html", {"jobs": jobs, "selected": selected})

from django.db.models import OuterRef, QuerySet, Subquery

from analysis.models import AnalysisJob
from uploads.models import Upload


def uploads_with_latest_job(user) -> QuerySet[Upload]:
    """The user's uploads, newest first, each annotated with its latest analysis job (one query)."""
    latest = AnalysisJob.objects.filter(upload=OuterRef("pk")).order_by("-created_at")
    return Upload.objects.for_owner(user).annotate(
        latest_status=Subquery(latest.values("status")[:1]),
        latest_progress=Subquery(latest.values("progress")[:1]),
    )

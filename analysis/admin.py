from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from analysis.models import AnalysisJob, JobStatus, QAPair, ResumeChunk, UserProfile
from analysis.services import JobGone, JobNotStartable, job_retry


@admin.register(AnalysisJob)
class AnalysisJobAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "upload",
        "owner",
        "status",
        "progress",
        "current_step",
        "attempts",
        "created_at",
        "completed_at",
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["id", "owner__email", "upload__filename", "error_message"]
    readonly_fields = [
        "id",
        "created_at",
        "started_at",
        "heartbeat_at",
        "completed_at",
        "worker",
        "token_usage",
    ]
    raw_id_fields = ["upload", "owner"]
    date_hierarchy = "created_at"
    actions = ["retry_failed_jobs"]

    @admin.action(description="Retry failed jobs")
    def retry_failed_jobs(self, request: HttpRequest, queryset: QuerySet) -> None:
        retried = 0
        for job in queryset.filter(status=JobStatus.FAILED):
            try:
                job_retry(job=job)
                retried += 1
            except (JobNotStartable, JobGone):
                continue
        skipped = queryset.count() - retried
        self.message_user(
            request,
            f"{retried} failed job(s) queued again; {skipped} skipped (not failed).",
            messages.SUCCESS,
        )


@admin.register(ResumeChunk)
class ResumeChunkAdmin(admin.ModelAdmin):
    list_display = ["job", "index", "section", "short_text"]
    search_fields = ["text", "job__id"]
    raw_id_fields = ["job"]
    exclude = ["embedding"]

    @admin.display(description="Text")
    def short_text(self, chunk: ResumeChunk) -> str:
        return chunk.text[:80]


class QAPairInline(admin.TabularInline):
    model = QAPair
    fields = ["question", "answer"]
    extra = 0


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "job", "total_years_experience", "version", "updated_at"]
    search_fields = ["personal_info", "summary", "job__id"]
    raw_id_fields = ["job"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [QAPairInline]


@admin.register(QAPair)
class QAPairAdmin(admin.ModelAdmin):
    list_display = ["question", "answer", "profile"]
    search_fields = ["question", "answer"]
    raw_id_fields = ["profile"]
    exclude = ["embedding"]

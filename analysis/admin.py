from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from analysis.forms import ProfileCorrectionForm
from analysis.models import AnalysisJob, JobStatus, ProfileVersion, QAPair, ResumeChunk, UserProfile
from analysis.profile_edits import profile_edit, profile_restore
from analysis.services import JobGone, JobNotStartable, job_retry
from resume_analyzer.errors import NotFound


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
        "warnings",
        "hidden_text",  # what the analysis left out as unseen by a reader (analysis/documents/hidden.py)
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
    """Read-only: the bank is derived from the profile and rebuilt on every correction."""

    model = QAPair
    fields = ["question", "answer"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ProfileVersionInline(admin.TabularInline):
    model = ProfileVersion
    fields = ["number", "source", "author", "fields", "restored_from", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["-number"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ProfileAdminForm(ProfileCorrectionForm, forms.ModelForm):
    """The owner's correction form (analysis/forms.py) on the admin's change page."""

    class Meta:
        model = UserProfile
        fields = ["summary", "total_years_experience"]


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    form = ProfileAdminForm
    list_display = ["__str__", "job", "total_years_experience", "version", "updated_at"]
    search_fields = ["personal_info", "summary", "job__id"]
    # The raw JSON columns are shown, not edited: staff correct through the typed fields above.
    RAW = ["personal_info", "skills", "experience", "education", "job_recommendations", "strengths", "weaknesses", "evidence"]
    readonly_fields = ["job", "version", "created_at", "updated_at", *RAW]
    fieldsets = [
        (None, {"fields": ["job", "version", "created_at", "updated_at"]}),
        ("Correct", {"fields": ["name", "email", "phone", "location", "linkedin", "github", "summary",
                                "total_years_experience", "skills_text", "recommendations_text",
                                "strengths_text", "weaknesses_text"]}),
        ("Stored (read-only)", {"classes": ["collapse"], "fields": RAW}),
    ]  # fmt: skip
    inlines = [ProfileVersionInline, QAPairInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # profiles come from an analysis

    def save_model(self, request: HttpRequest, obj: UserProfile, form: ProfileAdminForm, change: bool) -> None:
        profile_edit(job=obj.job, author=request.user, changes=form.changes)


@admin.register(ProfileVersion)
class ProfileVersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "profile", "number", "source", "author", "fields", "created_at"]
    list_filter = ["source", "created_at"]
    search_fields = ["profile__job__id", "author__email"]
    readonly_fields = ["profile", "number", "source", "author", "fields", "restored_from", "data", "created_at"]
    actions = ["restore_versions"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # a version is history; view it, restore it

    def has_restore_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("analysis.change_userprofile")

    @admin.action(description="Restore the selected version (one per profile)", permissions=["restore"])
    def restore_versions(self, request: HttpRequest, queryset: QuerySet) -> None:
        chosen = {}
        for version in queryset.select_related("profile__job").order_by("number"):
            chosen[version.profile_id] = version  # the newest chosen one of each profile
        restored = []
        for version in chosen.values():
            try:
                profile = profile_restore(job=version.profile.job, author=request.user, number=version.number)
            except NotFound:
                continue
            restored.append(f"version {version.number} of {profile} (now version {profile.version})")
        message = f"Restored {'; '.join(restored)}." if restored else "Nothing restored."
        self.message_user(request, message, messages.SUCCESS)


@admin.register(QAPair)
class QAPairAdmin(admin.ModelAdmin):
    list_display = ["question", "answer", "profile"]
    search_fields = ["question", "answer"]
    raw_id_fields = ["profile"]
    exclude = ["embedding"]

from django.contrib import admin

from uploads.models import Upload


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["filename", "owner", "kind", "file_size", "upload_date", "linkedin_url"]
    list_filter = ["kind", "upload_date"]
    search_fields = ["filename", "owner__email", "owner__name", "sha256", "linkedin_url"]
    list_select_related = ["owner"]
    date_hierarchy = "upload_date"
    ordering = ["-upload_date"]
    readonly_fields = ["owner", "file", "filename", "kind", "content_type", "file_size", "sha256", "upload_date"]
    fields = ["owner", "filename", "kind", "content_type", "file_size", "sha256", "linkedin_url", "file", "upload_date"]

    def has_add_permission(self, request) -> bool:
        # Files enter only through uploads.services.upload_create, which validates them.
        return False

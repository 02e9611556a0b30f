from django.apps import AppConfig


class UploadsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "uploads"

    def ready(self) -> None:
        from resume_analyzer.dashboard import panel_register
        from uploads import signals  # noqa: F401  (connects the receivers)
        from uploads.models import Upload

        panel_register(
            label="Resumes uploaded", href="/uploads", position=10,
            count=lambda user: Upload.objects.for_owner(user).count(),
        )

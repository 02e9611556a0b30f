from django.apps import AppConfig


class InterviewConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "interview"

    def ready(self) -> None:
        from interview.models import SavedQuestion
        from resume_analyzer.dashboard import panel_register

        panel_register(
            label="Saved questions", href="/interview/library", position=30,
            count=lambda user: SavedQuestion.objects.for_owner(user).count(),
        )

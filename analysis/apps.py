from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "analysis"

    def ready(self) -> None:
        from analysis import tasks  # noqa: F401  (connects the worker-start reaper)
        from analysis.models import AnalysisJob, JobStatus
        from resume_analyzer.dashboard import panel_register

        panel_register(
            label="Analyses completed", href="/uploads", position=20,
            count=lambda user: AnalysisJob.objects.for_owner(user).filter(status=JobStatus.COMPLETED).count(),
        )

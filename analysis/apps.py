from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "analysis"

    def ready(self) -> None:
        from analysis import tasks  # noqa: F401  (connects the worker-start reaper)
        from analysis.candidates import EXTENSION, analysis_on_upload
        from analysis.models import AnalysisJob, JobStatus
        from resume_analyzer.dashboard import panel_register
        from uploads.hooks import analysis_starter_register
        from uploads.listing import listing_extend

        listing_extend(EXTENSION)  # who is in each upload, for the uploads list (issue 15)
        analysis_starter_register(analysis_on_upload)  # uploads' ?analyze=true and the upload page

        panel_register(
            label="Analyses completed", href="/uploads", position=20,
            count=lambda user: AnalysisJob.objects.for_owner(user).filter(status=JobStatus.COMPLETED).count(),
        )

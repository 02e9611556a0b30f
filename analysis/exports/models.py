"""The rendered exports kept for reuse, one row per job and format."""

from django.db import models
from django.utils import timezone


class ExportFile(models.Model):
    """A rendered export kept for reuse (service.py). `key` names the profile version and
    renderer code it was made from: a row whose key no longer matches is never served, only
    replaced, so each job holds at most one file per format."""

    job = models.ForeignKey(
        "analysis.AnalysisJob", on_delete=models.CASCADE, related_name="export_files"
    )
    format = models.CharField(max_length=8)
    key = models.CharField(max_length=200)
    etag = models.CharField(max_length=40)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "analysis"  # the table and migrations stay those of the analysis app
        constraints = [models.UniqueConstraint(fields=["job", "format"], name="exportfile_job_format")]

    def __str__(self) -> str:
        return f"{self.format} export of {self.job_id}"

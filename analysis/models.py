import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from pgvector.django import HnswIndex, VectorField

from analysis.profile import Profile, describe
from analysis.profile import ValidationError as PydanticValidationError
from resume_analyzer.ai.embeddings import EMBEDDING_DIMENSIONS


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    EXTRACTING_TEXT = "extracting_text", "Extracting text"
    OCR = "ocr", "Reading scanned pages"
    CHUNKING = "chunking", "Chunking text"
    GENERATING_EMBEDDINGS = "generating_embeddings", "Generating embeddings"
    ANALYZING = "analyzing", "Analyzing"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


# The seed's progress for each stage.
STAGE_PROGRESS = {
    JobStatus.QUEUED: 0,
    JobStatus.EXTRACTING_TEXT: 10,
    JobStatus.OCR: 20,  # only for PDFs with scanned pages (analysis/documents/ocr.py)
    JobStatus.CHUNKING: 30,
    JobStatus.GENERATING_EMBEDDINGS: 50,
    JobStatus.ANALYZING: 70,
    JobStatus.COMPLETED: 100,
}
FINISHED_STATUSES = {JobStatus.COMPLETED, JobStatus.FAILED}
RUNNING_STATUSES = {
    JobStatus.EXTRACTING_TEXT,
    JobStatus.OCR,
    JobStatus.CHUNKING,
    JobStatus.GENERATING_EMBEDDINGS,
    JobStatus.ANALYZING,
}
# What each stage shows as current_step (the seed's wording where it has one).
STAGE_STEP = {
    JobStatus.QUEUED: "Queued",
    JobStatus.EXTRACTING_TEXT: "Extracting text",
    JobStatus.OCR: "Reading scanned pages (OCR)",
    JobStatus.CHUNKING: "Chunking text",
    JobStatus.GENERATING_EMBEDDINGS: "Generating embeddings",
    JobStatus.ANALYZING: "Analyzing resume",
    JobStatus.COMPLETED: "Analysis complete",
}


class AnalysisJobQuerySet(models.QuerySet):
    def for_owner(self, user) -> "AnalysisJobQuerySet":
        return self.filter(owner=user)


class AnalysisJob(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    upload = models.ForeignKey("uploads.Upload", on_delete=models.CASCADE, related_name="jobs")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analysis_jobs")
    status = models.CharField(max_length=32, choices=JobStatus.choices, default=JobStatus.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(default=0)
    current_step = models.CharField(max_length=200, blank=True, default="Queued")
    error_message = models.TextField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    extracted_text = models.TextField(blank=True, default="")
    # Where each page starts in extracted_text (PDFs only; [] for DOCX and DOC): evidence pages.
    page_starts = models.JSONField(default=list, blank=True)
    # What a recruiter should know about the document (analysis/documents/hidden.py, injection.py,
    # ocr.py): [{"kind": "hidden_text" | "prompt_injection" | "ocr", "count", "sample", "message"}].
    warnings = models.JSONField(default=list, blank=True)
    # The text a reader cannot see, left out of extracted_text and the analysis; kept for audit,
    # one piece a line: "[page 1, invisible] Kubernetes Terraform".
    hidden_text = models.TextField(blank=True, default="")
    token_usage = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # "host:pid:token" of the worker process running the job; the reaper checks that it lives.
    worker = models.CharField(max_length=200, blank=True, default="")
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = AnalysisJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["upload", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def can_retry(self) -> bool:
        return self.status == JobStatus.FAILED

    @property
    def can_delete(self) -> bool:
        return self.is_finished


class ResumeChunk(models.Model):
    job = models.ForeignKey(AnalysisJob, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    section = models.CharField(max_length=100, blank=True, default="")
    text = models.TextField()
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS, null=True, blank=True)

    class Meta:
        ordering = ["job", "index"]
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="unique_chunk_index")]
        indexes = [
            HnswIndex(
                name="chunk_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self) -> str:
        return f"chunk {self.index} of {self.job_id}"


# The analysis fields of a profile (the seed's export schema), in display order.
PROFILE_FIELDS = (
    "personal_info",
    "skills",
    "experience",
    "education",
    "summary",
    "job_recommendations",
    "strengths",
    "weaknesses",
    "total_years_experience",
)


class UserProfile(models.Model):
    """The structured analysis of one job's resume (the seed's export schema)."""

    job = models.OneToOneField(AnalysisJob, on_delete=models.CASCADE, related_name="profile")
    personal_info = models.JSONField(default=dict, blank=True)
    skills = models.JSONField(default=dict, blank=True)
    experience = models.JSONField(default=list, blank=True)
    education = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True, default="")
    job_recommendations = models.JSONField(default=list, blank=True)
    strengths = models.JSONField(default=list, blank=True)
    weaknesses = models.JSONField(default=list, blank=True)
    total_years_experience = models.FloatField(default=0)
    # Where each value came from in the job's extracted text (analysis/profile.py Evidence);
    # [] for profiles saved before evidence existed.
    evidence = models.JSONField(default=list, blank=True)
    # Derived by the analysis (analysis/parsing/occupation.py): the ESCO occupation
    # {label, esco_uri, confidence, family} and a seniority level; empty for older rows.
    occupation = models.JSONField(default=dict, blank=True)
    seniority = models.CharField(max_length=16, blank=True, default="")
    version = models.PositiveIntegerField(default=1, help_text="Bumped on every change; keys export caches")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"profile of {self.data.personal_info.name or self.job_id}"

    def as_dict(self) -> dict:
        """The stored columns exactly as they are (what the JSON export writes out), with the
        evidence beside them."""
        return {**{name: getattr(self, name) for name in PROFILE_FIELDS}, "evidence": self.evidence,
                "occupation": self.occupation, "seniority": self.seniority}

    @property
    def data(self) -> Profile:
        """The typed profile every reader takes (analysis/profile.py); never raises for a stored
        row, since rows from before validation are repaired on read."""
        return Profile.from_stored(self.as_dict())

    def clean(self) -> None:
        """The admin saves through here: a hand edit must give a valid profile."""
        try:
            Profile.model_validate(self.as_dict())
        except PydanticValidationError as exc:
            raise ValidationError(describe(exc)) from exc


class VersionSource(models.TextChoices):
    ANALYSIS = "analysis", "Analysis"
    EDIT = "edit", "Edit"
    RESTORE = "restore", "Restore"
    CARRIED = "carried", "Corrections carried over"  # from the upload's previous analysis


class ProfileVersion(models.Model):
    """One version of a profile: what it held after a change, who made it, when, and which fields
    it touched (analysis/profile_edits.py). `number` is the profile's `version` after the change."""

    profile = models.ForeignKey(UserProfile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    source = models.CharField(max_length=16, choices=VersionSource.choices)
    # Who changed it: None for the analysis, or a deleted account.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    fields = models.JSONField(default=list, blank=True, help_text="The changed paths, e.g. personal_info.name")
    data = models.JSONField(help_text="The whole profile after the change (its stored form, with evidence)")
    restored_from = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["profile", "-number"]
        constraints = [models.UniqueConstraint(fields=["profile", "number"], name="unique_profile_version")]

    def __str__(self) -> str:
        return f"version {self.number} of profile {self.profile_id}"


class QAPair(models.Model):
    """A standard question about the candidate answered from the profile; chat matches against it."""

    profile = models.ForeignKey(UserProfile, on_delete=models.CASCADE, related_name="qa_pairs")
    question = models.TextField()
    answer = models.TextField()
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS, null=True, blank=True)

    class Meta:
        ordering = ["profile", "id"]
        indexes = [
            HnswIndex(
                name="qapair_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self) -> str:
        return self.question


# The export and matching subsystems own their models (analysis/exports/models.py,
# analysis/matching/models.py); importing them here is how Django finds them, since an app's
# models are those imported by its models module.
from analysis.exports.models import ExportFile  # noqa: E402,F401
from analysis.matching.models import Opening  # noqa: E402,F401

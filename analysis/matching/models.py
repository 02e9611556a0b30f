"""A job opening (called an opening, since `/api/analysis/jobs` are analysis jobs): its text and the
requirements parsed from it, which the recruiter may edit."""

from django.conf import settings
from django.db import models
from pgvector.django import VectorField

from resume_analyzer.ai.embeddings import EMBEDDING_DIMENSIONS


class OpeningQuerySet(models.QuerySet):
    def for_owner(self, user) -> "OpeningQuerySet":
        return self.filter(owner=user)


class Opening(models.Model):
    class Source(models.TextChoices):
        TEXT = "text", "Pasted text"
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="openings")
    title = models.CharField(max_length=200)
    description = models.TextField(help_text="The job description's text (pasted, or extracted from the file)")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.TEXT)
    filename = models.CharField(max_length=255, blank=True, default="")
    # {"required_skills": [...], "preferred_skills": [...], "min_years": float|None,
    #  "degree_level": str|None, "location": str|None} (analysis/matching/requirements.py)
    requirements = models.JSONField(default=dict, blank=True)
    parsed_by = models.CharField(max_length=40, blank=True, default="", help_text="local-v1 or openai-opening-v1")
    edited = models.BooleanField(default=False, help_text="The recruiter changed the parsed requirements")
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OpeningQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.title

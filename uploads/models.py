import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models


def storage_name(instance: "Upload", filename: str) -> str:
    """A generated storage path: the user's filename never becomes part of a path."""
    extension = PurePath(filename).suffix.lower()[:6]
    return f"resumes/{uuid.uuid4().hex}{extension}"


class UploadQuerySet(models.QuerySet):
    def for_owner(self, user) -> "UploadQuerySet":
        return self.filter(owner=user)


class Upload(models.Model):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOC = "doc", "Word 97-2003"
        DOCX = "docx", "Word"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="uploads")
    file = models.FileField(upload_to=storage_name, max_length=255)
    filename = models.CharField(max_length=255, help_text="Original filename, sanitised for display")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    file_size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    linkedin_url = models.URLField(max_length=500, null=True, blank=True)
    upload_date = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = UploadQuerySet.as_manager()

    class Meta:
        ordering = ["-upload_date", "-id"]
        indexes = [
            models.Index(fields=["owner", "-upload_date"]),
            # The duplicate check (uploads.services.upload_create) looks a file up by its owner and hash.
            models.Index(fields=["owner", "sha256"], name="upload_owner_sha256_idx"),
        ]

    def __str__(self) -> str:
        return self.filename


class UploadPreference(models.Model):
    """A user's upload settings; a user without a row has the defaults."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="upload_preference")
    analyze_on_upload = models.BooleanField(
        default=True, help_text="The upload page starts the analysis of each file as soon as it is stored"
    )

    def __str__(self) -> str:
        return f"upload preferences of {self.owner_id}"

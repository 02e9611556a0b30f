import hashlib
import re

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver

CATEGORIES = ("Technical", "Behavioral", "Situational", "Problem-Solving")
DIFFICULTIES = ("Easy", "Medium", "Hard")


class Category(models.TextChoices):
    TECHNICAL = "Technical"
    BEHAVIORAL = "Behavioral"
    SITUATIONAL = "Situational"
    PROBLEM_SOLVING = "Problem-Solving"


class Difficulty(models.TextChoices):
    EASY = "Easy"
    MEDIUM = "Medium"
    HARD = "Hard"


def question_fingerprint(text: str) -> str:
    """Same question ⇔ same words, ignoring case, spacing and punctuation."""
    normalised = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.sha256(normalised.encode()).hexdigest()


class GenerationQuerySet(models.QuerySet):
    def for_owner(self, user) -> "GenerationQuerySet":
        return self.filter(owner=user)


class QuestionGeneration(models.Model):
    """One generated set for one analysis job. Its questions are q1..qN, in order."""

    job = models.ForeignKey(
        "analysis.AnalysisJob", on_delete=models.CASCADE, related_name="question_generations"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_generations"
    )
    job_title = models.CharField(max_length=200, blank=True, default="")
    company = models.CharField(max_length=200, blank=True, default="")
    num_questions = models.PositiveSmallIntegerField()
    backend = models.CharField(max_length=20)
    prompt_version = models.CharField(max_length=50)
    seed = models.BigIntegerField(help_text="Seed of the local generator; reproduces the set")
    token_usage = models.JSONField(default=dict, blank=True)
    generated_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = GenerationQuerySet.as_manager()

    class Meta:
        ordering = ["-generated_at", "-id"]
        indexes = [models.Index(fields=["job", "-generated_at"])]

    def __str__(self) -> str:
        return (
            f"{self.num_questions} questions for {self.job_id} ({self.generated_at:%Y-%m-%d %H:%M})"
        )

    @property
    def mode(self) -> str:
        """"candidate" or "interviewer", as its questions record it."""
        first = next(iter(self.questions.all()), None)
        return first.mode if first else "candidate"


class GeneratedQuestion(models.Model):
    generation = models.ForeignKey(
        QuestionGeneration, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField()
    question = models.TextField()
    category = models.CharField(max_length=20, choices=Category.choices)
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices)
    answer = models.TextField()
    context = models.JSONField(
        default=dict, blank=True, help_text="What the question is about (template, skill, company)"
    )
    answer_history = models.JSONField(
        default=list, blank=True, help_text="Earlier answers, newest first (a few)"
    )
    answer_revision = models.PositiveIntegerField(default=0)
    answer_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["generation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "position"], name="unique_question_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.question[:60]}"

    @property
    def key(self) -> str:
        return f"q{self.position}"

    # What the generator recorded about the question (interview/generators/local.py); "" or [] for
    # questions generated before these existed.
    @property
    def answer_kind(self) -> str:
        """"grounded" (only the resume's facts) or "guide" (what a strong answer would show)."""
        return str(self.context.get("answer_kind", "")) if isinstance(self.context, dict) else ""

    @property
    def mode(self) -> str:
        return str(self.context.get("mode", "candidate")) if isinstance(self.context, dict) else "candidate"

    def notes(self, name: str) -> list[str]:
        value = self.context.get(name) if isinstance(self.context, dict) else None
        return [str(item) for item in value] if isinstance(value, list) else []

    @property
    def listen_for(self) -> list[str]:
        return self.notes("listen_for")

    @property
    def follow_ups(self) -> list[str]:
        return self.notes("follow_ups")

    @property
    def flags(self) -> list[str]:
        return self.notes("flags")

    @property
    def resume_says(self) -> str:
        return str(self.context.get("resume_says", "")) if isinstance(self.context, dict) else ""


class SavedQuestionQuerySet(models.QuerySet):
    def for_owner(self, user) -> "SavedQuestionQuerySet":
        return self.filter(owner=user)


class SavedQuestion(models.Model):
    """A question in the user's library; it outlives the job and generation it came from."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_questions"
    )
    job = models.ForeignKey(
        "analysis.AnalysisJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.ForeignKey(
        GeneratedQuestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="saves"
    )
    question_id = models.CharField(max_length=10)
    question = models.TextField()
    fingerprint = models.CharField(max_length=64)
    answer = models.TextField()
    category = models.CharField(max_length=20, choices=Category.choices)
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices)
    tags = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    job_title = models.CharField(max_length=200, blank=True, default="")
    company = models.CharField(max_length=200, blank=True, default="")
    saved_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The resume it was asked about was deleted (the question stays; `job` is then null).
    resume_deleted = models.BooleanField(default=False)

    objects = SavedQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "fingerprint"], name="unique_saved_question_per_owner"
            )
        ]
        indexes = [
            models.Index(fields=["owner", "-saved_at"]),
            GinIndex(fields=["tags"], name="saved_question_tags_gin"),
        ]

    def __str__(self) -> str:
        return self.question[:80]


@receiver(pre_delete, sender="uploads.Upload", dispatch_uid="interview.saved_questions_resume_deleted")
def saved_questions_mark_resume_deleted(sender, instance, **kwargs) -> None:
    """Before an upload goes (with its jobs, which unlinks the saved questions), mark the saved
    questions asked about it, so the library can say why they have no resume any more."""
    SavedQuestion.objects.filter(job__upload=instance).update(resume_deleted=True)

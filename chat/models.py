from django.conf import settings
from django.db import models
from django.utils import timezone


class ChatRole(models.TextChoices):
    USER = "user", "User"
    ASSISTANT = "assistant", "Assistant"


class ChatMessageQuerySet(models.QuerySet):
    def for_owner(self, user) -> "ChatMessageQuerySet":
        return self.filter(owner=user)


class ChatMessage(models.Model):
    """One line of a conversation; a conversation is (owner, job): a user talking about one analysis."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_messages")
    job = models.ForeignKey("analysis.AnalysisJob", on_delete=models.CASCADE, related_name="chat_messages")
    role = models.CharField(max_length=16, choices=ChatRole.choices)
    content = models.TextField()
    msg_type = models.CharField(max_length=16, default="text")
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ChatMessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["owner", "job", "-created_at"], name="chat_conversation_idx")]

    def __str__(self) -> str:
        return f"{self.role}: {self.content[:60]}"

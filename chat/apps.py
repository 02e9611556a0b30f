from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from accounts.signals import token_revoked
        from analysis.signals import job_changed
        from chat.events import job_changed_receiver, token_revoked_receiver

        token_revoked.connect(token_revoked_receiver, dispatch_uid="chat-token-revoked")
        job_changed.connect(job_changed_receiver, dispatch_uid="chat-job-changed")

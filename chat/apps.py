from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from accounts.signals import session_ended, token_revoked, user_deactivated
        from analysis.signals import job_changed
        from chat.events import (
            job_changed_receiver,
            session_ended_receiver,
            token_revoked_receiver,
            user_deactivated_receiver,
        )

        token_revoked.connect(token_revoked_receiver, dispatch_uid="chat-token-revoked")
        session_ended.connect(session_ended_receiver, dispatch_uid="chat-session-ended")
        user_deactivated.connect(user_deactivated_receiver, dispatch_uid="chat-user-deactivated")
        job_changed.connect(job_changed_receiver, dispatch_uid="chat-job-changed")

from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from accounts.signals import token_revoked
        from chat.events import token_revoked_receiver

        token_revoked.connect(token_revoked_receiver, dispatch_uid="chat-token-revoked")

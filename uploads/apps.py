from django.apps import AppConfig


class UploadsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "uploads"

    def ready(self) -> None:
        from uploads import signals  # noqa: F401  (connects the receivers)
        from uploads.server import install_body_limit

        # Runs in every process that loads Django, daphne included (it loads the ASGI app before
        # it starts listening), so oversize bodies are refused before they are buffered.
        install_body_limit()

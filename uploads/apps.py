import sys

from django.apps import AppConfig


class UploadsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "uploads"

    def ready(self) -> None:
        from uploads import signals  # noqa: F401  (connects the receivers)

        # Only in a daphne server process (daphne's CLI and chat.serve import daphne.server before
        # they load the ASGI app): oversize bodies are then refused before they are buffered.
        # Elsewhere (worker, management commands, tests) twisted is not imported at all.
        if "daphne.server" in sys.modules:
            from uploads.server import install_body_limit

            install_body_limit()

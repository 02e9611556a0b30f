from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out
        from django.db.models.signals import post_delete, post_save

        from accounts import schema  # noqa: F401  (registers the OpenAPI auth extension)
        from accounts.models import User
        from accounts.signals import logged_out_receiver, user_deleted_receiver, user_saved_receiver

        user_logged_out.connect(logged_out_receiver, dispatch_uid="accounts-session-ended")
        post_save.connect(user_saved_receiver, sender=User, dispatch_uid="accounts-user-saved")
        post_delete.connect(user_deleted_receiver, sender=User, dispatch_uid="accounts-user-deleted")

"""`manage.py demo_user`: make sure the demo account (DEMO_EMAIL / DEMO_PASSWORD) exists.

`make run` calls it by name (resume_analyzer/run.py), so the launcher imports no app.
"""

from django.core.management.base import BaseCommand

from accounts.services import demo_user_ensure


class Command(BaseCommand):
    help = "Create the demo account, or reset its password to DEMO_PASSWORD."

    def handle(self, *args, **options) -> None:
        demo_user_ensure()

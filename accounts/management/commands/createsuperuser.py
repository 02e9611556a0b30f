"""Django's createsuperuser, with a name that may be left out under --noinput.

Django's command insists on every REQUIRED_FIELDS entry (`name` is there so the interactive
command asks for it), failing with "You must use --name with --noinput" when neither --name nor
DJANGO_SUPERUSER_NAME is given, although the model allows any name. Then the name defaults to
the email's part before the "@", which the admin can change later.
"""

import os

from django.contrib.auth.management.commands import createsuperuser


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        email = options.get("email") or os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        if not options["interactive"] and not (options.get("name") or os.environ.get("DJANGO_SUPERUSER_NAME")):
            options["name"] = email.partition("@")[0] or None
        return super().handle(*args, **options)

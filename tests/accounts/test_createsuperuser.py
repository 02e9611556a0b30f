"""`manage.py createsuperuser --noinput` reads DJANGO_SUPERUSER_EMAIL, _NAME and _PASSWORD, as the
README says, so a staff user can be made by a script (issue 19)."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_env(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Admin@Example.com")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-passphrase-2026")
    return monkeypatch


def test_noinput_creates_a_staff_superuser_from_the_environment(superuser_env):
    superuser_env.setenv("DJANGO_SUPERUSER_NAME", "Ada Admin")
    call_command("createsuperuser", interactive=False, verbosity=0)
    admin = User.objects.get(email="admin@example.com")
    assert (admin.name, admin.is_staff, admin.is_superuser) == ("Ada Admin", True, True)
    assert admin.check_password("a-long-admin-passphrase-2026")


def test_the_name_may_be_left_out_and_defaults_to_the_email_local_part(superuser_env):
    """It failed with "You must use --name with --noinput" when no name was given."""
    superuser_env.delenv("DJANGO_SUPERUSER_NAME", raising=False)
    call_command("createsuperuser", interactive=False, verbosity=0)
    assert User.objects.get(email="admin@example.com").name == "Admin"


def test_a_bidi_override_in_the_name_is_refused(superuser_env):
    superuser_env.setenv("DJANGO_SUPERUSER_NAME", "Ada\u202e")
    with pytest.raises(CommandError, match="control or text-direction"):
        call_command("createsuperuser", interactive=False, verbosity=0)
    assert not User.objects.exists()

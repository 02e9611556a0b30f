import pytest
from django.db import connection

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["worker"] in {"ok", "down"}


def test_healthz_503_when_database_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise RuntimeError("database unreachable")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_dashboard_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_login_page_logs_in_and_rejects_bad_password(client, owner):
    bad = client.post("/login", {"email": owner.email, "password": "nope"})
    assert bad.status_code == 400 and b"Invalid email or password" in bad.content
    good = client.post("/login", {"email": owner.email, "password": PASSWORD})
    assert good.status_code == 302
    assert client.get("/").status_code == 200


def test_login_page_ignores_offsite_next(client, owner):
    response = client.post("/login", {"email": owner.email, "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", ["foo", "dashboard", "login", "%00", "//evil.example/x", "/\\evil.example"])
def test_login_page_follows_only_local_paths(client, owner, target):
    """A bare word was read as a URL name by redirect(): unknown ones crashed (found by fuzzing)."""
    response = client.post("/login", {"email": owner.email, "password": PASSWORD, "next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_login_page_follows_a_local_next(client, owner):
    response = client.post("/login?next=/uploads", {"email": owner.email, "password": PASSWORD})
    assert response["Location"] == "/uploads"


def test_register_page_refuses_an_email_longer_than_the_column(client):
    email = "a" * 250 + "@example.com"
    response = client.post("/register", {"name": "Long", "email": email, "password": "a-long-passphrase-2026"})
    assert response.status_code == 400 and b"email" in response.content


def test_register_page_shows_validation_errors(client, owner):
    response = client.post("/register", {"name": "Dup", "email": owner.email, "password": "short"})
    assert response.status_code == 400
    assert b"already exists" in response.content


def test_logout_requires_post(client, owner):
    client.force_login(owner)
    assert client.get("/logout").status_code == 200
    assert client.get("/").status_code == 200
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_admin_lists_users_for_staff(client, make_user):
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 200 and b"admin@example.com" in response.content


def test_pages_404_is_html(client, owner):
    client.force_login(owner)
    response = client.get("/no-such-page")
    assert response.status_code == 404 and b"Page not found" in response.content


def test_dashboard_counts_only_the_users_own_things(client, owner, outsider):
    from django.core.files.base import ContentFile

    from uploads.models import Upload

    for user, count in ((owner, 2), (outsider, 1)):
        for index in range(count):
            upload = Upload(owner=user, filename=f"r{index}.pdf", kind="pdf", content_type="application/pdf", file_size=3, sha256="0" * 64)
            upload.file.save(f"r{index}.pdf", ContentFile(b"%PD"), save=True)
    client.force_login(owner)
    response = client.get("/")
    panels = {panel["label"]: panel["value"] for panel in response.context["panels"]}
    assert panels == {"Resumes uploaded": 2, "Analyses completed": 0, "Saved questions": 0}


def test_healthz_answers_other_methods_with_405(client):
    for method in ("post", "delete", "put"):
        assert getattr(client, method)("/healthz").status_code == 405


def test_the_api_ignores_a_format_query_parameter(api):
    response = api.get("/api/uploads?format=xml")
    assert response.status_code == 200 and response.json() == []


def test_pages_answer_head_like_get(client, owner):
    client.force_login(owner)
    for path in ("/login", "/register", "/", "/upload", "/uploads", "/chat", "/interview/library", "/healthz"):
        response = client.head(path)
        assert response.status_code in (200, 302), (path, response.status_code)
        assert response.content == b""


def test_demo_user_command_creates_the_account_and_resets_its_password(settings):
    from django.core.management import call_command

    from accounts.models import User

    call_command("demo_user")
    user = User.objects.get(email=settings.DEMO_EMAIL)
    assert user.check_password(settings.DEMO_PASSWORD)
    user.set_password("changed-meanwhile-2026")
    user.save()
    call_command("demo_user")
    assert User.objects.filter(email=settings.DEMO_EMAIL).count() == 1
    user.refresh_from_db()
    assert user.check_password(settings.DEMO_PASSWORD)


def test_register_page_refuses_a_bidi_override_in_the_name(client):
    body = {"name": "Eve\u202eknil.exe", "email": "eve@example.com", "password": "a-long-passphrase-2026"}
    response = client.post("/register", body)
    assert response.status_code == 400
    assert b"Must not contain control or text-direction characters." in response.content
    assert "_auth_user_id" not in client.session


def test_the_admin_refuses_a_bidi_override_in_the_name(owner):
    from django.core.exceptions import ValidationError

    owner.name = "Olivia\u202e"
    with pytest.raises(ValidationError) as refused:
        owner.full_clean()
    assert "name" in refused.value.message_dict

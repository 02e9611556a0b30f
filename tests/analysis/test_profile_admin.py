"""Issue 16, admin: staff correct a profile through typed fields (the raw JSON is read-only), each
save a version through the same service as the API; versions are listed on the profile and
restorable by an admin action."""

import pytest

from analysis.models import ProfileVersion, QAPair, UserProfile
from tests.analysis.test_profile_api import NAME, make_job
from tests.export.sample import SAMPLE_PROFILE


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_client(client, make_user):
    staff = make_user("staff@example.com", name="Sam Staff", is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.staff = staff
    return client


def change_url(profile) -> str:
    return f"/admin/analysis/userprofile/{profile.id}/change/"


def form_data(staff_client, profile) -> dict:
    """The change form's fields as the page fills them (inline management forms included)."""
    form = staff_client.get(change_url(profile)).context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    for prefix, count in (("versions", profile.versions.count()), ("qa_pairs", profile.qa_pairs.count())):
        data.update({f"{prefix}-TOTAL_FORMS": count, f"{prefix}-INITIAL_FORMS": count,
                     f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})  # fmt: skip
    for number, version in enumerate(profile.versions.order_by("-number")):
        data[f"versions-{number}-id"] = version.id
        data[f"versions-{number}-profile"] = profile.id
    for number, pair in enumerate(profile.qa_pairs.all()):
        data[f"qa_pairs-{number}-id"] = pair.id
        data[f"qa_pairs-{number}-profile"] = profile.id
    return data


def test_the_change_page_shows_typed_fields_raw_json_read_only_and_versions(staff_client, owner):
    profile = make_job(owner).profile
    ProfileVersion.objects.create(profile=profile, number=1, source="analysis", data=profile.as_dict())
    page = staff_client.get(change_url(profile))
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert {"name", "email", "skills_text", "strengths_text", "summary"} <= set(form.fields)
    assert not {"personal_info", "skills", "experience", "evidence"} & set(form.fields)
    assert form.initial["name"] == NAME and "Languages: Python, Go, TypeScript, SQL" in form.initial["skills_text"]
    assert "analysis" in page.content.decode()  # the version inline
    assert staff_client.get("/admin/analysis/userprofile/add/").status_code == 403


def test_a_staff_correction_is_a_version_and_reaches_the_qa_bank(staff_client, owner):
    profile = make_job(owner).profile
    data = form_data(staff_client, profile)
    data.update(name="Jordan Nakamura", skills_text="Languages: Python, Rust\nSoft Skills: Mentoring")
    response = staff_client.post(change_url(profile), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    profile.refresh_from_db()
    assert profile.personal_info["name"] == "Jordan Nakamura" and profile.version == 2
    assert profile.skills == {"Languages": ["Python", "Rust"], "Soft Skills": ["Mentoring"]}
    assert profile.experience == SAMPLE_PROFILE["experience"]  # untouched
    latest = profile.versions.order_by("-number").first()
    assert (latest.source, latest.author, sorted(latest.fields)) == ("edit", staff_client.staff, ["personal_info.name", "skills"])
    answer = QAPair.objects.get(profile=profile, question="What is the candidate's name?").answer
    assert answer == "The resume belongs to Jordan Nakamura."


def test_a_bad_skills_line_is_a_form_error_and_saves_nothing(staff_client, owner):
    profile = make_job(owner).profile
    data = {**form_data(staff_client, profile), "skills_text": "no colon here"}
    response = staff_client.post(change_url(profile), data)
    assert response.status_code == 200 and "Category: a, b" in response.content.decode()
    assert UserProfile.objects.get(pk=profile.pk).version == 1


def test_the_restore_action_restores_a_version_as_a_new_one(staff_client, api, owner):
    job = make_job(owner)
    api.generic("PATCH", f"/api/profiles/{job.id}", '{"personal_info": {"name": "Wrong"}}', content_type="application/json")
    first = ProfileVersion.objects.get(profile__job=job, number=1)
    assert staff_client.get("/admin/analysis/profileversion/").status_code == 200
    assert staff_client.get(f"/admin/analysis/profileversion/{first.id}/change/").status_code == 200
    response = staff_client.post(
        "/admin/analysis/profileversion/", {"action": "restore_versions", "_selected_action": [first.id]}, follow=True
    )
    assert "Restored version 1" in response.content.decode()
    profile = UserProfile.objects.get(job=job)
    assert profile.personal_info["name"] == NAME and profile.version == 3
    latest = profile.versions.order_by("-number").first()
    assert (latest.source, latest.restored_from, latest.author) == ("restore", 1, staff_client.staff)

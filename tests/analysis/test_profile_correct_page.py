"""Issue 16: the owner corrects a profile on /jobs/<job_id>/correct (typed fields, a new version,
the same service as the API and the admin)."""

import pytest

from analysis.models import QAPair, UserProfile
from tests.analysis.test_profile_api import NAME, make_job


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def form_data(client, job) -> dict:
    form = client.get(f"/jobs/{job.id}/correct").context["form"]
    return {name: ("" if form.initial.get(name) is None else form.initial.get(name)) for name in form.fields}


def test_the_owner_corrects_the_name_as_a_new_version(client, owner):
    job = make_job(owner)
    client.force_login(owner)
    assert f'href="/jobs/{job.id}/correct"' in client.get(f"/jobs/{job.id}").content.decode()
    data = {**entries_data(client, job), "name": "Jordan Nakamura"}
    assert data["email"] == "jordan.alvarez@example.com"
    response = client.post(f"/jobs/{job.id}/correct", data)
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.id}"
    profile = UserProfile.objects.get(job=job)
    assert (profile.personal_info["name"], profile.version) == ("Jordan Nakamura", 2)
    assert profile.personal_info["email"] == "jordan.alvarez@example.com"
    assert list(profile.versions.values_list("source", "fields", "author"))[0] == ("edit", ["personal_info.name"], owner.id)
    assert "Jordan Nakamura" in QAPair.objects.get(profile=profile, question="What is the candidate's name?").answer
    assert "Jordan Nakamura" in client.get(f"/jobs/{job.id}").content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("skills_text", "no colon", "Category: a, b"), ("total_years_experience", "-2", "greater than or equal to 0")],
)
def test_bad_values_are_shown_and_save_nothing(client, owner, field, value, message):
    job = make_job(owner)
    client.force_login(owner)
    response = client.post(f"/jobs/{job.id}/correct", {**entries_data(client, job), field: value})
    assert response.status_code == 200 and message in response.content.decode()
    assert UserProfile.objects.get(job=job).version == 1


def test_others_and_anonymous_users_cannot_correct(client, owner, outsider):
    job = make_job(owner)
    assert client.get(f"/jobs/{job.id}/correct").status_code == 302  # to the login page
    client.force_login(outsider)
    assert client.get(f"/jobs/{job.id}/correct").status_code == 404
    assert client.post(f"/jobs/{job.id}/correct", {"name": "Mallory"}).status_code == 404
    assert UserProfile.objects.get(job=job).personal_info["name"] == NAME


def entries_data(client, job) -> dict:
    """Every field of the page's forms and formsets, as the browser would post them."""
    response = client.get(f"/jobs/{job.id}/correct")
    data = form_data(client, job)
    for formset in response.context["formsets"].values():
        management = formset.management_form
        data.update({f"{formset.prefix}-{name}": management.initial.get(name, 0) for name in management.fields})
        for form in formset.forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if name == "ORDER":
                    value = "" if form.prefix.endswith(str(len(formset.forms) - 1)) else int(form.prefix.rsplit("-", 1)[1]) + 1
                if value not in (None, False):
                    data[f"{form.prefix}-{name}"] = value
    return data


def test_entries_are_added_removed_and_reordered(client, owner):
    job = make_job(owner)
    client.force_login(owner)
    data = entries_data(client, job)
    assert data["experience-TOTAL_FORMS"] == 4 and data["experience-0-company"] == "Northwind Analytics"
    data["experience-1-DELETE"] = "on"  # Contoso Health goes
    data["experience-2-ORDER"] = 0  # Fabrikam first
    data.update({"experience-3-company": "Missing Job Ltd", "experience-3-role": "Engineer",
                 "experience-3-start_date": "2015-01", "experience-3-years": "1.5", "experience-3-ORDER": 9})  # fmt: skip
    data["education-0-institution"] = "University of Washington, Seattle"
    response = client.post(f"/jobs/{job.id}/correct", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    profile = UserProfile.objects.get(job=job)
    assert [e["company"] for e in profile.experience] == ["Fabrikam", "Northwind Analytics", "Missing Job Ltd"]
    assert profile.experience[2]["years"] == 1.5 and profile.experience[2]["description"] == ""
    assert profile.education[0]["institution"] == "University of Washington, Seattle"
    assert sorted(profile.versions.first().fields) == ["education", "experience"]


def test_a_bad_entry_value_is_shown_and_saves_nothing(client, owner):
    job = make_job(owner)
    client.force_login(owner)
    data = {**entries_data(client, job), "experience-0-years": "three", "education-0-year": "1200"}
    response = client.post(f"/jobs/{job.id}/correct", data)
    assert response.status_code == 200 and "Enter a number" in response.content.decode()
    assert UserProfile.objects.get(job=job).version == 1

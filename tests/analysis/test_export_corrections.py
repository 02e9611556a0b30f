"""`manage.py export_corrections DIR` (issue 16): a profile corrected through the real edit service
is written in the dotin training format, and the dotin loader reads the corrected values back as
annotated spans at their offsets in the text."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from analysis.models import UserProfile
from analysis.parsing.training import dotin
from analysis.profile_edits import profile_edit
from tests.analysis.test_profile_api import make_job

TEXT = (
    "Jordan Álvarez-Nakamura\r\n"
    "jordan.alvarez@example.com | San Francisco, CA\n\n"
    "CLINICAL EXPERIENCE\n"
    "Senior Software Engineer, Northwind Analytics & Co (2021 - present)\n"
    "Built the billing platform in Go & PostgreSQL.\n\n"
    "EDUCATION\nMSc Computer Science, University of Washington, 2016\n"
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def analysed_job(user):
    """A job whose analysis got the name and the employer wrong."""
    job = make_job(user)
    job.extracted_text = TEXT
    job.save(update_fields=["extracted_text"])
    UserProfile.objects.filter(job=job).update(
        personal_info={"name": "Clinical Experience", "email": "jordan.alvarez@example.com"},
        experience=[{"company": "Northwind", "role": "Senior Software Engineer"}],
        evidence=[],
    )
    return job


def test_a_corrected_name_and_employer_round_trip_through_the_dotin_loader(db, owner, outsider, tmp_path):
    job = analysed_job(owner)
    untouched = analysed_job(outsider)  # never corrected: not training data
    profile_edit(job=job, author=owner, changes={"personal_info": {"name": "Jordan Álvarez-Nakamura"}})
    profile_edit(job=job, author=owner, changes={"experience": [
        {"company": "Northwind Analytics & Co", "role": "Senior Software Engineer"}]})

    call_command("export_corrections", str(tmp_path))

    files = sorted(path.name for path in tmp_path.glob("*.xml"))
    assert files == [f"{job.id}.xml"], files
    assert f"{untouched.id}" not in (tmp_path / "manifest.json").read_text()
    doc = dotin.load_all(tmp_path)[0]
    assert doc.text == TEXT.replace("\r\n", "\n").rstrip("\n")
    assert doc.values("Name") == ["Jordan Álvarez-Nakamura"]
    name = next(span for span in doc.spans if span.label == "Name")
    assert (name.start, name.end) == (0, len("Jordan Álvarez-Nakamura"))
    company = next(span for span in doc.spans if span.label == "Companies worked at")
    at = doc.text.index("Northwind Analytics & Co")
    assert (company.start, company.end) == (at, at + len("Northwind Analytics & Co"))
    assert "Clinical Experience" not in doc.values("Name")
    assert doc.values("Email Address") == ["jordan.alvarez@example.com"]
    assert "Senior Software Engineer" in doc.values("Designation")
    assert "University of Washington" in doc.values("College Name")
    assert doc.values("Graduation Year") == ["2016"]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest[0]["corrected"] == ["personal_info.name", "experience"]
    assert manifest[0]["owner"] == "owner@example.com"

    # train_parser takes the directory beside the dotin train split (two of them here, for speed)
    model_file = tmp_path / "out" / "model.crfsuite"
    model_file.parent.mkdir()
    with pytest.raises(CommandError, match="needs --output"):
        call_command("train_parser", corrections=str(tmp_path))
    out = io.StringIO()
    call_command("train_parser", corrections=str(tmp_path), output=str(model_file), limit=2, stdout=out)
    assert "trained on 2 dotin resumes and 1 corrections" in out.getvalue()
    assert model_file.stat().st_size > 0 and model_file.with_suffix(".sha256").is_file()


def test_owner_scoping(db, owner, outsider, tmp_path):
    mine, theirs = analysed_job(owner), analysed_job(outsider)
    for job, user in ((mine, owner), (theirs, outsider)):
        profile_edit(job=job, author=user, changes={"personal_info": {"name": "Jordan Álvarez-Nakamura"}})

    call_command("export_corrections", str(tmp_path), owner="OUTSIDER@example.com")

    assert [path.name for path in tmp_path.glob("*.xml")] == [f"{theirs.id}.xml"]
    with pytest.raises(CommandError, match="no account"):
        call_command("export_corrections", str(tmp_path), owner="nobody@example.com")

"""The typed profile (analysis/profile.py): defaults, bad shapes refused with the field named,
round trips, old rows repaired on read, and a backend's bad shape failing the job clearly."""

import copy
import subprocess
import sys

import pytest

from analysis.models import PROFILE_FIELDS
from analysis.profile import Profile, ValidationError, describe, month_label
from tests.export.sample import SAMPLE_PROFILE


def problem(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate(data)
    return describe(caught.value)


def test_defaults_are_empty():
    profile = Profile()
    assert profile.personal_info.name is None and profile.skills == {} and profile.experience == []
    assert (profile.summary, profile.total_years_experience, profile.strengths) == ("", 0.0, [])


def test_an_older_row_with_missing_keys_reads_with_defaults():
    profile = Profile.from_stored({"personal_info": {"name": "Ada"}, "experience": [{"company": "Engines"}]})
    assert profile.personal_info.name == "Ada" and profile.personal_info.email is None
    job = profile.experience[0]
    assert (job.company, job.role, job.years, job.description) == ("Engines", None, None, "")
    assert profile.education == [] and profile.weaknesses == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"experience": [{"years": "3"}]}, "experience.0.years: Input should be a number"),
        ({"experience": [{"years": True}]}, "experience.0.years: Input should be a number"),
        ({"education": [{"year": "2019"}]}, "education.0.year: Input should be a valid integer"),
        ({"skills": {"Languages": "Go"}}, "skills.Languages: Input should be a valid list"),
        ({"skills": {"Languages": ["Go", 3]}}, "skills.Languages.1: Input should be a valid string"),
        ({"personal_info": {"email": 42}}, "personal_info.email: Input should be a valid string"),
        ({"personal_info": {"twitter": "@x"}}, "personal_info.twitter: Extra inputs are not permitted"),
        ({"strengths": [None]}, "strengths.0: Input should be a valid string"),
        ({"total_years_experience": -1.0}, "total_years_experience: Input should be greater than or equal to 0"),
    ],
)
def test_bad_shapes_are_refused_with_the_field_named(data, expected):
    assert problem(data) == expected


def test_round_trip_keeps_the_data_as_given():
    profile = Profile.model_validate(copy.deepcopy(SAMPLE_PROFILE))
    assert profile.stored_form() == SAMPLE_PROFILE
    assert Profile.model_validate_json(profile.model_dump_json()) == profile
    assert Profile.from_stored(profile.stored_form()) == profile


def test_numbers_keep_their_kind():
    profile = Profile.model_validate({"experience": [{"years": 3}, {"years": 2.0}]})
    assert [job.years for job in profile.experience] == [3, 2.0]
    assert [type(job.years) for job in profile.experience] == [int, float]


def test_analysis_output_empties_a_wrong_top_level_kind_but_refuses_a_bad_inner_shape():
    profile = Profile.from_analysis({"personal_info": ["x"], "experience": "none", "summary": None,
                                     "total_years_experience": "lots", "unknown": 1})  # fmt: skip
    assert profile.stored_form() == {name: Profile().stored_form()[name] for name in PROFILE_FIELDS}
    with pytest.raises(ValidationError):
        Profile.from_analysis({"experience": [{"company": 5}]})


def test_stored_rows_of_odd_shapes_are_repaired_on_read():
    profile = Profile.from_stored({
        "personal_info": {"name": None, "email": 42, "extra": "dropped"},
        "skills": {"Languages": "Python", "Numbers": [3, 4.5, 2.0], "Empty": []},
        "experience": ["not a dict", {"role": "Consultant", "years": "3", "description": None}],
        "education": [{"year": "2019"}, 7],
        "strengths": "One strength",
        "weaknesses": [None, "Real"],
    })  # fmt: skip
    assert profile.personal_info.email == "42"
    assert profile.skills == {"Languages": ["Python"], "Numbers": ["3", "4.5", "2"], "Empty": []}
    assert [(job.role, job.years, job.description) for job in profile.experience] == [("Consultant", 3, "")]
    assert [item.year for item in profile.education] == [2019]
    assert (profile.strengths, profile.weaknesses) == (["One strength"], ["", "Real"])
    assert Profile.from_stored({"skills": ["Go", None]}).skills == {"Skills": ["Go", ""]}


def test_month_label_is_the_one_date_formatter():
    assert [month_label(v) for v in ("2019-03", "2019-13", "Present", "2019", None)] == [
        "Mar 2019", "2019-13", "Present", "2019", "",
    ]  # fmt: skip


def test_json_schema_names_every_field():
    schema = Profile.model_json_schema()
    # evidence: our addition (issue 13); occupation and seniority: derived by the analysis (issue 17)
    assert set(schema["properties"]) == {*PROFILE_FIELDS, "evidence", "occupation", "seniority"}
    assert schema["$defs"]["Experience"]["additionalProperties"] is False


def test_the_module_needs_no_django():
    code = "import sys, analysis.profile; sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.django_db
def test_a_backend_returning_a_bad_shape_fails_the_job_clearly(owner, monkeypatch):
    import analysis.backends
    from analysis.backends.result import AnalysisResult
    from analysis.models import AnalysisJob, UserProfile
    from analysis.services import job_claim, job_run, worker_identity
    from tests.analysis.conftest import store_upload

    bad = AnalysisResult(profile={**SAMPLE_PROFILE, "education": [{"degree": "BSc", "year": "soon"}]})
    monkeypatch.setattr(analysis.backends, "analyze_resume", lambda text: bad)
    job = AnalysisJob.objects.create(upload=store_upload(owner), owner=owner)
    worker = worker_identity()
    assert job_claim(job_id=job.id, worker=worker)
    job_run(job_id=job.id, worker=worker)
    job.refresh_from_db()
    assert (job.status, job.progress) == ("failed", 70)
    assert job.error_message == (
        "Resume analysis failed: the analyzer returned a malformed profile "
        "(education.0.year: Input should be a valid integer)"
    )
    assert not UserProfile.objects.filter(job=job).exists()


def test_a_hand_edit_of_the_wrong_shape_is_refused_by_model_validation():
    from django.core.exceptions import ValidationError as DjangoValidationError

    from analysis.models import UserProfile

    with pytest.raises(DjangoValidationError) as caught:
        UserProfile(experience=[{"role": "Dev", "years": "3"}]).clean()
    assert caught.value.messages == ["experience.0.years: Input should be a number"]
    UserProfile(**copy.deepcopy(SAMPLE_PROFILE)).clean()


def test_an_unreadable_total_or_personal_info_reads_as_empty():
    profile = Profile.from_stored({"personal_info": ["x"], "total_years_experience": float("nan")})
    assert profile.personal_info == Profile().personal_info and profile.total_years_experience == 0.0

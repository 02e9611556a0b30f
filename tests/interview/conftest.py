import copy
import json

import pytest
from django.core.files.base import ContentFile

PROFILE = {
    "personal_info": {
        "name": "Jane Doe",
        "email": "jane@example.com",
        "phone": None,
        "location": "Leeds",
        "linkedin": None,
        "github": None,
    },
    "skills": {
        "Languages": ["Go", "Python", "SQL"],
        "Frameworks": ["Django", "React"],
        "Databases": ["PostgreSQL", "Redis"],
        "Cloud": ["AWS", "Kubernetes"],
    },
    "experience": [
        {
            "company": "Acme Cloud",
            "role": "Senior Backend Engineer",
            "start_date": "2020-01",
            "end_date": "Present",
            "years": 4.5,
            "description": "Built Go microservices for payment processing. Led a team of four engineers.",
        },
        {
            "company": "Globex",
            "role": "Software Engineer",
            "start_date": "2017-06",
            "end_date": "2019-12",
            "years": 2.5,
            "description": "Developed Django APIs and PostgreSQL reporting pipelines.",
        },
    ],
    "education": [
        {"degree": "BSc Computer Science", "institution": "University of Leeds", "year": 2017}
    ],
    "summary": "Backend engineer with seven years of experience.",
    "job_recommendations": ["Staff Backend Engineer", "Platform Engineer"],
    "strengths": ["Ownership of production systems"],
    "weaknesses": [],
    "total_years_experience": 7.0,
}
JUNIOR_PROFILE = {
    **copy.deepcopy(PROFILE),
    "experience": [
        {
            "company": "Initech",
            "role": "Junior Developer",
            "start_date": "2023-09",
            "end_date": "Present",
            "years": 1.0,
            "description": "Maintained React dashboards.",
        }
    ],
    "total_years_experience": 1.0,
}


@pytest.fixture
def make_job(db):
    """A resume upload, an analysis job in `status` and (when given) its profile, owned by `user`."""
    from analysis.models import AnalysisJob, UserProfile
    from uploads.models import Upload

    def make(user, *, status: str = "completed", profile: dict | None = PROFILE):
        upload = Upload(
            owner=user,
            filename="jane-doe.pdf",
            kind="pdf",
            content_type="application/pdf",
            file_size=12,
            sha256="0" * 64,
        )
        upload.file.save("resume.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        upload.save()
        progress = 100 if status == "completed" else 70
        job = AnalysisJob.objects.create(
            upload=upload, owner=user, status=status, progress=progress
        )
        if profile is not None:
            UserProfile.objects.create(job=job, **copy.deepcopy(profile))
        return job

    return make


@pytest.fixture
def job(make_job, owner):
    return make_job(owner)


def post_json(client, url: str, body) -> object:
    return client.post(url, data=json.dumps(body), content_type="application/json")

"""A small corpus of real resumes run through the real pipeline (extraction, chunking, MiniLM
embeddings, the local parser) once per module: the people the queries must find, and near misses."""

from pathlib import Path

import pytest

from tests.analysis.conftest import store_upload

HERE = Path(__file__).resolve().parent / "files"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = {
    "payments": HERE / "payments_engineer.docx",  # payments infrastructure on Kafka
    "icu_nurse": HERE / "icu_nurse.pdf",  # ICU nurse, ACLS
    "ward_nurse": HERE / "ward_nurse.docx",  # a nurse, no ICU, no ACLS
    "jordan": FIXTURES / "files" / "resume.docx",  # Kafka and a payments employer
    "rahul": FIXTURES / "resumes" / "20-rahul-sharma.doc",  # marketing at "Kiwi Payments"
}


def analyse(owner, path: Path):
    """Store the file as the owner's upload and run its analysis in-process, as the worker does."""
    from analysis.models import AnalysisJob
    from analysis.services import job_claim, job_run, worker_identity

    upload = store_upload(owner, path.name, path.read_bytes())
    job = AnalysisJob.objects.create(upload=upload, owner=owner)
    worker = worker_identity()
    assert job_claim(job_id=job.id, worker=worker)
    job_run(job_id=job.id, worker=worker)
    job.refresh_from_db()
    assert job.status == "completed", job.error_message
    return upload


def copy_analysis(upload, owner):
    """The same analysed resume as another user's upload (rows copied, not re-run: the outsider
    only needs to own a strong match)."""
    from analysis.models import AnalysisJob, ResumeChunk
    from uploads.models import Upload

    job = AnalysisJob.objects.get(upload=upload)
    profile, chunks = job.profile, list(job.chunks.all())
    copy = Upload.objects.create(owner=owner, file=upload.file.name, filename=upload.filename, kind=upload.kind,
                                 content_type=upload.content_type, file_size=upload.file_size, sha256=upload.sha256)
    new_job = AnalysisJob.objects.create(upload=copy, owner=owner, status="completed", progress=100,
                                         extracted_text=job.extracted_text)
    for chunk in chunks:
        chunk.pk, chunk.job = None, new_job
    ResumeChunk.objects.bulk_create(chunks)
    profile.pk, profile.id, profile.job = None, None, new_job
    profile.save()
    return copy


PASSWORD = "pw-recruiter-1234"
_built: dict = {}


# Package scope: the committed corpus is deleted when the run leaves tests/matching/, so tests
# elsewhere that expect an empty database (or count rows) never see it.
@pytest.fixture(scope="package")
def _corpus_session(django_db_setup, django_db_blocker):
    yield _built
    _built.clear()
    with django_db_blocker.unblock():
        from accounts.models import User

        User.objects.filter(email__in=["recruiter@example.com", "other@example.com"]).delete()


@pytest.fixture
def corpus(_corpus_session, django_db_blocker):
    """{"owner": user, "outsider": user, <name>: upload}, analysed once per session and committed.
    A browser test's flush (transactional_db) empties the tables; the next test builds it again."""
    from accounts.models import User

    with django_db_blocker.unblock():
        if not _built or not User.objects.filter(id=_built["owner"].id).exists():
            owner = User.objects.create_user(email="recruiter@example.com", password=PASSWORD, name="Rita Recruiter")
            outsider = User.objects.create_user(email="other@example.com", password=PASSWORD, name="Otto Other")
            _built.clear()
            _built.update({name: analyse(owner, path) for name, path in CORPUS.items()})
            _built.update(owner=owner, outsider=outsider, outsider_nurse=copy_analysis(_built["icu_nurse"], outsider))
    return _built


@pytest.fixture
def corpus_db(corpus, db):
    """The module's committed corpus, read by a test in its own (rolled back) transaction."""
    return corpus

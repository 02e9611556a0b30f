"""The openai analysis backend inside a real analysis job (in-process, real Postgres): a good
answer completes the job and records token usage; provider failures end it `failed` with a
readable message, never a crash or a stuck job."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analysis.models import JobStatus, UserProfile
from analysis.services import job_claim, job_run, job_start
from tests.parsing.test_openai_analysis import model_profile
from tests.support.fake_openai import Reply
from uploads.services import upload_create

RESUME = "tests/fixtures/resumes/02-jose-maria-garcia.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def openai_everything(openai_settings):
    openai_settings.AI_BACKEND = "openai"
    openai_settings.EMBEDDING_BACKEND = "openai"  # the stand-in embeds too, so no model loads
    openai_settings.OPENAI_MODEL = "test-model"
    return openai_settings


def run_job(owner):
    with open(RESUME, "rb") as handle:
        document = SimpleUploadedFile("resume.docx", handle.read(), content_type=DOCX_TYPE)
    upload = upload_create(owner=owner, uploaded_file=document)
    job = job_start(upload=upload)
    assert job_claim(job_id=job.id, worker="test-worker")
    job_run(job_id=job.id, worker="test-worker")
    job.refresh_from_db()
    return job


def test_completed_job_records_token_usage(owner, fake_openai, openai_everything):
    fake_openai.chat_reply(json.dumps(model_profile()), prompt_tokens=1500, completion_tokens=500)

    job = run_job(owner)

    assert job.status == JobStatus.COMPLETED, job.error_message
    assert job.token_usage["total_tokens"] == 2000
    assert job.token_usage["prompt_version"] == "resume_analysis_v2"
    profile = UserProfile.objects.get(job=job)
    assert profile.skills["Programming Languages"] == ["Go", "Python"]
    # The resume's own text went to the model.
    assert "José María García" in fake_openai.calls("chat")[0]["messages"][1]["content"]


@pytest.mark.parametrize(
    "script, message",
    [
        (lambda fake: fake.fail("chat", 500), "Resume analysis failed: OpenAI API error: HTTP 500"),
        (lambda fake: fake.fail("chat", 429), "Resume analysis failed: OpenAI API error: rate limited (429)"),
        (lambda fake: [fake.chat_reply("{oops"), fake.chat_reply("{oops")],
         "Resume analysis failed: OpenAI API error: invalid structured output (not valid JSON"),
        (lambda fake: [fake.chat_reply('{"a": 1}'), fake.chat_reply('{"a": 1}')],
         "Resume analysis failed: OpenAI API error: invalid structured output (does not match the schema"),
        (lambda fake: fake.enqueue("chat", Reply(body="{}", delay=1.5)),
         "Resume analysis failed: OpenAI API error: request timed out"),
    ],
    ids=["500", "429", "invalid-json", "schema-violation", "timeout"],
)
def test_provider_failures_fail_the_job_cleanly(owner, fake_openai, openai_everything, script, message):
    openai_everything.OPENAI_TIMEOUT_SECONDS = 0.5
    script(fake_openai)

    job = run_job(owner)

    assert job.status == JobStatus.FAILED
    assert job.error_message.startswith(message)
    assert job.progress == 70  # it failed in the analysing stage, after extraction and embeddings
    assert not UserProfile.objects.filter(job=job).exists()

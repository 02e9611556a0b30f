"""Answering in-process: the Q&A bank, the passage fallback, the openai backend, the context."""

import uuid

import pytest

from analysis.models import JobStatus
from chat.models import ChatMessage
from chat.selectors import history_list
from chat.services import (
    NO_CONTEXT_ANSWER,
    NOT_FOUND_ANSWER,
    QA_MATCH_THRESHOLD,
    ChatError,
    answer_question,
    chat_context_resolve,
    chat_exchange_prepare,
    chat_exchange_record,
    question_normalize,
)

FOUR_QUESTIONS = [
    ("What are my top skills?", "What are the candidate's top skills?", ["Python", "Go", "PostgreSQL"]),
    ("Where do I work now?", "Where does the candidate currently work?", ["Stripe", "Senior Software Engineer"]),
    ("How many years of experience do I have?", "How many years of experience does the candidate have?", ["10.5 years"]),
    ("Where did I study?", "Where did the candidate study?", ["University of Texas at Austin", "Computer Science"]),
]


@pytest.mark.parametrize(("question", "matched", "facts"), FOUR_QUESTIONS)
def test_the_four_questions_are_answered_from_the_qa_bank(owner, make_analysis, question, matched, facts):
    job = make_analysis(owner)
    answer = answer_question(job=job, question=question)
    assert answer.metadata["from_qa"] is True
    assert answer.metadata["matched_question"] == matched
    assert QA_MATCH_THRESHOLD <= answer.metadata["similarity"] <= 1
    for fact in facts:
        assert fact in answer.content


def test_other_questions_fall_back_to_the_most_similar_resume_passages(owner, make_analysis):
    job = make_analysis(owner)
    answer = answer_question(job=job, question="Has she contributed to open-source projects?")
    assert answer.metadata["from_qa"] is False
    sources = answer.metadata["sources"]
    assert sources[0]["section"] == "Projects"
    assert sources == sorted(sources, key=lambda s: -s["similarity"])
    assert "psycopg" in answer.content and answer.content.startswith("From the Projects section")


def test_a_question_the_resume_cannot_answer_says_so(owner, make_analysis):
    job = make_analysis(owner)
    answer = answer_question(job=job, question="What will the weather be like in Lisbon tomorrow?")
    assert answer.content == NOT_FOUND_ANSWER
    assert answer.metadata == {"from_qa": False, "sources": []}


def test_first_and_second_person_are_rewritten_to_the_candidate():
    assert question_normalize("Where do I work now?") == "Where does the candidate work now?"
    assert question_normalize("What are your   top skills?") == "What are the candidate's top skills?"
    assert question_normalize("Where did she study?") == "Where did the candidate study?"
    assert question_normalize("Tell me about Kafka") == "Tell me about Kafka"


def test_openai_backend_grounds_a_completion_in_the_passages(owner, make_analysis, openai_settings, fake_openai):
    openai_settings.AI_BACKEND = "openai"
    job = make_analysis(owner)
    fake_openai.chat_reply("Yes: she fixed connection pool leaks in psycopg [1].")
    answer = answer_question(job=job, question="Has she contributed to open-source projects?")
    assert answer.content == "Yes: she fixed connection pool leaks in psycopg [1]."
    assert answer.metadata["from_qa"] is False and answer.metadata["sources"][0]["section"] == "Projects"
    prompt = fake_openai.calls("chat")[-1]["messages"][-1]["content"]
    assert "psycopg" in prompt and "Question: Has she contributed" in prompt


def test_openai_failure_still_answers_from_the_resume(owner, make_analysis, openai_settings, fake_openai):
    openai_settings.AI_BACKEND = "openai"
    job = make_analysis(owner)
    fake_openai.fail("chat", 500)
    answer = answer_question(job=job, question="Has she contributed to open-source projects?")
    assert "psycopg" in answer.content and answer.metadata["sources"]


def test_context_is_the_given_job_else_the_latest_completed(owner, outsider, make_analysis):
    older = make_analysis(owner, filename="older.pdf")
    newer = make_analysis(owner, filename="newer.pdf")
    make_analysis(owner, status=JobStatus.ANALYZING, filename="running.pdf")
    assert chat_context_resolve(user=owner, job_id=None) == newer
    assert chat_context_resolve(user=owner, job_id=str(older.pk)) == older
    assert chat_context_resolve(user=outsider, job_id=None) is None


def test_context_errors_hide_other_users_jobs(owner, outsider, make_analysis):
    theirs = make_analysis(outsider)
    running = make_analysis(owner, status=JobStatus.ANALYZING)
    with pytest.raises(ChatError) as other:
        chat_context_resolve(user=owner, job_id=str(theirs.pk))
    with pytest.raises(ChatError) as missing:
        chat_context_resolve(user=owner, job_id=str(uuid.uuid4()))
    assert (other.value.error, other.value.message) == (missing.value.error, missing.value.message) == (
        "Not found", "No analysis job with this id")  # fmt: skip
    with pytest.raises(ChatError, match="analyzing"):
        chat_context_resolve(user=owner, job_id=str(running.pk))
    with pytest.raises(ChatError, match="UUID"):
        chat_context_resolve(user=owner, job_id="not-a-uuid")
    assert "Upload a resume" in NO_CONTEXT_ANSWER


def test_history_is_kept_per_user_and_resume(owner, outsider, make_analysis):
    first, second = make_analysis(owner), make_analysis(owner)
    for job, question in ((first, "Where did I study?"), (second, "What are my top skills?")):
        # What the chat consumer does: answer, send, then record both sides.
        chat_exchange_record(exchange=chat_exchange_prepare(user=owner, job=job, question=question))
    history = history_list(user=owner, job=first)
    assert [(m.role, m.content[:18]) for m in history] == [("user", "Where did I study?"), ("assistant", "You studied at Uni")]
    assert history[1].metadata["from_qa"] is True
    assert history_list(user=outsider, job=first) == []
    assert ChatMessage.objects.filter(owner=owner).count() == 4

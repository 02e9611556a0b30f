"""The Q&A bank: natural answers from the profile, and chat-style questions find the right pair
by pgvector cosine distance over the real MiniLM embeddings."""

import pytest
from pgvector.django import CosineDistance

from analysis.models import AnalysisJob, QAPair, UserProfile
from analysis.qa_bank import QUESTIONS, qa_bank_build
from resume_analyzer.ai.embeddings import embed_text
from tests.analysis.conftest import store_upload

PROFILE = {
    "personal_info": {
        "name": "Jordan Avery Lee",
        "email": "jordan@example.com",
        "phone": "+44 20 7946 0958",
        "location": "London, United Kingdom",
        "linkedin": "https://www.linkedin.com/in/jordan-avery-lee",
        "github": None,
    },
    "skills": {
        "Languages": ["Python", "Go", "TypeScript"],
        "Data": ["PostgreSQL", "Kafka"],
        "Soft Skills": ["Mentoring"],
    },
    "experience": [
        {"company": "Northwind Analytics", "role": "Senior Software Engineer", "start_date": "2019-03",
         "end_date": "Present", "years": 6.7, "description": "Led a Kafka and PostgreSQL platform team in Go."},
        {"company": "Bluefin Payments", "role": "Software Engineer", "start_date": "2016-06",
         "end_date": "2019-02", "years": 2.7, "description": "Python and Django services."},
    ],
    "education": [{"degree": "MSc Computer Science", "institution": "University of Edinburgh", "year": 2014}],
    "summary": "Backend engineer with nine years of experience",
    "job_recommendations": ["Staff Engineer", "Engineering Manager"],
    "strengths": ["Distributed systems", "Mentoring"],
    "weaknesses": ["Little mobile work"],
    "total_years_experience": 9.4,
}  # fmt: skip


@pytest.fixture
def profile(owner):
    job = AnalysisJob.objects.create(upload=store_upload(owner), owner=owner, status="completed")
    return UserProfile.objects.create(job=job, **PROFILE)


def answer_for(profile, question: str) -> str:
    return profile.qa_pairs.get(question=question).answer


def test_bank_answers_from_the_profile(profile):
    pairs = qa_bank_build(profile=profile)
    assert len(pairs) == len(QUESTIONS) >= 15
    assert all(len(pair.embedding) == 384 for pair in pairs)
    assert answer_for(profile, "What are the candidate's top skills?") == (
        "Based on your resume, your top skills are: Python, Go, PostgreSQL, Kafka and TypeScript."
    )
    assert answer_for(profile, "Where does the candidate currently work?") == (
        "You currently work at Northwind Analytics as Senior Software Engineer (since Mar 2019)."
    )
    assert answer_for(profile, "How many years of experience does the candidate have?") == (
        "You have about 9.5 years of professional experience."
    )
    assert answer_for(profile, "Where did the candidate study?") == (
        "You studied at University of Edinburgh (MSc Computer Science, 2014)."
    )
    assert "jordan@example.com" in answer_for(profile, "What are the candidate's contact details?")
    assert answer_for(profile, "Which companies has the candidate worked for?") == (
        "You have worked at Northwind Analytics and Bluefin Payments."
    )


def test_rebuilding_replaces_the_bank(profile):
    first = {pair.id for pair in qa_bank_build(profile=profile)}
    profile.experience = []
    profile.save()
    second = qa_bank_build(profile=profile)
    assert QAPair.objects.filter(profile=profile).count() == len(QUESTIONS)
    assert not first & {pair.id for pair in second}
    assert answer_for(profile, "Where does the candidate currently work?") == (
        "Your resume does not list any work experience."
    )


CHAT_QUESTIONS = {
    "What are my top skills?": "What are the candidate's top skills?",
    "Where do I work now?": "Where does the candidate currently work?",
    "How many years of experience do I have?": "How many years of experience does the candidate have?",
    "Where did I study?": "Where did the candidate study?",
    "What's my phone number?": "What are the candidate's contact details?",
    "What are my weaknesses?": "What are the candidate's weaknesses?",
}


def test_chat_questions_match_their_pair(profile):
    qa_bank_build(profile=profile)
    for asked, expected in CHAT_QUESTIONS.items():
        nearest = (
            QAPair.objects.filter(profile=profile)
            .annotate(distance=CosineDistance("embedding", embed_text(asked)))
            .order_by("distance")
        )
        assert (asked, nearest[0].question) == (asked, expected)
        assert 1 - nearest[0].distance > 0.5


def test_empty_profile_answers_honestly(owner):
    job = AnalysisJob.objects.create(upload=store_upload(owner), owner=owner, status="completed")
    profile = UserProfile.objects.create(job=job)
    qa_bank_build(profile=profile)
    assert (
        answer_for(profile, "What are the candidate's top skills?")
        == "Your resume does not list specific skills."
    )
    assert (
        answer_for(profile, "Where did the candidate study?")
        == "Your resume does not list any education."
    )

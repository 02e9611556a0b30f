"""A completed analysis to chat about: job, profile, embedded chunks and the real Q&A bank."""

from datetime import UTC, datetime

import pytest

RESUME_TEXT = """Maria Gonzalez
maria.gonzalez@example.com | +1 415 555 0199 | San Francisco, CA | linkedin.com/in/mariagonzalez

Summary
Backend engineer with 8 years of experience building Python and Go services on PostgreSQL.

Experience
Senior Software Engineer, Stripe, Mar 2020 - Present
Lead the payments ledger team. Build Python and Go services on PostgreSQL and Kafka.
Cut settlement latency by 40% by redesigning the ledger's batch jobs.
Software Engineer, Dropbox, Jun 2016 - Feb 2020
Built file sync APIs in Python. Migrated storage metadata from MySQL to PostgreSQL.

Education
B.Sc. Computer Science, University of Texas at Austin, 2016

Skills
Languages: Python, Go, SQL
Databases: PostgreSQL, Redis, MySQL
Infrastructure: Docker, Kubernetes, Kafka

Projects
Open-source contributor to psycopg: fixed connection pool leaks and wrote its pool tests.
"""

PROFILE = {
    "personal_info": {
        "name": "Maria Gonzalez",
        "email": "maria.gonzalez@example.com",
        "phone": "+1 415 555 0199",
        "location": "San Francisco, CA",
        "linkedin": "linkedin.com/in/mariagonzalez",
        "github": None,
    },
    "skills": {
        "Languages": ["Python", "Go", "SQL"],
        "Databases": ["PostgreSQL", "Redis", "MySQL"],
        "Infrastructure": ["Docker", "Kubernetes", "Kafka"],
    },
    "experience": [
        {
            "company": "Stripe",
            "role": "Senior Software Engineer",
            "start_date": "2020-03",
            "end_date": "Present",
            "years": 6.7,
            "description": "Lead the payments ledger team. Build Python and Go services on PostgreSQL and Kafka.",
        },
        {
            "company": "Dropbox",
            "role": "Software Engineer",
            "start_date": "2016-06",
            "end_date": "2020-02",
            "years": 3.7,
            "description": "Built file sync APIs in Python. Migrated storage metadata from MySQL to PostgreSQL.",
        },
    ],
    "education": [
        {"degree": "B.Sc. Computer Science", "institution": "University of Texas at Austin", "year": 2016}
    ],
    "summary": "Backend engineer with 8 years of experience building Python and Go services on PostgreSQL.",
    "job_recommendations": ["Staff Backend Engineer", "Payments Platform Lead"],
    "strengths": ["Distributed systems", "Mentoring"],
    "weaknesses": ["Little frontend work"],
    "total_years_experience": 10.4,
}


# Chunks and Q&A pairs of the one test resume, embedded once per process and copied after that.
_EMBEDDED: dict[str, list] = {}


def _store_embedded(job, profile) -> None:
    from analysis.documents.chunking import chunk_text
    from analysis.models import QAPair, ResumeChunk
    from analysis.qa_bank import qa_bank_build
    from resume_analyzer.ai.embeddings import embed_texts

    if not _EMBEDDED:
        chunks = chunk_text(RESUME_TEXT)
        vectors = embed_texts([chunk.embedding_text for chunk in chunks])
        _EMBEDDED["chunks"] = [(c.index, c.section, c.text, v) for c, v in zip(chunks, vectors, strict=True)]
        _EMBEDDED["pairs"] = [(p.question, p.answer, p.embedding) for p in qa_bank_build(profile=profile)]
    else:
        QAPair.objects.bulk_create(
            QAPair(profile=profile, question=q, answer=a, embedding=v) for q, a, v in _EMBEDDED["pairs"]
        )
    ResumeChunk.objects.bulk_create(
        ResumeChunk(job=job, index=i, section=s, text=t, embedding=v) for i, s, t, v in _EMBEDDED["chunks"]
    )


@pytest.fixture
def make_analysis(db):
    """make_analysis(user, status="completed", filename=...) -> AnalysisJob, built through the ORM.

    A completed job gets real chunks (analysis.documents.chunking), MiniLM embeddings and the real Q&A bank
    (analysis.qa_bank), exactly what the pipeline stores.
    """
    from analysis.models import STAGE_PROGRESS, AnalysisJob, JobStatus, UserProfile
    from uploads.models import Upload

    def make(user, *, status: str = JobStatus.COMPLETED, filename: str = "maria-gonzalez.pdf") -> AnalysisJob:
        upload = Upload.objects.create(
            owner=user, file=f"resumes/{filename}", filename=filename, kind="pdf",
            content_type="application/pdf", file_size=48_000, sha256="0" * 64,
        )  # fmt: skip
        done = status == JobStatus.COMPLETED
        job = AnalysisJob.objects.create(
            upload=upload, owner=user, status=status, progress=STAGE_PROGRESS.get(status, 0),
            extracted_text=RESUME_TEXT if done else "", completed_at=datetime.now(UTC) if done else None,
        )  # fmt: skip
        if done:
            _store_embedded(job, UserProfile.objects.create(job=job, **PROFILE))
        return job

    return make

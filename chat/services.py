"""Chat workflows: resolve the conversation's resume, answer a question, record the exchange.

Answering (both backends): a recruiter's question about the candidate (leadership, team size,
years overall or with a skill, most recent employer, education, certifications, languages, "does
she know X?") is answered from the profile's current version by chat/answering.py, by name, yes or
no first and then the resume's own line. A question about all the candidates ("who knows
Kubernetes?") is answered from search across the user's candidates (analysis/matching/search.py). Any other question is embedded and matched against the
profile's Q&A bank; a close enough match answers from the bank. Otherwise the most similar resume
chunks ground the answer: quoted extractively by the local backend, or summarised by a
completion (openai).
"""

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from analysis.matching.candidates import Facets
from analysis.matching.search import candidate_search
from analysis.models import AnalysisJob, UserProfile
from analysis.selectors import Refusals, completed_job_with_profile
from chat import answering
from chat.models import ChatMessage, ChatRole
from chat.selectors import Passage, chat_jobs, passages_similar, qa_best_match
from resume_analyzer.ai.backends import LOCAL, OPENAI, pick
from resume_analyzer.ai.embeddings import embed_text
from resume_analyzer.ai.errors import AIError
from resume_analyzer.errors import ApplicationError

logger = logging.getLogger(__name__)

# Cosine similarity (MiniLM) above which a Q&A-bank question counts as the same question.
QA_MATCH_THRESHOLD = 0.6
# Below this no resume passage is related enough to quote.
PASSAGE_MIN_SIMILARITY = 0.15
MAX_QUESTION_CHARS = 4000
QUOTE_MAX_CHARS = 500
NO_CONTEXT_ANSWER = (
    "There is no completed resume analysis to talk about yet. Upload a resume and start an "
    "analysis; once it has completed, ask me about the candidate's skills, experience or education."
)
NOT_FOUND_ANSWER = (
    "I could not find anything about that in this resume. Try asking about the candidate's "
    "leadership, years of experience, most recent job, education, certifications or languages."
)


class ChatError(ApplicationError):
    """A request the chat cannot serve, in the socket's own words: `error`, `message` and `field`
    become the client's error frame."""

    def __init__(self, error: str, message: str, *, field: str | None = None) -> None:
        super().__init__(error, message, **({"field": field} if field else {}))


def _not_ready(job: AnalysisJob) -> ChatError:
    return ChatError(
        "Analysis not ready",
        f"This analysis is {job.get_status_display().lower()}; chat about it once it has completed",
        field="job_id",
    )


# Another user's job answers exactly like a missing one; a completed job without a profile is as
# unready as a running one.
REFUSALS = Refusals(
    not_found=lambda job_id: ChatError("Not found", "No analysis job with this id", field="job_id"),
    not_completed=_not_ready,
    no_profile=_not_ready,
)


@dataclass(frozen=True)
class Answer:
    content: str
    metadata: dict = field(default_factory=dict)


# Answering needs the job's identity and its profile's id, not the profile's JSON documents or the
# extracted text: loading only these keeps the per-message lookup cheap.
CONTEXT_FIELDS = ("id", "owner_id", "status", "created_at", "completed_at", "profile__id")


def chat_context_resolve(*, user, job_id: str | None) -> AnalysisJob | None:
    """The job a conversation is about: the given one (owned and completed), else the latest."""
    if job_id is None:
        return chat_jobs(user).select_related("profile").only(*CONTEXT_FIELDS).first()
    try:
        key = uuid.UUID(str(job_id))
    except ValueError as exc:
        raise ChatError("Invalid field", "job_id must be an analysis job id (UUID)", field="job_id") from exc
    return completed_job_with_profile(
        user=user, job_id=key, refusals=REFUSALS, jobs=AnalysisJob.objects.only(*CONTEXT_FIELDS)
    )


# The person asked about becomes "the candidate", the wording of the Q&A bank: "where do I
# work?", "what are your skills?" and "where does she work?" all match the bank's questions far
# better rewritten (MiniLM cosine 0.5-0.6 before, 0.75-0.95 after). "me" stays: it is the asker.
_PERSON_REWRITES = [
    (r"\b(?:do|did) (?:i|you)\b", lambda m: ("did" if m.group(0).lower().startswith("did") else "does") + " the candidate"),
    (r"\b(?:am i|are you)\b", lambda m: "is the candidate"),
    (r"\b(?:i am|i'm|you are|you're|she's|he's)\b", lambda m: "the candidate is"),
    (r"\b(?:i have|i've|you have|you've)\b", lambda m: "the candidate has"),
    (r"\b(?:my|your|mine|yours|her|his)\b", lambda m: "the candidate's"),
    (r"\b(?:i|you|she|he)\b", lambda m: "the candidate"),
]


def question_normalize(question: str) -> str:
    text = " ".join(question.split())
    for pattern, replace in _PERSON_REWRITES:
        text = re.sub(pattern, replace, text, flags=re.IGNORECASE)
    return text


@lru_cache(maxsize=4096)
def _vector_cached(backend: str, text: str) -> tuple[float, ...]:
    return tuple(embed_text(text))


def question_vector(question: str) -> list[float]:
    # People ask the same few questions again and again; an embedding is pure, so cache it.
    return list(_vector_cached(settings.EMBEDDING_BACKEND, question_normalize(question)))


def answer_from_profile(*, job: AnalysisJob, question: str) -> Answer | None:
    """The profile's answer, read from its current version (a correction shows at once)."""
    stored = UserProfile.objects.filter(job_id=job.pk).first()
    if stored is None:
        return None
    text = AnalysisJob.objects.filter(pk=job.pk).values_list("extracted_text", flat=True).first() or ""
    content = answering.answer(stored.data, question, text=text)
    if content is None:
        return None
    return Answer(content, {"from_qa": False, "from_profile": True, "profile_version": stored.version})


def answer_question(*, job: AnalysisJob, question: str) -> Answer:
    direct = answer_from_profile(job=job, question=question)
    if direct is not None:
        return direct
    vector = question_vector(question)
    match = qa_best_match(profile=job.profile, vector=vector)
    if match is not None and match.similarity >= QA_MATCH_THRESHOLD:
        return Answer(
            match.answer,
            {"from_qa": True, "similarity": round(match.similarity, 3), "matched_question": match.question},
        )
    passages = [p for p in passages_similar(job=job, vector=vector) if p.similarity >= PASSAGE_MIN_SIMILARITY]
    if not passages:
        return Answer(NOT_FOUND_ANSWER, {"from_qa": False, "sources": []})
    sources = [_source(passage) for passage in passages]
    answer_from = pick(PASSAGE_ANSWERERS, "AI_BACKEND")
    return Answer(answer_from(question, passages), {"from_qa": False, "sources": sources})


# "Who knows Kubernetes?", "which candidates have ACLS?", "does anyone speak Spanish?": a question
# about the recruiter's candidates rather than the one in view. A pronoun ("who did she report
# to?") keeps it about the candidate in view.
_ACROSS = re.compile(
    r"^\s*(?:who\b|which (?:of (?:my|our|the) )?(?:candidates?|people|persons?|applicants?|resumes?)\b"
    r"|(?:does|do|is|are|has|have) (?:anyone|anybody|any (?:of (?:my|our|the) )?(?:candidates?|applicants?))\b"
    r"|any (?:candidates?|applicants?)\b)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:she|he|her|his|him|they|their|them|this candidate|the candidate)\b", re.IGNORECASE)
_ASKING_WORDS = re.compile(
    r"\b(?:who|which|of|my|our|the|candidates?|people|persons?|applicants?|resumes?|does|do|is|are|has|have|"
    r"anyone|anybody|any|knows?|had|with|worked|works|work|speaks?|experience|in|on|at|as|a|an|been|can|"
    r"used|uses|use|holds?|got|mention|mentions|skills?)\b|[?!.]",
    re.IGNORECASE,
)
ACROSS_LIMIT = 5


def across_topic(question: str) -> str | None:
    """What a question about all candidates asks for ("Kubernetes" in "who knows Kubernetes?"),
    or None when the question is about the candidate in view."""
    if not _ACROSS.match(question) or _PRONOUN.search(question):
        return None
    topic = " ".join(_ASKING_WORDS.sub(" ", question).split())
    return topic or None


def answer_across_candidates(*, user, question: str) -> Answer | None:
    """A question about all the user's candidates, answered from search across them (the same
    hybrid ranking as /api/candidates/search): the best few, by name, each with its passage."""
    topic = across_topic(question)
    if topic is None:
        return None
    results = candidate_search(user=user, text=topic, facets=Facets(), limit=ACROSS_LIMIT).results
    if not results:
        return Answer(f"None of your candidates' resumes mentions {topic}.",
                      {"from_qa": False, "from_search": True, "topic": topic, "candidates": []})
    names = dict(UserProfile.objects.filter(job_id__in=[r.job_id for r in results]).values_list("job_id", "personal_info__name"))
    found = [
        {"job_id": str(r.job_id), "upload_id": r.upload_id, "name": names.get(r.job_id) or "Unnamed candidate",
         "snippet": _clip(r.snippet), "matched_skills": r.matched_skills}
        for r in results
    ]
    lines = [f"{item['name']}: \u201c{item['snippet']}\u201d" if item["snippet"] else item["name"] for item in found]
    count = "1 candidate" if len(found) == 1 else f"{len(found)} candidates"
    content = f"{count} for {topic}, best match first:\n" + "\n".join(f"- {line}" for line in lines)
    return Answer(content, {"from_qa": False, "from_search": True, "topic": topic, "candidates": found})


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def chat_exchange_prepare(*, user, job: AnalysisJob, question: str) -> list[ChatMessage]:
    """The question and its answer as unsaved messages: the answer can go out before the write."""
    asked = ChatMessage(owner=user, job=job, role=ChatRole.USER, content=question, created_at=timezone.now())
    answer = answer_across_candidates(user=user, question=question) or answer_question(job=job, question=question)
    answered = ChatMessage(
        owner=user, job=job, role=ChatRole.ASSISTANT, content=answer.content, metadata=answer.metadata,
        created_at=timezone.now(),
    )  # fmt: skip
    return [asked, answered]


def chat_exchange_record(*, exchange: list[ChatMessage]) -> list[ChatMessage]:
    """Store both sides of an exchange in one statement (so never only half of it)."""
    return ChatMessage.objects.bulk_create(exchange)


def _source(passage: Passage) -> dict:
    return {
        "chunk": passage.index,
        "section": passage.section,
        "similarity": round(passage.similarity, 3),
        "excerpt": passage.text[:200],
    }


_STOPWORDS = set(
    "a an and are as at be by can de did do does for from has have how i in is it its me my of on or "
    "our the their there they this to was were what when where which who why with you your candidate "
    "candidate's tell about any many much".split()
)


def _keywords(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9+#]+", text.lower())
    return {word for word in words if len(word) > 2 and word not in _STOPWORDS}


def _extractive(question: str, passages: list[Passage]) -> str:
    """Quote the lines of the best passage that share the most words with the question."""
    best = passages[0]
    lines = [line.strip(" •-*\t") for line in re.split(r"\n+|(?<=[.!?])\s+", best.text)]
    lines = [line for line in lines if line]
    wanted = _keywords(question)
    scores = [len(wanted & _keywords(line)) for line in lines]
    if max(scores, default=0) == 0:
        picked = lines[:3]
    else:
        top = sorted(range(len(lines)), key=lambda i: -scores[i])[:3]
        picked = [lines[i] for i in sorted(top) if scores[i] > 0]
    quote = " … ".join(picked)
    if len(quote) > QUOTE_MAX_CHARS:
        quote = quote[: QUOTE_MAX_CHARS - 1].rstrip() + "…"
    where = f"the {best.section} section of the resume" if best.section else "the resume"
    return f"From {where}: “{quote}”"


def _grounded_completion(question: str, passages: list[Passage]) -> str:
    from resume_analyzer.ai.llm import complete_text

    excerpts = "\n\n".join(
        f"[{number}] ({passage.section or 'resume'})\n{passage.text}" for number, passage in enumerate(passages, 1)
    )
    messages = [
        {
            "role": "system",
            "content": (
                "You answer questions about one candidate's resume. Use only the numbered excerpts "
                "the user gives you and cite them like [1]. If they do not contain the answer, say "
                "that the resume does not mention it. Answer in at most three sentences."
            ),
        },
        {"role": "user", "content": f"Resume excerpts:\n{excerpts}\n\nQuestion: {question}"},
    ]
    content = complete_text(messages=messages, temperature=0.2, max_tokens=400).data
    if not content:
        raise AIError("OpenAI API error: empty answer", permanent=False)
    return content


def _grounded_or_extractive(question: str, passages: list[Passage]) -> str:
    try:
        return _grounded_completion(question, passages)
    except AIError as exc:  # the resume still answers, extractively
        logger.warning("grounded chat completion failed, answering extractively: %s", exc)
        return _extractive(question, passages)


# How each backend answers from resume passages when the Q&A bank has no close match.
PASSAGE_ANSWERERS: dict[str, Callable[[str, list[Passage]], str]] = {
    LOCAL: _extractive,
    OPENAI: _grounded_or_extractive,
}

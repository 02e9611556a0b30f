"""The Q&A bank: standard questions about the candidate, answered from the profile, for chat.

Each pair's question is embedded together with the first-person way a candidate asks it
("Where do I work now?"), so chat matches both a recruiter's and a candidate's wording; the
questions are fixed, so they are embedded once per process.
Answers speak to the resume's owner ("your"), as the seed's chat example does.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import transaction

from analysis.models import QAPair, UserProfile
from analysis.profile import Experience, Profile, month_label
from resume_analyzer.ai.embeddings import embed_texts

TOP_SKILLS = 6
PROGRAMMING_LANGUAGES = {
    "python", "java", "javascript", "typescript", "go", "golang", "rust", "c", "c++", "c#",
    "ruby", "php", "kotlin", "swift", "scala", "r", "sql", "bash", "shell", "perl", "haskell",
    "elixir", "erlang", "clojure", "dart", "lua", "matlab", "objective-c", "julia", "groovy",
    "f#", "visual basic", "vb.net", "cobol", "fortran", "powershell", "solidity", "zig", "ocaml",
}  # fmt: skip
SOFT_CATEGORY_WORDS = ("soft", "interpersonal", "personal", "spoken", "human")


@dataclass(frozen=True)
class Question:
    question: str
    first_person: str
    answer: Callable[[Profile], str]


def join_words(items: list[str]) -> str:
    """Join words as prose: "a", "a and b", "a, b and c"."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


# --- reading the profile -----------------------------------------------------------------------


def _all_skills(profile: Profile) -> list[tuple[str, str]]:
    """(category, skill) pairs in the profile's order, each skill once."""
    seen: set[str] = set()
    pairs = []
    for category, skills in profile.skills.items():
        for skill in skills:
            key = skill.strip().lower()
            if key and key not in seen:
                seen.add(key)
                pairs.append((category, skill.strip()))
    return pairs


def _is_soft(category: str) -> bool:
    return any(word in category.lower() for word in SOFT_CATEGORY_WORDS)


def top_skills(profile: Profile, limit: int = TOP_SKILLS) -> list[str]:
    """Hard skills ranked by how often the experience and summary mention them (ties keep order)."""
    skills = [skill for category, skill in _all_skills(profile) if not _is_soft(category)]
    corpus = " ".join([profile.summary] + [job.description for job in profile.experience])
    corpus = corpus.lower()
    ranked = sorted(enumerate(skills), key=lambda pair: (-_mentions(pair[1], corpus), pair[0]))
    return [skill for _, skill in ranked[:limit]]


def _mentions(skill: str, corpus: str) -> int:
    """Whole-word mentions, so "Go" is not counted inside "Django"."""
    return len(re.findall(rf"(?<![\w+#.]){re.escape(skill.lower())}(?![\w+#])", corpus))


def _current_job(profile: Profile) -> Experience | None:
    for job in profile.experience:
        if (job.end_date or "").lower() in {"present", "current", "now"}:
            return job
    return None


def _role_at(job: Experience) -> str:
    if job.role and job.company:
        return f"{job.role} at {job.company}"
    return job.role or job.company or "an unnamed position"


def _years(value: float) -> str:
    rounded = round(value * 2) / 2  # half years read naturally; finer is false precision
    number = f"{rounded:g}"
    return f"{number} year" if rounded == 1 else f"{number} years"


def _total_years(profile: Profile) -> float:
    if profile.total_years_experience:
        return profile.total_years_experience
    return sum(job.years or 0 for job in profile.experience)


# --- answers -----------------------------------------------------------------------------------


def answer_top_skills(profile: Profile) -> str:
    skills = top_skills(profile)
    if not skills:
        return "Your resume does not list specific skills."
    return f"Based on your resume, your top skills are: {join_words(skills)}."


def answer_technical_skills(profile: Profile) -> str:
    groups = [
        f"{category}: {', '.join(skills)}"
        for category, skills in profile.skills.items()
        if skills and not _is_soft(category)
    ]
    if not groups:
        return "Your resume does not list technical skills."
    return "Your technical skills — " + "; ".join(groups) + "."


def answer_soft_skills(profile: Profile) -> str:
    skills = [skill for category, skill in _all_skills(profile) if _is_soft(category)]
    if not skills:
        return "Your resume does not list soft skills explicitly."
    return f"Your soft skills include {join_words(skills)}."


def answer_languages(profile: Profile) -> str:
    languages = [
        skill for _, skill in _all_skills(profile) if skill.lower() in PROGRAMMING_LANGUAGES
    ]
    if not languages:
        return "Your resume does not name any programming languages."
    return f"You program in {join_words(languages)}."


def answer_current_employer(profile: Profile) -> str:
    job = _current_job(profile)
    if job:
        where = f"at {job.company}" if job.company else "in an unnamed company"
        role = f" as {job.role}" if job.role else ""
        since = f" (since {month_label(job.start_date)})" if job.start_date else ""
        return f"You currently work {where}{role}{since}."
    if profile.experience:
        last = profile.experience[0]
        until = f", until {month_label(last.end_date)}" if last.end_date else ""
        return f"Your resume lists no current position; your most recent role was {_role_at(last)}{until}."
    return "Your resume does not list any work experience."


def answer_current_role(profile: Profile) -> str:
    current = _current_job(profile)
    job = current or next(iter(profile.experience), None)
    if not job or not job.role:
        return "Your resume does not list a job title."
    at = f" at {job.company}" if job.company else ""
    if current:
        return f"Your current job title is {job.role}{at}."
    return f"Your most recent job title was {job.role}{at}."


def answer_most_recent_role(profile: Profile) -> str:
    if not profile.experience:
        return "Your resume does not list any work experience."
    job = profile.experience[0]
    period = " – ".join(month_label(part) for part in (job.start_date, job.end_date) if part)
    detail = f" ({period})" if period else ""
    description = f" {_sentence(job.description)}" if job.description else ""
    return f"Your most recent role is {_role_at(job)}{detail}.{description}"


def answer_previous_companies(profile: Profile) -> str:
    companies = []
    for job in profile.experience:
        if job.company and job.company not in companies:
            companies.append(job.company)
    if not companies:
        return "Your resume does not name the companies you worked for."
    return f"You have worked at {join_words(companies)}."


def answer_work_history(profile: Profile) -> str:
    if not profile.experience:
        return "Your resume does not list any work experience."
    parts = []
    for job in profile.experience:
        years = f" for {_years(float(job.years))}" if job.years else ""
        parts.append(f"{_role_at(job)}{years}")
    return f"Your experience: {'; '.join(parts)}."


def answer_total_years(profile: Profile) -> str:
    years = _total_years(profile)
    if years <= 0:
        return "Your resume does not make your total years of experience clear."
    return f"You have about {_years(years)} of professional experience."


def answer_education(profile: Profile) -> str:
    entries = []
    for item in profile.education:
        details = ", ".join(str(part) for part in (item.degree, item.year) if part)
        place = item.institution or "an unnamed institution"
        entries.append(f"{place} ({details})" if details else place)
    if not entries:
        return "Your resume does not list any education."
    return f"You studied at {join_words(entries)}."


def answer_highest_degree(profile: Profile) -> str:
    degrees = [item for item in profile.education if item.degree]
    if not degrees:
        return "Your resume does not state a degree."
    first = degrees[0]
    at = f" from {first.institution}" if first.institution else ""
    year = f" ({first.year})" if first.year else ""
    return f"Your highest listed degree is {first.degree}{at}{year}."


CONTACT_LABELS = (("email", "email"), ("phone", "phone"), ("location", "location"),
                  ("linkedin", "LinkedIn"), ("github", "GitHub"))  # fmt: skip


def answer_contact(profile: Profile) -> str:
    info = profile.personal_info
    parts = [f"{label} {getattr(info, key)}" for key, label in CONTACT_LABELS if getattr(info, key)]
    if not parts:
        return "Your resume does not include contact details."
    return f"Your contact details are: {'; '.join(parts)}."


def answer_location(profile: Profile) -> str:
    location = profile.personal_info.location
    return f"You are based in {location}." if location else "Your resume does not give a location."


def answer_name(profile: Profile) -> str:
    name = profile.personal_info.name
    return f"The resume belongs to {name}." if name else "The resume does not state a name."


def _list_answer(items: list[str], intro: str, empty: str) -> str:
    items = [item.strip().rstrip(".") for item in items if item.strip()]
    return f"{intro} {join_words(items)}." if items else empty


def answer_strengths(profile: Profile) -> str:
    return _list_answer(
        profile.strengths, "Your main strengths are:", "No particular strengths were identified."
    )


def answer_weaknesses(profile: Profile) -> str:
    return _list_answer(
        profile.weaknesses, "Areas you could improve:", "No particular weaknesses were identified."
    )


def answer_summary(profile: Profile) -> str:
    return _sentence(profile.summary) if profile.summary.strip() else "Your resume has no summary."


def answer_recommendations(profile: Profile) -> str:
    return _list_answer(
        profile.job_recommendations,
        "Roles that suit your background:",
        "No role recommendations are available yet.",
    )


QUESTIONS: list[Question] = [
    Question("What are the candidate's top skills?", "What are my top skills?", answer_top_skills),
    Question("What are the candidate's technical skills?", "What technical skills do I have?", answer_technical_skills),
    Question("What soft skills does the candidate have?", "What are my soft skills?", answer_soft_skills),
    Question("Which programming languages does the candidate know?", "What programming languages do I know?", answer_languages),
    Question("Where does the candidate currently work?", "Where do I work now? Who is my current employer?", answer_current_employer),
    Question("What is the candidate's current job title?", "What is my current role and job title?", answer_current_role),
    Question("What was the candidate's most recent role?", "What was my last job?", answer_most_recent_role),
    Question("Which companies has the candidate worked for?", "Which companies have I worked at before?", answer_previous_companies),
    Question("What is the candidate's work experience?", "What is my work history?", answer_work_history),
    Question("How many years of experience does the candidate have?", "How many years of experience do I have?", answer_total_years),
    Question("Where did the candidate study?", "Where did I study? Which university did I go to?", answer_education),
    Question("What is the candidate's highest degree?", "What degree do I have?", answer_highest_degree),
    Question("What are the candidate's contact details?", "What is my email and phone number?", answer_contact),
    Question("Where is the candidate located?", "Where do I live? Where am I based?", answer_location),
    Question("What is the candidate's name?", "What is my name?", answer_name),
    Question("What are the candidate's strengths?", "What are my strengths?", answer_strengths),
    Question("What are the candidate's weaknesses?", "What are my weaknesses?", answer_weaknesses),
    Question("Summarize the candidate's profile.", "Give me a summary of my resume.", answer_summary),
    Question("What roles would suit the candidate?", "What jobs should I apply for?", answer_recommendations),
]  # fmt: skip


@lru_cache(maxsize=4)
def _question_vectors(backend: str, model: str, base_url: str) -> tuple[tuple[float, ...], ...]:
    """The questions never change, so one batched call per process and embedding configuration
    serves every profile (it was a third of a job's CPU time)."""
    vectors = embed_texts([f"{item.question} {item.first_person}" for item in QUESTIONS])
    return tuple(tuple(vector) for vector in vectors)


def question_vectors() -> list[list[float]]:
    key = (
        settings.EMBEDDING_BACKEND,
        settings.OPENAI_EMBEDDING_MODEL,
        str(settings.OPENAI_BASE_URL),
    )
    return [list(vector) for vector in _question_vectors(*key)]


def qa_bank_build(*, profile: UserProfile) -> list[QAPair]:
    """Replace the profile's Q&A pairs with freshly answered standard questions."""
    data = profile.data
    answered = [(item, item.answer(data)) for item in QUESTIONS]
    vectors = question_vectors()
    pairs = [
        QAPair(profile=profile, question=item.question, answer=answer, embedding=vector)
        for (item, answer), vector in zip(answered, vectors, strict=True)
    ]
    with transaction.atomic():
        QAPair.objects.filter(profile=profile).delete()
        return QAPair.objects.bulk_create(pairs)

"""Requirements of a job description from an OpenAI-compatible endpoint (AI_BACKEND=openai): the
versioned prompt in analysis/matching/prompts/, JSON-schema structured output validated by
resume_analyzer.ai.llm.complete_json, then the same normalisation as typed input
(Requirements.from_dict: taxonomy names, de-duplication, bounds)."""

from pathlib import Path

from analysis.matching.requirements import Requirements
from resume_analyzer.ai.llm import complete_json

PROMPT_VERSION = "opening_requirements_v1"
PROMPT_FILE = Path(__file__).resolve().parent / "prompts" / f"{PROMPT_VERSION}.md"
MAX_JOB_CHARS = 20_000

_TEXT_LIST = {"type": "array", "items": {"type": "string"}}
REQUIREMENTS_SCHEMA = {
    "type": "object",
    "properties": {
        "required_skills": _TEXT_LIST,
        "preferred_skills": _TEXT_LIST,
        "min_years": {"type": ["number", "null"]},
        "degree_level": {"type": ["string", "null"], "enum": ["Associate", "Bachelor's", "Master's", "Doctorate", None]},
        "location": {"type": ["string", "null"]},
    },
    "required": ["required_skills", "preferred_skills", "min_years", "degree_level", "location"],
    "additionalProperties": False,
}


def build_messages(title: str, text: str) -> list[dict]:
    return [
        {"role": "system", "content": PROMPT_FILE.read_text(encoding="utf-8")},
        {"role": "user", "content": f"Title: {title}\n<job>\n{text[:MAX_JOB_CHARS]}\n</job>"},
    ]


def parse_requirements_openai(title: str, text: str) -> tuple[Requirements, dict]:
    """The requirements and the token usage (with the model and prompt version)."""
    from django.conf import settings

    result = complete_json(
        messages=build_messages(title, text),
        schema=REQUIREMENTS_SCHEMA,
        schema_name="opening_requirements",
        temperature=0.0,
    )
    usage = {**result.usage, "model": settings.OPENAI_MODEL, "prompt_version": PROMPT_VERSION}
    return Requirements.from_dict(result.data), usage

"""Every write of the matching subsystem: creating an opening from text or a file (text extracted
by analysis/documents, requirements parsed by the configured backend, the text embedded), and
editing its requirements."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from analysis.documents.chunking import chunk_text
from analysis.documents.extraction import ExtractionError, extract_document
from analysis.matching.models import Opening
from analysis.matching.requirements import LOCAL_PARSER, Requirements, parse_requirements_local
from resume_analyzer.ai.backends import OPENAI
from resume_analyzer.ai.embeddings import embed_texts
from resume_analyzer.ai.errors import AIError
from resume_analyzer.errors import DependencyFailed, Rejected, Unavailable
from uploads.validation import check_upload

MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 50_000
MIN_DESCRIPTION_CHARS = 20


class OpeningRejected(Rejected):
    """A bad title, description or file for an opening."""


def opening_text_from_file(*, uploaded: UploadedFile) -> tuple[str, str, str]:
    """(text, source, filename) of a PDF or DOCX job description, validated like a resume upload."""
    checked = check_upload(uploaded)
    if checked.kind not in (Opening.Source.PDF, Opening.Source.DOCX):
        raise OpeningRejected("Invalid file type", "A job description file must be a PDF or DOCX", field="file")
    with tempfile.NamedTemporaryFile(suffix=f".{checked.kind}") as handle:
        for block in uploaded.chunks():
            handle.write(block)
        handle.flush()
        try:
            extracted = extract_document(
                Path(handle.name),
                kind=checked.kind,
                max_pages=settings.EXTRACTION_MAX_PAGES,
                time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS,
            )
        except ExtractionError as exc:
            raise OpeningRejected("Text extraction failed", exc.message, field="file") from exc
    return extracted.text, checked.kind, checked.filename


def _clean_title(title: object) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise OpeningRejected("Validation error", "A title is required", field="title")
    if len(title) > MAX_TITLE_CHARS:
        raise OpeningRejected("Validation error", f"The title is over {MAX_TITLE_CHARS} characters", field="title")
    return title


def _clean_description(text: object) -> str:
    text = str(text or "").replace("\x00", "").strip()
    if len(text) < MIN_DESCRIPTION_CHARS:
        raise OpeningRejected(
            "Validation error", "Paste the job description's text or upload its PDF or DOCX", field="description"
        )
    if len(text) > MAX_DESCRIPTION_CHARS:
        raise OpeningRejected(
            "Validation error", f"The job description is over {MAX_DESCRIPTION_CHARS:,} characters", field="description"
        )
    return text


def requirements_parse(*, title: str, text: str) -> tuple[Requirements, str]:
    """The requirements and which parser gave them (the configured AI backend)."""
    if settings.AI_BACKEND != OPENAI:
        return parse_requirements_local(text), LOCAL_PARSER
    from analysis.matching.openai_requirements import PROMPT_VERSION, parse_requirements_openai

    try:
        requirements, _usage = parse_requirements_openai(title, text)
    except AIError as exc:
        error = DependencyFailed if exc.permanent else Unavailable
        raise error("Job description parsing failed", exc.message) from exc
    return requirements, f"openai-{PROMPT_VERSION}"


def opening_embedding(*, title: str, text: str) -> list[float] | None:
    """The mean of the description's chunk embeddings (unit length), the title leading the first."""
    chunks = chunk_text(f"{title}\n{text}")
    if not chunks:
        return None
    try:
        vectors = embed_texts([chunk.embedding_text for chunk in chunks])
    except AIError as exc:
        raise Unavailable("Embedding generation failed", exc.message) from exc
    mean = [sum(values) / len(vectors) for values in zip(*vectors, strict=True)]
    norm = sum(value * value for value in mean) ** 0.5 or 1.0
    return [value / norm for value in mean]


def opening_create(*, owner, title: object, description: object = "", uploaded: UploadedFile | None = None) -> Opening:
    title = _clean_title(title)
    source, filename = Opening.Source.TEXT, ""
    if uploaded is not None:
        description, source, filename = opening_text_from_file(uploaded=uploaded)
    text = _clean_description(description)
    requirements, parsed_by = requirements_parse(title=title, text=text)
    return Opening.objects.create(
        owner=owner,
        title=title,
        description=text,
        source=source,
        filename=filename,
        requirements=requirements.as_dict(),
        parsed_by=parsed_by,
        embedding=opening_embedding(title=title, text=text),
    )


def opening_update(*, opening: Opening, title: object = None, requirements: dict | None = None) -> Opening:
    """The recruiter's edit of the title and/or the requirements (normalised like parsed ones)."""
    fields = ["updated_at"]
    if title is not None:
        opening.title = _clean_title(title)
        fields.append("title")
    if requirements is not None:
        if not isinstance(requirements, dict):
            raise OpeningRejected("Validation error", "requirements must be an object", field="requirements")
        merged = {**(opening.requirements or {}), **requirements}
        _check_requirements(merged)
        opening.requirements = Requirements.from_dict(merged).as_dict()
        opening.edited = True
        fields += ["requirements", "edited"]
    opening.save(update_fields=fields)
    return opening


def _check_requirements(data: dict) -> None:
    """Refuse what from_dict would silently drop, so an edit is never half-applied."""
    from analysis.matching.candidates import DEGREE_ORDER

    unknown = set(data) - set(Requirements().as_dict())
    if unknown:
        raise OpeningRejected("Validation error", f"Unknown field {sorted(unknown)[0]}", field=sorted(unknown)[0])
    for name in ("required_skills", "preferred_skills"):
        value = data.get(name)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise OpeningRejected("Validation error", f"{name} must be a list of strings", field=name)
    years = data.get("min_years")
    if years is not None and (isinstance(years, bool) or not isinstance(years, int | float) or not 0 <= years <= 60):
        raise OpeningRejected("Validation error", "min_years must be a number from 0 to 60, or null", field="min_years")
    level = data.get("degree_level")
    if level is not None and level not in DEGREE_ORDER:
        raise OpeningRejected(
            "Validation error", f"degree_level must be one of {', '.join(DEGREE_ORDER)}, or null", field="degree_level"
        )
    location = data.get("location")
    if location is not None and not isinstance(location, str):
        raise OpeningRejected("Validation error", "location must be a string or null", field="location")


def opening_delete(*, opening: Opening) -> None:
    opening.delete()

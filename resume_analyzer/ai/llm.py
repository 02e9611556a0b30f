"""Calls to an OpenAI-compatible chat endpoint, with JSON-schema output validated on our side.

The `openai` client does the transport work: timeouts, and retries with exponential backoff on
connection errors, 408/409/429 and 5xx (honouring Retry-After). We map what is left to AIError.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import jsonschema
import openai
from django.conf import settings

from resume_analyzer.ai.errors import AIError

logger = logging.getLogger(__name__)
T = TypeVar("T")


def openai_client() -> openai.OpenAI:
    return openai.OpenAI(
        base_url=settings.OPENAI_BASE_URL,
        api_key=settings.OPENAI_API_KEY or "not-set",
        timeout=settings.OPENAI_TIMEOUT_SECONDS,
        max_retries=settings.OPENAI_MAX_RETRIES,
    )


def call_openai(request: Callable[[], T]) -> T:
    """Run one client call and translate its failures into AIError."""
    try:
        return request()
    except openai.APITimeoutError as exc:
        raise AIError("OpenAI API error: request timed out", permanent=False) from exc
    except openai.RateLimitError as exc:
        raise AIError("OpenAI API error: rate limited (429)", permanent=False) from exc
    except openai.APIStatusError as exc:
        transient = exc.status_code >= 500 or exc.status_code in (408, 409)
        raise AIError(f"OpenAI API error: HTTP {exc.status_code}", permanent=not transient) from exc
    except openai.APIConnectionError as exc:
        raise AIError("OpenAI API error: connection failed", permanent=False) from exc
    except openai.OpenAIError as exc:
        raise AIError(f"OpenAI API error: {exc}", permanent=True) from exc


@dataclass
class LLMResult:
    data: Any
    usage: dict[str, int] = field(default_factory=dict)


def _add_usage(total: dict[str, int], response: Any) -> None:
    usage = getattr(response, "usage", None)
    if usage is None:
        return
    for key in ("prompt_tokens", "completion_tokens", "total_tokens"):
        total[key] = total.get(key, 0) + int(getattr(usage, key, 0) or 0)


def _content(response: Any) -> str:
    try:
        return response.choices[0].message.content or ""
    except (AttributeError, IndexError) as exc:
        raise AIError("OpenAI API error: response has no message", permanent=False) from exc


def _parse(content: str, schema: dict) -> tuple[Any, str | None]:
    """The parsed document, or None and the reason it is not acceptable."""
    try:
        document = json.loads(content)
    except ValueError as exc:
        return None, f"not valid JSON ({exc})"
    try:
        jsonschema.validate(document, schema)
    except jsonschema.ValidationError as exc:
        return None, f"does not match the schema: {exc.message}"
    return document, None


def complete_json(
    *, messages: list[dict], schema: dict, schema_name: str, temperature: float = 0.2
) -> LLMResult:
    """A JSON document matching `schema`; one repair attempt when the first answer is off."""
    client = openai_client()
    usage: dict[str, int] = {}
    response_format = {
        "type": "json_schema",
        "json_schema": {"name": schema_name, "schema": schema, "strict": True},
    }
    conversation = list(messages)
    for attempt in range(2):
        response = call_openai(
            lambda conversation=conversation: client.chat.completions.create(
                model=settings.OPENAI_MODEL,
                messages=conversation,
                temperature=temperature,
                response_format=response_format,
            )
        )
        _add_usage(usage, response)
        content = _content(response)
        document, problem = _parse(content, schema)
        if problem is None:
            return LLMResult(data=document, usage=usage)
        logger.warning("LLM answer rejected (attempt %d): %s", attempt + 1, problem)
        conversation = [
            *messages,
            {"role": "assistant", "content": content[:20000]},
            {"role": "user", "content": f"Your answer was {problem}. Reply again with only JSON matching the schema."},
        ]
    raise AIError(f"OpenAI API error: invalid structured output ({problem})", permanent=True)


def complete_text(*, messages: list[dict], temperature: float = 0.7, max_tokens: int = 800) -> LLMResult:
    client = openai_client()
    usage: dict[str, int] = {}
    response = call_openai(
        lambda: client.chat.completions.create(
            model=settings.OPENAI_MODEL, messages=messages, temperature=temperature, max_tokens=max_tokens
        )
    )
    _add_usage(usage, response)
    return LLMResult(data=_content(response).strip(), usage=usage)

"""The AI backends a deployment can choose, named once.

AI_BACKEND (resume analysis, interview questions, chat answers) and EMBEDDING_BACKEND each name
one of BACKENDS. settings.py reads them through `backend_setting`, so an unknown name stops
every process (web, worker, any manage.py command) while its settings load, before it serves or
runs anything. Each consumer maps the names to its own implementations in one registry
(analysis/backends, interview/generators, chat/services, resume_analyzer/ai/embeddings) and
looks the configured one up with `pick`; a test checks every registry covers exactly BACKENDS.
"""

from collections.abc import Mapping
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from resume_analyzer.ai.errors import AIError

LOCAL = "local"
OPENAI = "openai"
BACKENDS = (LOCAL, OPENAI)

T = TypeVar("T")


def backend_setting(name: str, value: str) -> str:
    """`value` if it names a backend; otherwise the settings (and so the process) fail to load."""
    if value not in BACKENDS:
        choices = ", ".join(BACKENDS)
        raise ImproperlyConfigured(f"{name}={value!r} is not a backend; use one of: {choices}")
    return value


def pick(registry: Mapping[str, T], setting: str) -> T:
    """The registry's entry for the backend that settings.<setting> names.

    Startup already refused unknown names; a value changed after that (tests override settings)
    still fails cleanly, as a permanent AIError instead of a KeyError.
    """
    name = getattr(settings, setting)
    if name not in registry:
        raise AIError(f"unknown {setting} {name!r}", permanent=True)
    return registry[name]

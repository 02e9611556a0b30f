"""The AI backend names are defined once (resume_analyzer/ai/backends.py): an unknown AI_BACKEND
or EMBEDDING_BACKEND stops every process at startup, and every registry covers exactly them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.backends import ANALYZERS, analyze_resume
from analysis.management.commands.evaluate_parser import ANALYSERS
from chat.services import PASSAGE_ANSWERERS
from interview.generators import GENERATORS
from resume_analyzer.ai.backends import BACKENDS
from resume_analyzer.ai.embeddings import EMBEDDERS
from resume_analyzer.ai.errors import AIError

BASE_DIR = Path(__file__).resolve().parent.parent
# Entry points of the web process (the ASGI app daphne serves), the worker and manage.py.
STARTS = {
    "web": [sys.executable, "-c", "import resume_analyzer.asgi"],
    "worker": [sys.executable, "manage.py", "worker"],
    "check": [sys.executable, "manage.py", "check"],
}


def start(command: list[str], **env: str) -> subprocess.CompletedProcess:
    # A DATABASE_URL keeps the settings from starting the embedded PostgreSQL; nothing connects.
    environ = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", **env}
    return subprocess.run(
        command, cwd=BASE_DIR, env=environ, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "setting, entry",
    [("AI_BACKEND", "web"), ("AI_BACKEND", "worker"), ("AI_BACKEND", "check"),
     ("EMBEDDING_BACKEND", "check")],
)  # fmt: skip
def test_an_unknown_backend_stops_the_process_at_startup(setting, entry):
    result = start(STARTS[entry], **{setting: "nonsense"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{setting}='nonsense' is not a backend; use one of: local, openai" in result.stderr


def test_known_backends_start():
    result = start(STARTS["check"], AI_BACKEND="openai", EMBEDDING_BACKEND="local")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "registry", [ANALYZERS, GENERATORS, PASSAGE_ANSWERERS, EMBEDDERS, ANALYSERS],
    ids=["analysis", "interview", "chat", "embeddings", "evaluate_parser"],
)  # fmt: skip
def test_each_registry_covers_exactly_the_allowed_names(registry):
    assert sorted(registry) == sorted(BACKENDS)


def test_a_name_changed_after_startup_is_a_permanent_error_not_a_fallback(settings):
    settings.AI_BACKEND = "nonsense"
    with pytest.raises(AIError) as error:
        analyze_resume("Jordan Avery Lee")
    assert error.value.permanent and error.value.message == "unknown AI_BACKEND 'nonsense'"

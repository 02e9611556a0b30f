"""The layering, read statically from every import (top-level or inside a function, absolute or
relative) of every module of the apps and the project layer, migrations excluded.

- Apps depend one way: accounts ← uploads ← analysis ← {interview, chat}; an app imports only
  apps to its left, and interview and chat never import each other.
- resume_analyzer/ is the project layer every app may use; it imports apps only in its
  composition root (urls.py, asgi.py, settings.py).
- analysis/parsing/ and analysis/documents/ are plain Python: no Django (or DRF, Channels,
  django-q2...) import, and no import of a project module that is not itself Django-free.
- resume_analyzer/ has no import cycle between its modules.

Nothing is imported to find this out (no importlib, no find_spec): the source is parsed with ast.
"""

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "resume_analyzer"
# Each app and the apps it may import.
ALLOWED = {
    "accounts": set(),
    "uploads": {"accounts"},
    "analysis": {"accounts", "uploads"},
    "interview": {"accounts", "uploads", "analysis"},
    "chat": {"accounts", "uploads", "analysis"},
}
COMPOSITION_ROOT = {f"{PROJECT}/urls.py", f"{PROJECT}/asgi.py", f"{PROJECT}/settings.py"}
PLAIN_PACKAGES = ("analysis/parsing", "analysis/documents")
# Top-level packages a plain module may not import (directly or through a project module).
FRAMEWORKS = {
    "django", "rest_framework", "drf_spectacular", "channels", "channels_postgres",
    "channels_redis", "daphne", "django_q", "corsheaders", "django_htmx", "pgvector",
}


@dataclass(frozen=True)
class Import:
    path: str  # the importing file, relative to the root
    line: int
    module: str  # absolute dotted name


def module_name(rel: Path) -> str:
    parts = list(rel.with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the apps and the project layer."""
    found = {}
    for top in (*ALLOWED, PROJECT):
        for file in sorted((root / top).rglob("*.py")):
            rel = file.relative_to(root)
            if "migrations" not in rel.parts:
                found[module_name(rel)] = file
    return found


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _dynamic_import(node: ast.Call) -> str | None:
    """import_module("x") / __import__("x") with a literal name."""
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    if name in {"import_module", "__import__"} and node.args and isinstance(node.args[0], ast.Constant):
        return str(node.args[0].value)
    return None


def imports_of(file: Path, root: Path, known: set[str]) -> list[Import]:
    rel = file.relative_to(root)
    importer, is_package = module_name(rel), file.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(file.read_text(), str(file))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, importer, is_package)
            # `from pkg import sub` imports the submodule pkg.sub when there is one.
            full = [f"{base}.{a.name}" if base else a.name for a in node.names]
            names = [name if name in known or not base else base for name in full]
        elif isinstance(node, ast.Call) and (dynamic := _dynamic_import(node)):
            names = [dynamic]
        found += [Import(str(rel), node.lineno, name) for name in dict.fromkeys(names)]
    return found


def read_imports(root: Path) -> dict[str, list[Import]]:
    files = source_files(root)
    return {name: imports_of(file, root, set(files)) for name, file in files.items()}


def _top(module: str) -> str:
    return module.split(".")[0]


def direction_violations(graph: dict[str, list[Import]]) -> list[str]:
    problems = []
    for importer, imports in graph.items():
        layer = _top(importer)
        for imp in imports:
            target = _top(imp.module)
            if target == layer or target not in ALLOWED:
                continue
            if layer == PROJECT and imp.path not in COMPOSITION_ROOT:
                problems.append(f"{imp.path}:{imp.line} project layer imports app {imp.module}")
            elif layer in ALLOWED and target not in ALLOWED[layer]:
                problems.append(f"{imp.path}:{imp.line} {layer} imports {imp.module} (against the direction)")
    return problems


def _framework_chain(module: str, graph: dict[str, list[Import]], seen: set[str]) -> list[Import]:
    """The imports leading from `module` to a framework import, [] when it is Django-free."""
    seen.add(module)
    for imp in graph.get(module, []):
        if _top(imp.module) in FRAMEWORKS:
            return [imp]
        for target in _loaded(imp.module, graph):
            if target not in seen and (chain := _framework_chain(target, graph, seen)):
                return [imp, *chain]
    return []


def _project_module(name: str, graph: dict[str, list[Import]]) -> str | None:
    """The project module an import name loads (a.b.c may name a function in module a.b)."""
    while name and name not in graph:
        name = name.rpartition(".")[0]
    return name or None


def _loaded(name: str, graph: dict[str, list[Import]]) -> list[str]:
    """Every project module importing `name` runs: its packages' __init__ first, then itself."""
    module = _project_module(name, graph)
    if module is None:
        return []
    parts = module.split(".")
    return [p for p in (".".join(parts[: i + 1]) for i in range(len(parts))) if p in graph]


def plain_violations(graph: dict[str, list[Import]], root: Path) -> list[str]:
    problems = []
    for package in PLAIN_PACKAGES:
        prefix = package.replace("/", ".")
        for module in sorted(m for m in graph if m == prefix or m.startswith(prefix + ".")):
            # The module itself first, then the packages above it that importing it also runs.
            runs = [module, *(package for package in _loaded(module, graph) if package != module)]
            chains = (_framework_chain(loaded, graph, set()) for loaded in runs)
            if chain := next((chain for chain in chains if chain), None):
                route = " -> ".join(f"{imp.module} ({imp.path}:{imp.line})" for imp in chain)
                problems.append(f"{chain[0].path}:{chain[0].line} {package} is not Django-free: {route}")
    return problems


def project_cycles(graph: dict[str, list[Import]]) -> list[str]:
    """Import cycles between modules of the project layer, each as a path of modules."""
    edges = {
        module: {t for imp in imports if (t := _project_module(imp.module, graph)) and t != module}
        for module, imports in graph.items()
        if _top(module) == PROJECT
    }
    cycles, done = [], set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append(" -> ".join(path[path.index(module):] + [module]))
            return
        if module in done:
            return
        for target in sorted(edges.get(module, ())):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return cycles


# --- the rules on this code base ------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> dict[str, list[Import]]:
    return read_imports(ROOT)


def test_apps_import_only_in_the_allowed_direction(graph):
    assert direction_violations(graph) == []


def test_plain_python_packages_import_no_framework(graph):
    assert plain_violations(graph, ROOT) == []


def test_the_plain_python_packages_exist():
    for package in PLAIN_PACKAGES:
        assert (ROOT / package / "__init__.py").is_file(), f"{package} is missing"


def test_the_project_layer_has_no_import_cycle(graph):
    assert project_cycles(graph) == []


def test_every_module_is_read(graph):
    assert {"accounts.views", "analysis.services", "chat.apps", "resume_analyzer.urls"} <= set(graph)
    assert not any(".migrations." in module for module in graph)


# --- the checker catches what it should -----------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for top in (*ALLOWED, PROJECT):
        (tmp_path / top).mkdir()
        (tmp_path / top / "__init__.py").write_text("")
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(textwrap.dedent(text))
    return tmp_path


def test_the_checker_finds_planted_violations(tmp_path):
    root = _tree(tmp_path, {
        "accounts/views.py": "def panel():\n    from analysis.models import Job\n",
        "analysis/services.py": "import chat.events\n",
        "interview/x.py": "from chat import y\n",
        "uploads/ok.py": "from accounts.models import User\nfrom resume_analyzer import text\n",
        "resume_analyzer/run.py": "from importlib import import_module\nimport_module('accounts.services')\n",
        "resume_analyzer/urls.py": "from accounts.urls import api\n",
        "bench/ignored.py": "import chat\n",
        "chat/migrations/0001_initial.py": "import interview\n",
    })
    assert direction_violations(read_imports(root)) == [
        "accounts/views.py:2 accounts imports analysis.models (against the direction)",
        "analysis/services.py:1 analysis imports chat.events (against the direction)",
        "interview/x.py:1 interview imports chat (against the direction)",
        "resume_analyzer/run.py:2 project layer imports app accounts.services",
    ]


def test_the_checker_resolves_relative_imports(tmp_path):
    root = _tree(tmp_path, {
        "uploads/sub/__init__.py": "from .. import views\n",
        "uploads/sub/mod.py": "from ..views import page\nfrom . import helper\nfrom .helper import f\n",
        "uploads/sub/helper.py": "",
        "uploads/views.py": "",
        "analysis/parsing/__init__.py": "",
        "analysis/parsing/dates.py": "def f():\n    from ..models import Job\n",
        "analysis/models.py": "from django.db import models\n",
    })
    graph = read_imports(root)
    assert [imp.module for imp in graph["uploads.sub"]] == ["uploads.views"]
    assert [imp.module for imp in graph["uploads.sub.mod"]] == ["uploads.views", "uploads.sub.helper", "uploads.sub.helper"]
    assert plain_violations(graph, root) == [
        "analysis/parsing/dates.py:2 analysis/parsing is not Django-free: "
        "analysis.models (analysis/parsing/dates.py:2) -> django.db (analysis/models.py:1)"
    ]


def test_the_checker_finds_framework_imports_in_plain_packages(tmp_path):
    root = _tree(tmp_path, {
        "analysis/parsing/__init__.py": "",
        "analysis/parsing/direct.py": "def f():\n    from django.conf import settings\n",
        "analysis/parsing/through.py": "from analysis.helpers import clean\n",
        "analysis/parsing/fine.py": "import re\nfrom . import plain\n",
        "analysis/parsing/plain.py": "import json\n",
        "analysis/helpers.py": "from analysis.models import Job\ndef clean(): ...\n",
        "analysis/models.py": "from django.db import models\n",
        "analysis/documents/__init__.py": "from .reader import read\n",
        "analysis/documents/reader.py": "from rest_framework import parsers\n",
    })
    problems = plain_violations(read_imports(root), root)
    assert [problem.split(" is not")[0] for problem in problems] == [
        "analysis/parsing/direct.py:2 analysis/parsing",
        "analysis/parsing/through.py:1 analysis/parsing",
        "analysis/documents/__init__.py:1 analysis/documents",
        "analysis/documents/reader.py:1 analysis/documents",
    ]
    assert "analysis.models (analysis/helpers.py:1) -> django.db" in problems[1]


def test_the_checker_finds_project_cycles(tmp_path):
    root = _tree(tmp_path, {
        "resume_analyzer/a.py": "from resume_analyzer.b import x\n",
        "resume_analyzer/b.py": "def f():\n    from resume_analyzer import a\n",
        "resume_analyzer/c.py": "from resume_analyzer.a import y\n",
    })
    assert project_cycles(read_imports(root)) == ["resume_analyzer.a -> resume_analyzer.b -> resume_analyzer.a"]

"""Libraries whose internals we patch or lean on are pinned exactly, and installed at that pin.

Moving a pin means re-reading each patch against the new version's code first; this test is what
makes that step impossible to skip.
"""

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
# distribution -> where we depend on its internals (each place says why and what would retire it)
PATCHED = {
    "channels-postgres": "chat/layers.py",
    "daphne": "resume_analyzer/body_limit.py, resume_analyzer/server.py",
    "twisted": "resume_analyzer/body_limit.py",
    "django": "uploads/parsers.py",
    "djangorestframework": "accounts/throttling.py",
    "python-docx": "analysis/documents/extraction.py, analysis/exports/word.py",
}


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(line) for line in project["dependencies"]]
    return {_normalised(requirement.name): requirement for requirement in requirements}


def exact_pin(requirement: Requirement) -> str | None:
    specifiers = list(requirement.specifier)
    if len(specifiers) == 1 and specifiers[0].operator == "==" and "*" not in specifiers[0].version:
        return specifiers[0].version
    return None


@pytest.mark.parametrize("name", sorted(PATCHED))
def test_a_patched_library_is_pinned_exactly(name):
    requirement = declared().get(name)
    assert requirement is not None, f"{name} ({PATCHED[name]}) is not a declared dependency"
    assert exact_pin(requirement), f"{requirement} must be pinned with == ({PATCHED[name]} patches it)"


@pytest.mark.parametrize("name", sorted(PATCHED))
def test_the_installed_version_is_the_pinned_one(name):
    pinned = exact_pin(declared()[name])
    installed = importlib.metadata.version(name)
    assert installed == pinned, (
        f"{name} {installed} is installed but {pinned} is pinned: re-check {PATCHED[name]} "
        "against the installed version, then move the pin"
    )


def test_the_patch_sites_name_their_pin():
    for name, places in PATCHED.items():
        for place in places.split(", "):
            text = " ".join((ROOT / place).read_text().split())  # comments wrap
            assert "pinned exactly" in text and "test_dependencies" in text, (name, place)


def test_a_range_is_not_an_exact_pin():
    assert exact_pin(Requirement("daphne==4.2.3")) == "4.2.3"
    for loose in ("daphne>=4.1", "daphne==4.*", "daphne>=4.1,<5", "daphne"):
        assert exact_pin(Requirement(loose)) is None, loose

"""A fresh install takes the newest version each dependency allows, so each one carries an upper bound."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


def _requirements() -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    found = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        found.extend(extra)
    return found


def test_every_dependency_has_an_upper_bound() -> None:
    requirements = _requirements()
    assert len(requirements) > 20
    unbounded = [r for r in requirements if not re.search(r"(<|==)\s*[0-9]", r.split(";")[0])]
    assert unbounded == []

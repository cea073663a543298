"""docs/cli.md and docs/api.md are what docs/gen_reference.py generates from the code: every command and option,
every API route. After changing a command or a route, run `.venv/bin/python docs/gen_reference.py`."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

DOCS = Path(__file__).parents[1] / "docs"
GENERATOR = runpy.run_path(str(DOCS / "gen_reference.py"))


@pytest.mark.parametrize("file_name", sorted(GENERATOR["REFERENCES"]))
def test_the_committed_reference_is_what_the_code_generates(file_name: str) -> None:
    generated = GENERATOR["REFERENCES"][file_name]()
    committed = (DOCS / file_name).read_text(encoding="utf-8")
    assert committed == generated, f"docs/{file_name} is out of date: run .venv/bin/python docs/gen_reference.py"


def test_the_references_hold_every_command_and_route() -> None:
    from klantstem.cli.main import COMMANDS

    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    assert all(f"`klantstem {name}`" in cli for name in COMMANDS)
    for heading in ("`klantstem import contacts`", "`klantstem process analyze`", "`--progress`, `--quiet`",
                    "`klantstem customer delegate add`"):  # fmt: skip
        assert heading in cli
    for route in ("`GET /api/health`", "`POST /api/customers/{customer_id}/contacts`", "`GET /api/report`"):
        assert route in api

"""Fixtures for the import tests: run the CLI against the test database, count every table."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from klantstem.cli.main import main
from klantstem.db import schema


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.out)
        return result


@pytest.fixture
def examples() -> Path:
    """The example files that docs/import.md shows."""
    return Path(__file__).parents[1] / "data" / "imports"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db_url: str, engine: Engine) -> Callable[..., Run]:
    """Run `klantstem import KIND FILE --db <test database> [args]` in-process; exit code and output.

    Depends on `engine` so the database exists (migrated) before the first import.
    """

    def run(kind: str, path: Path | str, *args: str) -> Run:
        capsys.readouterr()
        code = main(["import", kind, str(path), "--db", db_url, *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def counts(engine: Engine) -> Callable[[], dict[str, int]]:
    """Rows per table, for every table of the schema."""

    def count() -> dict[str, int]:
        with engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in schema.metadata.tables.items()
            }

    return count

"""The bad-file corpus (tests/data/bad, written by the project) through every import.

Each file is refused by every import with one line on stderr naming the file, exit code 2, no traceback, and the
database exactly as before; by the import it was written for, with the line, field and reason listed in
expected.json.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parents[1] / "data" / "bad"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text())
IMPORTS = ("contacts", "stories", "events")
Counts = Callable[[], dict[str, int]]


def test_every_file_in_the_corpus_is_listed() -> None:
    files = {path.name for path in CORPUS.iterdir() if path.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.fixture
def before(cli: Any, examples: Path, counts: Counts) -> dict[str, int]:
    """A database that already holds something, so 'as before' is not simply 'empty'."""
    assert cli("contacts", examples / "contacts_example.csv").code == 0
    assert cli("events", Path(__file__).parents[1] / "data" / "events" / "small.csv").code == 0
    return counts()


def _one_line(result: Any, path: Path) -> str:
    assert result.code == 2, (path.name, result.out, result.err)
    message: str = result.err.strip()
    assert "\n" not in message and "Traceback" not in message, message
    assert message.startswith(f"error: {path}"), message
    return message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_refused_by_the_import_it_was_written_for(
    name: str, cli: Any, counts: Counts, before: dict[str, int]
) -> None:
    expected = EXPECTED[name]
    path = CORPUS / name
    message = _one_line(cli(expected["import"], path), path)
    if expected["line"] is not None:
        assert f"line {expected['line']}" in message, message
    if expected["field"] is not None:
        assert f"field '{expected['field']}'" in message, message
    assert expected["says"] in message
    assert counts() == before


@pytest.mark.parametrize("kind", IMPORTS)
def test_refused_by_every_import(kind: str, cli: Any, counts: Counts, before: dict[str, int]) -> None:
    for name in sorted(EXPECTED):
        _one_line(cli(kind, CORPUS / name), CORPUS / name)
        assert counts() == before, name

"""docs/import.md documents every column, its channel table is what the import accepts, and its examples are the
example files the other tests import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klantstem.imports import values
from klantstem.imports.service import column_sets

ROOT = Path(__file__).parents[2]
DOC = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "heading"), [("contacts", "## Contact columns"), ("stories", "## Story columns")])
def test_every_column_is_documented_with_whether_it_is_required(kind: str, heading: str) -> None:
    section = DOC.split(heading)[1].split("\n## ")[0]
    for spec in column_sets()[kind]:
        row = re.search(rf"^\| `{spec.name}` \| ([^|]*)\|", section, re.MULTILINE)
        assert row is not None, spec.name
        assert (row.group(1).strip() == "yes") == spec.required or spec.name == "description", spec.name


def test_the_channel_table_is_what_the_import_accepts() -> None:
    channels = values.channels()
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|$", DOC, re.MULTILINE)
    documented = {stored for stored, _ in rows}
    assert documented == set(channels.stored)
    for stored, words in rows:
        for word in words.split(", "):
            assert channels.read(word) == stored, word


def test_examples_are_the_example_files() -> None:
    blocks = re.findall(r"<!-- example: (\S+) -->\n```\n(.*?)```", DOC, re.DOTALL)
    assert len(blocks) == 3
    for name, content in blocks:
        assert (ROOT / name).read_text(encoding="utf-8") == content, name

"""Stories to analyse from a file or a stream: plain text (one story per line), JSON Lines or CSV.

JSON Lines and CSV rows need a `text` field and may carry an `id` and a `context` (the whole story the text is
one part of, which a trained model reads it in); plain lines are numbered from 1.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from klantstem.errors import ImportFileError

Story = tuple[Any, str, str]  # id, text, context ("" when the text is the whole story)


def iter_stories(stream: TextIO, name: str, kind: str | None = None) -> Iterator[Story]:
    """(id, text, context) per story. `kind` is "txt", "jsonl" or "csv"; None guesses from the name and first line."""
    lines = iter(stream)
    first = next(lines, None)
    if first is None:
        return
    kind = kind or _guess(name, first)
    rest = _chain(first, lines)
    if kind == "csv":
        yield from _csv(rest, name)
    elif kind == "jsonl":
        yield from _jsonl(rest, name)
    else:
        for n, line in enumerate(rest, start=1):
            yield n, line.rstrip("\r\n"), ""


def _guess(name: str, first: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson")) or first.lstrip().startswith("{"):
        return "jsonl"
    return "txt"


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def _jsonl(lines: Iterable[str], name: str) -> Iterator[Story]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFileError(name, f"not valid JSON: {exc.msg}", line=n) from None
        if not isinstance(record, dict) or not isinstance(record.get("text", ""), str):
            raise ImportFileError(name, "each line must be an object with a string 'text'", line=n, field="text")
        if not isinstance(record.get("context") or "", str):
            raise ImportFileError(name, "'context' must be a string", line=n, field="context")
        yield record.get("id", n), record.get("text") or "", record.get("context") or ""


def _csv(lines: Iterable[str], name: str) -> Iterator[Story]:
    reader = csv.DictReader(lines)
    if "text" not in (reader.fieldnames or ()):
        raise ImportFileError(name, "missing column 'text'", line=1, field="text")
    for row in reader:
        yield row.get("id") or reader.line_num, row.get("text") or "", row.get("context") or ""

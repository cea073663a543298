"""Stories to analyse from a file or a stream: plain text (one story per line), JSON Lines or CSV.

JSON Lines and CSV rows need a `text` field and may carry an `id` and a `context` (the whole story the text is
one part of, which a trained model reads it in). A story without an id gets its line number in the file (so a
CSV's first row is 2, after its header). Blank lines are no stories. Bytes are read line by line as UTF-8, and a
line that is not valid UTF-8 as Windows-1252, as a customer's export often is.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from klantstem.encoding import UTF8, UTF16_REFUSED, WINDOWS_1252, is_utf16
from klantstem.errors import ImportFileError

Story = tuple[Any, str, str]  # id, text, context ("" when the text is the whole story)


def decoded_lines(stream: Iterable[bytes], name: str) -> Iterator[str]:
    """The lines of a byte stream as text, each with its line end: UTF-8 (a byte-order mark at the start is
    dropped), else Windows-1252 with any byte it does not define replaced. UTF-16 is refused."""
    for n, raw in enumerate(stream):
        if n == 0 and is_utf16(raw):
            raise ImportFileError(name, UTF16_REFUSED)
        line = raw.removeprefix(codecs.BOM_UTF8) if n == 0 else raw
        try:
            yield line.decode(UTF8)
        except UnicodeDecodeError:
            yield line.decode(WINDOWS_1252, errors="replace")


def iter_stories(lines: Iterable[str], name: str, kind: str | None = None) -> Iterator[Story]:
    """(id, text, context) per story. `kind` is "txt", "jsonl" or "csv"; None guesses from the name and first line."""
    lines = iter(lines)
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
            if line.strip():
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

"""Reading CSV, XLSX and JSON Lines files into numbered records, without knowing what the columns mean.

A CSV's delimiter is sniffed from its header among `,` `;` tab and `|`. Records carry the line they start
on (the row number in a workbook), so every error can name it. A record is a list of cells (CSV, XLSX), a
dict (JSON Lines), or a `BadRecord` when the line itself cannot be read (the caller decides whether that
fails the import or is rejected).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from klantstem.delimited import (
    QUOTE_CLOSED_EARLY,
    QUOTE_NEVER_CLOSED,
    LineSpans,
    QuoteProblem,
    closed_early,
    ended_inside_quote,
    sniff_delimiter,
    strict_reader,
)
from klantstem.errors import ImportFileError
from klantstem.imports.encoding import file_sha256, inspect_text_file
from klantstem.imports.workbook import check_workbook

# csv refuses longer fields outright; shorter ones reach the column checks, which apply the real limit.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
NUL_REFUSED = "contains a NUL character, which is not text and cannot be stored"
FileKind = Literal["csv", "xlsx", "jsonl"]
SUFFIXES: dict[str, FileKind] = {
    ".csv": "csv", ".txt": "csv", ".tsv": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip


@dataclass(frozen=True)
class BadRecord:
    reason: str
    field: str | None = None


Record = list[Any] | dict[str, Any] | BadRecord


@dataclass
class TabularFile:
    path: Path
    kind: FileKind
    sha256: str
    size: int
    total_lines: int | None  # for progress; None when unknown
    header: list[str]  # the header row, or the keys of the first JSON object
    header_line: int
    records: Iterator[tuple[int, Record]]
    bare_cr: bool = False  # a carriage return not followed by a line feed: CSV ends a row there


def kind_of(path: Path) -> FileKind:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(SUFFIXES))
        raise ImportFileError(str(path), f"unknown file type {path.suffix or '(none)'!r}; use one of {known}")
    return kind


@contextmanager
def open_tabular(path: Path) -> Iterator[TabularFile]:
    """Open a CSV, XLSX or JSON Lines file; raises ImportFileError when it has nothing to read."""
    kind = kind_of(path)
    if kind == "xlsx":
        with _open_xlsx(path) as table:
            yield table
        return
    facts = inspect_text_file(path)
    with path.open("r", encoding=facts.encoding, newline="") as stream:
        if kind == "csv":
            header, header_line, records = _read_csv(path, stream, facts.holds_nul)
        else:
            header, header_line, records = _read_jsonl(path, stream)
        table = TabularFile(path, kind, facts.sha256, facts.size, facts.lines, header, header_line, records)
        table.bare_cr = facts.bare_cr
        yield table


def _read_csv(
    path: Path, stream: io.TextIOBase, holds_nul: bool = False
) -> tuple[list[str], int, Iterator[tuple[int, Record]]]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    if not first:
        raise ImportFileError(str(path), "the file is empty; it needs a header row and at least one row", line=1)
    stream.seek(0)
    reader = strict_reader(stream, sniff_delimiter(first.rstrip("\r\n")))
    numbered = _numbered(path, reader)
    for header_line, header in numbered:
        if any(cell.strip() for cell in header):
            return header, header_line, (_nul_refused(numbered, header) if holds_nul else numbered)
    raise ImportFileError(str(path), "the file is empty; it needs a header row and at least one row", line=1)


def _numbered(path: Path, reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows that hold something, with the line they start on; a csv error, or a quote that breaks
    klantstem.delimited's rule, becomes an ImportFileError naming its line."""
    end = 0
    spans = LineSpans()
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            spans.record(start, end)
            if any(row) and (len(row) > 1 or row[0].strip()):
                yield start, row
        spans.finish()
    except QuoteProblem as problem:
        raise ImportFileError(str(path), problem.reason, line=problem.line) from None
    except csv.Error as exc:
        if ended_inside_quote(exc):
            raise ImportFileError(str(path), QUOTE_NEVER_CLOSED, line=end + 1) from None
        if closed_early(exc):
            raise ImportFileError(str(path), QUOTE_CLOSED_EARLY, line=end + 1) from None
        reason = str(exc)
        if "field limit" in reason:
            reason = f"a field is longer than {CSV_FIELD_LIMIT // (1024 * 1024)} MB"
        raise ImportFileError(str(path), f"cannot read this line as CSV: {reason}", line=end + 1) from None


def _nul_refused(rows: Iterator[tuple[int, list[str]]], header: list[str]) -> Iterator[tuple[int, Record]]:
    """The rows, with a row that holds a NUL character as a BadRecord naming its column (only files with a
    NUL byte pay for this look)."""
    for line, row in rows:
        column = next((index for index, cell in enumerate(row) if "\x00" in cell), None)
        if column is None:
            yield line, row
            continue
        field = header[column] if column < len(header) else f"column {column + 1}"
        yield line, BadRecord(NUL_REFUSED, field)


def _read_jsonl(path: Path, stream: io.TextIOBase) -> tuple[list[str], int, Iterator[tuple[int, Record]]]:
    header: list[str] = []
    header_line = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        header_line = header_line or number
        record = _json_record(line)
        if isinstance(record, dict):
            header, header_line = [str(key) for key in record], number
            break
    if not header_line:
        raise ImportFileError(str(path), "the file is empty; it needs at least one JSON object", line=1)
    stream.seek(0)
    return header, header_line, _jsonl_records(stream)


def _jsonl_records(stream: io.TextIOBase) -> Iterator[tuple[int, Record]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, _json_record(line)


def _json_record(line: str) -> Record:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadRecord(f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
    except RecursionError:
        return BadRecord("not valid JSON here: nested too deeply")
    except ValueError:  # a whole number longer than Python reads (4,300 digits)
        return BadRecord("not valid JSON here: a number with too many digits")
    if not isinstance(value, dict):
        return BadRecord(f"a line must hold one JSON object, not {type(value).__name__}")
    if "\\u0000" in line and _holds_nul(value):
        return BadRecord(NUL_REFUSED)
    return value


def _holds_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


@contextmanager
def _open_xlsx(path: Path) -> Iterator[TabularFile]:
    import openpyxl  # imported here: loading it costs time that CSV imports do not need

    sha256, size = file_sha256(path)
    check_workbook(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(str(path), f"not a readable XLSX workbook ({type(exc).__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = _xlsx_rows(sheet.iter_rows(values_only=True))
        header_line, header = next(rows, (0, []))
        if not header_line:
            raise ImportFileError(str(path), "the workbook's first sheet is empty", line=1)
        names = ["" if cell is None else str(cell).strip() for cell in header]
        while names and not names[-1]:
            names.pop()
        total = sheet.max_row if isinstance(sheet.max_row, int) else None
        yield TabularFile(path, "xlsx", sha256, size, total, names, header_line, _padded(rows, len(names)))
    finally:
        workbook.close()


def _xlsx_rows(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[Any]]]:
    for number, row in enumerate(rows, start=1):
        if any(cell is not None and (not isinstance(cell, str) or cell.strip()) for cell in row):
            yield number, list(row)


def _padded(rows: Iterator[tuple[int, list[Any]]], width: int) -> Iterator[tuple[int, Record]]:
    for number, row in rows:
        if len(row) < width:
            row.extend([None] * (width - len(row)))
        yield number, row

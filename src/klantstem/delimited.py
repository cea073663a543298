"""Delimited text files (CSV): the one rule for the delimiter and the one rule for quotes that every import follows,
and the one way every CSV export is written so that a spreadsheet program runs nothing from customer words.

The delimiter is the candidate (`,` `;` tab `|`) that splits the header row into the most fields, read as CSV, so a
quoted header field holding commas does not count its commas; `,` when none splits it.

A quoted field may hold line breaks, but a quote that is never closed swallows the lines after it into one field,
so the rows after it are silently lost. Therefore a quoted field that runs to the end of the file is an error, and so
is a closing quote followed by more text in the same field. A quoted field that runs over a line end in a file where
no other field does is an error too, in every import: one such field is far more often a missing closing quote,
whose closing partner further down swallowed whole rows into one text, than a real multi-line value; real letters
and notes with line breaks come in numbers, and a file holding just one of them can be imported from XLSX or JSON
Lines, where a line break cannot be mistaken. Each error names the line where the quote opened.
"""

from __future__ import annotations

import csv
import io
import re
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

DELIMITERS = (",", ";", "\t", "|")
QUOTE_NEVER_CLOSED = "a quoted field opened on this line is never closed (it runs to the end of the file)"
QUOTE_CLOSED_EARLY = (
    "a quoted field opened on this line is closed before the field ends; write a quote inside a quoted field as two"
)
QUOTE_RUNS_OVER = (
    "a quoted field opened on this line runs over the line end, and no other field in the file does: "
    "is a closing quote missing?"
)


def sniff_delimiter(header: str) -> str:
    """The candidate delimiter that splits the header into the most fields (`,` when none splits it)."""
    best, best_count = ",", 1
    for delimiter in DELIMITERS:
        count = len(next(csv.reader([header], delimiter=delimiter), []))
        if count > best_count:
            best, best_count = delimiter, count
    return best


class QuoteProblem(ValueError):
    """A quote that breaks the rule above: `line` is where it opened."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


class LineSpans:
    """Follows the records of a file (first and last line of each) and applies the quote rule at the end."""

    def __init__(self) -> None:
        self.multi_line = 0  # records that run over a line end
        self.first_opened: int | None = None  # the first line of the first such record

    def record(self, first: int, last: int) -> None:
        if last > first:
            self.multi_line += 1
            if self.first_opened is None:
                self.first_opened = first

    def finish(self) -> None:
        """Raises QuoteProblem when exactly one record of the file runs over a line end."""
        if self.multi_line == 1 and self.first_opened is not None:
            raise QuoteProblem(self.first_opened, QUOTE_RUNS_OVER)


def strict_reader(lines: Iterable[str], delimiter: str) -> Any:
    """A csv reader that refuses a quote left open at the end of the file (see `ended_inside_quote`)."""
    return csv.reader(lines, delimiter=delimiter, strict=True)


def ended_inside_quote(error: csv.Error) -> bool:
    return "unexpected end of data" in str(error)


def closed_early(error: csv.Error) -> bool:
    return "expected after" in str(error)


def record_lines(lines: Iterable[str], delimiter: str) -> array[int]:
    """Read a whole file's text as CSV and apply the quote rule: the line each record that holds something starts
    on (the header first; empty lines are no records). Raises QuoteProblem (other csv errors pass through as
    csv.Error)."""
    spans = LineSpans()
    reader = strict_reader(lines, delimiter)
    starts = array("q")
    last = 0
    try:
        for row in reader:
            spans.record(last + 1, reader.line_num)
            if row:
                starts.append(last + 1)
            last = reader.line_num
    except csv.Error as exc:
        if ended_inside_quote(exc):
            raise QuoteProblem(last + 1, QUOTE_NEVER_CLOSED) from None
        if closed_early(exc):
            raise QuoteProblem(last + 1, QUOTE_CLOSED_EARLY) from None
        raise
    spans.finish()
    return starts


# A cell a spreadsheet program would read as a formula starts with one of these; it may start at the start of a
# value or after any separator a spreadsheet program might split on (`,` `;` tab, a line break) when it ignores
# the quotes.
_FORMULA_START = re.compile(r"(^|[,;\t\r\n])([=+\-@\t\r])")


def spreadsheet_cell(value: object) -> str:
    """A value as text that no spreadsheet program reads as a formula: a `'` before each formula start."""
    text = "" if value is None else str(value)
    return _FORMULA_START.sub(r"\1'\2", text)


def spreadsheet_csv(rows: Iterable[Sequence[object]]) -> str:
    """CSV for people who open it in a spreadsheet program: every field quoted (so neither `,` nor `;`, the Dutch
    list separator, splits a value) and every formula start neutralised (`spreadsheet_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
    return out.getvalue()

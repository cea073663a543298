"""The documented column sets of the contact and story imports, and how a file's header maps onto them.

A file's column matches a known column when their names are equal ignoring case, surrounding spaces, and
spaces or hyphens versus underscores ("Occurred at" is `occurred_at`). `--map NAME=COLUMN` names the file's
column for a known column when the file calls it something else. docs/import.md lists every column (a test
checks that it does).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from klantstem.errors import ImportFileError, UserInputError


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    required: bool
    format: str
    meaning: str


_IDENTITY = (
    ColumnSpec("customer_ref", False, "text, at most 320 characters", "the customer's id in the source system"),
    ColumnSpec("email", False, "e-mail address", "the customer's e-mail address (trimmed, lower-cased)"),
    ColumnSpec("phone", False, "phone number", "the customer's phone number; stored in E.164"),
    ColumnSpec("name", False, "text, at most 200 characters", "the customer's name (used for a new customer)"),
    ColumnSpec("postcode", False, "postcode, at most 12 characters", "the customer's postcode (new customer)"),
)

CONTACT_COLUMNS: tuple[ColumnSpec, ...] = _IDENTITY + (
    ColumnSpec("channel", True, "channel name", "phone, email, whatsapp, web_form, letter, visit, ..."),
    ColumnSpec("direction", False, "inbound or outbound", "who started the contact; default inbound"),
    ColumnSpec("occurred_at", True, "date and time", "when the contact took place"),
    ColumnSpec("department", False, "text, at most 200 characters", "the department that handled it"),
    ColumnSpec("staff", False, "text, at most 200 characters", "the staff member's name"),
    ColumnSpec("case_ref", False, "text, at most 100 characters", "the case (matter) in the source system"),
    ColumnSpec("subject", False, "text, at most 300 characters", "a short subject line"),
    ColumnSpec("text", False, "text, at most 1,000,000 characters", "what was said or written"),
    ColumnSpec("third_party", False, "text, at most 200 characters", "a dealer, supplier or other party"),
)

STORY_COLUMNS: tuple[ColumnSpec, ...] = _IDENTITY + (
    ColumnSpec("story_ref", False, "text, at most 100 characters", "groups the rows (steps) of one story"),
    ColumnSpec("perspective", False, "customer or staff", "whose account it is; default customer"),
    ColumnSpec("source", False, "text, at most 50 characters", "interview, survey, web_form, ...; default import"),
    ColumnSpec("channel", False, "channel name", "the channel the story came in by"),
    ColumnSpec("told_at", True, "date and time", "when the story was told"),
    ColumnSpec("title", False, "text, at most 300 characters", "a short title"),
    ColumnSpec("text", False, "text, at most 1,000,000 characters", "the story as told"),
    ColumnSpec("summary", False, "text, at most 1,000,000 characters", "the summary read back to the narrator"),
    ColumnSpec("summary_confirmed", False, "yes or no", "whether the narrator confirmed the summary"),
    ColumnSpec("case_ref", False, "text, at most 100 characters", "the case the story is about"),
    ColumnSpec("staff", False, "text, at most 200 characters", "the narrator, for a staff member's account"),
)

STEP_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("position", False, "whole number from 1", "the step's place in the story; default file order"),
    ColumnSpec("description", False, "text, at most 1,000,000 characters", "what happened in this step"),
    ColumnSpec("happened_at", False, "date and time", "when the step happened"),
    ColumnSpec("appraisal", False, "bad, normal or excellent", "how the narrator judged this step"),
    ColumnSpec("department", False, "text, at most 200 characters", "the department of this step"),
)

_SEPARATORS = re.compile(r"[\s\-]+")


def column_key(header: str) -> str:
    """The name a header cell is matched by: lower case, spaces and hyphens as underscores."""
    return _SEPARATORS.sub("_", header.strip().lower())


def parse_map_options(options: Sequence[str], specs: Sequence[ColumnSpec]) -> dict[str, str]:
    """`["occurred_at=Datum", ...]` -> {"occurred_at": "Datum"}; raises UserInputError for a bad option."""
    known = {spec.name for spec in specs}
    mapping: dict[str, str] = {}
    for option in options:
        name, equals, column = option.partition("=")
        name, column = column_key(name), column.strip()
        if not equals or not name or not column:
            raise UserInputError(f"column mapping {option!r}: write it as NAME=COLUMN, e.g. occurred_at=Datum")
        if name not in known:
            names = ", ".join(sorted(known))
            raise UserInputError(f"column mapping {option!r}: {name!r} is not a column of this import; known: {names}")
        if name in mapping:
            raise UserInputError(f"the column mapping gives {name!r} twice")
        mapping[name] = column
    return mapping


Picked = Sequence[Any]  # one row's raw values, in the order of ColumnMap.names


@dataclass(frozen=True)
class ColumnMap:
    """Where each known column is in a file's rows. Pickers turn one row into its values in `names` order,
    None for a column the row does not have."""

    names: tuple[str, ...]  # every known column (then the nested keys), in the documented order
    positions: tuple[int | None, ...]  # each name's place in a header row; None when the file lacks it
    sources: tuple[str, ...]  # each name's key in keyed rows (JSON Lines)
    width: int  # number of columns in the header row (0 for keyed rows)
    ignored: tuple[str, ...]  # the file's columns that no known column uses

    def list_picker(self) -> Callable[[list[Any]], Picked]:
        """A picker for positional rows (CSV, XLSX) of exactly `width` cells; it appends one empty cell."""
        spare = self.width  # the appended cell, read for every column the file does not have
        places = [spare if place is None else place for place in self.positions]
        if len(places) == 1:
            only = places[0]
            return lambda row: (row[only],) if only < len(row) else (None,)
        getter: Any = operator.itemgetter(*places)

        def pick(row: list[Any]) -> Picked:
            row.append(None)
            return getter(row)  # type: ignore[no-any-return]

        return pick

    def dict_picker(self) -> Callable[[Mapping[str, Any]], Picked]:
        """A picker for keyed rows (JSON Lines)."""
        sources = self.sources
        return lambda row: [row.get(key) for key in sources]

    def as_dict(self, values: Picked) -> dict[str, Any]:
        """{name: value} for the names a row has a value for."""
        return {name: value for name, value in zip(self.names, values, strict=False) if value is not None}


def map_columns(
    path: str,
    header: Sequence[str],
    header_line: int,
    specs: Sequence[ColumnSpec],
    mapping: Mapping[str, str],
) -> ColumnMap:
    """Match a header row to the known columns; raises ImportFileError naming the header line and column."""
    by_key: dict[str, int] = {}
    for position, cell in enumerate(header):
        key = column_key(cell)
        if key and key in by_key:
            raise ImportFileError(path, f"the column {cell!r} appears twice", line=header_line, field=cell)
        by_key[key] = position
    chosen: dict[str, int] = {}
    for name, column in mapping.items():
        found = by_key.get(column_key(column))
        if found is None:
            raise ImportFileError(
                path, f"column mapping {name}={column}: the file has no column {column!r}{_found(header)}",
                line=header_line, field=column,
            )  # fmt: skip
        chosen[name] = found
    mapped = set(chosen.values())
    for spec in specs:
        found = by_key.get(spec.name)
        if spec.name not in chosen and found is not None and found not in mapped:
            chosen[spec.name] = found
    _check_required(path, header, header_line, specs, chosen)
    used = set(chosen.values())
    names = tuple(spec.name for spec in specs)
    return ColumnMap(
        names=names,
        positions=tuple(chosen.get(name) for name in names),
        sources=tuple(header[chosen[name]] if name in chosen else name for name in names),
        width=len(header),
        ignored=tuple(cell for position, cell in enumerate(header) if position not in used and cell.strip()),
    )


def map_keys(
    first_keys: Sequence[str], specs: Sequence[ColumnSpec], mapping: Mapping[str, str], nested: tuple[str, ...] = ()
) -> ColumnMap:
    """Keys for keyed rows (JSON Lines): each known column under its own name or the one `--map` gives,
    then the `nested` keys (a story's "steps" list) as they are.

    Keys may be left out of any line, so nothing is checked against the file here; `first_keys` (the keys of
    the first object) only tells which keys will be ignored.
    """
    names = tuple(spec.name for spec in specs) + nested
    sources = tuple(mapping.get(name, name) for name in names)
    return ColumnMap(
        names=names,
        positions=tuple(None for _ in names),
        sources=sources,
        width=0,
        ignored=tuple(key for key in first_keys if key not in sources),
    )


def _check_required(
    path: str, header: Sequence[str], line: int, specs: Sequence[ColumnSpec], chosen: Mapping[str, int]
) -> None:
    for spec in specs:
        if spec.required and spec.name not in chosen:
            hint = ""
            if len(header) == 1:
                hint = "; the header has a single column: is the delimiter one of , ; tab |?"
            raise ImportFileError(
                path, f"missing required column {spec.name!r}{_found(header)}{hint}", line=line, field=spec.name
            )


def _found(header: Sequence[str]) -> str:
    shown = ", ".join(repr(cell[:40]) for cell in header[:12])
    more = ", ..." if len(header) > 12 else ""
    return f" (columns found: {shown}{more})" if header else " (no columns found)"

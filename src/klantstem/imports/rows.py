"""The records of a file, picked to known columns and checked one by one.

A row that cannot be imported either stops the import with an ImportFileError naming file, line and
field, or (with --skip-invalid) is set aside as a Rejection while the rest goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TypeVar

from klantstem.errors import ImportFileError
from klantstem.imports.columns import ColumnMap, ColumnSpec, Picked, map_columns, map_keys
from klantstem.imports.model import FieldError, Rejection
from klantstem.imports.tabular import TabularFile

T = TypeVar("T")
_ENDS_AT_CR = (
    "the row ends early at a carriage return (CR) inside a value, which CSV reads as the end of a line; "
    "put that value in quotes or remove the CR"
)


class CheckedRows:
    def __init__(self, table: TabularFile, columns: ColumnMap, skip_invalid: bool) -> None:
        self.table = table
        self.columns = columns
        self.skip_invalid = skip_invalid
        self.rejections: list[Rejection] = []
        self.count = 0  # data records read
        self.line = 0  # the line of the last record read

    def read(self, parse: Callable[[int, Picked], T]) -> Iterator[T]:
        """Each record parsed by `parse`; raises ImportFileError when the file has no data rows at all."""
        pick_list = self.columns.list_picker()
        pick_dict = self.columns.dict_picker()
        width = self.columns.width
        for line, record in self.table.records:
            self.count += 1
            self.line = line
            try:
                if type(record) is list:
                    if len(record) != width:
                        self._check_width(record)
                    parsed = parse(line, pick_list(record))
                elif type(record) is dict:
                    parsed = parse(line, pick_dict(record))
                else:
                    reason = getattr(record, "reason", "cannot read this record")
                    raise FieldError(getattr(record, "field", None), reason)
            except FieldError as exc:
                self.reject(line, exc)
                continue
            yield parsed
        if self.count == 0:
            raise ImportFileError(
                str(self.table.path), "the file has a header but no rows", line=self.table.header_line + 1
            )

    def reject(self, line: int, error: FieldError) -> None:
        """Set the line aside, or stop the import when rejected rows are not skipped."""
        if not self.skip_invalid:
            raise ImportFileError(str(self.table.path), error.reason, line=line, field=error.field)
        self.rejections.append(Rejection(line, error.field, error.reason))

    def _check_width(self, record: list[object]) -> None:
        width = self.columns.width
        if len(record) > width:
            if any(cell not in (None, "") for cell in record[width:]):
                raise FieldError(
                    f"column {width + 1}",
                    f"the row has {len(record)} fields but the header {width}; is the delimiter right?",
                )
            del record[width:]
            return
        missing = self.table.header[len(record)] if len(record) < len(self.table.header) else None
        if self.table.bare_cr:
            raise FieldError(missing, _ENDS_AT_CR)
        raise FieldError(missing, f"the row has {len(record)} fields but the header {width}; is the delimiter right?")


def columns_for(
    table: TabularFile, specs: Sequence[ColumnSpec], mapping: Mapping[str, str], nested: tuple[str, ...] = ()
) -> ColumnMap:
    """A header row is matched (and required columns checked) up front; JSON Lines keys row by row."""
    if table.kind == "jsonl":
        return map_keys(table.header, specs, mapping, nested)
    return map_columns(str(table.path), table.header, table.header_line, specs, mapping)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, max(size, 1))):
        yield batch

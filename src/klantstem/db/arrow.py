"""Query results straight into Arrow, column by column, never as Python rows (a row as Python objects costs about
2.5 µs; ten million of them are most of a minute).

On SQLite the query runs on a read-only connection of its own to the database file through the ADBC SQLite driver,
which writes Arrow batches in C. That driver takes each column's type from the first rows, so on the way a NULL is
carried as a marker of the column's type and turned back into a null here. On PostgreSQL the query runs inside
COPY ... TO STDOUT as CSV on the engine's connection, read by Arrow's CSV reader as it arrives.

Moments arrive as UTC: SQLite keeps them as text ("2026-10-01 08:00:00", with or without ".ffffff" and "+00:00";
the text is read as UTC, as SQLAlchemy reads it), PostgreSQL as timestamptz.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import ColumnElement, Engine, Select, case, func, literal, select

BATCH_ROWS = 65_536
_NULL_TEXT = "\x00"  # char(0) in SQL; never in stored text: imports refuse NUL bytes and PostgreSQL cannot hold them
_NULL_INT = -(2**62)  # below every id and count stored
_TEXT_TIME = pa.timestamp("us")


def read_arrow(engine: Engine, statement: Select[Any], schema: pa.Schema, order_by: str | None = None) -> pa.Table:
    """The rows of `statement` as an Arrow table of `schema`: the statement selects one column per field, labelled
    with the field's name (string, int64, timestamp[us, UTC] or dictionary-of-string fields; a dictionary field
    suits a text repeated on many rows); `order_by` names the field to sort by."""
    table = pa.Table.from_batches(list(read_batches(engine, statement, schema, order_by)), schema=schema)
    return table.unify_dictionaries()  # one dictionary per column, as grouping and casting need


def read_batches(
    engine: Engine, statement: Select[Any], schema: pa.Schema, order_by: str | None = None
) -> Iterator[pa.RecordBatch]:
    """The rows of `statement` in Arrow record batches of `schema` (see read_arrow)."""
    inner = statement.subquery("rows")
    if engine.dialect.name == "sqlite":
        outer = _ordered(select(*(_sqlite_column(inner.c[f.name], f) for f in schema)), inner, order_by)
        yield from _sqlite_batches(engine, outer, schema)
    else:
        outer = _ordered(select(*(_postgres_column(inner.c[f.name], f) for f in schema)), inner, order_by)
        yield from _postgres_batches(engine, outer, schema)


def _ordered(outer: Select[Any], inner: Any, order_by: str | None) -> Select[Any]:
    return outer.select_from(inner).order_by(inner.c[order_by]) if order_by else outer.select_from(inner)


# --- SQLite ------------------------------------------------------------------------------------------------------


def _sqlite_column(column: Any, field: pa.Field) -> ColumnElement[Any]:
    if pa.types.is_timestamp(field.type):
        # "YYYY-MM-DD HH:MM:SS" and its ".ffffff" when there is one; an offset after it is left out (it is +00:00)
        length = case((func.substr(column, 20, 1) == ".", 26), else_=19)
        return func.coalesce(func.substr(column, 1, length), func.char(0)).label(field.name)
    if pa.types.is_integer(field.type):
        return func.coalesce(column, literal(_NULL_INT)).label(field.name)
    return func.coalesce(column, func.char(0)).label(field.name)


def _sqlite_batches(engine: Engine, statement: Select[Any], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    import adbc_driver_sqlite.dbapi as adbc

    database = engine.url.database
    if not database or database == ":memory:":
        raise ValueError("reading into Arrow needs a SQLite database file")
    sql = str(statement.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    with adbc.connect(f"{Path(database).resolve().as_uri()}?mode=ro") as conn, conn.cursor() as cursor:
        cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)})
        cursor.execute(sql)
        for batch in cursor.fetch_record_batch():
            yield _from_markers(batch, schema)


def _from_markers(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """The batch with the NULL markers turned back into nulls and each column of its field's type."""
    columns = []
    for field, values in zip(schema, batch.columns, strict=True):
        if pa.types.is_integer(field.type):
            values = values.cast(pa.int64())
            column = pc.if_else(pc.equal(values, _NULL_INT), pa.scalar(None, pa.int64()), values)
        else:
            values = values.cast(pa.string())
            column = pc.if_else(pc.equal(values, _NULL_TEXT), pa.scalar(None, pa.string()), values)
        columns.append(_typed(column, field))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _typed(column: pa.Array, field: pa.Field) -> pa.Array:
    """A column read as text (moments, dictionaries) or as its own type, in its field's type."""
    if pa.types.is_timestamp(field.type):
        return column.cast(_TEXT_TIME).cast(field.type)
    if pa.types.is_dictionary(field.type):
        return pc.dictionary_encode(column).cast(field.type)
    return column.cast(field.type)


# --- PostgreSQL --------------------------------------------------------------------------------------------------


def _postgres_column(column: Any, field: pa.Field) -> ColumnElement[Any]:
    if pa.types.is_timestamp(field.type):
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD HH24:MI:SS.US").label(field.name)
    return column.label(field.name)  # type: ignore[no-any-return]


def _postgres_batches(engine: Engine, statement: Select[Any], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    import pyarrow.csv as csv

    compiled = statement.compile(dialect=engine.dialect)
    options = csv.ConvertOptions(
        column_types={f.name: f.type if pa.types.is_integer(f.type) else pa.string() for f in schema},
        strings_can_be_null=True,  # COPY writes NULL as an empty field and an empty text as ""
        quoted_strings_can_be_null=False,
    )
    read = csv.ReadOptions(column_names=schema.names, block_size=1 << 22)
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(f"COPY ({compiled}) TO STDOUT WITH (FORMAT csv)", compiled.params) as copy:
                stream = _CopyStream(copy)
                if stream.at_end():
                    return  # Arrow's reader refuses an empty file
                for batch in csv.open_csv(stream, read_options=read, convert_options=options):
                    columns = [_typed(values, f) for f, values in zip(schema, batch.columns, strict=True)]
                    yield pa.RecordBatch.from_arrays(columns, schema=schema)
        finally:
            cursor.close()


class _CopyStream(io.RawIOBase):
    """The bytes of a running COPY ... TO STDOUT as a file Arrow's CSV reader reads from."""

    def __init__(self, copy: Any) -> None:
        self._copy = copy
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def at_end(self) -> bool:
        return not self._fill()

    def _fill(self) -> bool:
        while not self._pending:
            chunk = self._copy.read()
            if not chunk:
                return False
            self._pending = memoryview(chunk)
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._fill():
            return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

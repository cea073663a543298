"""Query results into Arrow, a batch of columns at a time, never all rows as Python objects at once.

On SQLite the query runs in a child process (db/arrow_child.py) through the ADBC SQLite driver, which writes
Arrow in C (about four times cheaper than Python rows), and comes back as an Arrow IPC stream over a pipe. The
driver brings a second copy of the SQLite library, and SQLite's POSIX locks are per process: two copies in one
process on one database file can undo each other's locks (a report crashed with SIGBUS that way), so the driver
never runs in this process. The driver takes each column's type from the first rows, so a NULL travels as a marker
of its column's type and is turned back into a null in the child. A database in memory, which a child cannot
open, is read on the engine's own connection in batches of BATCH_ROWS Python rows. On PostgreSQL the query runs
inside COPY ... TO STDOUT as CSV on the engine's connection, read by Arrow's CSV reader as it arrives.

Moments arrive as UTC: SQLite keeps them as text ("2026-10-01 08:00:00.000000", SQLAlchemy's form, since migration
0015 in every table; shorter or "+00:00" forms written by hand are read too, as UTC), PostgreSQL as timestamptz.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
from sqlalchemy import ColumnElement, Engine, Select, case, func, literal, select

from klantstem.db.arrow_child import NULL_INT, typed
from klantstem.db.engine import reading

BATCH_ROWS = 100_000


def read_arrow(
    engine: Engine,
    statement: Select[Any],
    schema: pa.Schema,
    order_by: str | None = None,
    parts: Sequence[tuple[int, int]] = (),
) -> pa.Table:
    """The rows of `statement` as an Arrow table of `schema`: the statement selects one column per field, labelled
    with the field's name (string, int64, timestamp[us, UTC] or dictionary-of-string fields; a dictionary field
    suits a text repeated on many rows); `order_by` names the field to sort by. `parts`, ranges [low, high) of
    the integer `order_by` field in order, lets SQLite read each range in a child of its own, side by side."""
    batches = list(read_batches(engine, statement, schema, order_by, parts))
    return pa.Table.from_batches(batches, schema=schema).unify_dictionaries()  # one dictionary per column


def read_batches(
    engine: Engine,
    statement: Select[Any],
    schema: pa.Schema,
    order_by: str | None = None,
    parts: Sequence[tuple[int, int]] = (),
) -> Iterator[pa.RecordBatch]:
    """The rows of `statement` in Arrow record batches of `schema` (see read_arrow)."""
    inner = statement.subquery("rows")
    if engine.dialect.name == "sqlite" and _database_file(engine) is None:
        outer = _ordered(select(*(_sqlite_column(inner.c[f.name], f) for f in schema)), inner, order_by)
        yield from _sqlite_batches(engine, outer, schema)
    elif engine.dialect.name == "sqlite":
        outer = _ordered(select(*(_marked_column(inner.c[f.name], f) for f in schema)), inner, order_by)
        if order_by is None or len(parts) < 2:
            yield from _child_batches(engine, outer, schema)
            return
        key = inner.c[order_by]
        ranges = [outer.where(key >= low, key < high) for low, high in parts]
        yield from _side_by_side(engine, ranges, schema)
    else:
        outer = _ordered(select(*(_postgres_column(inner.c[f.name], f) for f in schema)), inner, order_by)
        yield from _postgres_batches(engine, outer, schema)


def _side_by_side(engine: Engine, statements: list[Select[Any]], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The batches of each statement in turn, all read at once by children of their own (the later ones are
    kept here until their turn)."""
    with ThreadPoolExecutor(len(statements) - 1) as pool:
        later = [pool.submit(lambda s: list(_child_batches(engine, s, schema)), s) for s in statements[1:]]
        yield from _child_batches(engine, statements[0], schema)
        for done in later:
            yield from done.result()


def _ordered(outer: Select[Any], inner: Any, order_by: str | None) -> Select[Any]:
    return outer.select_from(inner).order_by(inner.c[order_by]) if order_by else outer.select_from(inner)


# --- SQLite ------------------------------------------------------------------------------------------------------


def _sqlite_column(column: Any, field: pa.Field) -> ColumnElement[Any]:
    if pa.types.is_timestamp(field.type):
        # "YYYY-MM-DD HH:MM:SS" and its ".ffffff" when there is one; an offset after it is left out (it is +00:00)
        length = case((func.substr(column, 20, 1) == ".", 26), else_=19)
        return func.substr(column, 1, length).label(field.name)
    return column.label(field.name)  # type: ignore[no-any-return]


def _marked_column(column: Any, field: pa.Field) -> ColumnElement[Any]:
    """The column as _sqlite_column reads it, with a NULL as a marker of the column's type (for ADBC)."""
    if pa.types.is_integer(field.type):
        return func.coalesce(column, literal(NULL_INT)).label(field.name)
    return func.coalesce(_sqlite_column(column, field), func.char(0)).label(field.name)


def _database_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve()


def _child_batches(engine: Engine, statement: Select[Any], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The rows of `statement`, read by a child process (db/arrow_child.py), as they arrive."""
    database = _database_file(engine)
    assert database is not None
    sql = str(statement.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    request = {"uri": f"{database.as_uri()}?mode=ro", "sql": sql, "batch_rows": BATCH_ROWS,
               "schema": base64.b64encode(schema.serialize().to_pybytes()).decode("ascii")}  # fmt: skip
    with tempfile.TemporaryFile() as said:
        child = subprocess.Popen(
            [sys.executable, "-m", "klantstem.db.arrow_child"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=said,
        )  # fmt: skip
        assert child.stdin is not None and child.stdout is not None
        try:
            child.stdin.write(json.dumps(request).encode("utf-8"))
            child.stdin.close()
            try:
                yield from pa.ipc.open_stream(child.stdout)
            except pa.ArrowInvalid:
                if child.wait() == 0:
                    raise
        finally:
            if child.poll() is None and child.stdout.read(1):
                child.kill()  # the caller stopped early
            child.stdout.close()
            code = child.wait()
        if code != 0:
            said.seek(0)
            lines = said.read().decode("utf-8", "replace").strip().splitlines() or [f"exit code {code}"]
            raise RuntimeError(f"reading from {database.name} failed: {lines[-1]}")


def _sqlite_batches(engine: Engine, statement: Select[Any], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    with reading(engine) as conn:
        result = conn.execution_options(yield_per=BATCH_ROWS).execute(statement)
        for rows in result.partitions(BATCH_ROWS):
            columns = zip(*rows, strict=True) if rows else ([] for _ in schema)
            arrays = [
                typed(pa.array(values, type=pa.int64() if pa.types.is_integer(f.type) else pa.string()), f)
                for f, values in zip(schema, columns, strict=True)
            ]
            yield pa.RecordBatch.from_arrays(arrays, schema=schema)


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
                    columns = [typed(values, f) for f, values in zip(schema, batch.columns, strict=True)]
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

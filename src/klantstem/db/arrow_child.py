"""The SQLite side of db/arrow.py, run as a process of its own (`python -m klantstem.db.arrow_child`).

It reads one request as JSON on stdin: the database file's URI, the query's SQL, the Arrow schema of its result
(an IPC message, base64) and the rows per batch. It runs the query through the ADBC SQLite driver, which writes
Arrow batches in C, and writes the batches, in the schema's types, as an Arrow IPC stream to stdout. A failure is
one line on stderr and exit code 1.

The driver carries a SQLite library of its own. SQLite's POSIX locks belong to a process, so two copies of the
library in one process on one database file can release each other's locks; in a process of its own the driver is
an ordinary second reader, as SQLite is made for.
"""

from __future__ import annotations

import base64
import json
import sys
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

NULL_TEXT = "\x00"  # char(0) in SQL; never in stored text: imports refuse NUL bytes and PostgreSQL cannot hold them
NULL_INT = -(2**62)  # below every id and count stored
_TEXT_TIME = pa.timestamp("us")


def serve(request: dict[str, Any], out: Any) -> None:
    """Run the request's query and write its batches to `out` (a binary file) as an Arrow IPC stream."""
    # The driver's own API: its DB-API module would load pyarrow.dataset and pandas (about 0.6 s of CPU).
    import adbc_driver_manager as adbc
    import adbc_driver_sqlite

    schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(request["schema"])))
    with (
        adbc_driver_sqlite.connect(request["uri"]) as database,
        adbc.AdbcConnection(database) as conn,
        adbc.AdbcStatement(conn) as statement,
        pa.ipc.new_stream(out, schema) as writer,
    ):
        statement.set_options(**{"adbc.sqlite.query.batch_rows": str(request["batch_rows"])})
        statement.set_sql_query(request["sql"])
        stream, _ = statement.execute_query()
        for batch in pa.RecordBatchReader._import_from_c(stream.address):
            writer.write_batch(from_markers(batch, schema))


def from_markers(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """A batch of db/arrow.py's marked columns: the markers back into nulls, each column in its field's type."""
    columns = []
    for field, values in zip(schema, batch.columns, strict=True):
        if pa.types.is_integer(field.type):
            column = _nulled(values.cast(pa.int64()), pa.scalar(NULL_INT, pa.int64()))
        else:
            column = _nulled(values.cast(pa.string()), pa.scalar(NULL_TEXT, pa.string()))
        columns.append(typed(column, field))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _nulled(values: pa.Array, marker: pa.Scalar) -> pa.Array:
    """`values` with each marker a null: the values' own buffers under a new validity bitmap (no copy)."""
    marked = pc.equal(values, marker)
    if not pc.any(marked).as_py():
        return values
    if values.null_count or values.offset:
        return pc.if_else(marked, pa.scalar(None, values.type), values)
    valid = pc.invert(marked)
    return pa.Array.from_buffers(values.type, len(values), [valid.buffers()[1], *values.buffers()[1:]])


def typed(column: pa.Array, field: pa.Field) -> pa.Array:
    """A column read as text (moments, dictionaries) or as its own type, in its field's type."""
    if pa.types.is_timestamp(field.type):
        return column.cast(_TEXT_TIME).cast(field.type)
    if pa.types.is_dictionary(field.type):
        return pc.dictionary_encode(column).cast(field.type)
    return column.cast(field.type)


def main() -> int:
    try:
        serve(json.loads(sys.stdin.read()), sys.stdout.buffer)
    except BrokenPipeError:  # the reader stopped early: nothing more is wanted
        return 0
    except Exception as exc:  # noqa: BLE001 - one line for the parent, which raises it
        print(f"{type(exc).__name__}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

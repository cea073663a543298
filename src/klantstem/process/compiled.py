"""Ibis queries run on DuckDB with their SQL compiled once per shape of log.

Building and compiling an Ibis expression costs a few milliseconds of Python each, whatever the size of the
log: on a small log (BPI 2013, 65,533 events) the report's queries cost more to compile than DuckDB needs to
run them. So a query is written as a pure, module-level function of named tables (`named`: a table by name
and schema, bound to no connection) and plain parameters, and its SQL is kept per (function, the tables'
names and schemas, the parameters). A later report on a log of the same shape runs the kept SQL as it is.
The key holds everything the function is given, so a kept statement is the one the function would build.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import pyarrow as pa

_KEEP = 256  # statements kept per process (a report needs about twenty)


@dataclass(frozen=True)
class _Statement:
    sql: str
    schema: ibis.Schema  # of the result
    arrow: pa.Schema


_kept: OrderedDict[Hashable, _Statement] = OrderedDict()
_lock = threading.Lock()  # queries run in several threads (the report's, and the web app's)
_compiling = threading.Lock()


def named(name: str, schema: ibis.Schema) -> ir.Table:
    """A table of the analysis database by name: what a query function is given."""
    return ibis.table(schema, name=name)


def query(con: Any, build: Callable[..., ir.Table], *tables: ir.Table, **params: Hashable) -> pa.Table:
    """The result of `build(*tables, **params)`, run on the connection."""
    statement = _statement(con, build, tables, params)
    result = con.con.sql(statement.sql).to_arrow_table()
    return result if result.schema == statement.arrow else result.cast(statement.arrow)


def materialize(con: Any, name: str, build: Callable[..., ir.Table], *tables: ir.Table, **params: Hashable) -> ir.Table:
    """`build(*tables, **params)` stored as table `name` (replacing one of that name), with the column types
    of the expression; the named table is returned."""
    statement = _statement(con, build, tables, params)
    columns = ", ".join(d.sql("duckdb") for d in statement.schema.to_sqlglot_column_defs("duckdb"))
    con.con.execute(f'CREATE OR REPLACE TABLE "{name}" ({columns}); INSERT INTO "{name}" {statement.sql}')
    return named(name, statement.schema)


def view(con: Any, name: str, build: Callable[..., ir.Table], *tables: ir.Table, **params: Hashable) -> ir.Table:
    """`build(*tables, **params)` as view `name` (replacing one of that name); the named view is returned."""
    statement = _statement(con, build, tables, params)
    con.con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {statement.sql}')
    return named(name, statement.schema)


def _statement(
    con: Any, build: Callable[..., ir.Table], tables: tuple[ir.Table, ...], params: dict[str, Hashable]
) -> _Statement:
    if getattr(build, "__closure__", None):
        raise TypeError(f"{build.__qualname__}: a query function takes everything as arguments (no closure)")
    shapes = []
    for table in tables:
        if not isinstance(table.op(), ops.UnboundTable | ops.DatabaseTable):
            raise TypeError(f"{build.__qualname__}: tables are given by name (compiled.named)")
        shapes.append((table.get_name(), table.schema()))
    key = (build.__module__, build.__qualname__, tuple(shapes), tuple(sorted(params.items())))
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    with _compiling:  # one at a time: Ibis is not known to compile safely in several threads
        expr = build(*tables, **params)
        schema = expr.schema()
        found = _Statement(con.compile(expr), schema, schema.to_pyarrow())
    with _lock:
        _kept[key] = found
        if len(_kept) > _KEEP:
            _kept.popitem(last=False)
    return found

"""The DuckDB adapter of the analyses (the default engine): a database in this process, Arrow tables given to it
without a copy, tables kept in memory (or in a database file), a memory limit with a spill folder, and Parquet
read by DuckDB itself. Everything DuckDB-only of the analyses is here."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from klantstem.errors import UserInputError
from klantstem.process.frame import left_out, source_select
from klantstem.process.options import AnalysisOptions

if TYPE_CHECKING:
    import ibis.expr.types as ir

_SESSION = (
    "SET TimeZone = 'UTC'; "
    "SET preserve_insertion_order = false"  # no result here relies on it; it costs memory and time
)


_COPIED_ROWS = 1000
_SQL_TYPES = {
    "int64": "BIGINT",
    "double": "DOUBLE",
    "string": "VARCHAR",
    "list<item: int64>": "BIGINT[]",
    "list<item: double>": "DOUBLE[]",
}


class DuckDB:
    """A DuckDB connection (`con`, DuckDB's own) in one database and schema, what compiled.query and its kin
    run statements on (compiled.Engine). Ibis compiles a statement to DuckDB's SQL only when it is not kept
    (compiled.py), so a report whose statements are kept never loads Ibis."""

    dialect = "duckdb"
    arranged_arrow = True  # DuckDB reads Arrow dictionaries as they are, without a copy

    def __init__(self, con: Any, arrow: dict[str, pa.Table] | None = None) -> None:
        self.con = con
        self._arrow = {} if arrow is None else arrow  # Arrow tables given by name, shared with the cursors

    def compile(self, expr: ir.Expr) -> str:
        import ibis

        return str(ibis.to_sql(expr, dialect="duckdb", pretty=False))

    def columns(self, schema: Any) -> str:
        return ", ".join(d.sql("duckdb") for d in schema.to_sqlglot_column_defs("duckdb"))

    def run(self, sql: str) -> pa.Table:
        return self.con.sql(sql).to_arrow_table()

    def store(self, name: str, sql: str, columns: str) -> str:
        self.con.execute(f'CREATE OR REPLACE TABLE "{name}" ({columns}); INSERT INTO "{name}" {sql}')
        return name

    def make_view(self, name: str, sql: str) -> str:
        self.con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
        return name

    def register(self, name: str, table: pa.Table) -> str:
        """A large table is given to DuckDB without a copy; a small one of plain columns (the business clock's
        days, quantiles to check) is copied in as a table of the report's schema, because registering Arrow
        makes DuckDB load Arrow's compute functions (about 0.1 s of CPU per command)."""
        types = [_SQL_TYPES.get(str(field.type)) for field in table.schema]
        if table.num_rows > _COPIED_ROWS or None in types:
            self.con.register(name, table)
            self._arrow[name] = table
            return name
        columns = ", ".join(f'"{field.name}" {kind}' for field, kind in zip(table.schema, types, strict=True))
        self.con.execute(f'CREATE OR REPLACE TABLE "{name}" ({columns})')
        if table.num_rows:
            marks = ", ".join("?" for _ in table.schema)
            values = [list(row.values()) for row in table.to_pylist()]
            self.con.executemany(f'INSERT INTO "{name}" VALUES ({marks})', values)
        return name

    def read_parquet(self, path: Path, columns: dict[str, str], name: str) -> tuple[str, dict[str, int]]:
        return name, _from_parquet(self, path, columns, name)

    def cursor(self) -> DuckDB:
        """Another connection to the same database and schema, for a query in another thread, with the Arrow tables
        given to this one (DuckDB registers them per connection)."""
        [(database, schema)] = self.con.execute("SELECT current_database(), current_schema()").fetchall()
        own = self.con.cursor()
        own.execute(f'USE "{database}"."{schema}"; {_SESSION}')
        for name, table in self._arrow.items():
            own.register(name, table)
        return DuckDB(own, self._arrow)

    def close(self) -> None:
        self.con.close()


def _database(options: AnalysisOptions) -> Any:
    import duckdb

    config: dict[str, Any] = {}
    if options.threads:
        config["threads"] = options.threads
    if options.memory_limit:
        config["memory_limit"] = options.memory_limit
    if options.spill_dir:
        config["temp_directory"] = options.spill_dir
    try:
        con = duckdb.connect(options.database, config=config)
    except duckdb.Error as exc:
        raise UserInputError(f"cannot start the analysis database: {first_line(exc)}") from None
    con.execute(_SESSION)
    return con


def first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@contextmanager
def _engine_errors(options: AnalysisOptions) -> Iterator[None]:
    """DuckDB running out of memory or spill room becomes one line that says what to change."""
    import duckdb

    try:
        yield
    except duckdb.OutOfMemoryException:
        limit = f"the memory limit ({options.memory_limit})" if options.memory_limit else "this machine's memory"
        spill = f"the spill folder {options.spill_dir}" if options.spill_dir else "a spill folder"
        raise UserInputError(
            f"the event log needs more than {limit} allows, even spilling to disk; raise the memory limit or give "
            f"{spill} more room"
        ) from None
    except duckdb.IOException as exc:
        raise UserInputError(f"the analysis could not write to disk: {first_line(exc)}") from None


def connect(options: AnalysisOptions) -> DuckDB:
    """A DuckDB connection of its own, with UTC as its session zone."""
    return DuckDB(_database(options))


_databases: dict[tuple[int, int | None, str | None, str | None], Any] = {}
_databases_lock = threading.Lock()


@contextmanager
def session(options: AnalysisOptions, connection: Any = None) -> Iterator[DuckDB]:
    """A DuckDB connection for one report. In memory it is a schema of its own in a database the process
    keeps per setting (a new DuckDB database costs about 15 ms of CPU), or in the database of `connection` (a
    DuckDB connection the caller made), dropped afterwards; a database file gets a connection of its own."""
    if connection is None and options.database != ":memory:":
        own = connect(options)
        try:
            with _engine_errors(options):
                yield own
        finally:
            own.close()
        return
    if connection is not None:
        database = connection
    else:
        key = (os.getpid(), options.threads, options.memory_limit, options.spill_dir)  # a forked child makes its own
        with _databases_lock:
            if key not in _databases:
                _databases[key] = _database(options)
            database = _databases[key]
    own = database.cursor()
    schema = f"report_{uuid.uuid4().hex}"
    [(catalog,)] = own.execute("SELECT current_database()").fetchall()
    try:
        own.execute(f'CREATE SCHEMA "{catalog}"."{schema}"; USE "{catalog}"."{schema}"; {_SESSION}')
        with _engine_errors(options):
            yield DuckDB(own)
    finally:
        own.close()  # first: it may hold an unfinished result when the report failed
        cleaner = database.cursor()
        cleaner.execute(f'DROP SCHEMA IF EXISTS "{catalog}"."{schema}" CASCADE')
        cleaner.close()


def _from_parquet(con: DuckDB, path: Path, columns: dict[str, str], name: str) -> dict[str, int]:
    """Events straight from Parquet (never through Python) as view `name` of the complete events, columns
    renamed to the standard names, the time as epoch seconds `t` (frame.SOURCE_SCHEMA); and the counts of
    events left out for a missing case, activity or time (a time that cannot be read counts as missing)."""
    picked = source_select(columns, _quoted, "epoch_us(TRY_CAST({} AS TIMESTAMPTZ)) / 1e6", "VARCHAR")
    literal = "'" + str(path).replace("'", "''") + "'"
    raw = f"SELECT {picked}, file_row_number AS seq FROM read_parquet({literal}, file_row_number = true)"
    con.con.execute(f'CREATE OR REPLACE VIEW "all_{name}" AS {raw}')
    complete = '"case" IS NOT NULL AND activity IS NOT NULL AND t IS NOT NULL'
    con.con.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM "all_{name}" WHERE {complete}')
    [counts] = con.con.execute(
        'SELECT count(*) FILTER (WHERE "case" IS NULL), count(*) FILTER (WHERE activity IS NULL), '
        f'count(*) FILTER (WHERE t IS NULL) FROM "all_{name}"'
    ).fetchall()
    return left_out(counts)


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'

"""Ibis queries run on an analysis engine (engines.py: DuckDB or Spark) with their SQL compiled once per shape
of log and engine.

Building and compiling an Ibis expression costs a few milliseconds of Python each, whatever the size of the
log: on a small log (BPI 2013, 65,533 events) the report's queries cost more to compile than DuckDB needs to
run them. So a query is written as a pure, module-level function of named tables (`named`: a table by name
and schema, bound to no connection) and plain parameters, and its SQL is kept per (function, the tables'
names and schemas, the parameters). A later report on a log of the same shape runs the kept SQL as it is.
The key holds everything the function is given, so a kept statement is the one the function would build.

A command run once (`klantstem process analyze`) would compile every statement again in each new process, so
statements can also be kept in a folder (`keep_in(folder)`, the setting KLANTSTEM_SQL_CACHE). The file's name
holds a digest of the source that builds the SQL and of the versions of Ibis, sqlglot, DuckDB and pyarrow: SQL
compiled by other code is never read. A folder that cannot be read or written only means compiling again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pyarrow as pa

if TYPE_CHECKING:
    import ibis.expr.types as ir

_KEEP = 256  # statements kept per process (a report needs about twenty)


class Engine(Protocol):
    """What runs the analyses' statements: one small adapter per backend (engine_duckdb, engine_spark). A
    statement is SQL of the engine's dialect compiled by Ibis from a backend-neutral expression; what only one
    backend has (registering Arrow, tables in memory or on disk, spilling) stays inside its adapter."""

    dialect: str  # the SQL dialect Ibis compiles to ("duckdb", "pyspark")
    # Whether events are best ordered in this process and given to the engine as Arrow with dictionary columns
    # (ordering.arranged) rather than ordered by the engine.
    arranged_arrow: bool

    def compile(self, expr: ir.Expr) -> str: ...

    def columns(self, schema: Any) -> str:
        """An Ibis schema as the column definitions `store` is given."""
        ...

    def run(self, sql: str) -> pa.Table:
        """The result of a query."""
        ...

    def store(self, name: str, sql: str, columns: str) -> str:
        """The query's result kept as a table (`columns`: its column definitions); the table's name."""
        ...

    def make_view(self, name: str, sql: str) -> str:
        """The query as a view; the view's name."""
        ...

    def register(self, name: str, table: pa.Table) -> str:
        """An Arrow table given to the engine by name; the name it has there."""
        ...

    def read_parquet(self, path: Path, columns: dict[str, str], name: str) -> tuple[str, dict[str, int]]:
        """Events of a Parquet file read by the engine, `columns` naming the file's column of each standard one,
        as view `name` of the complete events (frame.SOURCE_SCHEMA): its name there, and the counts of events
        left out, by reason."""
        ...

    def cursor(self) -> Engine:
        """The engine for a query in another thread."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Named:
    """A table of the analysis database by name and column types, bound to no connection: what a query
    function is given (as an Ibis table). Ibis is loaded only when a statement has to be compiled, so a
    report whose statements are all kept never loads it."""

    name: str
    types: tuple[tuple[str, str], ...]  # (column, type): Ibis's type text, or "arrow:" and Arrow's
    arrow: pa.Schema | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def columns(self) -> list[str]:
        return [column for column, _ in self.types]

    def expr(self) -> ir.Table:
        import ibis

        if self.arrow is not None:
            return ibis.table(ibis.Schema.from_pyarrow(self.arrow), name=self.name)
        return ibis.table(ibis.schema(list(self.types)), name=self.name)


@dataclass(frozen=True)
class _Statement:
    sql: str
    types: tuple[tuple[str, str], ...]  # of the result, as Ibis writes them
    arrow: pa.Schema
    columns: str  # the result's column definitions as DuckDB DDL (for `materialize`)


_kept: OrderedDict[Hashable, _Statement] = OrderedDict()
_lock = threading.Lock()  # queries run in several threads (the report's, and the web app's)
_compiling = threading.Lock()
_folder: Path | None = None  # where statements are also kept across processes (keep_in)
_on_disk: dict[str, Any] | None = None  # the folder's statements (and values), read once
_LIBRARIES = ("ibis-framework", "sqlglot", "duckdb", "pyarrow", "holidays")


def keep_in(folder: Path | None) -> None:
    """Keep compiled statements in `folder` too (None: in this process only)."""
    global _folder, _on_disk
    with _lock:
        if folder != _folder:
            _folder, _on_disk = folder, None


def named(name: str, schema: pa.Schema | Any) -> Named:
    """A table of the analysis database by name: what a query function is given. `schema` is an Arrow schema
    or anything with Ibis's `items()` of column and type (an Ibis schema)."""
    if isinstance(schema, pa.Schema):
        return Named(name, tuple((f.name, f"arrow:{f.type}") for f in schema), schema)
    pairs: Iterable[tuple[str, Any]] = schema.items()
    return Named(name, tuple((column, str(dtype)) for column, dtype in pairs))


def query(con: Engine, build: Callable[..., ir.Table], *tables: Named, **params: Hashable) -> pa.Table:
    """The result of `build(*tables, **params)`, run on the engine."""
    statement = _statement(con, build, tables, params)
    result = con.run(statement.sql)
    return result if result.schema == statement.arrow else result.cast(statement.arrow)


def materialize(con: Engine, name: str, build: Callable[..., ir.Table], *tables: Named, **params: Hashable) -> Named:
    """`build(*tables, **params)` stored as table `name` (replacing one of that name), with the column types
    of the expression; the named table is returned (the engine may give it another name of its own)."""
    statement = _statement(con, build, tables, params)
    return Named(con.store(name, statement.sql, statement.columns), statement.types)


def view(con: Engine, name: str, build: Callable[..., ir.Table], *tables: Named, **params: Hashable) -> Named:
    """`build(*tables, **params)` as view `name` (replacing one of that name); the named view is returned."""
    statement = _statement(con, build, tables, params)
    return Named(con.make_view(name, statement.sql), statement.types)


def _statement(
    con: Engine, build: Callable[..., ir.Table], tables: tuple[Named, ...], params: dict[str, Hashable]
) -> _Statement:
    if getattr(build, "__closure__", None):
        raise TypeError(f"{build.__qualname__}: a query function takes everything as arguments (no closure)")
    if not all(isinstance(table, Named) for table in tables):
        raise TypeError(f"{build.__qualname__}: tables are given by name (compiled.named)")
    shapes = tuple((table.name, table.types) for table in tables)
    key = (con.dialect, build.__module__, build.__qualname__, shapes, tuple(sorted(params.items())))
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    text = _key_text(key) if _folder is not None else None
    found = _read(text) if text is not None else None
    if found is None:
        with _compiling:  # one at a time: Ibis is not known to compile safely in several threads
            found = _compile(con, build(*(table.expr() for table in tables), **params))
        if text is not None:
            _write(text, found)
    with _lock:
        _kept[key] = found
        if len(_kept) > _KEEP:
            _kept.popitem(last=False)
    return found


def _compile(con: Engine, expr: ir.Table) -> _Statement:
    schema = expr.schema()
    columns = con.columns(schema)
    types = tuple((column, str(dtype)) for column, dtype in schema.items())
    return _Statement(con.compile(expr), types, schema.to_pyarrow(), columns)


def _key_text(key: tuple[Any, ...]) -> str | None:
    """The key as text that means the same in every process, or None when a parameter has no such text."""
    dialect, module, qualname, shapes, params = key
    values = [_plain(value) for _, value in params]
    if any(value is None for value in values):
        return None
    columns = [[name, [list(pair) for pair in types]] for name, types in shapes]
    names = [name for name, _ in params]
    return json.dumps([dialect, module, qualname, columns, names, values], separators=(",", ":"))


def _plain(value: Any) -> str | None:
    if value is None or isinstance(value, bool | int | float | str | date | datetime):
        return repr(value)  # a datetime's repr holds its time zone too
    if isinstance(value, tuple):
        parts = [_plain(v) for v in value]
        return None if any(p is None for p in parts) else "(" + ",".join(parts) + ")"  # type: ignore[arg-type]
    return None


def _read(text: str) -> _Statement | None:
    _load()
    with _lock:
        stored = None if _on_disk is None else _on_disk.get(text)
    if not isinstance(stored, dict):
        return None
    try:
        arrow = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(stored["arrow"])))
        types = tuple((str(name), str(dtype)) for name, dtype in stored["types"])
        return _Statement(str(stored["sql"]), types, arrow, str(stored["columns"]))
    except Exception:  # written by something else: compile instead
        return None


def _write(text: str, statement: _Statement) -> None:
    _store(
        text,
        {
            "sql": statement.sql,
            "types": [list(pair) for pair in statement.types],
            "arrow": base64.b64encode(statement.arrow.serialize().to_pybytes()).decode("ascii"),
            "columns": statement.columns,
        },
    )


def recall(key: str) -> Any:
    """A plain value (JSON) that `remember` kept in the folder under `key`; None when there is none or no folder.
    For what a report needs besides SQL and is costly to work out again in each process (the business clock)."""
    if _folder is None:
        return None
    _load()
    with _lock:
        return None if _on_disk is None else _on_disk.get(f"value:{key}")


def remember(key: str, value: Any) -> None:
    """Keep a plain value (JSON) in the folder under `key`, when there is a folder."""
    if _folder is not None:
        _load()
        _store(f"value:{key}", value)


def _load() -> None:
    global _on_disk
    with _lock:
        if _on_disk is None:
            try:
                _on_disk = json.loads(_file().read_text(encoding="utf-8"))
            except (OSError, ValueError):
                _on_disk = {}


def _store(text: str, stored: Any) -> None:
    """Add an entry to the folder's file (written whole and renamed into place, so a reader never sees half a
    file; two processes writing at once may lose one's entry, which is then worked out again). The write is done
    under the lock: the analyses' threads store side by side, and a thread that wrote its older copy of the
    entries after another's newer one lost that entry for every later process."""
    with _lock:
        if _on_disk is None or _folder is None:
            return
        _on_disk[text] = stored
        content = json.dumps(_on_disk)
        path = _file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
            partial.write_text(content, encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            return


def _file() -> Path:
    assert _folder is not None
    return _folder / f"process-sql-{_code_digest()}.json"


_digest: str | None = None


def _code_digest() -> str:
    """A digest of the source that builds the SQL (klantstem.process and the business calendar) and of the
    versions of the libraries that compile and run it."""
    global _digest
    if _digest is None:
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parents[1]
        for source in [*sorted((package / "process").rglob("*.py")), package / "business_calendar.py"]:
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
        for library in _LIBRARIES:
            digest.update(f"{library}={metadata.version(library)}".encode())
        _digest = digest.hexdigest()[:16]
    return _digest

"""The Spark adapter of the analyses: the same statements (Ibis compiles them to Spark SQL) on PySpark, in local
mode on this machine, on a cluster through Spark Connect (`sc://host:15002`), or on a SparkSession the caller
made. Everything Spark-only of the analyses is here: starting or reaching a session, Arrow tables given to it,
tables kept as cached temporary views with names of their own per report, Parquet read by Spark, and Spark's
errors as one line.

Local mode needs Java 17 or newer (Debian: openjdk-17-jre-headless) and pyspark; Spark Connect needs pyspark's
Connect client (`pip install 'pyspark[connect]'`)."""

from __future__ import annotations

import os
import re
import socket
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from klantstem.errors import UserInputError
from klantstem.process.frame import left_out, source_select
from klantstem.process.options import AnalysisOptions

if TYPE_CHECKING:
    import ibis.expr.types as ir


class Spark:
    """A SparkSession as the analyses' engine (compiled.Engine) for one report: a session of its own (its
    temporary views are its own, as a report's schema is in DuckDB), whose views `drop` removes."""

    dialect = "pyspark"
    arranged_arrow = False  # Spark orders the events itself (Arrow dictionaries are not read by createDataFrame)

    def __init__(self, session: Any) -> None:
        self.session = session
        self._made: list[str] = []
        self._cached: list[str] = []

    def compile(self, expr: ir.Expr) -> str:
        import ibis

        if ibis.options.pyspark is None:
            ibis.pyspark.connect  # noqa: B018  (loading the backend sets the options its compiler reads)
        return str(ibis.to_sql(expr, dialect="pyspark", pretty=False))

    def columns(self, schema: Any) -> str:
        return ""  # a kept table is a cached view: Spark takes its columns from the query

    def run(self, sql: str) -> pa.Table:
        return self.session.sql(sql).toArrow()

    def store(self, name: str, sql: str, columns: str) -> str:
        own = self.make_view(name, sql)
        self.session.sql(f"CACHE TABLE `{own}`")
        self._cached.append(own)
        return own

    def make_view(self, name: str, sql: str) -> str:
        own = self._own(name)
        self.session.sql(f"CREATE OR REPLACE TEMPORARY VIEW `{own}` AS {sql}")
        return own

    def register(self, name: str, table: pa.Table) -> str:
        own = self._own(name)
        self.session.createDataFrame(table).createOrReplaceTempView(own)
        return own

    def read_parquet(self, path: Path, columns: dict[str, str], name: str) -> tuple[str, dict[str, int]]:
        """Events from Parquet read by Spark as view `name` of the complete events (frame.SOURCE_SCHEMA), and
        the counts of events left out for a missing case, activity or time; `seq` keeps the file's order."""
        picked = source_select(columns, _quoted, "unix_micros(try_cast({} AS TIMESTAMP)) / 1e6", "STRING")
        location = str(path.resolve()).replace("`", "``")
        raw = f"SELECT {picked}, monotonically_increasing_id() AS seq FROM parquet.`{location}`"
        every = self.make_view(f"all_{name}", raw)
        counts = self.session.sql(
            f"SELECT count_if(`case` IS NULL), count_if(activity IS NULL), count_if(t IS NULL) FROM `{every}`"
        ).collect()[0]
        complete = "`case` IS NOT NULL AND activity IS NOT NULL AND t IS NOT NULL"
        # cached, so every query reads the same numbering of the file's rows
        own = self.store(name, f"SELECT * FROM `{every}` WHERE {complete}", "")
        return own, left_out(counts)

    def cursor(self) -> Spark:
        return self  # a SparkSession takes queries from several threads

    def close(self) -> None:
        return None  # a report's tables go in `drop`, when the report is done

    def drop(self) -> None:
        for own in self._cached:
            self.session.sql(f"UNCACHE TABLE IF EXISTS `{own}`")
        for own in reversed(self._made):
            self.session.catalog.dropTempView(own)
        self._made.clear()
        self._cached.clear()

    def _own(self, name: str) -> str:
        if name not in self._made:
            self._made.append(name)
        return name


def _quoted(column: str) -> str:
    return "`" + column.replace("`", "``") + "`"


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def session(options: AnalysisOptions, connection: Any = None) -> Iterator[Spark]:
    """The Spark engine for one report: on `connection` (a SparkSession the caller made), else on the Spark
    Connect server at `options.spark_url`, else on a session in local mode on this machine. Spark's errors
    become one line; the report's tables are dropped afterwards."""
    errors = _errors()
    given = connection if connection is not None else _start(options, errors)
    try:
        own = given.newSession()  # views and settings of its own (a Spark context shared, or a Connect client)
    except errors:
        own = given
    try:
        own.conf.set("spark.sql.session.timeZone", "UTC")  # months and zone-less times read as on DuckDB
        engine = Spark(own)
        try:
            yield engine
        except errors as exc:
            raise UserInputError(f"the Spark engine could not run the analysis: {first_line(exc)}") from None
        finally:
            with suppress(*errors):  # a session that is gone has nothing left to drop
                engine.drop()
    finally:
        _close_clients(own, given, started=connection is None)


def _close_clients(own: Any, given: Any, started: bool) -> None:
    """Stops the Spark Connect clients the report made: its own session, and the one it started when the caller
    gave none. Each holds a gRPC channel; one left open is closed by the session's finaliser while Python shuts
    down, and that waits forever for gRPC's threads, which no longer run then: the command would never end
    (seen with pyspark 4.3's Connect client). A classic SparkSession is left alone: stopping it stops the Spark
    context that the caller's and the process's other sessions share."""
    if not type(own).__module__.startswith("pyspark.sql.connect"):
        return
    for made in [*([own] if own is not given else []), *([given] if started else [])]:
        with suppress(Exception):  # best effort: a server that went away has nothing left to release
            made.stop()


def _errors() -> tuple[type[BaseException], ...]:
    """Spark's errors, and Ibis's for an analysis the backend has no function for."""
    try:
        from pyspark.errors import PySparkException
    except ImportError:
        raise UserInputError(
            "the Spark engine needs pyspark (pip install 'pyspark>=4.0,<4.4'; local mode also needs Java 17)"
        ) from None
    from ibis.common.exceptions import IbisError

    return (PySparkException, IbisError)


def _start(options: AnalysisOptions, errors: tuple[type[BaseException], ...]) -> Any:
    # pyspark warns on every start that it was not tested with pandas 3 (it uses pandas for nothing here)
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    from pyspark.sql import SparkSession

    if options.spark_url:
        if options.memory_limit or options.spill_dir:
            raise UserInputError("memory limit and spill folder of a Spark cluster are set on the cluster itself")
        _answers(options.spark_url)
        try:
            remote = SparkSession.builder.remote(options.spark_url).getOrCreate()
            remote.sql("SELECT 1").collect()  # a server that does not answer is found here, not halfway
        except ImportError as exc:
            raise UserInputError(
                f"Spark Connect needs pyspark's Connect client (pip install 'pyspark[connect]'): {first_line(exc)}"
            ) from None
        except (*errors, ValueError) as exc:  # type: ignore[misc]
            raise UserInputError(f"Spark at {options.spark_url} does not answer: {first_line(exc)}") from None
        return remote
    threads = options.threads or os.cpu_count() or 1
    builder = (
        SparkSession.builder.master(f"local[{threads}]")
        .appName("klantstem")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # the command shows its own progress
        .config("spark.sql.shuffle.partitions", str(2 * threads))
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_LOG_CONFIG.as_uri()}")
    )
    if options.memory_limit:
        builder = builder.config("spark.driver.memory", _java_size(options.memory_limit))
    if options.spill_dir:
        builder = builder.config("spark.local.dir", options.spill_dir)
    try:
        local = builder.getOrCreate()
    except errors as exc:
        raise UserInputError(
            f"the Spark engine could not start Java (local mode needs Java 17, e.g. Debian's "
            f"openjdk-17-jre-headless): {first_line(exc)}"
        ) from None
    local.sparkContext.setLogLevel("ERROR")
    return local


# Only Spark's errors on stderr (its default profile prints WARN lines on every start); read by Java at start-up.
_LOG_CONFIG = Path(__file__).with_name("spark_log4j2.properties")


def _answers(url: str) -> None:
    """Raises a one-line error unless something listens at the Spark Connect URL (sc://host:port/;params):
    the Connect client itself keeps retrying an address that does not answer for minutes."""
    found = re.fullmatch(r"sc://(\[[^\]]+\]|[^:/;]+)(?::(\d+))?(?:/.*)?", url.strip())
    if found is None:
        raise UserInputError(f"Spark URL {url!r}: write a Spark Connect URL such as sc://host:15002")
    host, port = found.group(1).strip("[]"), int(found.group(2) or _CONNECT_PORT)
    try:
        socket.create_connection((host, port), timeout=_CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise UserInputError(f"Spark at {url} does not answer: {exc.strerror or exc}") from None


_CONNECT_PORT = 15002
_CONNECT_TIMEOUT_S = 10


def _java_size(limit: str) -> str:
    """A size such as 4GB, 512 MB or 4g as Java writes it (4g, 512m)."""
    found = re.fullmatch(r"\s*(\d+)\s*([kmgt])i?b?\s*", limit, flags=re.IGNORECASE)
    if found is None:
        raise UserInputError(f"memory limit {limit!r}: write a size such as 512MB or 4GB")
    return f"{found.group(1)}{found.group(2).lower()}"

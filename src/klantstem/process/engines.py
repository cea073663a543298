"""Where the analyses run: one small adapter per backend (engine_duckdb, engine_spark), chosen by
`AnalysisOptions.engine` or by the connection the caller gives (a DuckDB connection or a SparkSession)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from klantstem.errors import UserInputError
from klantstem.process.compiled import Engine, keep_in
from klantstem.process.options import ENGINES, AnalysisOptions


def engine_of(options: AnalysisOptions, connection: Any = None) -> str:
    """The engine a report runs on: the connection's kind when one is given, else the options'."""
    if connection is not None:
        kind = type(connection).__module__.split(".")[0]
        if kind not in ("duckdb", "pyspark"):
            raise UserInputError(f"a connection of {type(connection).__name__} is no DuckDB connection or SparkSession")
        return "spark" if kind == "pyspark" else "duckdb"
    if options.engine not in ENGINES:
        raise UserInputError(f"engine {options.engine!r}: choose one of {', '.join(ENGINES)}")
    return options.engine


@contextmanager
def open_engine(options: AnalysisOptions, connection: Any = None) -> Iterator[Engine]:
    """The engine for one report; what the report made there is removed afterwards."""
    keep_in(Path(options.sql_cache) if options.sql_cache else None)
    if engine_of(options, connection) == "spark":
        from klantstem.process import engine_spark

        with engine_spark.session(options, connection) as spark:
            yield spark
    else:
        from klantstem.process import engine_duckdb

        with engine_duckdb.session(options, connection) as duck:
            yield duck

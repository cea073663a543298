"""The same report on DuckDB and on Spark (PySpark in local mode): are all figures equal, and how long does each
engine take in one running process (Spark's start is timed apart).

    .venv/bin/python bench/process_engines.py ../shared/data/bpi2013/bpi_challenge_2013_incidents.xes.gz

Needs pyspark and Java 17. Prints one line per engine and the keys of the report that differ (none when equal).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from klantstem.process.service import analyze_file


def _figures(report: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in report.items() if key != "seconds"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    started = time.perf_counter()
    spark = (
        SparkSession.builder.master(f"local[{args.threads}]")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(2 * args.threads))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark start: {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    on_duckdb = _figures(analyze_file(args.log))
    print(f"duckdb: {time.perf_counter() - started:.1f} s, {on_duckdb['events']:,} events", flush=True)
    started = time.perf_counter()
    on_spark = _figures(analyze_file(args.log, connection=spark))
    print(f"spark:  {time.perf_counter() - started:.1f} s, {on_spark['events']:,} events", flush=True)
    differ = sorted(key for key in on_duckdb.keys() | on_spark.keys() if on_duckdb.get(key) != on_spark.get(key))
    print("all figures equal" if not differ else f"differ: {', '.join(differ)}")
    spark.stop()


if __name__ == "__main__":
    main()

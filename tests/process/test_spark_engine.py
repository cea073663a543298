"""The analyses on Spark (PySpark in local mode, Java 17) give the same figures as on DuckDB, the default engine.

One SparkSession serves the whole module (starting one costs many seconds); each report runs on it as a caller's
connection, in a session of its own whose views are dropped afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klantstem.cli.main import main
from klantstem.errors import UserInputError
from klantstem.process.options import AnalysisOptions
from klantstem.process.report import analyze_file, analyze_table

DATA = Path(__file__).parent.parent / "data" / "events"


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("klantstem-tests")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def at(text: str) -> datetime:
    """A local (Amsterdam, summer) time as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC) - timedelta(hours=2)


# One log that reaches every analysis: equal times kept in written order, a case of one event, microseconds, a
# weekend and Ascension Day (9 May 2024), hand-overs and ping-pong, waiting statuses, a closing with paperwork
# just after it and a customer coming back, and repeat customers.
ROWS = [
    ("c1", "open", at("2024-05-06 09:00"), "Desk", "In Progress", "k1"),
    ("c1", "check", at("2024-05-06 09:00"), "Billing 2nd", "Wait - User", "k1"),
    ("c1", "answer", at("2024-05-06 11:30:00.250001"), "Desk", "Wait - Vendor", "k1"),
    ("c1", "closed", at("2024-05-08 16:30"), "Desk", "Closed", "k1"),
    ("c1", "Caused By CI", at("2024-05-08 16:30:20"), None, None, "k1"),
    ("c2", "open", at("2024-05-10 10:00"), "Desk", "Awaiting Assignment", "k1"),
    ("c2", "closed", at("2024-05-13 09:30"), "Legal 3rd", "Closed", "k1"),
    ("c2", "customer calls", at("2024-05-15 11:00"), "Desk", None, "k1"),
    ("c3", "open", at("2024-05-07 15:00"), None, None, "k2"),
    ("c4", "open", at("2024-06-06 10:00"), "Desk", "In Progress", None),
    ("c4", "check", at("2024-06-06 10:00"), "Desk", "In Progress", None),
    ("c4", "closed", at("2024-06-07 10:00"), "Desk", "Closed", None),
]


def whole_log() -> pa.Table:
    columns = ("case", "activity", "timestamp", "team", "status", "customer")
    data = {name: [row[i] for row in ROWS] for i, name in enumerate(columns)}
    data["timestamp"] = pa.array(data["timestamp"], pa.timestamp("us", tz="UTC"))
    return pa.table(data)


def figures(report: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in report.items() if key != "seconds"}


def test_every_analysis_gives_the_same_figures_on_spark(spark: Any) -> None:
    on_duckdb = figures(analyze_table(whole_log()))
    on_spark = figures(analyze_table(whole_log(), connection=spark))
    assert on_spark == on_duckdb
    # the log reaches what it is meant to (so the comparison covers every analysis)
    assert (on_spark["cases"], on_spark["events"], on_spark["ping_pong_cases"]) == (4, 12, 2)
    assert on_spark["repeats"]["same_case"]["reopened_cases"] == 1
    assert on_spark["repeats"]["within_days"]["repeat_cases"] == 1
    assert on_spark["waiting_by_cause_s"]["customer"] > 0 and on_spark["waiting_source"] == "status"
    assert {tuple(v["activities"]) for v in on_spark["variants"]["top"]} >= {("open",), ("open", "check", "closed")}
    assert spark.catalog.listTables() == []  # the report's tables and views are gone


@pytest.mark.parametrize("name", ["small.xes", "small.csv"])
def test_test_logs_give_the_same_figures_on_spark(spark: Any, name: str) -> None:
    assert figures(analyze_file(DATA / name, connection=spark)) == figures(analyze_file(DATA / name))


def test_parquet_read_by_spark_gives_the_same_figures(spark: Any, tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    table = whole_log()
    incomplete = pa.table(
        {
            "case": [None, "c9"],
            "activity": ["open", "open"],
            "timestamp": pa.array([at("2024-05-06 09:00"), None], pa.timestamp("us", tz="UTC")),
            "team": [None, None],
            "status": [None, None],
            "customer": [None, None],
        }
    )
    pq.write_table(pa.concat_tables([table, incomplete.cast(table.schema)]), path)
    on_duckdb = figures(analyze_file(path))
    on_spark = figures(analyze_file(path, connection=spark))
    assert on_spark == on_duckdb
    assert on_spark["warnings"] == {"events_without_case_left_out": 1, "events_without_timestamp_left_out": 1}


def test_approximate_quantiles_run_on_spark_with_the_same_counts(spark: Any) -> None:
    approximate = AnalysisOptions(exact_quantiles_up_to=0)
    on_spark = analyze_table(whole_log(), approximate, connection=spark)
    on_duckdb = analyze_table(whole_log(), approximate)
    assert on_spark["warnings"] == on_duckdb["warnings"] == {"approximate_step_quantiles": 1}
    assert [(d["from"], d["to"], d["count"]) for d in on_spark["dfg"]] == [
        (d["from"], d["to"], d["count"]) for d in on_duckdb["dfg"]
    ]


def test_an_empty_log_and_a_wrong_connection_are_one_clear_error(spark: Any) -> None:
    with pytest.raises(UserInputError, match="no events"):
        analyze_table(whole_log().slice(0, 0), connection=spark)
    with pytest.raises(UserInputError, match="no DuckDB connection or SparkSession"):
        analyze_table(whole_log(), connection=object())


def test_a_spark_url_that_does_not_answer_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    log = str(DATA / "small.csv")
    code = main(["process", "analyze", log, "--engine", "spark", "--spark-url", "sc://127.0.0.1:9", "--format", "json"])
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "Spark" in err


def test_local_spark_as_klantstem_starts_it_shows_no_warn_lines() -> None:
    """Java's own start-up WARN lines (loopback address, native Hadoop library, the log-level hint) stay off
    stderr; Spark's errors still reach it (spark_log4j2.properties). A process of its own: Spark's logging is
    set when its Java starts, and this module's session has started one already."""
    start = (
        "from klantstem.process.engine_spark import _errors, _start\n"
        "from klantstem.process.options import AnalysisOptions\n"
        "session = _start(AnalysisOptions(engine='spark', threads=1), _errors())\n"
        "print(session.sql('SELECT 40 + 2').collect()[0][0])\n"
        "session.stop()\n"
    )
    done = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "42"
    lines = done.stderr.splitlines()
    assert not [line for line in lines if " WARN " in line or "log level" in line or "log4j profile" in line], lines

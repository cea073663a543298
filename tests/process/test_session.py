"""Reports share one DuckDB database per process, each in a schema of its own that is dropped afterwards."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa
import pytest

from klantstem.errors import UserInputError
from klantstem.process import engine_duckdb
from klantstem.process.options import AnalysisOptions
from klantstem.process.report import analyze_table


def log(cases: int, activity: str) -> pa.Table:
    start = datetime(2024, 5, 6, 9, tzinfo=UTC)
    steps = ("open", activity)
    rows = [(f"c{i}", a, start + timedelta(hours=i + k)) for i in range(cases) for k, a in enumerate(steps)]
    return pa.table(
        {
            "case": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": pa.array([r[2] for r in rows], pa.timestamp("us", tz="UTC")),
        }
    )


def schemas() -> set[str]:
    found: set[str] = set()
    for database in engine_duckdb._databases.values():
        names = database.cursor().execute("SELECT schema_name FROM information_schema.schemata").fetchall()
        found |= {name for (name,) in names if name.startswith("report_")}
    return found


def without_time(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k != "seconds"}


def test_reports_at_the_same_time_keep_to_their_own_events_and_leave_nothing_behind() -> None:
    logs = [log(n, f"step{n}") for n in range(1, 7)]
    alone = [without_time(analyze_table(t)) for t in logs]
    with ThreadPoolExecutor(3) as pool:
        together = [without_time(r) for r in pool.map(analyze_table, logs)]
    assert together == alone
    assert [r["cases"] for r in together] == list(range(1, 7))
    assert schemas() == set()


def test_a_failing_report_drops_its_schema() -> None:
    analyze_table(log(2, "done"))
    with pytest.raises(UserInputError):
        analyze_table(log(0, "done"))
    assert schemas() == set()
    one_thread = AnalysisOptions(threads=1)
    assert analyze_table(log(3, "done"), one_thread)["cases"] == 3
    assert schemas() == set()

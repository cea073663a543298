"""Events ordered per case in Arrow (ordering.arranged) against ordering them by hand: rows of a case kept
together, by time, equal times in the order written, the next event's values and the event before's team."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from klantstem.process.frame import standard_arrow
from klantstem.process.options import AnalysisOptions
from klantstem.process.ordering import arranged
from klantstem.process.report import analyze_file

DATA = Path(__file__).resolve().parents[1] / "data" / "events"

ROW = st.tuples(
    st.sampled_from(["c1", "c2", "c3"]),
    st.sampled_from(["a", "b", "c"]),
    st.integers(0, 4),  # seconds: few values, so equal times are common
    st.one_of(st.none(), st.sampled_from(["T1", "T2"])),
    st.one_of(st.none(), st.sampled_from(["open", "wait"])),
    st.one_of(st.none(), st.sampled_from(["complete"])),
)


def _table(rows: list[tuple[Any, ...]]) -> pa.Table:
    names = ("case", "activity", "seconds", "team", "status", "lifecycle")
    data = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    moments = pa.array([s * 1_000_000 for s in data.pop("seconds")], pa.int64()).cast(pa.timestamp("us", tz="UTC"))
    table = pa.table({k: pa.array(v, pa.string()) for k, v in data.items()})
    return table.append_column("timestamp", moments)


def _by_hand(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    ordered = sorted(enumerate(rows), key=lambda item: (item[1][0], item[1][2], item[0]))
    found = []
    for i, (_, (case, activity, seconds, team, status, lifecycle)) in enumerate(ordered):
        after = ordered[i + 1][1] if i + 1 < len(ordered) and ordered[i + 1][1][0] == case else None
        before = ordered[i - 1][1] if i and ordered[i - 1][1][0] == case else None
        position = 1 if before is None else found[-1]["pos"] + 1
        found.append(
            {
                "case": case,
                "activity": activity,
                "t": float(seconds),
                "team": team,
                "state": status if status is not None else lifecycle,
                "pos": position,
                "next_activity": None if after is None else after[1],
                "next_t": None if after is None else float(after[2]),
                "next_state": None if after is None else (after[4] if after[4] is not None else after[5]),
                "prev_team": None if before is None else before[3],
            }
        )
    return found


def _cases_apart(found: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The rows per case, in their order (which case comes first is free)."""
    per_case: dict[str, list[dict[str, Any]]] = {}
    for row in found:
        per_case.setdefault(row["case"], []).append(row)
    return per_case


@settings(max_examples=200, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=12))
def test_arranged_events_are_ordered_per_case_by_time_then_source_order(rows: list[tuple[Any, ...]]) -> None:
    result = arranged(standard_arrow(_table(rows)))
    assert result is not None
    columns = list(_by_hand(rows)[0])
    got = [{k: row[k] for k in columns} for row in result.to_pylist()]
    cases = [row["case"] for row in got]
    assert all(cases.index(case) == i or cases[i - 1] == case for i, case in enumerate(cases))  # one run per case
    assert _cases_apart(got) == _cases_apart(_by_hand(rows))


def test_a_log_in_order_keeps_its_rows_and_one_out_of_order_is_sorted() -> None:
    in_order = [("c1", "a", 0, "T1", None, None), ("c1", "b", 1, "T2", None, None), ("c2", "a", 0, None, None, None)]
    result = arranged(standard_arrow(_table(in_order)))
    assert result is not None
    assert [r["activity"] for r in result.to_pylist()] == ["a", "b", "a"]
    split = [("c1", "a", 0, None, None, None), ("c2", "a", 0, None, None, None), ("c1", "b", 1, None, None, None)]
    result = arranged(standard_arrow(_table(split)))
    assert result is not None
    assert [(r["case"], r["pos"], r["next_activity"]) for r in result.to_pylist()] == [
        ("c1", 1, "b"),
        ("c1", 2, None),
        ("c2", 1, None),
    ]


def test_a_parquet_log_ordered_here_or_by_the_engine_gives_the_same_report(tmp_path: Path) -> None:
    """Under a memory limit DuckDB orders the events itself (its own window, spilling when it must): the report
    equals the one from events ordered here, with the rows in order and shuffled (so that they must be sorted)."""
    import pyarrow.parquet as pq

    draw = random.Random(7)
    rows = sorted(
        ((f"c{draw.randrange(40)}", draw.choice("ABCDE"), draw.randrange(10**6), draw.choice(["T1", "T2 2nd", None]),
          draw.choice(["Open", "Wait - User", "Closed"])) for _ in range(400)),
        key=lambda row: (row[0], row[2]),  # no two events of a case at one time: every order sorts the same
    )  # fmt: skip
    reports = []
    for order, limit in ((rows, None), (draw.sample(rows, len(rows)), None), (draw.sample(rows, len(rows)), "1GB")):
        table = _table([(*row, None) for row in order])
        pq.write_table(table.rename_columns(["case", "activity", "team", "status", "lifecycle", "timestamp"]),
                       tmp_path / "log.parquet")  # fmt: skip
        report = analyze_file(tmp_path / "log.parquet", options=AnalysisOptions(memory_limit=limit))
        reports.append({k: v for k, v in report.items() if k != "seconds"})
    assert reports[0]["events"] == 400 and reports[0]["dfg"]
    assert reports[0] == reports[1] == reports[2]

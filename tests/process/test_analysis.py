"""The process report on small logs whose answers were worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from klantstem.errors import ImportFileError, UserInputError
from klantstem.process.eventlog import ColumnMapping
from klantstem.process.options import OPTIONAL_ANALYSES, AnalysisOptions
from klantstem.process.report import ANALYSIS_STEPS, analyze_file, analyze_table

H = 3600.0
# Amsterdam is UTC+2 in May: local 16:30 is 14:30 UTC.
LOCAL = timedelta(hours=2)
DATA = Path(__file__).parent.parent / "data" / "events"


def at(text: str) -> datetime:
    """A local (Amsterdam, summer) time as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC) - LOCAL


def log(rows: list[tuple[Any, ...]], columns: tuple[str, ...] = ("case", "activity", "timestamp")) -> pa.Table:
    data: dict[str, list[Any]] = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
    table = pa.table({k: v for k, v in data.items() if k != "timestamp"})
    moments = pa.array(data["timestamp"], pa.timestamp("us", tz="UTC"))
    return table.append_column("timestamp", moments)


def edge(report: dict[str, Any], a: str, b: str) -> dict[str, Any]:
    return next(d for d in report["dfg"] if (d["from"], d["to"]) == (a, b))


def test_out_of_order_equal_times_and_a_one_event_case() -> None:
    report = analyze_table(
        log(
            [
                ("c1", "close", at("2024-05-06 12:00")),  # written first, happens last
                ("c1", "open", at("2024-05-06 09:00")),
                ("c1", "check", at("2024-05-06 10:00")),
                ("c2", "open", at("2024-05-07 09:00")),
                ("c2", "check", at("2024-05-07 09:00")),  # same moment: written order decides
                ("c2", "close", at("2024-05-07 11:00")),
                ("c3", "open", at("2024-05-07 15:00")),  # a case of one event
            ]
        )
    )
    assert (report["cases"], report["events"], report["activities"]) == (3, 7, 3)
    assert report["case_duration_s"] == {"median": 2 * H, "mean": (3 * H + 2 * H + 0) / 3, "p90": 2.8 * H}
    assert edge(report, "open", "check")["count"] == 2
    assert edge(report, "open", "check")["median_s"] == 0.5 * H  # 1 h and 0 h
    assert (edge(report, "check", "close")["count"], edge(report, "check", "close")["median_s"]) == (2, 2 * H)
    assert {(d["from"], d["to"]) for d in report["dfg"]} == {("open", "check"), ("check", "close")}
    variants = {tuple(v["activities"]): (v["cases"], v["share"]) for v in report["variants"]["top"]}
    assert variants == {("open", "check", "close"): (2, 0.6667), ("open",): (1, 0.3333)}
    assert report["start_activities"] == {"open": 3}
    assert report["end_activities"] == {"close": 2, "open": 1}


def test_a_case_over_a_weekend_and_ascension_day() -> None:
    # Wednesday 8 May 2024 16:30 to Monday 13 May 09:30; Thursday 9 May is Ascension Day (a public holiday).
    report = analyze_table(log([("c", "asked", at("2024-05-08 16:30")), ("c", "answered", at("2024-05-13 09:30"))]))
    assert report["case_duration_s"]["median"] == 4 * 86400 + 17 * H
    # Open 08:30-17:30: Wednesday 1 h, Thursday closed, Friday 9 h, weekend closed, Monday 1 h.
    assert report["case_duration_business_s"]["median"] == 11 * H
    assert edge(report, "asked", "answered")["median_business_s"] == 11 * H
    assert report["bottlenecks"]["steps"][0]["step"] == "asked"
    assert report["bottlenecks"]["steps"][0]["total_business_s"] == 11 * H


def test_handovers_ping_pong_and_first_line() -> None:
    rows = [
        ("c1", "a", at("2024-05-06 09:00"), "Desk"),
        ("c1", "b", at("2024-05-06 10:00"), "Desk"),
        ("c1", "c", at("2024-05-06 11:00"), "Billing 2nd"),
        ("c1", "d", at("2024-05-06 12:00"), "Desk"),
        ("c1", "e", at("2024-05-06 13:00"), "Legal 3rd"),
        ("c2", "a", at("2024-05-06 09:00"), "Desk"),
        ("c2", "b", at("2024-05-06 09:30"), None),
        ("c2", "e", at("2024-05-06 10:00"), "Desk"),
        ("c3", "a", at("2024-05-06 09:00"), None),
    ]
    report = analyze_table(log(rows, ("case", "activity", "timestamp", "team")))
    moves = {(h["from_team"], h["to_team"]): h["count"] for h in report["handovers"]}
    assert moves == {("Desk", "Billing 2nd"): 1, ("Billing 2nd", "Desk"): 1, ("Desk", "Legal 3rd"): 1}
    assert report["ping_pong_cases"] == 1
    assert report["ping_pong"] == [{"team": "Desk", "other_team": "Billing 2nd", "count": 1, "cases": 1}]
    assert report["teams_per_case"]["histogram"] == {"1": 1, "3": 1}
    assert report["cases_returning_to_a_team"] == 1
    assert report["first_line_share"] == 0.5  # c2 stayed at the desk; c1 went to second and third line
    assert report["cases_without_team"] == 1


def test_waiting_by_cause_in_calendar_and_business_time() -> None:
    rows = [
        ("c", "accepted", at("2024-05-06 09:00"), "In Progress"),
        ("c", "accepted", at("2024-05-06 10:00"), "Wait - User"),
        ("c", "accepted", at("2024-05-06 13:00"), "Wait - Vendor"),
        ("c", "queued", at("2024-05-06 14:00"), "Awaiting Assignment"),
        ("c", "completed", at("2024-05-07 09:00"), "Closed"),
    ]
    report = analyze_table(log(rows, ("case", "activity", "timestamp", "lifecycle")))
    assert report["waiting_by_cause_s"] == {"customer": 3 * H, "organisation": 19 * H, "third_party": 1 * H}
    # Monday 14:00 to Tuesday 09:00 is open 3.5 h on Monday and 0.5 h on Tuesday.
    assert report["waiting_by_cause_business_s"]["organisation"] == 4 * H
    assert {w["status"]: w["cause"] for w in report["waiting_by_status"]} == {
        "Awaiting Assignment": "organisation",
        "Wait - User": "customer",
        "Wait - Vendor": "third_party",
    }


def test_repeats_same_case_and_within_days() -> None:
    rows = [
        ("c1", "open", at("2024-05-06 09:00"), "k1"),
        ("c1", "closed", at("2024-05-06 10:00"), "k1"),
        ("c1", "open", at("2024-05-08 10:00"), "k1"),  # came back about the same case
        ("c2", "open", at("2024-05-10 10:00"), "k1"),  # new case two days later
        ("c3", "open", at("2024-05-06 10:00"), "k2"),
        ("c4", "open", at("2024-06-06 10:00"), "k2"),  # a month later: no repeat
    ]
    report = analyze_table(log(rows, ("case", "activity", "timestamp", "customer")))
    same = report["repeats"]["same_case"]
    assert (same["reopened_cases"], same["closed_cases"], same["not_counted_cases"]) == (1, 1, 0)
    within = report["repeats"]["within_days"]
    assert (within["repeat_cases"], within["customers_who_came_back"], within["customers"]) == (1, 1, 2)
    assert within["share_of_customers"] == 0.5


def test_duplicates_and_missing_zones_are_counted_warnings(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "case,activity,timestamp\n"
        "c,a,2024-05-06T09:00:00+02:00\n"
        "c,a,2024-05-06T09:00:00+02:00\n"
        "c,b,2024-05-06 10:00:00\n"
    )
    report = analyze_file(path)
    assert report["warnings"] == {"timestamps_without_zone": 1, "duplicate_events": 1}
    assert report["events"] == 3 and report["case_duration_s"]["median"] == H


@pytest.mark.parametrize(
    ("content", "mapping", "error"),
    [
        ("case,activity,timestamp\nc,a,not a time\n", ColumnMapping(), ImportFileError),
        ("case,activity,timestamp\nc,a,\n", ColumnMapping(), ImportFileError),
        ("case,activity,timestamp\nc,a,2024-05-06\n", ColumnMapping(team="afdeling"), ImportFileError),
        ("case,activity,timestamp\n", ColumnMapping(), UserInputError),
    ],
)
def test_bad_logs_give_a_clear_error(tmp_path: Path, content: str, mapping: ColumnMapping, error: type) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(error):
        analyze_file(path, mapping)


def test_parquet_is_read_by_duckdb_with_incomplete_events_left_out(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "log.parquet"
    table = pa.table(
        {
            "ticket": ["t1", "t1", "t2", None],
            "step": ["in", "out", "in", "in"],
            "when": pa.array(
                [at("2024-05-06 09:00"), at("2024-05-06 11:00"), None, at("2024-05-06 09:00")],
                pa.timestamp("us", tz="UTC"),
            ),
        }
    )
    pq.write_table(table, path)
    report = analyze_file(path, ColumnMapping(case="ticket", activity="step", timestamp="when"))
    assert (report["cases"], report["events"]) == (1, 2)
    assert report["warnings"] == {"events_without_case_left_out": 1, "events_without_timestamp_left_out": 1}
    assert report["case_duration_business_s"]["median"] == 2 * H


def test_empty_table_is_refused() -> None:
    with pytest.raises(UserInputError, match="no events"):
        analyze_table(log([]))


def test_parquet_text_timestamps_that_cannot_be_read_are_left_out_and_counted(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "text.parquet"
    table = pa.table(
        {
            "case": ["a", "a", "a"],
            "activity": ["in", "out", "lost"],
            "timestamp": ["2024-05-06 09:00:00+02", "2024-05-06 10:00:00+02", "gisteren"],
        }
    )
    pq.write_table(table, path)
    report = analyze_file(path)
    assert report["events"] == 2 and report["case_duration_s"]["median"] == H
    assert report["warnings"] == {"events_without_timestamp_left_out": 1}


def test_a_record_written_just_after_closing_is_no_reopening() -> None:
    rows = [
        ("c1", "Open", at("2024-05-06 09:00")),
        ("c1", "Closed", at("2024-05-06 10:00")),
        ("c1", "Caused By CI", at("2024-05-06 10:00:20")),  # paperwork of the closing (BPI 2014)
        ("c2", "Open", at("2024-05-06 09:00")),
        ("c2", "Closed", at("2024-05-06 10:00")),
        ("c2", "Caused By CI", at("2024-05-07 12:00")),  # a day later, but still paperwork
        ("c3", "Open", at("2024-05-06 09:00")),
        ("c3", "Closed", at("2024-05-06 10:00")),
        ("c3", "Customer calls", at("2024-05-08 11:00")),  # the customer came back
        ("c3", "Closed", at("2024-05-08 12:00")),
        ("c4", "Open", at("2024-05-06 09:00")),  # never closed
        ("c4", "Update", at("2024-05-09 09:00")),
    ]
    same = analyze_table(log(rows))["repeats"]["same_case"]
    assert (same["reopened_cases"], same["closed_cases"], same["not_counted_cases"]) == (2, 3, 1)
    assert same["min_gap_s"] == 3600
    only_calls = analyze_table(log(rows), AnalysisOptions(reopen_activities="calls|contact"))["repeats"]["same_case"]
    assert (only_calls["reopened_cases"], only_calls["not_counted_cases"]) == (1, 2)
    assert only_calls["activities"] == "calls|contact"
    no_gap = analyze_table(log(rows), AnalysisOptions(reopen_gap_s=0))["repeats"]["same_case"]
    assert no_gap["reopened_cases"] == 3  # the old count: any work after closing


def test_waiting_that_is_an_activity_and_a_log_without_waiting() -> None:
    rows = [
        ("c1", "Assign", at("2024-05-06 09:00")),
        ("c1", "Wait", at("2024-05-06 10:00")),
        ("c1", "Resolve", at("2024-05-06 13:00")),
        ("c2", "Assign", at("2024-05-07 09:00")),
        ("c2", "Wacht op klant", at("2024-05-07 09:30")),
        ("c2", "Resolve", at("2024-05-07 10:30")),
    ]
    report = analyze_table(log(rows))
    assert report["waiting_source"] == "activity"
    assert report["waiting_by_cause_s"] == {"customer": 1 * H, "organisation": 3 * H, "third_party": 0.0}
    assert {w["status"]: w["count"] for w in report["waiting_by_status"]} == {"Wait": 1, "Wacht op klant": 1}
    plain = analyze_table(log([r for r in rows if r[1] in ("Assign", "Resolve")]))
    assert plain["waiting_source"] is None
    assert "no activity matches a waiting rule" in plain["waiting_note"]
    assert plain["waiting_by_cause_s"] == {"customer": 0.0, "organisation": 0.0, "third_party": 0.0}


def test_progress_names_every_step_of_a_file_analysis() -> None:
    import threading

    seen: list[str] = []
    lock = threading.Lock()

    def step(name: str) -> None:
        with lock:
            seen.append(name)

    report = analyze_file(DATA / "small.xes", options=AnalysisOptions(progress=step))
    assert report["events"] > 0
    assert seen[0] == f"read {report['events']:,} events"
    assert seen[1] == "ordering the events per case"
    assert len(seen) == 1 + ANALYSIS_STEPS
    named = " ".join(seen)
    assert all(word in named for word in ("lead times", "variants", "reopened cases", "waiting by cause", "hand-overs"))


def test_approximate_quantiles_carry_their_measured_error() -> None:
    # One pair, 40 waits of 1, 2, ..., 40 minutes within opening hours (calendar and business time agree).
    rows = []
    for n in range(1, 41):
        start = at("2024-05-07 09:00") + timedelta(days=7 * (n % 5))  # Tuesdays: no public holiday
        rows += [(f"c{n}", "open", start), (f"c{n}", "close", start + timedelta(minutes=n))]
    exact = analyze_table(log(rows))
    assert exact["quantiles"] == {"exact": True}
    approximate = analyze_table(log(rows), AnalysisOptions(exact_quantiles_up_to=0))
    found = approximate["quantiles"]
    assert (found["exact"], found["method"]) == (False, "t-digest")
    waits = [60.0 * n for n in range(1, 41)]
    pair = edge(approximate, "open", "close")
    errors = []
    for value, rank in ((pair["median_s"], 0.5), (pair["p90_s"], 0.9), (pair["median_business_s"], 0.5),
                        (pair["p90_business_s"], 0.9)):  # fmt: skip
        below = sum(w < value for w in waits) / len(waits)
        up_to = sum(w <= value for w in waits) / len(waits)
        errors.append(max(0.0, below - rank, rank - up_to))
    assert found["largest_rank_error"] == round(max(errors), 4)
    assert found["largest_rank_error"] < 0.05


def test_analyses_left_out_are_missing_and_the_rest_is_the_same() -> None:
    rows = [
        ("c1", "a", at("2024-05-06 09:00"), "Desk"),
        ("c1", "b", at("2024-05-06 10:00"), "Billing 2nd"),
        ("c1", "c", at("2024-05-06 12:00"), "Desk"),
        ("c2", "a", at("2024-05-07 09:00"), "Desk"),
        ("c2", "c", at("2024-05-07 09:30"), "Desk"),
    ]
    table = log(rows, ("case", "activity", "timestamp", "team"))
    whole = analyze_table(table)
    part = analyze_table(table, AnalysisOptions(leave_out=frozenset(OPTIONAL_ANALYSES)))
    assert set(OPTIONAL_ANALYSES) <= set(whole)
    assert not set(OPTIONAL_ANALYSES) & set(part)
    kept = set(whole) - set(OPTIONAL_ANALYSES) - {"seconds"}
    assert {k: part[k] for k in kept} == {k: whole[k] for k in kept}
    with pytest.raises(ValueError, match="dfg"):
        AnalysisOptions(leave_out=frozenset({"dfg"}))

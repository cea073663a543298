"""`klantstem process analyze`: JSON, table and an offline HTML page, from a file or the app database."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from klantstem.cli.main import main
from klantstem.db import schema

DATA = Path(__file__).parent.parent / "data" / "events"
REQUIRED = (
    "cases",
    "events",
    "activities",
    "case_duration_s",
    "variants",
    "dfg",
    "bottlenecks",
    "handovers",
    "ping_pong_cases",
    "waiting_by_cause_s",
)


def test_json_report_of_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["process", "analyze", str(DATA / "small.xes"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert all(key in report for key in REQUIRED)
    assert (report["cases"], report["events"], report["activities"]) == (3, 7, 3)
    assert set(report["case_duration_s"]) == {"median", "mean", "p90"}
    assert set(report["waiting_by_cause_s"]) == {"customer", "organisation", "third_party"}
    assert {"from", "to", "count", "median_s"} <= set(report["dfg"][0])
    assert report["handovers"] == [{"from_team": "Front", "to_team": "Back", "count": 1, "cases": 1}]


def test_table_and_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["process", "analyze", str(DATA / "small.csv"), "--timestamp", "Start Time"]) == 0
    assert "Process overview" in capsys.readouterr().out
    page = tmp_path / "report.html"
    assert main(["process", "analyze", str(DATA / "small.xes"), "--format", "html", "-o", str(page)]) == 0
    text = page.read_text()
    assert text.startswith("<!doctype html>") and "Process map" in text
    assert "<script src=" not in text  # plotly.js is inside the page: it works offline
    assert "Plotly.newPlot" in text and len(text) > 1_000_000


def test_bad_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["process", "analyze", str(DATA / "missing_column.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing_column.csv" in err[0] and "timestamp" in err[0]
    empty = tmp_path / "empty.csv"
    empty.write_text("case,activity,timestamp\n")
    assert main(["process", "analyze", str(empty)]) == 2
    assert "no events" in capsys.readouterr().err


def test_database_events_link_to_cases_and_customers(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["process", "analyze", "--db", db_url]) == 2
    assert "no process events" in capsys.readouterr().err
    with engine.begin() as conn:
        customer = conn.execute(
            insert(schema.customers)
            .values(display_name="K", created_at=datetime(2024, 1, 1, tzinfo=UTC))
            .returning(schema.customers.c.id)
        ).scalar_one()
        case_id = conn.execute(
            insert(schema.cases).values(external_id="R-1", customer_id=customer).returning(schema.cases.c.id)
        ).scalar_one()
    assert main(["import", "events", str(DATA / "small.xes"), "--db", db_url]) == 0
    capsys.readouterr()
    assert main(["process", "analyze", "--db", db_url, "--log-name", "small", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["cases"], report["events"], report["logs"]) == (3, 7, {"small": 7})
    slowest = report["slowest_cases"][0]
    # a case is known by its log and its key there (another log may have a case "R-1" too)
    assert (slowest["case"], slowest["case_id"], slowest["customer_id"]) == ("small:R-1", case_id, customer)
    assert report["repeats"]["within_days"]["customers"] == 1


def test_waiting_rules_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "case,activity,timestamp,status\n"
        "c,in,2024-05-06T09:00:00+02:00,Bij de dealer\n"
        "c,out,2024-05-06T11:00:00+02:00,Klaar\n"
    )
    assert main(["process", "analyze", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["waiting_by_cause_s"]["third_party"] == 0.0
    assert main(["process", "analyze", str(path), "--format", "json", "--wait", "(?i)dealer=third_party"]) == 0
    assert json.loads(capsys.readouterr().out)["waiting_by_cause_s"]["third_party"] == 7200.0
    assert main(["process", "analyze", str(path), "--wait", "dealer=the_moon"]) == 2
    assert "CAUSE one of" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["nothere.csv", "nothere.xes", "nothere.parquet"])
def test_a_missing_log_is_one_line(name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["process", "analyze", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {tmp_path / name}: no such file"]


@pytest.mark.parametrize("format", ["table", "json", "html"])
def test_output_file_holds_the_format_asked_for(
    format: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["process", "analyze", str(DATA / "small.xes"), "--format", format]) == 0
    shown = capsys.readouterr().out
    written = tmp_path / f"report.{format}"
    assert main(["process", "analyze", str(DATA / "small.xes"), "--format", format, "-o", str(written)]) == 0
    assert capsys.readouterr().out == ""
    text = written.read_text(encoding="utf-8")
    if format == "table":
        assert "Process overview" in text and not text.lstrip().startswith("{")
        assert text.split() == shown.split()  # the same tables as on the screen
    elif format == "json":
        took = {"seconds": None}  # how long the analysis took differs from run to run
        assert json.loads(text) | took == json.loads(shown) | took
    else:
        assert text.startswith("<!doctype html>")


def test_a_log_without_teams_says_so_instead_of_a_first_line_share(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "no_teams.csv"
    path.write_text("case,activity,timestamp\nc1,Open,2026-10-01T08:00:00Z\nc1,Close,2026-10-01T09:00:00Z\n")
    assert main(["process", "analyze", str(path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["first_line_share"] is None and report["first_line_rule"] == "the log names no teams"
    assert report["handovers"] == [] and report["cases_with_team"] == 0
    assert report["ping_pong_cases"] is None and report["ping_pong_count"] is None and report["ping_pong"] == []
    assert main(["process", "analyze", str(path)]) == 0
    shown = capsys.readouterr().out
    zero = re.compile(r"(?<![0-9.])0\.0 ?%")
    assert "the log names no teams" in shown and not zero.search(shown) and "Hand-overs" not in shown
    ping_pong_row = next(line for line in shown.splitlines() if "ping-pong" in line)
    assert "the log names no teams" in ping_pong_row and not re.search(r"\b0\b", ping_pong_row)
    page = tmp_path / "report.html"
    assert main(["process", "analyze", str(path), "--format", "html", "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.count("the log names no teams") == 3 and not zero.search(text)  # ping-pong, first line, chart
    assert main(["process", "analyze", str(DATA / "small.xes"), "--format", "json"]) == 0
    with_teams = json.loads(capsys.readouterr().out)
    assert with_teams["first_line_share"] is not None and with_teams["first_line_rule"] != "the log names no teams"
    assert isinstance(with_teams["ping_pong_cases"], int)


def test_reopening_gap_and_activities_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "case,activity,timestamp\n"
        "c,Open,2024-05-06T09:00:00+02:00\n"
        "c,Closed,2024-05-06T10:00:00+02:00\n"
        "c,Caused By CI,2024-05-06T10:00:30+02:00\n"
        "c,Customer calls,2024-05-06T12:00:00+02:00\n"
    )

    def same_case(*options: str) -> dict[str, object]:
        assert main(["process", "analyze", str(path), "--format", "json", *options]) == 0
        return json.loads(capsys.readouterr().out)["repeats"]["same_case"]  # type: ignore[no-any-return]

    assert same_case()["reopened_cases"] == 1
    assert same_case("--reopen-gap", "3h") == {
        "reopened_cases": 0, "closed_cases": 1, "not_counted_cases": 1, "min_gap_s": 10800, "activities": "any"
    }  # fmt: skip
    assert same_case("--reopen-gap", "0", "--reopen-activity", "caused")["reopened_cases"] == 1
    assert same_case("--reopen-activity", "^Caused")["reopened_cases"] == 0  # within the gap; the call is not asked for
    for bad in (["--reopen-gap", "soon"], ["--reopen-activity", "(unclosed"]):
        assert main(["process", "analyze", str(path), *bad]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {bad[0]}") and len(err.strip().splitlines()) == 1


def test_memory_limit_and_spill_folder_problems_are_one_line_and_no_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    log = str(DATA / "small.xes")
    cases = [
        (["--memory-limit", "1MB"], "needs more than the memory limit (1MB)"),
        (["--memory-limit", "plenty"], "cannot start the analysis database"),
    ]
    for options, message in cases:
        assert main(["process", "analyze", log, "--format", "json", "-o", str(report), *options]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert not report.exists()
    spill = tmp_path / "spill"
    options = ["--memory-limit", "200MB", "--spill-dir", str(spill)]
    assert main(["process", "analyze", log, "--format", "json", "-o", str(report), *options]) == 0
    assert json.loads(report.read_text())["events"] > 0

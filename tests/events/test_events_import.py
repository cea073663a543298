"""`klantstem import events`: all or nothing, idempotent, linked to cases, and bad files refused cleanly."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.cli.main import main
from klantstem.db import schema
from klantstem.events import service

DATA = Path(__file__).parent.parent / "data" / "events"


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in schema.metadata.tables.items()
        }


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["import", "events", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_import_twice_adds_nothing_the_second_time(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run_json(capsys, str(DATA / "small.xes"), "--db", db_url)
    assert (first["events"], first["added"], first["duplicates"], first["rejected"]) == (7, 7, 0, 0)
    second = run_json(capsys, str(DATA / "small.xes"), "--db", db_url)
    assert (second["added"], second["duplicates"]) == (0, 7)
    table = counts(engine)
    assert table["process_events"] == 7
    assert table["import_runs"] == 2
    with engine.connect() as conn:
        runs = conn.execute(select(schema.import_runs.c.kind, schema.import_runs.c.added)).all()
        repeated = conn.execute(
            select(func.count()).where(
                schema.process_events.c.case_key == "R-2", schema.process_events.c.activity == "Accepted"
            )
        ).scalar_one()
    assert sorted(runs) == [("events", 0), ("events", 7)]
    assert repeated == 2  # two identical events in one case are both kept


def test_gzip_copy_is_recognised_as_the_same_events(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    packed = tmp_path / "small.xes.gz"
    packed.write_bytes(gzip.compress((DATA / "small.xes").read_bytes()))
    run_json(capsys, str(DATA / "small.xes"), "--db", db_url)
    again = run_json(capsys, str(packed), "--db", db_url)
    assert (again["log_name"], again["added"], again["duplicates"]) == ("small", 0, 7)


def test_events_are_linked_to_known_cases_and_exported(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with engine.begin() as conn:
        customer = conn.execute(
            insert(schema.customers)
            .values(display_name="K", created_at=datetime(2024, 1, 1, tzinfo=UTC))
            .returning(schema.customers.c.id)
        ).scalar_one()
        conn.execute(insert(schema.cases).values(external_id="R-1", customer_id=customer))
    result = run_json(capsys, str(DATA / "small.xes"), "--db", db_url, "--log-name", "helpdesk")
    assert result["cases_linked"] == 3
    table = service.events_table(engine, "helpdesk")
    assert table.num_rows == 7
    rows = table.to_pylist()
    linked = [r for r in rows if r["customer_id"] is not None]
    assert {r["case"] for r in linked} == {"R-1"} and len(linked) == 3
    assert {r["customer_id"] for r in linked} == {customer}
    assert min(r["timestamp"] for r in rows).isoformat() == "2024-03-01T08:00:00+00:00"
    assert service.log_names(engine) == {"helpdesk": 7}


def test_csv_with_column_options(engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_json(capsys, str(DATA / "small.csv"), "--db", db_url, "--timestamp", "Start Time", "--team", "Team")
    assert (result["added"], result["warnings"]) == (5, {"timestamps_without_zone": 3})
    with engine.connect() as conn:
        teams = conn.execute(select(schema.process_events.c.team).order_by(schema.process_events.c.id)).scalars()
        assert list(teams) == ["Front", "Back", "Front", "Back", "Front"]


def _too_long(tmp_path: Path) -> Path:
    path = tmp_path / "long.csv"
    path.write_text("case,activity,timestamp\nA,ok,2024-01-01T00:00:00Z\nA," + "x" * 301 + ",2024-01-02T00:00:00Z\n")
    return path


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("not_well_formed.xes", ["not_well_formed.xes", "line 25", "not well-formed"]),
        ("no_timestamp.xes", ["no_timestamp.xes", "line 48", "time:timestamp"]),
        ("bad_timestamp.xes", ["bad_timestamp.xes", "line 48", "time:timestamp", "2024-04-31"]),
        ("empty.xes", ["empty.xes", "empty"]),
        ("missing_column.csv", ["missing_column.csv", "line 1", "timestamp"]),
        ("bad_timestamp.csv", ["bad_timestamp.csv", "line 3", "'timestamp'", "yesterday"]),
        ("truncated.xes.gz", ["truncated.xes.gz", "truncated"]),
        ("long.csv", ["long.csv", "line 3", "'activity'", "300"]),
        ("header_only.csv", ["header_only.csv", "no events"]),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    engine: Engine,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    name: str,
    expected: list[str],
) -> None:
    run_json(capsys, str(DATA / "small.xes"), "--db", db_url)
    before = counts(engine)
    path = DATA / name
    if name == "truncated.xes.gz":
        packed = gzip.compress((DATA / "small.xes").read_bytes())
        path = tmp_path / name
        path.write_bytes(packed[: len(packed) - 30])
    elif name == "long.csv":
        path = _too_long(tmp_path)
    elif name == "header_only.csv":
        path = tmp_path / name
        path.write_text("case,activity,timestamp\n")
    assert main(["import", "events", str(path), "--db", db_url]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert all(word in lines[0] for word in expected), lines[0]
    assert "Traceback" not in captured.err
    assert counts(engine) == before


def test_missing_file(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["import", "events", str(tmp_path / "nope.xes"), "--db", db_url]) == 2
    assert "no such file" in capsys.readouterr().err


def generated_xes(traces: int) -> str:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xmlns="http://www.xes-standard.org/">\n']
    for t in range(traces):
        parts.append(f'<trace><string key="concept:name" value="k-{t}"/>\n')
        for e in range(6):
            parts.append(
                f'<event><string key="concept:name" value="step {e}"/><string key="org:group" value="g{e % 3}"/>'
                f'<date key="time:timestamp" value="2022-02-{1 + e:02d}T0{e}:{t % 60:02d}:00+01:00"/></event>\n'
            )
        parts.append("</trace>\n")
    return "".join(parts) + "</log>\n"


def _read_position(pid: int, path: Path) -> int:
    """How far the process has read the file (Linux: /proc/PID/fdinfo)."""
    best = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) == str(path):
                info = (Path(f"/proc/{pid}/fdinfo") / fd.name).read_text()
                best = max(best, int(info.split("pos:")[1].split()[0]))
        except (OSError, IndexError):
            continue
    return best


@pytest.mark.skipif(not Path("/proc/self/fdinfo").exists(), reason="needs Linux /proc to see the read position")
def test_sigkill_halfway_leaves_the_database_as_before(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_json(capsys, str(DATA / "small.xes"), "--db", db_url)
    before = counts(engine)
    path = tmp_path / "big.xes"
    path.write_text(generated_xes(6_000))
    size = path.stat().st_size
    command = [sys.executable, "-c", "import sys; from klantstem.cli.main import main; sys.exit(main(sys.argv[1:]))"]
    process = subprocess.Popen([*command, "import", "events", str(path), "--db", db_url])
    try:
        deadline = time.monotonic() + 60
        while _read_position(process.pid, path) < size * 0.4:
            assert process.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert counts(engine) == before
    result = run_json(capsys, str(path), "--db", db_url)
    assert (result["events"], result["added"]) == (36_000, 36_000)
    assert counts(engine)["process_events"] == before["process_events"] + 36_000


def test_an_imported_event_keeps_the_promise_that_expected_it(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    with engine.begin() as conn:
        customer = conn.execute(
            insert(schema.customers).values(display_name="K", created_at=made).returning(schema.customers.c.id)
        ).scalar_one()
        case = conn.execute(
            insert(schema.cases).values(external_id="R-1", customer_id=customer).returning(schema.cases.c.id)
        ).scalar_one()
        promise = {"customer_id": customer, "case_id": case, "kind": "delivery", "description": "d",
                   "made_at": made, "status": "open", "source": "manual"}  # fmt: skip
        in_time, too_late = (
            conn.execute(
                insert(schema.promises)
                .values(**promise, expected_activity=activity, due_at=due, fingerprint=activity)
                .returning(schema.promises.c.id)
            ).scalar_one()
            for activity, due in (("completed", datetime(2024, 3, 5, tzinfo=UTC)),
                                  ("queued", datetime(2024, 3, 1, 9, 0, tzinfo=UTC)))
        )  # fmt: skip
    result = run_json(capsys, str(DATA / "small.csv"), "--db", db_url)
    assert result["promises_kept"] == 1, "kept at import, without a scan"
    with engine.connect() as conn:
        status = dict(conn.execute(select(schema.promises.c.id, schema.promises.c.status)).all())
    assert status == {in_time: "kept", too_late: "open"}, "an event after the due time keeps nothing"
    assert run_json(capsys, str(DATA / "small.csv"), "--db", db_url)["promises_kept"] == 0


def test_csv_reads_by_the_one_delimiter_and_date_rule(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A quoted header field holding commas does not make `,` the delimiter; dates in the contact import's forms."""
    path = tmp_path / "log.csv"
    path.write_text(
        '"case, id";activity;timestamp\nR-1;Aangenomen;23 november 2026 14:05\nR-1;Gesloten;2026/11/23 15:05\n'
        "R-1;Gebeld;29-03-2026 02:30\n"
    )
    result = run_json(capsys, str(path), "--db", db_url, "--case", "case, id")
    assert (result["events"], result["added"]) == (3, 3)
    assert result["warnings"] == {"timestamps_without_zone": 3, "nonexistent_local_times": 1}
    with engine.connect() as conn:
        times = conn.execute(select(schema.process_events.c.occurred_at).order_by(schema.process_events.c.id)).all()
    assert [row[0].replace(tzinfo=UTC) if row[0].tzinfo is None else row[0] for row in times] == [
        datetime(2026, 11, 23, 13, 5, tzinfo=UTC),
        datetime(2026, 11, 23, 14, 5, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    ]


def test_two_logs_with_the_same_case_id_are_two_cases_everywhere(
    engine: Engine, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line and the dashboard count cases with the same key: a log's case "1" is not another's."""
    from klantstem.insights import service as insights
    from klantstem.settings import Settings

    for name, team in (("north", "Front"), ("south", "Back")):
        log = tmp_path / f"{name}.csv"
        log.write_text(f"case,activity,timestamp,team\n1,Open,2026-10-01T08:00:00Z,{team}\n"
                       f"1,Close,2026-10-01T09:00:00Z,{team}\n")  # fmt: skip
        assert main(["import", "events", str(log), "--db", db_url]) == 0
    capsys.readouterr()
    assert main(["process", "analyze", "--db", db_url, "--format", "json"]) == 0
    from_cli = json.loads(capsys.readouterr().out)
    dashboard = insights.process_report(engine, Settings().with_database(db_url), insights.Filters())
    assert dashboard is not None
    assert from_cli["cases"] == dashboard["cases"] == 2
    assert from_cli["events"] == dashboard["events"] == 4


def test_a_report_of_all_logs_names_them_and_warns_when_their_sources_differ(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def log(name: str, activities: tuple[str, ...]) -> None:
        rows = "".join(f"c{c},{a},2026-10-0{c + 1}T{8 + i:02d}:00:00Z\n" for c in range(2) for i, a in
                       enumerate(activities))  # fmt: skip
        (tmp_path / f"{name}.csv").write_text("case,activity,timestamp\n" + rows)
        assert main(["import", "events", str(tmp_path / f"{name}.csv"), "--db", db_url]) == 0
        capsys.readouterr()

    def analyse(*extra: str) -> tuple[dict[str, object], str]:
        assert main(["process", "analyze", "--db", db_url, "--format", "json", *extra]) == 0
        captured = capsys.readouterr()
        return json.loads(captured.out), captured.err

    log("october", ("Register", "Assess", "Close"))
    log("november", ("Register", "Assess", "Reopen", "Close"))  # one system, another month
    report, err = analyse()
    assert report["logs"] == {"november": 8, "october": 6}
    assert report["mixed_sources"] is None and "warning" not in err
    log("volvo", ("Accepted", "Queued", "Completed"))
    report, err = analyse()
    assert report["logs"] == {"november": 8, "october": 6, "volvo": 6}
    warning = str(report["mixed_sources"])
    assert "3 event logs" in warning and "volvo (6 events)" in warning
    assert err.startswith("warning: ") and err.count("\n") == 1 and "volvo" in err
    report, err = analyse("--log-name", "volvo")
    assert report["logs"] == {"volvo": 6} and report["mixed_sources"] is None and err == ""
    assert main(["process", "analyze", "--db", db_url]) == 0
    assert "volvo (6 events)" in capsys.readouterr().out


@pytest.mark.parametrize("blank_lines", [0, 3])
def test_lines_named_in_errors_count_multi_line_fields_and_empty_lines(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, blank_lines: int
) -> None:
    """Arrow numbers records, not lines: a record over two lines or an empty line before a record must not move
    the line an error names."""
    path = tmp_path / "log.csv"
    rows = [
        "case;activity;timestamp;resource",
        'R-1;A;2026-03-01 10:00;"Anna\nde Vries"',
        'R-1;B;2026-03-01 11:00;"Bob\nJansen"',
        *[""] * blank_lines,
        "R-1;C;2026-03-01 12:00;Carl",
        "R-1;D;2026-13-01 12:00;Dirk",
        "R-1;E;2026-03-01 14:00;Eva",
    ]
    path.write_text("\n".join(rows) + "\n\n")
    bad = 7 + blank_lines
    assert path.read_text().splitlines()[bad - 1].startswith("R-1;D;")
    before = counts(engine)
    for command in (["import", "events", str(path), "--db", db_url], ["process", "analyze", str(path)]):
        assert main(command) == 2
        assert f"line {bad}, field 'timestamp'" in capsys.readouterr().err
    assert counts(engine) == before
    path.write_text("\n".join(rows).replace("2026-13-01", "2026-03-01") + "\n")
    report = run_json(capsys, str(path), "--db", db_url, "--format", "json")
    assert report["added"] == 5


def test_a_line_over_the_boundary_of_the_quote_pass_chunks_is_one_line(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The quote pass reads the file a megabyte at a time: a record that runs over that boundary is one record."""
    head = ["case;activity;timestamp;resource", 'R-1;A;2026-03-01 10:00;"Anna\nde Vries"']
    head.append('R-1;B;2026-03-01 10:01;"Bob\nJansen"')
    filler = [f"R-{n};C;2026-03-01 11:00;{'x' * (n % 97)}" for n in range(40_000)]
    rows = [*head, *filler, "R-1;D;2026-13-01 12:00;Dirk"]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(rows) + "\n")
    assert path.stat().st_size > 1 << 20
    assert main(["import", "events", str(path), "--db", db_url]) == 2
    assert f"line {len(rows) + 2}, field 'timestamp'" in capsys.readouterr().err

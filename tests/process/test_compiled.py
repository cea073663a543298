"""SQL compiled once per shape of log: a second report reuses it and still answers for its own events."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pytest

from klantstem.process import compiled
from klantstem.process.compiled import named, query
from klantstem.process.engine_duckdb import connect
from klantstem.process.options import AnalysisOptions
from klantstem.process.report import analyze_table


def log(cases: int, start: datetime, closing: str) -> pa.Table:
    rows = [(f"c{i}", a, start + timedelta(hours=i + k)) for i in range(cases) for k, a in enumerate(("open", closing))]
    return pa.table(
        {
            "case": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": pa.array([r[2] for r in rows], pa.timestamp("us", tz="UTC")),
        }
    )


def test_a_second_report_of_the_same_shape_compiles_nothing_and_reads_its_own_events() -> None:
    first = analyze_table(log(3, datetime(2024, 5, 6, 9, tzinfo=UTC), "closed"))
    kept = {key: id(statement) for key, statement in compiled._kept.items()}
    again = analyze_table(log(3, datetime(2024, 5, 6, 9, tzinfo=UTC), "closed"))
    assert {key: id(statement) for key, statement in compiled._kept.items()} == kept  # none compiled again
    assert {k: v for k, v in again.items() if k != "seconds"} == {k: v for k, v in first.items() if k != "seconds"}
    other = analyze_table(log(5, datetime(2024, 5, 6, 9, tzinfo=UTC), "closed"))
    assert (other["cases"], other["events"], other["dfg"][0]["count"]) == (5, 10, 5)
    assert other["repeats"]["same_case"]["closed_cases"] == 5


def test_parameters_and_data_that_shape_the_sql_are_part_of_the_key() -> None:
    # Another span (the business clock's first day) and other closing activities give statements of their own.
    late = analyze_table(log(2, datetime(2025, 1, 6, 9, tzinfo=UTC), "afgesloten"))
    assert late["repeats"]["same_case"]["closed_cases"] == 2
    assert late["case_duration_business_s"]["median"] == 3600.0
    top1 = analyze_table(log(4, datetime(2024, 5, 6, 9, tzinfo=UTC), "closed"), AnalysisOptions(top=1))
    assert len(top1["slowest_cases"]) == 1


def _count(events: ir.Table, least: int) -> ir.Table:
    kept = events.filter(events.n >= least)
    return kept.aggregate(rows=kept.count())


def test_query_functions_take_named_tables_and_no_closures() -> None:
    con = connect(AnalysisOptions(threads=1))
    con.con.register("numbers", pa.table({"n": [1, 2, 3]}))
    numbers = named("numbers", ibis.schema({"n": "int64"}))
    assert query(con, _count, numbers, least=2).to_pylist() == [{"rows": 2}]
    assert query(con, _count, numbers, least=3).to_pylist() == [{"rows": 1}]
    with pytest.raises(TypeError, match="by name"):
        query(con, _count, ibis.memtable({"n": [1]}), least=1)
    limit = 2
    with pytest.raises(TypeError, match="closure"):
        query(con, lambda t: t.limit(limit), numbers)


def _fresh_process(monkeypatch: pytest.MonkeyPatch, folder: Path | None) -> None:
    """What a new process knows: no statement in memory, the folder's file not yet read."""
    monkeypatch.setattr(compiled, "_kept", type(compiled._kept)())
    compiled.keep_in(None)
    compiled.keep_in(folder)


_CLOCK_KEY = 'value:["clock_tables", "mon-fri 08:30-17:30", "NL", "Europe/Amsterdam", [], "2024-03-02", "2024-03-06"]'


def test_statements_kept_in_a_folder_serve_a_new_process_without_compiling(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    options = AnalysisOptions(sql_cache=str(tmp_path))
    _fresh_process(monkeypatch, tmp_path)
    first = analyze_table(log(4, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), options)
    [stored] = list(tmp_path.glob("process-sql-*.json"))
    made = dict(compiled._kept)
    kept = json.loads(stored.read_text())
    assert len([key for key in kept if not key.startswith("value:")]) == len(made) > 10
    assert [key for key in kept if key.startswith("value:")] == [_CLOCK_KEY]  # the business clock's days

    _fresh_process(monkeypatch, tmp_path)
    monkeypatch.setattr(compiled, "_compiling", _NoCompiling())
    again = analyze_table(log(4, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), options)
    assert {k: v for k, v in again.items() if k != "seconds"} == {k: v for k, v in first.items() if k != "seconds"}
    assert set(compiled._kept) == set(made)
    for key, statement in compiled._kept.items():  # the same SQL and result types as compiled
        assert (statement.sql, statement.types, statement.arrow) == (made[key].sql, made[key].types, made[key].arrow)


class _NoCompiling:
    """In place of the lock taken around compiling: any compiling fails the test."""

    def __enter__(self) -> None:
        raise AssertionError("compiled although the folder holds the statement")

    def __exit__(self, *exc: object) -> None:
        return None


def test_a_damaged_or_foreign_file_means_compiling_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    options = AnalysisOptions(sql_cache=str(tmp_path))
    _fresh_process(monkeypatch, tmp_path)
    expected = analyze_table(log(2, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), options)
    [stored] = list(tmp_path.glob("process-sql-*.json"))
    kept = json.loads(stored.read_text())
    for damage in ("{not json", json.dumps({key: {"sql": "SELECT 1"} for key in kept})):
        stored.write_text(damage)
        _fresh_process(monkeypatch, tmp_path)
        report = analyze_table(log(2, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), options)
        assert {k: v for k, v in report.items() if k != "seconds"} == {
            k: v for k, v in expected.items() if k != "seconds"
        }


def test_other_code_reads_another_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    options = AnalysisOptions(sql_cache=str(tmp_path))
    _fresh_process(monkeypatch, tmp_path)
    analyze_table(log(2, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), options)
    monkeypatch.setattr(compiled, "_digest", "0" * 16)  # as if klantstem or a library had changed
    _fresh_process(monkeypatch, tmp_path)
    analyze_table(log(2, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), options)
    assert len(list(tmp_path.glob("process-sql-*.json"))) == 2


def test_an_unwritable_folder_only_means_compiling(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    _fresh_process(monkeypatch, blocked / "cache")
    report = analyze_table(
        log(3, datetime(2024, 3, 4, 9, tzinfo=UTC), "closed"), AnalysisOptions(sql_cache=str(blocked / "cache"))
    )
    assert report["cases"] == 3


def test_parameters_without_a_lasting_text_stay_in_memory() -> None:
    assert compiled._plain((1, "a", None, datetime(2024, 1, 1, tzinfo=UTC))) is not None
    assert compiled._plain(frozenset({"a", "b"})) is None  # its order is not the same in every process
    assert compiled._plain(object()) is None


def test_entries_kept_by_threads_side_by_side_all_reach_the_folder(tmp_path: Path) -> None:
    """The analyses' threads keep entries at the same time: each must be in the file a later process reads (a
    thread that wrote its older copy after another's newer one used to drop that entry)."""
    compiled.keep_in(None)
    compiled.keep_in(tmp_path)
    try:
        keys = [f"thread-test-{n}" for n in range(400)]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda key: compiled.remember(key, key.upper() * 200), keys))
        compiled.keep_in(None)  # forget what this process holds: read back from the folder, as a new process does
        compiled.keep_in(tmp_path)
        assert [compiled.recall(key) for key in keys] == [key.upper() * 200 for key in keys]
    finally:
        compiled.keep_in(None)

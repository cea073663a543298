"""The full process report for an event log, as plain data (JSON-ready).

report = analyze_file(Path("log.xes.gz"))                 # XES, CSV: read into Arrow
report = analyze_file(Path("log.parquet"), mapping)       # Parquet: DuckDB reads it directly
report = analyze_table(arrow_table, options)              # e.g. the app database's events
report = analyze_table(arrow_table, connection=spark)     # on a SparkSession (or DuckDB connection) of your own
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from klantstem.errors import UserInputError
from klantstem.files import require_readable
from klantstem.process.bottlenecks import bottlenecks
from klantstem.process.compiled import Engine, Named, materialize, named, query
from klantstem.process.csvlog import resolve_columns
from klantstem.process.dfg import directly_follows, pair_rows, quantile_error, start_and_end, variants
from klantstem.process.engines import engine_of, open_engine
from klantstem.process.eventlog import ColumnMapping, read_table
from klantstem.process.frame import SOURCE, SOURCE_SCHEMA, arrow_span, prepare, register_arrow
from klantstem.process.frame import duplicates as duplicates_of
from klantstem.process.handovers import handovers, ping_pong, team_visits, teams_per_case
from klantstem.process.leadtimes import case_table, lead_times, slowest_cases
from klantstem.process.options import ONE_THREAD_BELOW, AnalysisOptions
from klantstem.process.repeats import reopened, repeat_customers
from klantstem.process.stats import rows
from klantstem.process.waiting import waiting_by_cause, with_activities

if TYPE_CHECKING:
    import ibis.expr.types as ir


def analyze_file(
    path: Path, mapping: ColumnMapping | None = None, options: AnalysisOptions | None = None, connection: Any = None
) -> dict[str, Any]:
    """The report for an event-log file; raises ImportFileError / UserInputError on bad input. `connection`: a
    DuckDB connection or SparkSession of the caller's to run it on (else AnalysisOptions.engine says where)."""
    options = options or AnalysisOptions()
    mapping = mapping or ColumnMapping()
    require_readable(path)
    if path.name.lower().endswith(".parquet"):
        return _analyze_parquet(path, mapping, options, connection)
    table, stats = read_table(path, mapping, default_timezone=options.timezone)
    if options.progress is not None:
        options.progress(f"read {table.num_rows:,} events")
    return analyze_table(table, options, dict(stats.warnings), source=str(path), connection=connection)


def analyze_table(
    table: pa.Table,
    options: AnalysisOptions | None = None,
    warnings: dict[str, int] | None = None,
    source: str = "",
    connection: Any = None,
) -> dict[str, Any]:
    """The report for events in an Arrow table with the standard columns."""
    options = options or AnalysisOptions()
    if options.threads is None and table.num_rows < ONE_THREAD_BELOW and engine_of(options, connection) == "duckdb":
        options = replace(options, threads=1)
    with open_engine(options, connection) as con:
        events = register_arrow(con, table)
        return build_report(con, events, options, dict(warnings or {}), source, arrow_span(table))


def _analyze_parquet(path: Path, mapping: ColumnMapping, options: AnalysisOptions, connection: Any) -> dict[str, Any]:
    import pyarrow.parquet as pq

    try:
        names = pq.ParquetFile(path).schema_arrow.names
    except (OSError, pa.ArrowException) as exc:
        raise UserInputError(f"{path}: not a readable Parquet file ({exc})") from None
    columns = resolve_columns(path, names, mapping)
    with open_engine(options, connection) as con:
        name, warnings = con.read_parquet(path, columns, SOURCE)
        return build_report(con, named(name, SOURCE_SCHEMA), options, warnings, str(path))


def build_report(
    con: Engine,
    events: Named,
    options: AnalysisOptions,
    warnings: dict[str, int],
    source: str,
    span: tuple[datetime | None, datetime | None] | None = None,
) -> dict[str, Any]:
    """Every analysis on the prepared events. The queries after `prepare` are independent of each other, so
    they run two at a time, each on a connection of its own (DuckDB runs a query without holding the GIL)."""
    started = time.perf_counter()
    step = options.progress or _quiet
    step("ordering the events per case")
    prepared = prepare(con, events, options, span)
    with ThreadPoolExecutor(_SIDE_BY_SIDE) as pool:

        def side(work: Callable[..., Any], *args: Any) -> Future[Any]:
            done = pool.submit(_on_cursor, con.cursor(), work, *args)
            done.add_done_callback(lambda _: step(_STEPS.get(getattr(work, "__name__", ""), "analysed")))
            return done

        # Submitted in order (a task may wait for an earlier one) and the longest first.
        head = side(_head_row, prepared)
        teams = side(_teams, prepared, head, options)
        cases = side(_cases, prepared, options)
        top_variants = side(variants, prepared, options.top)
        pairs = side(_pairs_and_bottlenecks, prepared, head, options)
        ends = side(start_and_end, prepared)
        waiting = side(waiting_by_cause, prepared, options)
        same_case = side(_reopened, prepared, pairs, ends, waiting, options)
        found = head.result()
        if not found["events"]:
            raise UserInputError("the event log holds no events")
        duplicates = int(found["duplicates"] or 0)
        if duplicates:
            warnings["duplicate_events"] = duplicates
        if int(found["events"]) > options.exact_quantiles_up_to:
            warnings["approximate_step_quantiles"] = 1
        report = _header(source, found, options)
        per_case = cases.result()
        report |= per_case["lead_times"]
        report["variants"] = top_variants.result()
        pair_list, ranked, accuracy = pairs.result()
        report["dfg"] = directly_follows(pair_list)
        report["quantiles"] = accuracy
        report |= ends.result()
        report["bottlenecks"] = ranked
        report |= teams.result()
        waited, statuses = waiting.result()
        report |= with_activities(waited, pair_list, statuses, options)
        report["repeats"] = {"same_case": same_case.result(), "within_days": per_case["within_days"]}
    report["slowest_cases"] = per_case["slowest_cases"]
    report["warnings"] = warnings
    report["seconds"] = round(time.perf_counter() - started, 3)
    return report


_SIDE_BY_SIDE = 2
# What each analysis is called in progress messages (AnalysisOptions.progress), by its function's name.
_STEPS = {
    "_head_row": "counted events and cases",
    "_teams": "hand-overs and ping-pong",
    "_cases": "lead times",
    "variants": "variants",
    "_pairs_and_bottlenecks": "directly-follows graph and bottlenecks",
    "start_and_end": "start and end activities",
    "waiting_by_cause": "waiting by cause",
    "_reopened": "reopened cases",
}
ANALYSIS_STEPS = len(_STEPS) + 1  # with ordering the events: how often `progress` is called by build_report


def _quiet(_: str) -> None:
    return None


def _on_cursor(own: Engine, work: Callable[..., Any], *args: Any) -> Any:
    try:
        return work(own, *args)
    finally:
        own.close()


def _head_row(con: Any, prepared: ir.Table) -> dict[str, Any]:
    return rows(query(con, _head, prepared))[0]


def _cases(con: Any, prepared: ir.Table, options: AnalysisOptions) -> dict[str, Any]:
    cases = materialize(con, "cases", case_table, prepared)
    return {
        "lead_times": lead_times(con, cases),
        "within_days": repeat_customers(con, cases, options.repeat_days),
        "slowest_cases": slowest_cases(con, cases, options.top),
    }


def _pairs_and_bottlenecks(
    con: Any, prepared: ir.Table, head: Future[dict[str, Any]], options: AnalysisOptions
) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]:
    """The directly-follows rows, the bottlenecks, and whether their quantiles are exact (above
    `exact_quantiles_up_to` events they are a t-digest's, and their largest error is measured)."""
    exact = int(head.result()["events"]) <= options.exact_quantiles_up_to
    pairs = pair_rows(con, prepared, exact)
    accuracy = {"exact": True} if exact else quantile_error(con, prepared, pairs)
    return pairs, bottlenecks(con, prepared, pairs, options.top, exact), accuracy


def _head(events: ir.Table) -> ir.Table:
    return events.aggregate(
        events=events.count(),
        cases=(events.pos == 1).sum(),  # each case's first event: no distinct count over every case key
        activities=events.activity.nunique(),
        teams=events.team.nunique(),
        duplicates=duplicates_of(events),
    )


def _header(source: str, head: dict[str, Any], options: AnalysisOptions) -> dict[str, Any]:
    return {
        "source": source,
        "cases": int(head["cases"]),
        "events": int(head["events"]),
        "activities": int(head["activities"]),
        "teams": int(head["teams"]),
        "business_hours": {
            "opening_hours": options.opening_hours,
            "holidays": options.holiday_country,
            "timezone": options.timezone,
        },
    }


def _reopened(
    con: Any,
    prepared: Named,
    pairs: Future[tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]],
    ends: Future[dict[str, dict[str, int]]],
    waiting: Future[tuple[dict[str, Any], list[str]]],
    options: AnalysisOptions,
) -> dict[str, Any]:
    """Reopened cases; the closing activities and statuses are picked from every activity (each is in a
    directly-follows pair or ends a case) and every status."""
    names = {p["activity"] for p in pairs.result()[0]} | set(ends.result()["end_activities"]) | set(waiting.result()[1])
    return reopened(con, prepared, names, options.reopen_gap_s, options.reopen_activities)


def _teams(con: Any, prepared: ir.Table, head: Future[dict[str, Any]], options: AnalysisOptions) -> dict[str, Any]:
    visits = materialize(con, "team_visits", team_visits, prepared)
    per_case = teams_per_case(con, visits, int(head.result()["cases"]), options.second_line_pattern)
    result: dict[str, Any] = {"handovers": handovers(con, visits, options.top)}
    result |= ping_pong(con, visits, options.top, per_case["cases_with_team"])
    return result | per_case

"""The full process report for an event log, as plain data (JSON-ready).

report = analyze_file(Path("log.xes.gz"))                 # XES, CSV: read into Arrow
report = analyze_file(Path("log.parquet"), mapping)       # Parquet: DuckDB reads it directly
report = analyze_table(arrow_table, options)              # e.g. the app database's events
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import ibis.expr.types as ir
import pyarrow as pa

from klantstem.errors import UserInputError
from klantstem.process.bottlenecks import bottlenecks
from klantstem.process.compiled import materialize, query
from klantstem.process.csvlog import resolve_columns
from klantstem.process.dfg import directly_follows, pair_rows, start_and_end, variants
from klantstem.process.eventlog import ColumnMapping, read_table
from klantstem.process.frame import arrow_span, connect, from_parquet, prepare, register_arrow
from klantstem.process.frame import duplicates as duplicates_of
from klantstem.process.handovers import handovers, ping_pong, team_visits, teams_per_case
from klantstem.process.leadtimes import case_table, lead_times, slowest_cases
from klantstem.process.options import ONE_THREAD_BELOW, AnalysisOptions
from klantstem.process.repeats import repeats
from klantstem.process.stats import rows
from klantstem.process.waiting import waiting_by_cause


def analyze_file(
    path: Path, mapping: ColumnMapping | None = None, options: AnalysisOptions | None = None
) -> dict[str, Any]:
    """The report for an event-log file; raises ImportFileError / UserInputError on bad input."""
    options = options or AnalysisOptions()
    mapping = mapping or ColumnMapping()
    if path.name.lower().endswith(".parquet"):
        return _analyze_parquet(path, mapping, options)
    table, stats = read_table(path, mapping, default_timezone=options.timezone)
    return analyze_table(table, options, dict(stats.warnings), source=str(path))


def analyze_table(
    table: pa.Table,
    options: AnalysisOptions | None = None,
    warnings: dict[str, int] | None = None,
    source: str = "",
) -> dict[str, Any]:
    """The report for events in an Arrow table with the standard columns."""
    options = options or AnalysisOptions()
    if options.threads is None and table.num_rows < ONE_THREAD_BELOW:
        options = replace(options, threads=1)
    con = connect(options)
    events = register_arrow(con, table)
    return build_report(con, events, options, dict(warnings or {}), source, arrow_span(table))


def _analyze_parquet(path: Path, mapping: ColumnMapping, options: AnalysisOptions) -> dict[str, Any]:
    import pyarrow.parquet as pq

    try:
        names = pq.ParquetFile(path).schema_arrow.names
    except (OSError, pa.ArrowException) as exc:
        raise UserInputError(f"{path}: not a readable Parquet file ({exc})") from None
    columns = resolve_columns(path, names, mapping)
    con = connect(options)
    events = from_parquet(con, path, columns)
    warnings = _drop_incomplete(con, events)
    complete = events.filter(events.case.notnull() & events.activity.notnull() & events.timestamp.notnull())
    return build_report(con, complete, options, warnings, str(path))


def _drop_incomplete(con: Any, events: ir.Table) -> dict[str, int]:
    counts = rows(
        con.to_pyarrow(
            events.aggregate(
                without_case=events.case.isnull().sum(),
                without_activity=events.activity.isnull().sum(),
                without_timestamp=events.timestamp.isnull().sum(),
            )
        )
    )[0]
    return {f"events_{k}_left_out": int(v) for k, v in counts.items() if v}


def build_report(
    con: Any,
    events: ir.Table,
    options: AnalysisOptions,
    warnings: dict[str, int],
    source: str,
    span: tuple[datetime | None, datetime | None] | None = None,
) -> dict[str, Any]:
    started = time.perf_counter()
    prepared = prepare(con, events, options, span)
    head = rows(query(con, _head, prepared))[0]
    if not head["events"]:
        raise UserInputError("the event log holds no events")
    duplicates = int(head["duplicates"] or 0)
    if duplicates:
        warnings["duplicate_events"] = duplicates
    cases = materialize(con, "cases", case_table, prepared)
    report = _header(source, head, options)
    report |= lead_times(con, cases)
    report["variants"] = variants(con, prepared, options.top)
    exact = int(head["events"]) <= options.exact_quantiles_up_to
    if not exact:
        warnings["approximate_step_quantiles"] = 1
    pairs = pair_rows(con, prepared, exact)
    report["dfg"] = directly_follows(pairs)
    report |= start_and_end(con, prepared)
    report["bottlenecks"] = bottlenecks(con, prepared, pairs, options.top, exact)
    report |= _teams(con, prepared, int(head["cases"]), options)
    waiting, states = waiting_by_cause(con, prepared, options)
    report |= waiting
    activities = {p["activity"] for p in pairs} | set(report["end_activities"])
    report["repeats"] = repeats(con, prepared, cases, options.repeat_days, activities | set(states))
    report["slowest_cases"] = slowest_cases(con, cases, options.top)
    report["warnings"] = warnings
    report["seconds"] = round(time.perf_counter() - started, 3)
    return report


def _head(events: ir.Table) -> ir.Table:
    return events.aggregate(
        events=events.count(),
        cases=events.case.nunique(),
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


def _teams(con: Any, prepared: ir.Table, cases: int, options: AnalysisOptions) -> dict[str, Any]:
    visits = materialize(con, "team_visits", team_visits, prepared)
    result: dict[str, Any] = {"handovers": handovers(con, visits, options.top)}
    result |= ping_pong(con, visits, options.top)
    result |= teams_per_case(con, visits, cases, options.second_line_pattern)
    return result

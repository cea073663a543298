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
from klantstem.process.dfg import directly_follows, pair_rows, quantile_error, start_and_end, variants
from klantstem.process.engines import engine_of, open_engine
from klantstem.process.eventlog import ColumnMapping, read_table, resolve_columns
from klantstem.process.frame import SOURCE, SOURCE_SCHEMA, parquet_events, plain_parquet, prepare, standard_arrow
from klantstem.process.frame import duplicates as duplicates_of
from klantstem.process.handovers import handovers, ping_pong, team_visits, teams_per_case
from klantstem.process.leadtimes import case_table, lead_times, slowest_cases
from klantstem.process.options import ARRANGED_UP_TO, ONE_THREAD_BELOW, AnalysisOptions
from klantstem.process.repeats import reopen_names, reopened_totals, repeat_customers
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
    dictionaries = engine_of(options, connection) == "duckdb"  # as ordering.arranged takes them (less memory)
    table, stats = read_table(path, mapping, dictionaries=dictionaries, default_timezone=options.timezone)
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
        return build_report(con, standard_arrow(table), options, dict(warnings or {}), source)


def _analyze_parquet(path: Path, mapping: ColumnMapping, options: AnalysisOptions, connection: Any) -> dict[str, Any]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        schema, size = parquet.schema_arrow, parquet.metadata.num_rows
    except (OSError, pa.ArrowException) as exc:
        raise UserInputError(f"{path}: not a readable Parquet file ({exc})") from None
    columns = resolve_columns(path, schema.names, mapping)
    with open_engine(options, connection) as con:
        in_memory = options.memory_limit is None and size <= ARRANGED_UP_TO
        if con.arranged_arrow and in_memory and plain_parquet(schema, columns):
            table, warnings = parquet_events(path, columns)
            return build_report(con, standard_arrow(table), options, warnings, str(path))
        name, warnings = con.read_parquet(path, columns, SOURCE)
        return build_report(con, named(name, SOURCE_SCHEMA), options, warnings, str(path))


def build_report(
    con: Engine,
    events: Named | pa.Table,
    options: AnalysisOptions,
    warnings: dict[str, int],
    source: str,
    span: tuple[datetime | None, datetime | None] | None = None,
) -> dict[str, Any]:
    """Every analysis on the prepared events, in as few passes over them as the analyses allow: one pass per
    activity and state (counts, start and end activities, waiting, duplicates), one per case (lead times,
    reopening, variant fingerprints), one per directly-follows pair, one per step, and the team visits. They
    run two at a time, each on a connection of its own (DuckDB runs a query without holding the GIL)."""
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
        profile = side(_profile_rows, prepared)
        pairs = side(_pairs_and_bottlenecks, prepared, profile, options)
        cases = side(_cases, prepared, profile, options)
        teams = side(_teams, prepared, profile, options)
        found = _counts(profile.result())
        if not found["events"]:
            raise UserInputError("the event log holds no events")
        if found["duplicates"]:
            warnings["duplicate_events"] = found["duplicates"]
        if found["events"] > options.exact_quantiles_up_to:
            warnings["approximate_step_quantiles"] = 1
        report = _header(source, found, options)
        per_case = cases.result()
        report |= per_case["lead_times"]
        if "variants" in per_case:
            report["variants"] = per_case["variants"]
        pair_list, ranked, accuracy = pairs.result()
        report["dfg"] = directly_follows(pair_list)
        report["quantiles"] = accuracy
        report |= start_and_end(profile.result())
        if ranked is not None:
            report["bottlenecks"] = ranked
        team_figures = teams.result()
        report["teams"] = team_figures.pop("teams")
        report |= team_figures
        waited, _ = waiting_by_cause(profile.result(), options)
        report |= with_activities(waited, pair_list, found["states"], options)
        report["repeats"] = {"same_case": per_case["same_case"], "within_days": per_case["within_days"]}
    if "slowest_cases" in per_case:
        report["slowest_cases"] = per_case["slowest_cases"]
    report["warnings"] = warnings
    report["seconds"] = round(time.perf_counter() - started, 3)
    return report


_SIDE_BY_SIDE = 2
# What each analysis is called in progress messages (AnalysisOptions.progress), by its function's name.
_STEPS = {
    "_profile_rows": "counted events, cases, start and end activities and waiting by cause",
    "_pairs_and_bottlenecks": "directly-follows graph and bottlenecks",
    "_cases": "lead times, reopened cases and variants",
    "_teams": "hand-overs and ping-pong",
}
ANALYSIS_STEPS = len(_STEPS) + 1  # with ordering the events: how often `progress` is called by build_report


def _quiet(_: str) -> None:
    return None


def _on_cursor(own: Engine, work: Callable[..., Any], *args: Any) -> Any:
    try:
        return work(own, *args)
    finally:
        own.close()


def _profile_rows(con: Any, prepared: Named) -> list[dict[str, Any]]:
    return rows(query(con, _profile, prepared))


def _profile(events: ir.Table) -> ir.Table:
    """One pass over the events, one row per activity and state: events, cases started and ended there, events
    followed by another and the calendar and business time until it (waiting), duplicate events, and events
    without a team after one with a team (`team_gaps`: see handovers.team_visits)."""
    return events.group_by([events.activity, events.state]).aggregate(
        events=events.count(),
        starts=(events.pos == 1).sum(),  # each case's first event: no distinct count over every case key
        ends=events.next_activity.isnull().sum(),
        follows=events.next_activity.notnull().sum(),
        total=(events.next_t - events.t).sum(),
        business=(events.next_b - events.b).sum(),
        duplicates=duplicates_of(events),
        team_gaps=(events.team.isnull() & events.prev_team.notnull()).sum(),
    )


def _counts(profile: list[dict[str, Any]]) -> dict[str, Any]:
    """Events, cases, activities, duplicates, team gaps and the statuses, from the profile rows."""
    total = {key: sum(int(row[key] or 0) for row in profile) for key in ("events", "starts", "duplicates", "team_gaps")}
    return total | {
        "cases": total["starts"],
        "activities": len({row["activity"] for row in profile}),
        "states": sorted({row["state"] for row in profile if row["state"] is not None}),
        "names": {row["activity"] for row in profile} | {row["state"] for row in profile if row["state"] is not None},
    }


def _cases(
    con: Any, prepared: Named, profile: Future[list[dict[str, Any]]], options: AnalysisOptions
) -> dict[str, Any]:
    """Everything per case, from one pass over the events (leadtimes.case_table) kept as a table of cases."""
    closing_names, counted = reopen_names(_counts(profile.result())["names"], options.reopen_activities)
    cases = materialize(con, "cases", case_table, prepared, closing_names=closing_names, counted=counted)
    found: dict[str, Any] = {
        "lead_times": lead_times(con, cases),
        "within_days": repeat_customers(con, cases, options.repeat_days),
        "same_case": reopened_totals(con, cases, options.reopen_gap_s, options.reopen_activities),
    }
    if options.runs("slowest_cases"):
        found["slowest_cases"] = slowest_cases(con, cases, options.top)
    if options.runs("variants"):
        found["variants"] = variants(con, cases, prepared, options.top)
    return found


def _pairs_and_bottlenecks(
    con: Any, prepared: Named, profile: Future[list[dict[str, Any]]], options: AnalysisOptions
) -> tuple[list[dict[str, Any]], dict[str, Any] | None, dict[str, Any]]:
    """The directly-follows rows, the bottlenecks (None when left out), and whether their quantiles are exact
    (above `exact_quantiles_up_to` events they are a t-digest's, and their largest error is measured)."""
    exact = _counts(profile.result())["events"] <= options.exact_quantiles_up_to
    pairs = pair_rows(con, prepared, exact)
    accuracy = {"exact": True} if exact else quantile_error(con, prepared, pairs)
    ranked = bottlenecks(con, prepared, pairs, options.top, exact) if options.runs("bottlenecks") else None
    return pairs, ranked, accuracy


def _header(source: str, head: dict[str, Any], options: AnalysisOptions) -> dict[str, Any]:
    return {
        "source": source,
        "cases": int(head["cases"]),
        "events": int(head["events"]),
        "activities": int(head["activities"]),
        "teams": None,  # from the team visits
        "business_hours": {
            "opening_hours": options.opening_hours,
            "holidays": options.holiday_country,
            "timezone": options.timezone,
        },
    }


def _teams(
    con: Any, prepared: Named, profile: Future[list[dict[str, Any]]], options: AnalysisOptions
) -> dict[str, Any]:
    found = _counts(profile.result())
    visits = materialize(con, "team_visits", team_visits, prepared, contiguous=not found["team_gaps"])
    per_case = teams_per_case(con, visits, found["cases"], options.second_line_pattern)
    result: dict[str, Any] = {"handovers": handovers(con, visits, options.top)}
    result |= ping_pong(con, visits, options.top, per_case["cases_with_team"])
    return result | per_case

"""`klantstem process analyze`: where customers wait, who passes them around, and who waits on whom."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from klantstem.cli.common import DbOption, open_for, settings_for
from klantstem.cli.progress import ProgressOption, stages
from klantstem.errors import UserInputError
from klantstem.process import service as process

if TYPE_CHECKING:
    from rich.console import Console

# The database, its events service and Rich's tables are loaded only by the commands that use them: analysing a
# file needs none of them.

app = typer.Typer(help="Analyse service-process event logs: lead times, waits, hand-overs.", no_args_is_help=True)

DAY = 86400.0


class EngineChoice(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"


def _column(flag: str, what: str) -> Any:
    return typer.Option(flag, help=f"Column (CSV/Parquet) or XES key holding the {what}.", show_default=False)


@app.command("analyze")
def analyze(
    log: Annotated[
        Path | None,
        typer.Argument(
            help="Event log (.xes, .xes.gz, .csv, .parquet); leave out to analyse the database's process events.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    log_name: Annotated[str | None, typer.Option("--log-name", help="Only this log from the database.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", help="table, json, or a self-contained html page.")] = (
        ReportFormat.table
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    case: Annotated[str | None, _column("--case", "case id")] = None,
    activity: Annotated[str | None, _column("--activity", "activity")] = None,
    timestamp: Annotated[str | None, _column("--timestamp", "time of the event")] = None,
    lifecycle: Annotated[str | None, _column("--lifecycle", "lifecycle or sub-status")] = None,
    resource: Annotated[str | None, _column("--resource", "person")] = None,
    team: Annotated[str | None, _column("--team", "team or group")] = None,
    status: Annotated[str | None, _column("--status", "status (for waiting by cause)")] = None,
    customer: Annotated[str | None, _column("--customer", "customer (for repeat contacts)")] = None,
    opening_hours: Annotated[
        str | None, typer.Option("--opening-hours", help="e.g. 'mon-fri 08:30-17:30; sat 10:00-14:00'.")
    ] = None,
    repeat_days: Annotated[int, typer.Option("--repeat-days", help="A new case within N days is a repeat.")] = 7,
    reopen_gap: Annotated[
        str,
        typer.Option(
            "--reopen-gap",
            help="Work on a case counts as reopening only this long after it was first closed (90s, 30m, 1h, 2d).",
        ),
    ] = "1h",
    reopen_activity: Annotated[
        str | None,
        typer.Option(
            "--reopen-activity",
            metavar="REGEX",
            show_default=False,
            help="Only activities matching REGEX reopen a closed case (default: any activity).",
        ),
    ] = None,
    wait_rule: Annotated[
        list[str] | None,
        typer.Option(
            "--wait",
            metavar="PATTERN=CAUSE",
            show_default=False,
            help="Statuses matching PATTERN (a regular expression) are waiting on CAUSE (customer, organisation, "
            "third_party); repeat; tried before the defaults.",
        ),
    ] = None,
    second_line: Annotated[
        str | None, typer.Option("--second-line", help="Regular expression naming second/third-line teams.")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many items each ranking lists.")] = 20,
    memory_limit: Annotated[
        str | None,
        typer.Option(
            "--memory-limit",
            help="Memory the analysis engine may use, e.g. 4GB; beyond it, it spills.",
            show_default=False,
        ),
    ] = None,
    spill_dir: Annotated[
        Path | None,
        typer.Option(
            "--spill-dir", help="Folder where the engine writes what does not fit in memory.", show_default=False
        ),
    ] = None,
    analysis_engine: Annotated[
        EngineChoice,
        typer.Option(
            "--engine",
            help="Where the analyses run: duckdb on this machine, or spark (local mode, or "
            "a cluster with --spark-url).",
        ),
    ] = EngineChoice.duckdb,
    spark_url: Annotated[
        str | None,
        typer.Option(
            "--spark-url",
            metavar="sc://HOST:15002",
            show_default=False,
            help="A Spark Connect server to run the analyses on (with --engine spark).",
        ),
    ] = None,
    progress: ProgressOption = None,
) -> None:
    """Lead times, directly-follows graph, variants, bottlenecks, hand-overs, ping-pong and waiting by cause."""
    settings = settings_for(db)
    gap = process.parse_gap(reopen_gap)
    if gap is None:
        raise UserInputError(f"--reopen-gap {reopen_gap!r}: write a duration such as 90s, 30m, 1h or 2d")
    if reopen_activity is not None:
        _check_pattern("--reopen-activity", reopen_activity)
    if spark_url is not None and analysis_engine is not EngineChoice.spark:
        raise UserInputError("--spark-url needs --engine spark")
    options = process.AnalysisOptions(
        timezone=settings.timezone,
        opening_hours=opening_hours or settings.opening_hours,
        holiday_country=settings.holiday_country,
        repeat_days=repeat_days,
        reopen_gap_s=gap,
        reopen_activities=reopen_activity,
        top=top,
        waiting_rules=(*_wait_rules(wait_rule or []), *process.DEFAULT_WAITING_RULES),
        second_line_pattern=second_line or process.DEFAULT_SECOND_LINE,
        sql_cache=settings.sql_cache_folder,
        memory_limit=memory_limit,
        spill_dir=str(spill_dir) if spill_dir else None,
        engine=analysis_engine.value,
        spark_url=spark_url,
    )
    # Arrow's default allocator (mimalloc) keeps what the CSV and XES readers freed: with the system's, the peak
    # memory from a 1M-event CSV is about 70 MiB lower and the CPU no higher (docs/benchmarks.md). A command runs
    # once, so setting it for the whole process is this command's own affair.
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())
    data = format is not ReportFormat.table  # JSON or HTML: no progress by default when it goes into a pipe
    what = f"analysing {log.name}" if log is not None else "analysing the database's events"
    with stages(what, progress, json_result=data) as stage:
        stage("reading the log" if log is not None else "reading the events")
        options = replace(options, progress=stage)  # then each step of the analysis as it is done
        if log is not None:
            mapping = process.ColumnMapping().with_overrides(
                case=case, activity=activity, timestamp=timestamp, lifecycle=lifecycle,
                resource=resource, team=team, status=status, customer=customer,
            )  # fmt: skip
            report = process.analyze_file(log, mapping, options)
        else:
            from klantstem.events import service as events

            engine = open_for(settings)
            try:
                report = events.analyze_log(engine, log_name, options)
            finally:
                engine.dispose()
    if report.get("mixed_sources"):
        typer.echo(f"warning: {report['mixed_sources']}", err=True)
    _emit(report, format, output)


def _wait_rules(options: list[str]) -> list[tuple[str, str]]:
    rules = []
    for option in options:
        pattern, _, cause = option.rpartition("=")
        if not pattern or cause not in process.CAUSES:
            causes = ", ".join(process.CAUSES)
            raise UserInputError(f"--wait {option!r}: write PATTERN=CAUSE with CAUSE one of {causes}")
        _check_pattern(f"--wait {option!r}", pattern)
        rules.append((pattern, cause))
    return rules


def _check_pattern(option: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise UserInputError(f"{option}: not a regular expression ({exc})") from None


def _emit(report: dict[str, Any], format: ReportFormat, output: Path | None) -> None:
    """The report in the format asked for, on stdout or into `output`."""
    if output is None:
        if format is ReportFormat.table:
            from klantstem.cli.common import console

            _print_tables(report, console)
        else:
            typer.echo(_rendered(report, format))
        return
    if format is ReportFormat.table:
        from rich.console import Console

        from klantstem.cli.common import console

        with output.open("w", encoding="utf-8") as handle:
            _print_tables(report, Console(file=handle, width=console.width))
    else:
        output.write_text(_rendered(report, format) + "\n", encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def _rendered(report: dict[str, Any], format: ReportFormat) -> str:
    if format is ReportFormat.html:
        return process.render_html(report)
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)


def _days(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / DAY:,.2f} d"


def _table(out: Console, title: str, headers: list[str], rows: list[list[str]]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for i, header in enumerate(headers):
        table.add_column(header, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    out.print(table)


def _ping_pong(report: dict[str, Any]) -> str:
    cases = report["ping_pong_cases"]
    return f"- ({report['first_line_rule']})" if cases is None else f"{cases:,}"


def _first_line(report: dict[str, Any]) -> str:
    share = report["first_line_share"]
    return f"- ({report['first_line_rule']})" if share is None else f"{share:.1%}"


def _reopened(same: dict[str, Any]) -> str:
    gap = same.get("min_gap_s")
    after = f", {gap / 3600:g} h or more after closing" if gap else ""
    return f"{same['reopened_cases']:,} of {same['closed_cases']:,} closed cases{after}"


def _print_tables(report: dict[str, Any], out: Console) -> None:
    lead, business = report["case_duration_s"], report["case_duration_business_s"]
    logs = [["logs", ", ".join(f"{name} ({n:,} events)" for name, n in report.get("logs", {}).items())]]
    overview = [
        *(logs if report.get("logs") else []),
        ["cases", f"{report['cases']:,}"],
        ["events", f"{report['events']:,}"],
        ["activities", f"{report['activities']:,}"],
        ["variants", f"{report['variants']['count']:,}"],
        ["lead time median / mean / p90", " / ".join(_days(lead[k]) for k in ("median", "mean", "p90"))],
        ["in business hours", " / ".join(_days(business[k]) for k in ("median", "mean", "p90"))],
        ["cases with ping-pong (A→B→A)", _ping_pong(report)],
        ["solved in the first line", _first_line(report)],
        *[[f"waiting on {cause}", _days(s)] for cause, s in report["waiting_by_cause_s"].items()],
        *([["waiting", report["waiting_note"]]] if report.get("waiting_note") else []),
        ["reopened after closing", _reopened(report["repeats"]["same_case"])],
        *[[f"warning: {kind}", f"{n:,}"] for kind, n in report["warnings"].items()],
    ]
    _table(out, "Process overview", ["what", "value"], overview)
    edges = [[f"{d['from']} → {d['to']}", f"{d['count']:,}", _days(d["median_s"]), _days(d["p90_s"])] for d in
             report["dfg"][:15]]  # fmt: skip
    _table(out, "Directly follows (top 15)", ["transition", "count", "median", "p90"], edges)
    waits = [[f"{b['from']} → {b['to']}", _days(b["total_s"]), _days(b["total_business_s"]),
              f"{b['share_of_waiting']:.1%}"] for b in report["bottlenecks"]["transitions"][:10]]  # fmt: skip
    _table(out, "Bottlenecks (total waiting)", ["transition", "calendar", "business hours", "share"], waits)
    moves = [[f"{h['from_team']} → {h['to_team']}", f"{h['count']:,}", f"{h['cases']:,}"] for h in
             report["handovers"][:10]]  # fmt: skip
    if report.get("cases_with_team"):
        _table(out, "Hand-overs (top 10)", ["teams", "hand-overs", "cases"], moves)
    variants = [[" → ".join(v["activities"]), f"{v['cases']:,}", f"{v['share']:.1%}"] for v in
                report["variants"]["top"][:10]]  # fmt: skip
    _table(out, "Variants (top 10)", ["activities", "cases", "share"], variants)

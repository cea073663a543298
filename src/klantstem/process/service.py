"""What the rest of klantstem uses from process/: reading event logs and analysing them.

Pure: it takes files or Arrow tables and returns plain data; it never touches the app database. The
analysis engine (Ibis, DuckDB, Plotly) is loaded only when an analysis runs, so importing this is cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping, EventLogReader, ReadStats, open_event_log
from klantstem.process.options import (
    CAUSES,
    DEFAULT_SECOND_LINE,
    DEFAULT_WAITING_RULES,
    ENGINES,
    OPTIONAL_ANALYSES,
    AnalysisOptions,
    parse_gap,
)

__all__ = [
    "CAUSES",
    "DEFAULT_SECOND_LINE",
    "DEFAULT_WAITING_RULES",
    "ENGINES",
    "EVENT_SCHEMA",
    "OPTIONAL_ANALYSES",
    "AnalysisOptions",
    "ColumnMapping",
    "EventLogReader",
    "ReadStats",
    "analyze_file",
    "analyze_table",
    "open_event_log",
    "parse_gap",
    "render_html",
]


def analyze_file(
    path: Path, mapping: ColumnMapping | None = None, options: AnalysisOptions | None = None, connection: Any = None
) -> dict[str, Any]:
    """The full report for an event-log file (XES, XES.gz, CSV, Parquet). It runs on `connection` when given (a
    DuckDB connection or a SparkSession the caller made), else on the engine the options name."""
    from klantstem.process import report

    return report.analyze_file(path, mapping, options, connection)


def analyze_table(
    table: pa.Table,
    options: AnalysisOptions | None = None,
    warnings: dict[str, int] | None = None,
    source: str = "",
    connection: Any = None,
) -> dict[str, Any]:
    """The full report for events in an Arrow table with the standard columns (`connection` as analyze_file)."""
    from klantstem.process import report

    return report.analyze_table(table, options, warnings, source, connection)


def render_html(report: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (works offline)."""
    from klantstem.process import html

    return html.render_html(report)

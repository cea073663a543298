"""What the rest of klantstem uses from process/: reading event logs and analysing them.

Pure: it takes files or Arrow tables and returns plain data; it never touches the app database.
"""

from __future__ import annotations

from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping, EventLogReader, ReadStats, open_event_log
from klantstem.process.frame import CAUSES, DEFAULT_SECOND_LINE, DEFAULT_WAITING_RULES, AnalysisOptions
from klantstem.process.html import render_html
from klantstem.process.report import analyze_file, analyze_table

__all__ = [
    "CAUSES",
    "DEFAULT_SECOND_LINE",
    "DEFAULT_WAITING_RULES",
    "EVENT_SCHEMA",
    "AnalysisOptions",
    "ColumnMapping",
    "EventLogReader",
    "ReadStats",
    "analyze_file",
    "analyze_table",
    "open_event_log",
    "render_html",
]

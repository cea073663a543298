"""Time arithmetic inside SQL, the one place where it differs by database: a stored moment moved by some seconds,
comparable with other stored moments (SQLite keeps moments as UTC text, PostgreSQL as timestamptz)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, literal
from sqlalchemy.sql.elements import ColumnElement


def later_by(moment: Any, seconds: int, dialect: str) -> ColumnElement[Any]:
    """`moment` plus `seconds` (negative: earlier), as SQL for `dialect` ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        # SQLite's date functions read the stored text with or without its "+00:00" and answer in UTC
        return func.strftime("%Y-%m-%d %H:%M:%f", moment, f"{seconds:+d} seconds")
    moved: ColumnElement[Any] = moment + literal(timedelta(seconds=seconds))
    return moved


def month_of(moment: Any, dialect: str) -> ColumnElement[Any]:
    """The UTC month of a stored moment as 'YYYY-MM' text, as SQL for `dialect` (on PostgreSQL independent of the
    session's time zone, so both databases give the same month)."""
    if dialect == "sqlite":
        return func.substr(moment, 1, 7)
    return func.to_char(func.timezone("UTC", moment), "YYYY-MM")

"""Repeat contacts: a customer coming back about the same case (work on it a while after it was closed), or
with a new case within N days of the previous one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from klantstem.process.compiled import Named, query
from klantstem.process.stats import rows, share

if TYPE_CHECKING:
    import ibis.expr.types as ir

CLOSING = r"(?i)\b(closed|resolved|completed|cancelled|afgesloten|opgelost|gesloten|afgehandeld)\b"


def reopen_names(names: Iterable[str], counting: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """(the closing names, the activities that count as reopening) among `names`, the log's activities and
    statuses: closing ones are picked by CLOSING; those matching `counting` (case ignored) count, and without
    it every activity that is not closing (None: nothing to look up). Each is ("",) when empty, so a query's
    parameters keep one shape."""
    every = sorted(set(names))
    closing_names = tuple(name for name in every if re.search(CLOSING, name)) or ("",)
    if not counting:
        return closing_names, None
    pattern = re.compile(counting, re.IGNORECASE)
    counted = tuple(n for n in every if n not in closing_names and pattern.search(n)) or ("",)
    return closing_names, counted


def reopened_totals(con: Any, cases: Named, gap_s: int = 0, counting: str | None = None) -> dict[str, Any]:
    """Cases that came back after they were closed: an event of a counting activity (reopen_names: never a
    closing one) after the case's first closing event and at least `gap_s` seconds after it, from the case
    table (leadtimes.case_table, given reopen_names' names). Cases with work after closing only within the gap,
    or only of other activities, are counted apart (`not_counted_cases`)."""
    found = rows(query(con, _reopened_counts, cases, gap_s=float(gap_s)))[0]
    return {
        "reopened_cases": int(found["reopened"] or 0),
        "closed_cases": int(found["closed"] or 0),
        "not_counted_cases": int(found["later_work"] or 0) - int(found["reopened"] or 0),
        "min_gap_s": gap_s,
        "activities": counting or "any",
    }


def _reopened_counts(per_case: ir.Table, gap_s: float) -> ir.Table:
    """Events are numbered in time order (`pos`), so the last counting event after the first closing is also
    the latest, and some counting event came back at least `gap_s` after the closing exactly when the last one
    did."""
    later = (per_case.last_open > per_case.closed_pos).fill_null(False)
    back = (per_case.last_counted > per_case.closed_pos) & (per_case.last_counted_t - per_case.closed_t >= gap_s)
    return per_case.aggregate(
        closed=per_case.closed_pos.notnull().sum(), later_work=later.sum(), reopened=back.fill_null(False).sum()
    )


def repeat_customers(con: Any, cases: ir.Table, days: int) -> dict[str, Any] | None:
    """Cases of the same customer that start within `days` days after the end of the customer's previous case;
    None when the log names no customers."""
    totals = rows(query(con, _customer_totals, cases))[0]
    if not totals["cases"]:
        return None
    found = rows(query(con, _repeat_totals, cases, days=days))[0]
    return {
        "window_days": days,
        "customers": int(totals["customers"] or 0),
        "repeat_cases": int(found["cases"] or 0),
        "customers_who_came_back": int(found["customers"] or 0),
        "share_of_customers": share(int(found["customers"] or 0), int(totals["customers"] or 0)),
    }


def _customer_totals(cases: ir.Table) -> ir.Table:
    known = cases.filter(cases.customer.notnull())
    return known.aggregate(cases=known.count(), customers=known.customer.nunique())


def _repeat_totals(cases: ir.Table, days: int) -> ir.Table:
    import ibis

    known = cases.filter(cases.customer.notnull())
    window = ibis.window(group_by=known.customer, order_by=[known.start_t, known.case])
    ordered = known.mutate(previous_end=known.end_t.lag().over(window))
    repeat = ordered.filter(ordered.previous_end.notnull() & (ordered.start_t - ordered.previous_end <= days * 86400.0))
    return repeat.aggregate(cases=repeat.count(), customers=repeat.customer.nunique())

"""Repeat contacts: a customer coming back about the same case (events after the case was closed), or
with a new case within N days of the previous one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from klantstem.process.compiled import query
from klantstem.process.stats import rows, share

if TYPE_CHECKING:
    import ibis.expr.types as ir

CLOSING = r"(?i)\b(closed|resolved|completed|cancelled|afgesloten|opgelost|gesloten|afgehandeld)\b"


def reopened(con: Any, events: ir.Table, names: Iterable[str]) -> dict[str, Any]:
    """Cases with work after their first closing event: the customer came back about the same case. `names`
    are the log's activities and statuses (the closing ones are picked here)."""
    closing_names = tuple(sorted({name for name in names if re.search(CLOSING, name)})) or ("",)
    found = rows(query(con, _reopened_counts, events, closing_names=closing_names))[0]
    return {"reopened_cases": int(found["reopened"] or 0), "closed_cases": int(found["closed"] or 0)}


def _reopened_counts(events: ir.Table, closing_names: tuple[str, ...]) -> ir.Table:
    closing = events.activity.isin(closing_names) | events.state.isin(closing_names)
    marked = events.mutate(closing=closing.fill_null(False))
    per_case = marked.group_by("case").aggregate(
        closed_at=marked.pos.min(where=marked.closing), last_work=marked.pos.max(where=~marked.closing)
    )
    return per_case.aggregate(
        closed=per_case.closed_at.notnull().sum(),
        reopened=(per_case.last_work > per_case.closed_at).fill_null(False).sum(),
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


def repeats(con: Any, events: ir.Table, cases: ir.Table, days: int, names: Iterable[str]) -> dict[str, Any]:
    return {"same_case": reopened(con, events, names), "within_days": repeat_customers(con, cases, days)}

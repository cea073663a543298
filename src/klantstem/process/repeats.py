"""Repeat contacts: a customer coming back about the same case (events after the case was closed), or
with a new case within N days of the previous one."""

from __future__ import annotations

import re
from typing import Any

import ibis
import ibis.expr.types as ir

from klantstem.process.stats import rows, share

CLOSING = r"(?i)\b(closed|resolved|completed|cancelled|afgesloten|opgelost|gesloten|afgehandeld)\b"


def reopened(con: Any, events: ir.Table) -> dict[str, Any]:
    """Cases with work after their first closing event: the customer came back about the same case."""
    names = events.select(name=events.activity).union(events.select(name=events.state)).distinct()
    known = [r["name"] for r in rows(con.to_pyarrow(names)) if r["name"] is not None]
    closing_names = [name for name in known if re.search(CLOSING, name)] or [""]
    closing = events.activity.isin(closing_names) | events.state.isin(closing_names)
    marked = events.mutate(closing=closing.fill_null(False))
    first_close = marked.filter(marked.closing).group_by("case").aggregate(closed_at=ibis._.pos.min())
    after = marked.inner_join(first_close, "case")
    again = after.filter((after.pos > after.closed_at) & ~after.closing)
    found = rows(con.to_pyarrow(again.aggregate(cases=again.case.nunique())))[0]
    closed = rows(con.to_pyarrow(first_close.count().name("n").as_table()))[0]
    return {"reopened_cases": int(found["cases"] or 0), "closed_cases": int(closed["n"])}


def repeat_customers(con: Any, cases: ir.Table, days: int) -> dict[str, Any]:
    """Cases of the same customer that start within `days` days after the end of the customer's previous case."""
    known = cases.filter(cases.customer.notnull())
    window = ibis.window(group_by=known.customer, order_by=[known.start_t, known.case])
    ordered = known.mutate(previous_end=known.end_t.lag().over(window))
    repeat = ordered.filter(ordered.previous_end.notnull() & (ordered.start_t - ordered.previous_end <= days * 86400.0))
    totals = rows(con.to_pyarrow(known.aggregate(cases=known.count(), customers=known.customer.nunique())))[0]
    found = rows(con.to_pyarrow(repeat.aggregate(cases=repeat.count(), customers=repeat.customer.nunique())))[0]
    return {
        "window_days": days,
        "customers": int(totals["customers"] or 0),
        "repeat_cases": int(found["cases"] or 0),
        "customers_who_came_back": int(found["customers"] or 0),
        "share_of_customers": share(int(found["customers"] or 0), int(totals["customers"] or 0)),
    }


def repeats(con: Any, events: ir.Table, cases: ir.Table, days: int) -> dict[str, Any]:
    result: dict[str, Any] = {"same_case": reopened(con, events)}
    has_customers = rows(con.to_pyarrow(cases.aggregate(n=cases.customer.count())))[0]["n"]
    result["within_days"] = repeat_customers(con, cases, days) if has_customers else None
    return result

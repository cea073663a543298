"""Case lead times: count, median, mean and p90, and their trend per month of the case's start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantstem.process.business_hours import month_of
from klantstem.process.compiled import query
from klantstem.process.stats import pick, rounded, rows, summary

if TYPE_CHECKING:
    import ibis.expr.types as ir

LINK_COLUMNS = ("case_id", "customer_id")


def case_table(
    events: ir.Table, closing_names: tuple[str, ...] = ("",), counted: tuple[str, ...] | None = ("",)
) -> ir.Table:
    """One row per case, from one pass over its events: start and end, calendar and business duration, events,
    customer and links; what repeats.reopened_totals needs (the first closing event, the last event that is no
    closing, the last event that counts as reopening; `closing_names` and `counted` as repeats.reopen_names
    gives them); and the case's variant fingerprint (dfg.fingerprint)."""
    from klantstem.process.dfg import fingerprint

    extra = {name: events[name].max() for name in LINK_COLUMNS if name in events.columns}
    closing = (events.activity.isin(closing_names) | events.state.isin(closing_names)).fill_null(False)
    counts = ~closing if counted is None else ~closing & events.activity.isin(counted)
    events = events.mutate(_closing=closing, _counts=counts)  # each worked out once per event
    closing, counts = events._closing, events._counts
    cases = events.group_by(events.case).aggregate(
        start_t=events.t.min(),
        end_t=events.t.max(),
        start_b=events.b.min(),
        end_b=events.b.max(),
        events=events.count(),
        month=month_of(events.local.min()),
        customer=events.customer.max(),
        closed_pos=events.pos.min(where=closing),
        closed_t=events.t.min(where=closing),
        last_open=events.pos.max(where=~closing),
        last_counted=events.pos.max(where=counts),
        last_counted_t=events.t.max(where=counts),
        **fingerprint(events),
        **extra,
    )
    return cases.mutate(duration=cases.end_t - cases.start_t, business=cases.end_b - cases.start_b)


def lead_times(con: Any, cases: ir.Table) -> dict[str, Any]:
    totals = rows(query(con, _totals, cases))
    months = rows(query(con, _trend, cases))
    return {
        "case_duration_s": pick(totals[0], "cal"),
        "case_duration_business_s": pick(totals[0], "bus"),
        "lead_time_trend": [
            {
                "month": m["month"],
                "cases": int(m["cases"]),
                "duration_s": pick(m, "cal"),
                "duration_business_s": pick(m, "bus"),
            }
            for m in months
        ],
    }


def _totals(cases: ir.Table) -> ir.Table:
    return cases.aggregate(**summary(cases.duration, "cal"), **summary(cases.business, "bus"))


def _trend(cases: ir.Table) -> ir.Table:
    trend = cases.group_by(cases.month).aggregate(
        cases=cases.count(), **summary(cases.duration, "cal"), **summary(cases.business, "bus")
    )
    return trend.order_by(trend.month)


def slowest_cases(con: Any, cases: ir.Table, top: int) -> list[dict[str, Any]]:
    """The longest-running cases, with their case and customer in the app database when known."""
    found = rows(query(con, _slowest, cases, top=top))
    result = []
    for row in found:
        item = {
            "case": row["case"],
            "duration_s": rounded(row["duration"]),
            "duration_business_s": rounded(row["business"]),
            "events": int(row["events"]),
        }
        item |= {k: row[k] for k in ("customer", *LINK_COLUMNS) if row.get(k) is not None}
        result.append(item)
    return result


def _slowest(cases: ir.Table, top: int) -> ir.Table:
    columns = ["case", "duration", "business", "events", "customer", *[c for c in LINK_COLUMNS if c in cases.columns]]
    return cases.order_by([cases.duration.desc(), cases.case]).limit(top).select(*columns)

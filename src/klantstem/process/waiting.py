"""Waiting by cause: the time cases spend in a waiting status, put down to the customer, the organisation
or a third party by configurable rules (AnalysisOptions.waiting_rules).

A case is in a status from the event that sets it until its next event. The status is the `status` column,
or the lifecycle transition when there is none (BPI 2013: "Wait - User" is the customer, "Wait - Vendor" a
third party).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantstem.process.compiled import query
from klantstem.process.options import CAUSES, AnalysisOptions
from klantstem.process.stats import rounded, rows

if TYPE_CHECKING:
    import ibis.expr.types as ir


def waiting_by_cause(con: Any, events: ir.Table, options: AnalysisOptions) -> tuple[dict[str, Any], list[str]]:
    """Time per status (one query, grouped by status; there are few), put down to its cause here; and every
    status in the log, also those only a case's last event has."""
    result: dict[str, Any] = {
        "waiting_by_cause_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_cause_business_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_status": [],
    }
    found = sorted(rows(query(con, _per_state, events)), key=lambda r: (-(r["total"] or 0.0), r["state"]))
    for row in found:
        cause = options.cause_of(row["state"])
        if cause is None or not row["count"]:
            continue
        result["waiting_by_cause_s"][cause] += float(row["total"] or 0.0)
        result["waiting_by_cause_business_s"][cause] += float(row["business"] or 0.0)
        result["waiting_by_status"].append(
            {
                "status": row["state"],
                "cause": cause,
                "count": int(row["count"]),
                "total_s": rounded(row["total"]),
                "total_business_s": rounded(row["business"]),
            }
        )
    for key in ("waiting_by_cause_s", "waiting_by_cause_business_s"):
        result[key] = {cause: rounded(value) for cause, value in result[key].items()}
    return result, [row["state"] for row in found]


def _per_state(events: ir.Table) -> ir.Table:
    known = events.filter(events.state.notnull())
    follows = known.next_activity.notnull()
    return known.group_by(known.state).aggregate(
        count=follows.sum(),
        total=(known.next_t - known.t).sum(),
        business=(known.next_b - known.b).sum(),
    )

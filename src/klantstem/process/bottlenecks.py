"""Bottlenecks: the steps and transitions where cases spend the most time, ranked by the total time.

The time at a step is the time from an event to the case's next event: the case waits there after the step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantstem.process.compiled import Named, query
from klantstem.process.dfg import transitions
from klantstem.process.stats import rounded, rows, share, summary

if TYPE_CHECKING:
    import ibis.expr.types as ir


def bottlenecks(
    con: Any, events: Named, pairs: list[dict[str, Any]], top: int, exact: bool = True
) -> dict[str, Any]:
    """Steps and transitions by total time; `pairs` are the directly-follows rows (dfg.pair_rows)."""
    whole = sum(float(p["total"] or 0.0) for p in pairs)
    business = sum(float(p["business"] or 0.0) for p in pairs)
    per_step = rows(query(con, _per_step, events, exact=exact))
    steps = sorted(per_step, key=lambda r: (-(r["total"] or 0.0), r["activity"]))
    ranked = sorted(pairs, key=lambda r: (-(r["total"] or 0.0), r["activity"], r["next_activity"]))
    return {
        "total_waiting_s": rounded(whole),
        "total_waiting_business_s": rounded(business),
        "steps": [_item(row, whole, step=row["activity"]) for row in steps[:top]],
        "transitions": [
            _item(row, whole, **{"from": row["activity"], "to": row["next_activity"]}) for row in ranked[:top]
        ],
    }


def _per_step(events: ir.Table, exact: bool) -> ir.Table:
    moves = transitions(events)
    return moves.group_by(moves.activity).aggregate(
        count=moves.count(),
        total=moves.wait.sum(),
        business=moves.business_wait.sum(),
        cal_median=summary(moves.wait, "cal", exact)["cal_median"],
    )


def _item(row: dict[str, Any], whole: float, **names: str) -> dict[str, Any]:
    return {
        **names,
        "count": int(row["count"]),
        "total_s": rounded(row["total"]),
        "total_business_s": rounded(row["business"]),
        "median_s": rounded(row["cal_median"]),
        "share_of_waiting": share(row["total"] or 0.0, whole),
    }

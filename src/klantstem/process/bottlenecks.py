"""Bottlenecks: the steps and transitions where cases spend the most time, ranked by the total time.

The time at a step is the time from an event to the case's next event: the case waits there after the step.
"""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir

from klantstem.process.dfg import transitions
from klantstem.process.stats import rounded, rows, share


def bottlenecks(con: Any, events: ir.Table, top: int) -> dict[str, Any]:
    pairs = transitions(events)
    everything = rows(con.to_pyarrow(pairs.aggregate(total=pairs.wait.sum(), business=pairs.business_wait.sum())))[0]
    whole = float(everything["total"] or 0.0)
    steps = pairs.group_by(pairs.activity).aggregate(
        count=pairs.count(), total=pairs.wait.sum(), business=pairs.business_wait.sum(), median=pairs.wait.median()
    )
    moves = pairs.group_by([pairs.activity, pairs.next_activity]).aggregate(
        count=pairs.count(), total=pairs.wait.sum(), business=pairs.business_wait.sum(), median=pairs.wait.median()
    )
    return {
        "total_waiting_s": rounded(whole),
        "total_waiting_business_s": rounded(everything["business"] or 0.0),
        "steps": [
            _item(row, whole, step=row["activity"])
            for row in rows(con.to_pyarrow(steps.order_by([steps.total.desc(), steps.activity]).limit(top)))
        ],
        "transitions": [
            _item(row, whole, **{"from": row["activity"], "to": row["next_activity"]})
            for row in rows(con.to_pyarrow(moves.order_by([moves.total.desc(), moves.activity]).limit(top)))
        ],
    }


def _item(row: dict[str, Any], whole: float, **names: str) -> dict[str, Any]:
    return {
        **names,
        "count": int(row["count"]),
        "total_s": rounded(row["total"]),
        "total_business_s": rounded(row["business"]),
        "median_s": rounded(row["median"]),
        "share_of_waiting": share(row["total"] or 0.0, whole),
    }

"""Waiting by cause: the time cases spend in a waiting status, put down to the customer, the organisation
or a third party by configurable rules (AnalysisOptions.waiting_rules).

A case is in a status from the event that sets it until its next event. The status is the `status` column,
or the lifecycle transition when there is none (BPI 2013: "Wait - User" is the customer, "Wait - Vendor" a
third party).
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from klantstem.process.dfg import transitions
from klantstem.process.options import CAUSES, AnalysisOptions
from klantstem.process.stats import rounded, rows


def waiting_by_cause(con: Any, events: ir.Table, options: AnalysisOptions) -> dict[str, Any]:
    pairs = transitions(events).filter(ibis._.state.notnull())
    states = [r["state"] for r in rows(con.to_pyarrow(pairs.select("state").distinct()))]
    mapping = {state: cause for state in states if (cause := options.cause_of(state)) is not None}
    empty: dict[str, Any] = {
        "waiting_by_cause_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_cause_business_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_status": [],
    }
    if not mapping:
        return empty
    causes = ibis.memtable(pa.table({"state": list(mapping), "cause": list(mapping.values())}))
    joined = pairs.inner_join(causes, "state")
    per_state = joined.group_by([joined.state, joined.cause]).aggregate(
        count=joined.count(), total=joined.wait.sum(), business=joined.business_wait.sum()
    )
    found = rows(con.to_pyarrow(per_state.order_by([per_state.total.desc(), per_state.state])))
    for row in found:
        empty["waiting_by_cause_s"][row["cause"]] += float(row["total"] or 0.0)
        empty["waiting_by_cause_business_s"][row["cause"]] += float(row["business"] or 0.0)
        empty["waiting_by_status"].append(
            {
                "status": row["state"],
                "cause": row["cause"],
                "count": int(row["count"]),
                "total_s": rounded(row["total"]),
                "total_business_s": rounded(row["business"]),
            }
        )
    for key in ("waiting_by_cause_s", "waiting_by_cause_business_s"):
        empty[key] = {cause: rounded(value) for cause, value in empty[key].items()}
    return empty

"""Waiting by cause: the time cases spend in a waiting status, put down to the customer, the organisation
or a third party by configurable rules (AnalysisOptions.waiting_rules).

A case is in a status from the event that sets it until its next event. The status is the `status` column,
or the lifecycle transition when there is none (BPI 2013: "Wait - User" is the customer, "Wait - Vendor" a
third party). When no status matches a waiting rule, activities are tried the same way: a log whose waiting is
an activity (Helpdesk's "Wait") waits from that event until the case's next one. `waiting_source` says which
was used; when neither holds a waiting step, `waiting_note` says why the report has no waiting.
"""

from __future__ import annotations

from typing import Any

from klantstem.process.options import CAUSES, AnalysisOptions
from klantstem.process.stats import rounded


def waiting_by_cause(profile: list[dict[str, Any]], options: AnalysisOptions) -> tuple[dict[str, Any], list[str]]:
    """Time per status, put down to its cause here, from the profile rows (report._profile: per activity and
    state, `follows` events with a next one and the `total` and `business` time until it); and every status in
    the log, also those only a case's last event has."""
    result: dict[str, Any] = {
        "waiting_by_cause_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_cause_business_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_status": [],
    }
    per_state: dict[str, list[float]] = {}
    for row in profile:
        if row["state"] is not None:
            totals = per_state.setdefault(row["state"], [0, 0.0, 0.0])
            totals[0] += int(row["follows"] or 0)
            totals[1] += float(row["total"] or 0.0)
            totals[2] += float(row["business"] or 0.0)
    found = sorted(per_state.items(), key=lambda item: (-item[1][1], item[0]))
    _add(result, [(state, count, total, business) for state, (count, total, business) in found], options)
    result["waiting_source"] = "status" if result["waiting_by_status"] else None
    return result, [state for state, _ in found]


def with_activities(
    result: dict[str, Any], pairs: list[dict[str, Any]], statuses: list[str], options: AnalysisOptions
) -> dict[str, Any]:
    """`result` (waiting_by_cause's) when a status matched a waiting rule; otherwise waiting from activities
    that match one, from the directly-follows rows (dfg.pair_rows: the time from each event of an activity to
    the case's next event), or a note saying why there is none."""
    if result["waiting_by_status"]:
        return result
    per_activity: dict[str, list[float]] = {}
    for pair in pairs:
        totals = per_activity.setdefault(pair["activity"], [0, 0.0, 0.0])
        totals[0] += int(pair["count"])
        totals[1] += float(pair["total"] or 0.0)
        totals[2] += float(pair["business"] or 0.0)
    fresh: dict[str, Any] = {
        "waiting_by_cause_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_cause_business_s": dict.fromkeys(CAUSES, 0.0),
        "waiting_by_status": [],
    }
    ranked = sorted(per_activity.items(), key=lambda item: (-item[1][1], item[0]))
    _add(fresh, [(name, count, total, business) for name, (count, total, business) in ranked], options)
    if fresh["waiting_by_status"]:
        return fresh | {"waiting_source": "activity"}
    shown = ", ".join(sorted(statuses)[:5]) + (", ..." if len(statuses) > 5 else "")
    what = f"no status ({shown}) and no activity" if statuses else "the log has no status, and no activity"
    note = f"{what} matches a waiting rule (a rule of your own can name them)"
    return result | {"waiting_source": None, "waiting_note": note}


def _add(result: dict[str, Any], found: list[tuple[str, Any, Any, Any]], options: AnalysisOptions) -> None:
    """Puts the time of each (name, count, total, business) whose name matches a waiting rule down to its cause."""
    for name, count, total, business in found:
        cause = options.cause_of(name)
        if cause is None or not count:
            continue
        result["waiting_by_cause_s"][cause] += float(total or 0.0)
        result["waiting_by_cause_business_s"][cause] += float(business or 0.0)
        result["waiting_by_status"].append(
            {
                "status": name,
                "cause": cause,
                "count": int(count),
                "total_s": rounded(total),
                "total_business_s": rounded(business),
            }
        )
    for key in ("waiting_by_cause_s", "waiting_by_cause_business_s"):
        result[key] = {cause: rounded(value) for cause, value in result[key].items()}

"""The voice of the process: each case's beats as events in the `process_events` table (log "demo").

Every event is a `complete` event: the moment a step was done, by whom (resource) and in which team, and the
status the case then had. Statuses say who the case waits for: "Wachten op klant" (the customer), "Wachten op
leverancier" (a third party), "Wachtrij" (an internal queue); the others are "Nieuw", "In behandeling",
"Opgelost" and "Gesloten".
"""

from __future__ import annotations

from klantstem.demo import fingerprints
from klantstem.demo.model import CasePlan, PlannedBeat, Row
from klantstem.demo.period import to_utc

LOG_NAME = "demo"
LIFECYCLE = "complete"


def event_count(plan: CasePlan) -> int:
    return sum(1 for planned in plan.beats if planned.beat.activity)


def case_events(plan: CasePlan, first_id: int) -> list[Row]:
    rows: list[Row] = []
    for planned in plan.beats:
        if planned.beat.activity:
            rows.append(_row(first_id + len(rows), plan, planned))
    return rows


def _row(event_id: int, plan: CasePlan, planned: PlannedBeat) -> Row:
    occurred = to_utc(planned.at)
    status = planned.beat.status
    parts = [LOG_NAME, plan.external_id, planned.beat.activity, occurred.isoformat(), LIFECYCLE, planned.resource,
             planned.team, status]  # fmt: skip
    return {
        "id": event_id,
        "log_name": LOG_NAME,
        "case_key": plan.external_id,
        "case_id": plan.case_id,
        "activity": planned.beat.activity,
        "occurred_at": occurred,
        "lifecycle": LIFECYCLE,
        "resource": planned.resource,
        "team": planned.team,
        "status": status,
        "fingerprint": fingerprints.of_parts("event", parts),
    }

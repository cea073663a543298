"""The voice of the process at one step, for a problem's explanation: how long cases wait after the step (and
why: the status the step left them in), how often the step hands the case to another team, how many of its cases
ping-pong between teams, and how many promises made there were kept. At most the latest MAX_CASES cases are
read."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from statistics import median
from typing import Any

from sqlalchemy import Connection

from klantstem.problems import store

MAX_CASES = 200  # the latest cases at the step are read: a share among 200 is within 7 points (95 %), and it is read
# for every problem a detection opens or changes


def step_figures(conn: Connection, step: str, since: datetime) -> dict[str, Any]:
    cases = store.step_case_events(conn, step, since, MAX_CASES)
    if not cases:
        return {}
    waits: list[float] = []
    by_cause: dict[str, list[float]] = defaultdict(list)
    handed = passages = ping_pong = 0
    reached: set[tuple[int, datetime]] = set()  # (case id, moment) the step was reached
    for events in cases.values():
        teams = [team for _, _, team, _, _ in events if team]
        if any(a == c and a != b for a, b, c in zip(teams, teams[1:], teams[2:], strict=False)):
            ping_pong += 1
        reached |= {(case_id, at) for at, activity, _, _, case_id in events if activity == step and case_id}
        for (at, activity, team, status, _), (next_at, _, next_team, _, _) in zip(events, events[1:], strict=False):
            if activity != step:
                continue
            passages += 1
            hours = (next_at - at).total_seconds() / 3600
            waits.append(hours)
            by_cause[status or "-"].append(hours)
            handed += bool(team and next_team and team != next_team)
    # promises made in these cases at the moment they reached the step (the event and the promise share it)
    made_here = [status for c, made, status in store.decided_promises(conn, [c for c, _ in reached])
                 if (c, made) in reached]  # fmt: skip
    promises = Counter(made_here)
    decided = len(made_here)
    return {
        "cases": len(cases),
        "latest_only": len(cases) >= MAX_CASES,
        "median_wait_h": round(median(waits), 1) if waits else None,
        "wait_by_status_h": {k: round(median(v), 1) for k, v in sorted(by_cause.items(), key=lambda kv: -len(kv[1]))},
        "handover_share": round(handed / passages, 3) if passages else None,
        "ping_pong_cases": ping_pong,
        "promises_kept": promises.get("kept", 0),
        "promises_decided": decided,
        "promises_kept_share": round(promises.get("kept", 0) / decided, 3) if decided else None,
    }

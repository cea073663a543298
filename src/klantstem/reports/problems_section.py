"""The structural problems of the period, from the structural-problems domain (detection is theirs): by impact,
with owner, status, age and the share of reporters told; and what was done (fixed, verified, loops closed)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.insights import service as insights
from klantstem.problems import service as problems
from klantstem.reports.period import Period
from klantstem.settings import Settings

DAY = 86400.0
SHOWN = 12


def problem_figures(engine: Engine, clock: Clock, settings: Settings, period: Period) -> dict[str, Any]:
    """Problems alive in the period, by impact = customers affected × how many times worse than usual their step
    is reported (rate / baseline) × days affected (first seen to fixed, or to the end of the period)."""
    now = clock.now()
    until = min(period.end, now)
    labels = insights.facet_labels()
    rows = [r for r in problems.list_problems(engine, clock, settings) if _alive(r, period)]
    pairs = sorted(((r, _item(r, until, labels)) for r in rows),
                   key=lambda p: (p[1]["kind"] != "structural", -p[1]["impact"], p[1]["id"]))  # fmt: skip
    fixed = [i for r, i in pairs if _within(r.fixed_at, period)]
    verified = [i for r, i in pairs if _within(r.verified_at, period)]
    closed = {i["id"] for i in fixed + verified if i["reporters"] and i["reporters_told"] >= i["reporters"]}
    return {
        "items": [i for _, i in pairs][:SHOWN],
        "count": len(pairs),
        "structural": sum(1 for _, i in pairs if i["kind"] == "structural"),
        "done": {"fixed": fixed, "verified": verified, "loops_closed": len(closed)},
    }


def _alive(row: Any, period: Period) -> bool:
    if row.first_seen >= period.end:
        return False
    ended = row.verified_at or row.fixed_at
    return row.last_seen >= period.start or ended is None or ended >= period.start


def _within(moment: datetime | None, period: Period) -> bool:
    return moment is not None and period.start <= moment < period.end


def _item(row: Any, until: datetime, labels: dict[str, dict[str, str]]) -> dict[str, Any]:
    worse = max(row.rate / row.baseline, 1.0) if row.rate is not None and row.baseline else 1.0
    stop = min(row.fixed_at or until, until)
    days = max((stop - row.first_seen).total_seconds() / DAY, 1.0)
    age = max((until - row.first_seen).total_seconds() / DAY, 0.0)
    return {
        "id": row.id, "kind": row.kind, "step": row.step, "facet": row.facet or None, "status": row.status,
        "title": {lang: f"{row.step} · {labels[row.facet][lang]}" if row.facet in labels else str(row.step)
                  for lang in ("nl", "en")},
        "owner": row.owner, "customers": row.customers, "reports": row.reports, "channels": list(row.channels),
        "rate": row.rate, "baseline": row.baseline, "times_usual": round(worse, 2), "days_affected": round(days, 1),
        "impact": round(row.customers * worse * days, 1), "age_days": round(age, 1), "reporters": row.reporters,
        "reporters_told": row.reporters_told,
        "told_share": row.reporters_told / row.reporters if row.reporters else None,
        "first_seen": row.first_seen.isoformat(), "last_seen": row.last_seen.isoformat(),
        "fixed_at": row.fixed_at.isoformat() if row.fixed_at else None,
        "verified_at": row.verified_at.isoformat() if row.verified_at else None,
    }  # fmt: skip

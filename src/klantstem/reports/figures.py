"""The figures of one period, gathered from the domains' services (no figure is computed twice here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.reports.period import Period
from klantstem.settings import Settings

LEVELS = insights.LEVELS
TOLD_AGAIN = "repeat_story"  # the facet "had to tell the story again / nothing recorded"
TOP = 8


@dataclass(frozen=True)
class Scope:
    period: Period
    department_id: int | None

    def filters(self) -> insights.Filters:
        return insights.Filters(since=self.period.start, until=self.period.end, department_id=self.department_id)


def step_figures(engine: Engine, scope: Scope, names: dict[int, str]) -> dict[str, Any]:
    """Bad / normal / excellent per step of the journey (the department where it happened)."""
    rows: list[dict[str, Any]] = []
    for department_id, levels in insights.step_judgements(engine, scope.filters()).items():
        total = sum(levels.values())
        name = names.get(department_id, "?") if department_id is not None else None
        rows.append({"step": name, "department_id": department_id, "total": total, **levels})
    rows.sort(key=lambda r: (-r["bad"] / max(r["total"], 1), r["step"] or "~"))
    totals = {level: sum(r[level] for r in rows) for level in LEVELS}
    return {"by_step": rows, "totals": totals, "judged": sum(totals.values())}


def facet_figures(engine: Engine, scope: Scope) -> list[dict[str, Any]]:
    """What customers judge the service by (the facets of their stories), with quotes."""
    return [f.as_dict() for f in insights.top_facets(engine, scope.filters(), limit=20, quotes=2)]


# What the report never shows of the process analysis; of the period before it shows no bottlenecks either.
LEFT_OUT = frozenset({"variants", "slowest_cases"})


def process_figures(engine: Engine, settings: Settings, scope: Scope, previous: Scope) -> tuple[Any, Any]:
    """The voice of the process (the process analysis of the period's events) of the period and of the one before
    (their events read in one pass), each trimmed to what the report shows (of the period before, to what it
    compares); None for a period without events."""
    asked = [(scope.filters(), LEFT_OUT), (previous.filters(), LEFT_OUT | {"bottlenecks"})]
    now, before = insights.process_reports(engine, settings, asked, logs=False)
    return _trimmed(now), _trimmed(before)


def _trimmed(report: dict[str, Any] | None) -> dict[str, Any] | None:
    if report is None:
        return None
    keep = ("cases", "events", "case_duration_s", "case_duration_business_s", "waiting_by_cause_s",
            "waiting_by_cause_business_s", "waiting_by_status", "ping_pong_cases", "ping_pong_count",
            "teams_per_case", "cases_returning_to_a_team", "first_line_share", "first_line_rule",
            "cases_with_team", "repeats", "lead_time_trend")  # fmt: skip
    found = {k: report.get(k) for k in keep}
    found["handovers"] = (report.get("handovers") or [])[:TOP]
    found["ping_pong"] = (report.get("ping_pong") or [])[:TOP]
    found["bottlenecks"] = ((report.get("bottlenecks") or {}).get("steps") or [])[:TOP]
    return found


def promise_figures(engine: Engine, clock: Clock, scope: Scope) -> dict[str, Any]:
    """Kept rate per kind, department and third party of the promises made in the period, and the most broken."""
    p = scope.period
    result = promises.stats(engine, clock, p.start, p.end, scope.department_id)
    rows = [r.as_dict() for r in result.rows]
    kept = sum(r["kept"] for r in rows if r["dimension"] == "kind")
    broken = sum(r["broken"] for r in rows if r["dimension"] == "kind")
    return {
        "kept": kept,
        "broken": broken,
        "kept_rate": kept / (kept + broken) if kept + broken else None,
        "by_kind": [r for r in rows if r["dimension"] == "kind"],
        "by_department": [r for r in rows if r["dimension"] == "department"],
        "by_third_party": [r for r in rows if r["dimension"] == "third_party"],
        "most_broken": promises.most_broken(engine, clock, p.start, p.end, scope.department_id, 5),
    }


def told_again(facets: list[dict[str, Any]], stories: int) -> dict[str, Any]:
    """Stories in which the customer had to tell it again (or nothing was written down)."""
    found = next((f for f in facets if f["facet"] == TOLD_AGAIN), None)
    count = found["total"] if found else 0
    return {"stories": count, "of": stories, "share": count / stories if stories else None,
            "quotes": found["quotes"] if found else []}  # fmt: skip


def trend_point(engine: Engine, clock: Clock, scope: Scope) -> dict[str, Any]:
    """The two headline shares of one period, for the trend over several: bad steps and promises kept."""
    levels = insights.step_judgements(engine, scope.filters()).values()
    judged = sum(sum(v.values()) for v in levels)
    bad = sum(v["bad"] for v in levels)
    p = scope.period
    kinds = promises.stats(engine, clock, p.start, p.end, scope.department_id).of("kind")
    kept, decided = sum(r.kept for r in kinds), sum(r.kept + r.broken for r in kinds)
    return {"period": p.label, "judged": judged, "bad_share": bad / judged if judged else None,
            "decided": decided, "kept_rate": kept / decided if decided else None}  # fmt: skip

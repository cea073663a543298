"""The management report's content: each section's figures for the period and the one before, quotes, and the
key takeaways. Plain data (JSON-ready); rendering is elsewhere."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.db.engine import reading
from klantstem.errors import UserInputError
from klantstem.insights import service as insights
from klantstem.reports import figures, problems_section, store, takeaways, wording
from klantstem.reports.period import Period, parse_period
from klantstem.settings import Settings

QUOTES_PER_LEVEL = 4
TREND_PERIODS = 6


def resolve(engine: Engine, settings: Settings, clock: Clock, period: str, department: str | None) -> figures.Scope:
    """The period and department asked for; bad input becomes one clear UserInputError."""
    found = parse_period(period, settings.timezone, clock.now())
    department_id = None
    if department is not None:
        with reading(engine) as conn:
            row = store.department_by_name(conn, department)
        if row is None:
            raise UserInputError(f"department {department!r}: no such department")
        department_id = row[0]
    return figures.Scope(found, department_id)


def period_figures(
    engine: Engine, settings: Settings, clock: Clock, scope: figures.Scope, names: dict[int, str]
) -> dict[str, Any]:
    """Every section's figures for one period (the queries run side by side, each with its own connection), but
    the process analysis: "process" is None here, and build() puts its figures in (process_figures)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        facets = pool.submit(figures.facet_figures, engine, scope)
        promises = pool.submit(figures.promise_figures, engine, clock, scope)
        steps = figures.step_figures(engine, scope, names)
        totals = insights.story_totals(engine, scope.filters())
        with reading(engine) as conn:
            repeat = store.repeat_contacts(conn, scope.period.start, scope.period.end, scope.department_id)
        found_facets = facets.result()
        return {
            "stories": totals,
            "steps": steps,
            "criteria": found_facets,
            "process": None,
            "promises": promises.result(),
            "repeats": {"contacts": repeat, "told_again": figures.told_again(found_facets, totals["stories"])},
        }


def build(
    engine: Engine, settings: Settings, clock: Clock, period: str, department: str | None, lang: str
) -> dict[str, Any]:
    """The whole report as plain data; raises UserInputError for a bad period or department or an empty period."""
    if lang not in wording.LANGUAGES:
        raise UserInputError(f"report language {lang!r}: choose nl or en")
    scope = resolve(engine, settings, clock, period, department)
    with reading(engine) as conn:
        held = store.period_counts(conn, scope.period.start, scope.period.end, scope.department_id)
        names = store.department_names(conn)
    if not any(held.values()):
        where = f" for department {names[scope.department_id]}" if scope.department_id is not None else ""
        raise UserInputError(f"period {scope.period.label}: no data in this period{where}")
    previous = figures.Scope(scope.period.previous(), scope.department_id)
    # The process analyses (most of a report's work, waiting on DuckDB and the readers rather than on Python) run
    # in a thread of their own while the other sections are worked out: both periods' events read in one pass,
    # then analysed one after the other.
    analyses = ThreadPoolExecutor(max_workers=1)
    try:
        process = analyses.submit(figures.process_figures, engine, settings, scope, previous)
        insights.analyse_stories(engine, clock)  # label what was told since the last look (once; kept)
        now = period_figures(engine, settings, clock, scope, names)
        before = period_figures(engine, settings, clock, previous, names)
        quotes = step_quotes(engine, scope, names)
        trend = [
            figures.trend_point(engine, clock, figures.Scope(scope.period.previous(back), scope.department_id))
            for back in range(TREND_PERIODS - 1, -1, -1)
        ]
        problems = problems_section.problem_figures(engine, clock, settings, scope.period)
        now["process"], before["process"] = process.result()
    finally:
        analyses.shutdown(cancel_futures=True)  # after a failure: waits for the analysis under way only
    return {
        "title": wording.word("title", lang),
        "lang": lang,
        "period": _period(scope.period),
        "previous_period": _period(previous.period),
        "department": names.get(scope.department_id) if scope.department_id is not None else None,
        "generated_at": clock.now().astimezone(ZoneInfo(settings.timezone)).isoformat(),
        "held": held,
        "takeaways": takeaways.takeaways(
            takeaways.counts(now), takeaways.counts(before), lang, previous.period.label
        ),
        "now": now,
        "before": _summary(before),
        "step_quotes": quotes,
        "trend": trend,
        "problems": problems,
    }


def _period(period: Period) -> dict[str, str]:
    return {"label": period.label, "start": period.start.isoformat(), "end": period.end.isoformat()}


def _summary(before: dict[str, Any]) -> dict[str, Any]:
    """What the report shows of the previous period beside the current one."""
    process = before["process"] or {}
    return {
        "steps": {"by_step": before["steps"]["by_step"], "totals": before["steps"]["totals"],
                  "judged": before["steps"]["judged"]},
        "promises": {k: before["promises"][k] for k in ("kept", "broken", "kept_rate")},
        "process": {k: process.get(k) for k in ("cases", "case_duration_s", "case_duration_business_s",
                                                "first_line_share", "ping_pong_cases", "waiting_by_cause_s",
                                                "repeats")},
        "repeats": {"contacts": before["repeats"]["contacts"],
                    "told_again": {k: before["repeats"]["told_again"][k] for k in ("stories", "of", "share")}},
    }  # fmt: skip


def step_quotes(engine: Engine, scope: figures.Scope, names: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    """Short steps customers judged bad and excellent, newest first."""
    found: dict[str, list[dict[str, Any]]] = {}
    for level in ("bad", "excellent"):
        quotes = insights.step_quotes(engine, scope.filters(), level, QUOTES_PER_LEVEL)
        found[level] = [
            {"story_id": q.story_id, "customer_id": q.customer_id, "text": q.text,
             "step": names.get(d) if d is not None else None}  # fmt: skip
            for d, q in quotes
        ]
    return found

"""Structural problems, as the edges use them: detection (both voices on one step, signals, structural or
incident), one problem for many reports, a named owner, the lifecycle and its journal, actions on the business
calendar, escalation, and closing the loop with every reporter (see lifecycle.py and loop.py).

A problem's identity is its step and facet: a signal that fires again where an open problem lives adds its new
reports to that problem as suggestions for a person to confirm or split off, instead of opening a second one.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine

from klantstem.clock import Clock
from klantstem.dates import to_utc
from klantstem.db.engine import reading
from klantstem.errors import NotFoundError
from klantstem.problems import bases, detection, similar, store
from klantstem.problems.figures import step_figures
from klantstem.problems.lifecycle import (
    add_action,
    assign,
    escalated,
    finish_action,
    link,
    put_mapping,
    set_owner,
    set_status,
)
from klantstem.problems.loop import deliver, export_outbox, notify
from klantstem.problems.model import (
    OPEN_STATUSES,
    Candidate,
    Detection,
    ProblemDetail,
    ProblemRow,
    Rules,
    Voice,
)
from klantstem.problems.views import detail, problem_rows
from klantstem.problems.voices import gather
from klantstem.problems.watch import watch_fixed
from klantstem.settings import Settings

SAMPLE = 200  # reports per problem its words are learned from
SIMILAR_SOURCES = ("contact", "story_step")
FIRST_COMPARED = 20_000  # loose complaints compared in the first run (the newest)

__all__ = [
    "Detection", "ProblemDetail", "ProblemRow", "Rules", "add_action", "assign", "deliver", "detect", "escalated",
    "export_outbox", "finish_action", "link", "list_problems", "mappings", "notify", "owners", "put_mapping",
    "rules_from_settings", "set_owner", "set_status", "show",
]  # fmt: skip


def rules_from_settings(settings: Settings) -> Rules:
    return Rules(
        sigma=settings.problems_sigma, min_reports=settings.problems_min_reports,
        change_llr=settings.problems_change, customers=settings.problems_customers,
        periods=settings.problems_periods, channels=settings.problems_channels,
        burst_share=settings.problems_burst_share, verify_periods=settings.problems_verify_weeks,
        stale_days=settings.problems_stale_days, repeat_days=settings.problems_repeat_days,
    )  # fmt: skip


def detect(engine: Engine, clock: Clock, settings: Settings, *, read_texts: bool = True) -> Detection:
    """Read what was not read yet, place every voice on its step, bring the bases up to date (only the periods new
    rows fall in), run the signals, and record what they found: new problems with their owner, new reports of
    known problems as suggestions, fixed problems verified or reopened. Running it again on the same data changes
    nothing."""
    if read_texts:
        from klantstem.insights import service as insights

        insights.analyse_voices(engine, clock)
    rules, zone = rules_from_settings(settings), ZoneInfo(settings.timezone)
    # The bases are counted on a second connection while the voices are gathered: both are mostly the database's
    # own work, which runs outside Python's lock, so on two cores the slower of the two sets the time.
    with ThreadPoolExecutor(max_workers=1) as counting:
        counted = counting.submit(_refresh_bases, engine, zone)
        with reading(engine) as conn:
            voices = gather(conn, rules)
        tallied = counted.result()
    pool = detection.pool_of(voices, zone)
    candidates, rising = detection.detect(pool, tallied.steps, tallied.contacts, rules, zone)
    outcomes: dict[str, list[int]] = {"opened": [], "updated": [], "reopened": []}
    with engine.begin() as conn:
        known = {(p.step, p.facet): p for p in store.problems(conn)}
        linked = store.linked_sources(conn)
        for candidate in candidates:
            outcome, problem_id = _record(conn, clock.now(), candidate, known.get((candidate.step, candidate.facet)),
                                          linked)  # fmt: skip
            outcomes.get(outcome, []).append(problem_id)
        _suggest_similar(conn, voices, linked)
    verified, back = watch_fixed(engine, clock, pool, tallied.steps, tallied.contacts, rules, zone)
    unplaced = sum(1 for v in voices if not v.step)
    return Detection(
        candidates, rising, outcomes["opened"], outcomes["updated"], outcomes["reopened"] + back, verified,
        len(voices), unplaced, list_problems(engine, clock, settings), tallied.reworked,
    )  # fmt: skip


def _refresh_bases(engine: Engine, zone: ZoneInfo) -> bases.Tallied:
    with engine.begin() as conn:
        return bases.refresh(conn, zone)


Linked = dict[tuple[str, int], list[tuple[int, str]]]


def _record(conn: Connection, now: datetime, candidate: Candidate, current: Any, linked: Linked) -> tuple[str, int]:
    """Open a problem for the candidate, or add to the one it matches (`current`, the newest problem of its step
    and facet); (what happened, problem id). The process figures of the step are read only when the problem is
    opened, reopened or changed."""
    figures = _figures(candidate)
    if current is None:
        owner = _owner_for(conn, candidate)
        values = {**_with_process(conn, candidate, figures), "step": candidate.step, "facet": candidate.facet,
                  "status": "new", "owner_id": owner, "opened_at": now, "progress_at": now}  # fmt: skip
        problem_id = store.insert_problem(conn, values)
        store.journal(conn, problem_id, now, None, "opened", kind=candidate.verdict.kind, owner_id=owner)
        _link(conn, problem_id, candidate.signal.voices, "detected", None, linked)
        return "opened", problem_id
    problem_id = int(current.id)
    if current.status == "verified" and _returned(candidate, to_utc(current.verified_at)):
        changed = _with_process(conn, candidate, figures)
        store.update_problem(conn, problem_id, **changed, status="new", reopened=current.reopened + 1, progress_at=now)
        store.journal(conn, problem_id, now, None, "reopened", since=candidate.signal.since.isoformat())
        _link(conn, problem_id, candidate.signal.voices, "detected", None, linked)
        return "reopened", problem_id
    if current.status in OPEN_STATUSES:
        added = _link(conn, problem_id, candidate.signal.voices, "suggested", "same step and facet", linked)
        if current.kind != candidate.verdict.kind:
            store.journal(conn, problem_id, now, None, "kind", was=current.kind, now=candidate.verdict.kind)
        if added or current.kind != candidate.verdict.kind:
            store.update_problem(conn, problem_id, **_with_process(conn, candidate, figures))
            return "updated", problem_id
    return "unchanged", problem_id


def _with_process(conn: Connection, candidate: Candidate, figures: dict[str, Any]) -> dict[str, Any]:
    """The figures with the process figures of the candidate's step in its explanation."""
    process = step_figures(conn, candidate.step, candidate.first_seen)
    figures["explanation"]["process"] = process
    if process:
        figures["explanation"]["why"].append(_process_words(process))
    return figures


def _returned(candidate: Candidate, verified_at: datetime) -> bool:
    """The signal fires again in a period that began after the problem was verified."""
    signal = candidate.signal
    return signal.since > verified_at.date() or any(p > verified_at.date() for p in signal.fired)


def _figures(candidate: Candidate) -> dict[str, Any]:
    signal, verdict = candidate.signal, candidate.verdict
    base = "cases that passed the step" if signal.base_kind == "cases" else "inbound contacts (the step has no events)"
    why = [
        f"{_rule_words(signal.rule)} on the {signal.granularity} chart: {signal.rate:.1%} of {base}"
        f" since {signal.since.isoformat()}, against {signal.baseline:.1%} before",
        *verdict.reasons,
    ]
    explanation = {
        "why": why, "codes": [[c, v] for c, v in verdict.codes], "rule": signal.rule,
        "granularity": signal.granularity, "since": signal.since.isoformat(), "base": signal.base_kind,
        "statistic": signal.llr, "fired": [p.isoformat() for p in signal.fired], "periods": verdict.periods,
        "busiest_day_share": verdict.busiest_day_share,
        "sources": dict(Counter(v.source for v in signal.voices)),
    }  # fmt: skip
    return {
        "kind": verdict.kind, "signal": signal.rule, "explanation": explanation, "rate": signal.rate,
        "baseline": signal.baseline, "customers": verdict.customers, "reports": verdict.reports,
        "channels": list(verdict.channels), "first_seen": candidate.first_seen, "last_seen": candidate.last_seen,
    }  # fmt: skip


def _process_words(f: dict[str, Any]) -> str:
    which = f"the latest {f['cases']} cases" if f.get("latest_only") else f"{f['cases']} cases since it began"
    parts = [f"at this step ({which}): median wait after it {f['median_wait_h']} h"]
    if f["wait_by_status_h"]:
        parts.append("by status " + ", ".join(f"{k} {v} h" for k, v in list(f["wait_by_status_h"].items())[:3]))
    if f["handover_share"] is not None:
        parts.append(f"{f['handover_share']:.0%} handed to another team")
    parts.append(f"{f['ping_pong_cases']} cases ping-pong between teams")
    if f["promises_kept_share"] is not None:
        parts.append(f"{f['promises_kept_share']:.0%} of {f['promises_decided']} promises made here kept")
    return "; ".join(parts)


def _rule_words(rule: str) -> str:
    words = {"laney": "above the Laney p' control limit", "change_point": "a sustained rise (change-point)"}
    return " and ".join(words[r] for r in rule.split("+"))


def _owner_for(conn: Connection, candidate: Candidate) -> int | None:
    """The owner of the step in the registry, else of the department most of its reports came through."""
    registry = {r.step: int(r.owner_id) for r in store.owners(conn)}
    if candidate.step in registry:
        return registry[candidate.step]
    departments = Counter(v.department_id for v in candidate.signal.voices if v.department_id is not None)
    names = store.department_names(conn)
    for department_id, _ in departments.most_common():
        owner = registry.get(names.get(department_id, ""))
        if owner is not None:
            return owner
    return None


def _link(
    conn: Connection, problem_id: int, voices: tuple[Voice, ...], link: str, reason: str | None, linked: Linked
) -> int:
    """Link the voices not yet linked to this problem (nor split off from it); returns how many. `linked` (every
    linked report by source) is kept up to date."""
    rows, seen = [], set()
    for v in voices:
        key = (v.source, v.source_id)
        if key in seen or any(p == problem_id for p, _ in linked.get(key, [])):
            continue
        seen.add(key)
        linked.setdefault(key, []).append((problem_id, link))
        rows.append({"problem_id": problem_id, "source": v.source, "source_id": v.source_id,
                     "customer_id": v.customer_id, "channel": v.channel, "occurred_at": to_utc(v.at),
                     "link": link, "reason": reason})  # fmt: skip
    store.insert_reports(conn, rows)
    return len(rows)


def _suggest_similar(conn: Connection, voices: list[Voice], linked: Linked) -> int:
    """Complaints linked to no problem whose words sound like an open structural problem's: suggested for it.
    Each complaint is compared once, in the first run that sees it (the marks keep the highest id compared per
    source); the first run of all compares the newest FIRST_COMPARED at most."""
    marks = store.marks(conn)
    after = {source: int(marks.get(f"similar_{source}", 0)) for source in SIMILAR_SOURCES}
    tops = {source: max((v.source_id for v in voices if v.source == source), default=after[source])
            for source in SIMILAR_SOURCES}  # fmt: skip
    store.set_marks(conn, {f"similar_{source}": top for source, top in tops.items()})
    open_ones = [p for p in store.problems(conn) if p.status in OPEN_STATUSES and p.kind == "structural"]
    if not open_ones:
        return 0
    since = min(to_utc(p.first_seen) for p in open_ones)
    loose = [v for v in voices if v.source in SIMILAR_SOURCES and v.source_id > after[v.source] and v.at >= since
             and (v.source, v.source_id) not in linked]  # fmt: skip
    loose = sorted(loose, key=lambda v: v.at)[-FIRST_COMPARED:]
    said = _words(conn, loose)
    known: dict[int, list[str]] = {}
    for p in open_ones:
        reports = [r for r in store.reports_of(conn, int(p.id)) if r.link in ("detected", "confirmed")][:SAMPLE]
        theirs = _words(conn, [r for r in reports if r.source in SIMILAR_SOURCES])
        known[int(p.id)] = list(theirs.values())
    asked = [said.get((v.source, v.source_id), "") for v in loose]
    rows = []
    for voice, match in zip(loose, similar.closest(known, asked), strict=True):
        if match is not None:
            rows.append({"problem_id": match[0], "source": voice.source, "source_id": voice.source_id,
                         "customer_id": voice.customer_id, "channel": voice.channel, "occurred_at": to_utc(voice.at),
                         "link": "suggested", "reason": f"similar words ({match[1]:.2f})"})  # fmt: skip
    store.insert_reports(conn, rows)
    return len(rows)


def _words(conn: Connection, items: list[Any]) -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for source in ("contact", "story_step"):
        ids = [int(i.source_id) for i in items if i.source == source]
        found |= {(source, k): v for k, v in store.quotes(conn, source, ids).items()}
    return found


def list_problems(
    engine: Engine, clock: Clock, settings: Settings, *, status: str | None = None, kind: str | None = None
) -> list[ProblemRow]:
    """Problems by impact (structural first, then the distinct customers affected), with owner and reporters."""
    with reading(engine) as conn:
        rows = problem_rows(conn)
    if status is not None:
        rows = [r for r in rows if r.status == status or (status == "open" and r.status in OPEN_STATUSES)]
    if kind is not None:
        rows = [r for r in rows if r.kind == kind]
    return sorted(rows, key=lambda r: (r.kind != "structural", r.status not in OPEN_STATUSES, -r.customers, r.id))


def show(engine: Engine, problem_id: int) -> ProblemDetail:
    with reading(engine) as conn:
        found = detail(conn, problem_id)
    if found is None:
        raise NotFoundError(f"problem {problem_id} does not exist", code="problem_not_found", id=problem_id)
    return found


def owners(engine: Engine) -> list[dict[str, Any]]:
    with reading(engine) as conn:
        return [{"step": r.step, "owner_id": r.owner_id, "owner": r.owner} for r in store.owners(conn)]


def mappings(engine: Engine) -> list[dict[str, Any]]:
    with reading(engine) as conn:
        return [
            {"facet": r.facet or None, "department": r.department, "step": r.step} for r in store.mapping_rows(conn)
        ]

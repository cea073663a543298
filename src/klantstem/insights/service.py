"""The insights, as the edges use them: the dashboard's figures, story search and themes, analysing stories
(appraisal and facets, recorded with the model version), and corrections by a person, which become training
examples (`training_examples()` gives them in the labelled-CSV shape `klantstem text train` reads)."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.db.engine import reading
from klantstem.db.schema import CHANNELS
from klantstem.errors import NotFoundError, UserInputError
from klantstem.events import service as events
from klantstem.insights import store
from klantstem.insights.model import (
    LEVELS,
    PERSON_VERSION,
    Dashboard,
    FacetCount,
    Filters,
    Labels,
    Option,
    Quote,
    StoryHit,
    ThemeSummary,
)
from klantstem.insights.themes import ThemeResult
from klantstem.promises import service as promises
from klantstem.settings import Settings

# The text analysis, themes and process analysis load scikit-learn, Ibis and DuckDB: imported when first used,
# so that starting the web app or a command stays quick.

__all__ = [
    "CHANNELS",
    "LEVELS",
    "PERSON_VERSION",
    "Dashboard",
    "FacetCount",
    "Filters",
    "Labels",
    "Option",
    "Quote",
    "StoryHit",
    "ThemeResult",
    "ThemeSummary",
    "analyse_stories",
    "analyse_voices",
    "reanalyse_stories",
    "use_text_model",
    "text_reader_version",
    "correct_appraisal",
    "correct_facet",
    "dashboard",
    "departments",
    "step_judgements",
    "step_quotes",
    "story_totals",
    "top_facets",
    "facet_labels",
    "labels_of",
    "open_promise_ids",
    "overdue_promise_ids",
    "process_report",
    "process_reports",
    "correction_queue",
    "search",
    "themes",
    "training_examples",
]

DUE_SOON = promises.DUE_SOON
TOP_FACETS = 8
QUOTES = 2
ANALYSE_BATCH = 2000
T = TypeVar("T")


def use_text_model(model_dir: str) -> None:
    """Read stories with the model trained into `model_dir` from now on ("": the rules only); see analysis.py."""
    _analysis().use_model(model_dir)


def text_reader_version() -> str:
    """The version the labels of stories read now carry ("model=m7-...;rules=...;taxonomy=...")."""
    return str(_analysis().current_version())


def facet_labels() -> dict[str, dict[str, str]]:
    """Facet id -> {"nl": label, "en": label}, from the taxonomy."""
    from klantstem.insights import analysis

    return analysis.facet_labels()


def departments(engine: Engine) -> list[Option]:
    with reading(engine) as conn:
        return store.departments(conn)


def dashboard(engine: Engine, clock: Clock, filters: Filters) -> Dashboard:
    """Appraisal per month, the facets customers talk about most (with quotes), the worst steps lately and the
    promises due and broken, for the stories the filters keep."""
    now = clock.now()
    # one short read per figure, so that a large database is not held by one long transaction
    months, series = _appraisal_by_month(engine, filters)
    totals = _read(engine, store.story_totals, filters)
    facets = top_facets(engine, filters)
    worst = _read(engine, store.worst_steps, filters, 5)
    promise_figures = _read(engine, store.promise_figures, now, now + DUE_SOON, filters)
    decided = promise_figures["kept"] + promise_figures["broken"]
    promise_figures["kept_rate"] = round(promise_figures["kept"] / decided, 4) if decided else None  # type: ignore[assignment]
    totals["steps"] = sum(sum(v) for v in series.values())
    totals["bad_steps"] = sum(series["bad"])
    return Dashboard(now, filters, months, series, totals, facets, worst, dict(promise_figures))


def _read(engine: Engine, query: Callable[..., T], *args: Any) -> T:
    with reading(engine) as conn:
        return query(conn, *args)


def _appraisal_by_month(engine: Engine, filters: Filters) -> tuple[list[str], dict[str, list[int]]]:
    """The months (YYYY-MM, UTC) and per level the number of judged steps in each month."""
    by_month = _read(engine, store.appraisal_by_month, filters)
    months = sorted({m for m, _, _ in by_month})
    series = {level: [0] * len(months) for level in LEVELS}
    for month, level, count in by_month:
        if level in series:
            series[level][months.index(month)] += count
    return months, series


def story_totals(engine: Engine, filters: Filters) -> dict[str, int]:
    """Customer stories the filters keep: all, confirmed read-backs, told in an interview or web form."""
    return _read(engine, store.story_totals, filters)


def step_judgements(engine: Engine, filters: Filters) -> dict[int | None, dict[str, int]]:
    """Judged steps (critical incident technique) per department where the step happened (None: unknown):
    level -> count."""
    found: dict[int | None, dict[str, int]] = {}
    for department_id, level, n in _read(engine, store.step_judgements, filters):
        if level in LEVELS:
            found.setdefault(department_id, dict.fromkeys(LEVELS, 0))[level] += n
    return found


def step_quotes(engine: Engine, filters: Filters, level: str, n: int) -> list[tuple[int | None, Quote]]:
    """Up to `n` short, distinct steps judged `level`, newest first, with the department of each."""
    return _read(engine, store.step_quotes, filters, _level(level), n)


def top_facets(engine: Engine, filters: Filters, limit: int = TOP_FACETS, quotes: int = QUOTES) -> list[FacetCount]:
    """The facets customers talk about, most bad first, with counts per level and quotes."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(LEVELS, 0))
    for facet, level, n in _read(engine, store.facet_counts, filters):
        counts[facet][level if level in LEVELS else "normal"] += n
    labels = facet_labels()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1]["bad"], -sum(kv[1].values()), kv[0]))[:limit]
    found = _read(engine, store.facet_quotes, [facet for facet, _ in ranked], filters, quotes)
    return [
        FacetCount(facet, labels.get(facet, {"nl": facet, "en": facet}), sum(levels.values()), levels,
                   tuple(found[facet]))
        for facet, levels in ranked
    ]  # fmt: skip


def open_promise_ids(
    engine: Engine, clock: Clock, within: timedelta | None, filters: Filters, limit: int = 50, offset: int = 0
) -> tuple[int, list[int]]:
    """(total, ids) of open promises not yet due, soonest first; only those due `within` when given."""
    now = clock.now()
    with reading(engine) as conn:
        return store.open_promise_ids(conn, now, now + within if within else None, filters, limit, offset)


def overdue_promise_ids(engine: Engine, clock: Clock, filters: Filters, limit: int = 50) -> tuple[int, list[int]]:
    """(total, ids) of promises past due and not kept, made in the period of the filters, longest overdue first."""
    with reading(engine) as conn:
        return store.overdue_promise_ids(conn, clock.now(), filters, limit)


# --- analysis ------------------------------------------------------------------------------------------------


def analyse_stories(engine: Engine, clock: Clock, limit: int | None = None, newest: int | None = None) -> int:
    """Analyse stories that have words but no labels yet (only among the `newest` stories when given);
    returns how many were analysed."""
    done = 0
    while limit is None or done < limit:
        size = ANALYSE_BATCH if limit is None else min(ANALYSE_BATCH, limit - done)
        with reading(engine) as conn:
            items = store.unanalysed(conn, size, newest)
        if not items:
            break
        rows = _analysis().analyse(items, clock.now())
        with engine.begin() as conn:
            store.insert_annotations(conn, rows)
        done += len(items)
    return done


def analyse_voices(engine: Engine, clock: Clock) -> int:
    """Read the inbound contacts and the customers' story steps that have words but no labels yet (appraisal
    and facets, as stories are read); structural-problem detection places what they say on process steps.
    Returns how many were read."""
    done = 0
    for target in ("contact", "story_step"):
        with reading(engine) as conn:
            unread = store.unread_voices(conn, target)
        for start in range(0, len(unread), ANALYSE_BATCH):
            with reading(engine) as conn:
                items = store.voice_words(conn, target, unread[start : start + ANALYSE_BATCH])
            if not items:
                continue
            rows = _analysis().analyse(items, clock.now(), target)
            with engine.begin() as conn:
                store.insert_annotations(conn, rows)
            done += len(items)
    return done


def reanalyse_story(engine: Engine, clock: Clock, story_id: int) -> None:
    """Analyse one story again (after it changed); labels a person set are kept."""
    with reading(engine) as conn:
        text = store.story_words(conn, story_id)
    if text is None:
        raise NotFoundError(f"story {story_id} does not exist")
    _replace_machine_labels(engine, clock, [(story_id, text)])


def reanalyse_stories(engine: Engine, clock: Clock) -> int:
    """Analyse again every story whose machine labels another reader made (the rules before a model was
    configured, or an older model); labels a person set are kept. Returns how many were analysed."""
    version = _analysis().current_version()
    done = 0
    while True:
        with reading(engine) as conn:
            items = store.analysed_by_other(conn, version, ANALYSE_BATCH)
        if not items:
            return done
        _replace_machine_labels(engine, clock, items)
        done += len(items)


def _replace_machine_labels(engine: Engine, clock: Clock, items: list[tuple[int, str]]) -> None:
    """The stories' machine labels made again in one transaction, except where a person set the label."""
    rows = _analysis().analyse(items, clock.now())
    ids = [story_id for story_id, _ in items]
    with engine.begin() as conn:
        store.delete_machine_annotations(conn, ids)
        kept = {(r.target_id, r.kind, (r.value or {}).get("facet")) for r in store.annotations_of(conn, ids)}
        store.insert_annotations(
            conn, [r for r in rows if (r["target_id"], r["kind"], r["value"].get("facet")) not in kept]
        )


def labels_of(engine: Engine, story_ids: list[int]) -> dict[int, Labels]:
    with reading(engine) as conn:
        rows = store.annotations_of(conn, story_ids)
    found: dict[int, Labels] = {}
    for story_id in story_ids:
        own = [r for r in rows if r.target_id == story_id]
        if not own:
            continue
        appraisal = next((r for r in reversed(own) if r.kind == "appraisal"), None)
        found[story_id] = Labels(
            story_id=story_id,
            appraisal=appraisal.value.get("level") if appraisal is not None else None,
            facets={r.value["facet"]: r.value.get("appraisal") for r in own if r.kind == "facet"},
            corrected=any(r.corrected_by is not None for r in own),
            model_version=appraisal.model_version if appraisal is not None else None,
        )
    return found


# --- corrections ---------------------------------------------------------------------------------------------


def _analysis() -> Any:
    from klantstem.insights import analysis

    return analysis


def _level(level: str) -> str:
    if level not in LEVELS:
        raise UserInputError(f"the appraisal is one of {', '.join(LEVELS)}")
    return level


def correct_appraisal(engine: Engine, clock: Clock, story_id: int, level: str, staff_id: int) -> Labels:
    """A person sets the appraisal of a story; the machine label is kept inside the correction (`was`)."""
    chosen = _level(level)
    with engine.begin() as conn:
        row = store.annotation(conn, story_id, "appraisal")
        if row is None:
            raise NotFoundError(f"story {story_id} has not been analysed")
        value = {**row.value, "level": chosen, "was": row.value.get("was", row.value)}
        store.update_annotation(conn, row.id, value=value, corrected_by=staff_id, created_at=clock.now())
    return labels_of(engine, [story_id])[story_id]


def correct_facet(engine: Engine, clock: Clock, story_id: int, facet: str, level: str | None, staff_id: int) -> Labels:
    """A person removes a facet (`level` None), adds one the machine missed, or sets its appraisal."""
    if facet not in facet_labels():
        raise UserInputError(f"unknown facet {facet!r}")
    with engine.begin() as conn:
        if store.annotation(conn, story_id, "appraisal") is None:
            raise NotFoundError(f"story {story_id} has not been analysed")
        row = store.annotation(conn, story_id, "facet", facet)
        removed = store.annotation(conn, story_id, "facet_removed", facet)
        current = row or removed
        if level is None:
            if row is not None:
                store.update_annotation(conn, row.id, kind="facet_removed", corrected_by=staff_id)
        elif current is not None:
            value = {**current.value, "appraisal": _level(level), "was": current.value.get("was", current.value)}
            store.update_annotation(conn, current.id, kind="facet", value=value, corrected_by=staff_id)
        else:
            store.insert_annotations(conn, [{
                "target": store.STORY, "target_id": story_id, "kind": "facet", "model_version": PERSON_VERSION,
                "value": {"facet": facet, "appraisal": _level(level), "quote": ""}, "corrected_by": staff_id,
                "created_at": clock.now(),
            }])  # fmt: skip
    return labels_of(engine, [story_id])[story_id]


def correction_queue(engine: Engine, limit: int = 20, offset: int = 0) -> tuple[int, list[StoryHit]]:
    """Analysed stories, newest first, with their current labels, for people to check."""
    with reading(engine) as conn:
        total, ids = store.latest_story_ids(conn, limit, offset)
        hits = store.stories_by_ids(conn, ids)
    return total, _with_labels(engine, hits)


def training_examples(engine: Engine) -> list[dict[str, str]]:
    """Every story a person corrected, as {text, labels} with labels `FACET=appraisal;...`."""
    with reading(engine) as conn:
        ids = store.corrected_story_ids(conn)
        texts = {i: store.story_words(conn, i) or "" for i in ids}
    labels = labels_of(engine, ids)
    return [
        {"text": texts[i], "labels": ";".join(f"{f}={lv or 'normal'}" for f, lv in sorted(labels[i].facets.items()))}
        for i in ids
        if i in labels
    ]


# --- search and themes ---------------------------------------------------------------------------------------


def search(
    engine: Engine, query: str, facet: str | None, filters: Filters, limit: int = 20, offset: int = 0,
    story_ids: list[int] | None = None,
) -> tuple[int, list[StoryHit]]:  # fmt: skip
    """Customer stories with every word of `query` (Dutch or English, any case), about `facet`, or among
    `story_ids` (a theme), newest first, with their labels."""
    words = [w for w in query.split() if w][:8]
    if facet and facet not in facet_labels():
        raise UserInputError(f"unknown facet {facet!r}")
    with reading(engine) as conn:
        total, hits = store.search_stories(conn, words, facet or None, story_ids, filters, limit, offset)
    return total, _with_labels(engine, hits)


def _with_labels(engine: Engine, hits: list[StoryHit]) -> list[StoryHit]:
    labels = labels_of(engine, [h.story_id for h in hits])
    return [_labelled(h, labels[h.story_id]) if h.story_id in labels else h for h in hits]


def _labelled(hit: StoryHit, labels: Labels) -> StoryHit:
    return replace(
        hit,
        appraisal=labels.appraisal,
        facets=tuple(sorted(labels.facets)),
        model_version=labels.model_version,
        corrected=labels.corrected,
    )


def themes(engine: Engine, newest: int = 3000, seed: int = 0) -> ThemeResult:
    """Themes beyond the taxonomy among the newest stories (deterministic for a seed)."""
    with reading(engine) as conn:
        items = store.newest_texts(conn, newest)
        facets = store.facets_of_stories(conn, [story_id for story_id, _ in items])
        languages = store.languages_of_stories(conn, [story_id for story_id, _ in items])
    from klantstem.insights.themes import fit_themes

    return fit_themes(items, seed, facets, facet_labels(), languages)


# --- the voice of the process --------------------------------------------------------------------------------


def process_report(
    engine: Engine, settings: Settings, filters: Filters, leave_out: frozenset[str] = frozenset(), logs: bool = True
) -> dict[str, Any] | None:
    """The process analysis (lead times, map, bottlenecks, hand-overs, ping-pong, waiting by cause) of the app
    database's events in the period and department of the filters; None when there are none. `leave_out` names
    analyses a caller does not show (process.OPTIONAL_ANALYSES); without `logs` the report does not name the
    event logs it covers (events.logs_covered)."""
    return process_reports(engine, settings, [(filters, leave_out)], logs)[0]


def process_reports(
    engine: Engine, settings: Settings, asked: Sequence[tuple[Filters, frozenset[str]]], logs: bool = True
) -> list[dict[str, Any] | None]:
    """process_report of each (filters, leave_out) asked, for filters that differ only in their period (e.g. a
    period and the one before): the events of all are read in one pass, then analysed one period at a time, the
    fewest events first (each period's events are let go once analysed, so the largest analysis runs alone)."""
    from klantstem.process import service as process

    scopes = [events.EventScope(since=f.since, until=f.until, department_id=f.department_id) for f, _ in asked]
    tables: list[Any] = events.analysis_events_of(engine, scopes)
    reports: list[dict[str, Any] | None] = [None] * len(asked)
    for i in sorted(range(len(asked)), key=lambda i: tables[i].num_rows):
        table, tables[i] = tables[i], None
        if table.num_rows == 0:
            continue
        options = process.AnalysisOptions(
            timezone=settings.timezone,
            opening_hours=settings.opening_hours,
            holiday_country=settings.holiday_country,
            sql_cache=settings.sql_cache_folder,
            memory_limit=settings.analysis_memory or None,
            spill_dir=str(Path(tempfile.gettempdir()) / "klantstem-spill") if settings.analysis_memory else None,
            leave_out=asked[i][1],
        )
        report = process.analyze_table(table, options, source="klantstem database")
        reports[i] = (report | events.logs_covered(table)) if logs else report
        del table
    return reports

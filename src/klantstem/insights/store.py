"""SQL for the insights: figures across stories, steps, annotations and promises, story search, and the
analysis annotations of stories (written here, corrected here)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    except_,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from klantstem.dates import to_utc
from klantstem.db import schema
from klantstem.db.moments import month_of
from klantstem.insights.model import Filters, Option, Quote, StoryHit

st, sp, an, cs, pr = schema.stories, schema.story_steps, schema.annotations, schema.cases, schema.promises
STORY = "story"
CHUNK = 900  # ids per IN (...) list: under SQLite's limit on bound parameters


utc = to_utc  # a time read back from the database as aware UTC (SQLite returns it naive)


def _month(conn: Connection, column: Any) -> Any:
    return month_of(column, conn.dialect.name)


def story_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Which customer stories the filters keep: told in the period, on the channel, in the department (a step
    there, or the story's case)."""
    where: list[ColumnElement[bool]] = [st.c.perspective == "customer"]
    if f.since is not None:
        where.append(st.c.told_at >= utc(f.since))
    if f.until is not None:
        where.append(st.c.told_at < utc(f.until))
    if f.channel:
        where.append(st.c.channel == f.channel)
    if f.department_id is not None:
        # Own aliases: a query that already joins the steps or cases must not correlate them away.
        step, case = sp.alias("dept_step"), cs.alias("dept_case")
        in_step = exists().where(step.c.story_id == st.c.id, step.c.department_id == f.department_id)
        in_case = exists().where(case.c.id == st.c.case_id, case.c.department_id == f.department_id)
        where.append(or_(in_step, in_case))
    return where


def departments(conn: Connection) -> list[Option]:
    d = schema.departments
    return [Option(r.id, r.name) for r in conn.execute(select(d.c.id, d.c.name).order_by(d.c.name))]


def appraisal_by_month(conn: Connection, f: Filters) -> list[tuple[str, str, int]]:
    month = _month(conn, st.c.told_at)
    stmt = (
        select(month.label("month"), sp.c.appraisal, func.count())
        .select_from(sp.join(st, st.c.id == sp.c.story_id))
        .where(*story_conditions(f), sp.c.appraisal.is_not(None))
        .group_by(month, sp.c.appraisal)
    )
    return [(str(m), str(a), int(n)) for m, a, n in conn.execute(stmt)]


def story_totals(conn: Connection, f: Filters) -> dict[str, int]:
    """Stories, confirmed ones, interviews, and those with words not read yet (their figures are still missing)."""
    read = exists().where(an.c.target == STORY, an.c.target_id == st.c.id, an.c.kind == "appraisal")
    stmt = select(
        func.count(),
        func.count(st.c.confirmed_at),
        func.count(st.c.id).filter(st.c.source.in_(("interview", "web_form"))),
        func.count(st.c.id).filter(~read, or_(st.c.text.is_not(None), st.c.summary.is_not(None))),
    ).where(*story_conditions(f))
    stories, confirmed, interviews, unread = conn.execute(stmt).one()
    return {"stories": int(stories), "confirmed": int(confirmed), "interviews": int(interviews), "unread": int(unread)}


def facet_counts(conn: Connection, f: Filters) -> list[tuple[str, str | None, int]]:
    facet, level = an.c.value["facet"].as_string(), an.c.value["appraisal"].as_string()
    stmt = (
        select(facet, level, func.count())
        .select_from(an.join(st, and_(an.c.target == STORY, an.c.target_id == st.c.id)))
        .where(an.c.kind == "facet", *story_conditions(f))
        .group_by(facet, level)
    )
    return [(str(x), y, int(n)) for x, y, n in conn.execute(stmt)]


def facet_quotes(
    conn: Connection, facets: Sequence[str], f: Filters, n: int, scan: int = 5000
) -> dict[str, list[Quote]]:
    """Up to `n` quotes per facet from the newest labelled stories (the newest `scan` facet labels are read)."""
    newest = (  # by id only, so the database walks the newest rows instead of sorting every label
        select(an.c.id, an.c.target, an.c.target_id, an.c.value)
        .where(an.c.kind == "facet")
        .order_by(an.c.id.desc())
        .limit(scan)
        .subquery()
    )
    stmt = (
        select(st.c.id, st.c.customer_id, newest.c.value)
        .select_from(newest.join(st, newest.c.target_id == st.c.id))
        .where(newest.c.target == STORY, *story_conditions(f))
        .order_by(newest.c.id.desc())
    )
    found: dict[str, list[Quote]] = {facet: [] for facet in facets}
    for row in conn.execute(stmt):
        quotes = found.get(str(row.value.get("facet")))
        if quotes is not None and len(quotes) < n and row.value.get("quote"):
            quotes.append(Quote(row.id, row.customer_id, str(row.value["quote"]), row.value.get("appraisal")))
    return found


def worst_steps(conn: Connection, f: Filters, n: int) -> list[Quote]:
    stmt = (
        select(st.c.id, st.c.customer_id, sp.c.description)
        .select_from(sp.join(st, st.c.id == sp.c.story_id))
        .where(sp.c.appraisal == "bad", *story_conditions(f))
        .order_by(sp.c.id.desc())
        .limit(n)
    )
    return [Quote(r.id, r.customer_id, r.description, "bad") for r in conn.execute(stmt)]


def step_judgements(conn: Connection, f: Filters) -> list[tuple[int | None, str, int]]:
    """(department of the step, appraisal, count) of the judged steps of the stories the filters keep."""
    stmt = (
        select(sp.c.department_id, sp.c.appraisal, func.count())
        .select_from(sp.join(st, st.c.id == sp.c.story_id))
        .where(sp.c.appraisal.is_not(None), *story_conditions(f))
        .group_by(sp.c.department_id, sp.c.appraisal)
    )
    return [(None if d is None else int(d), str(a), int(n)) for d, a, n in conn.execute(stmt)]


def step_quotes(
    conn: Connection, f: Filters, appraisal: str, n: int, scan: int = 400
) -> list[tuple[int | None, Quote]]:
    """Short steps judged `appraisal` (newest first, among the newest `scan`), with their department."""
    stmt = (
        select(st.c.id, st.c.customer_id, sp.c.description, sp.c.department_id)
        .select_from(sp.join(st, st.c.id == sp.c.story_id))
        .where(sp.c.appraisal == appraisal, func.length(sp.c.description) <= 220, *story_conditions(f))
        .order_by(sp.c.id.desc())
        .limit(scan)
    )
    found: list[tuple[int | None, Quote]] = []
    seen: set[str] = set()
    for r in conn.execute(stmt):
        if r.description not in seen and len(found) < n:
            seen.add(r.description)
            found.append((r.department_id, Quote(r.id, r.customer_id, r.description, appraisal)))
    return found


# --- promises ------------------------------------------------------------------------------------------------


def _promise_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Promises of the department, made in the period: the period's figures say how the promises made then fared."""
    where = [pr.c.department_id == f.department_id] if f.department_id is not None else []
    if f.since is not None:
        where.append(pr.c.made_at >= utc(f.since))
    if f.until is not None:
        where.append(pr.c.made_at < utc(f.until))
    return where


def promise_figures(conn: Connection, now: datetime, soon: datetime, f: Filters) -> dict[str, int]:
    is_open = pr.c.status == "open"
    stmt = select(
        func.count().filter(is_open, pr.c.due_at >= utc(now), pr.c.due_at < utc(soon)),
        func.count().filter(is_open, pr.c.due_at < utc(now)),
        func.count().filter(pr.c.status == "broken"),
        func.count().filter(pr.c.status == "kept"),
        func.count().filter(is_open),
    ).where(*_promise_conditions(f))
    due_soon, overdue, broken, kept, still_open = conn.execute(stmt).one()
    return {"due_soon": int(due_soon), "overdue": int(overdue), "broken": int(broken), "kept": int(kept),
            "open": int(still_open)}  # fmt: skip


def open_promise_ids(
    conn: Connection, now: datetime, until: datetime | None, f: Filters, limit: int, offset: int
) -> tuple[int, list[int]]:
    """Open promises not yet due (due before `until` when given), soonest first."""
    where = [pr.c.status == "open", pr.c.due_at >= utc(now), *_promise_conditions(f)]
    if until is not None:
        where.append(pr.c.due_at < utc(until))
    total = int(conn.execute(select(func.count()).select_from(pr).where(*where)).scalar_one())
    ids = conn.execute(select(pr.c.id).where(*where).order_by(pr.c.due_at, pr.c.id).limit(limit).offset(offset))
    return total, [int(i) for i in ids.scalars()]


def overdue_promise_ids(conn: Connection, now: datetime, f: Filters, limit: int) -> tuple[int, list[int]]:
    """Promises past due and not kept (open ones about to break, and broken ones) made in the period, of the
    department: the longest overdue first."""
    late = or_(and_(pr.c.status == "open", pr.c.due_at < utc(now)), pr.c.status == "broken")
    where = [late, *_promise_conditions(f)]
    total = int(conn.execute(select(func.count()).select_from(pr).where(*where)).scalar_one())
    ids = conn.execute(select(pr.c.id).where(*where).order_by(pr.c.due_at, pr.c.id).limit(limit))
    return total, [int(i) for i in ids.scalars()]


# --- stories for analysis, search and themes ---------------------------------------------------------------


def _story_words() -> Any:
    return func.coalesce(st.c.text, st.c.summary, st.c.title, "")


def unanalysed(conn: Connection, limit: int, newest: int | None = None) -> list[tuple[int, str]]:
    """Stories with words and no appraisal annotation yet, oldest first; only among the `newest` stories when
    given (a quick look for what was told lately)."""
    done = exists().where(an.c.target == STORY, an.c.target_id == st.c.id, an.c.kind == "appraisal")
    where = [~done, or_(st.c.text.is_not(None), st.c.summary.is_not(None))]
    if newest is not None:
        last = conn.execute(select(func.max(st.c.id))).scalar_one_or_none() or 0
        where.append(st.c.id > last - newest)
    stmt = select(st.c.id, _story_words()).where(*where).order_by(st.c.id).limit(limit)
    return [(int(i), str(t)) for i, t in conn.execute(stmt)]


def unread_voices(conn: Connection, target: str) -> list[int]:
    """Ids, in order, of the inbound contacts (`target` "contact") or customers' story steps ("story_step") that
    have no appraisal annotation yet: the set difference of two index scans, without reading either table."""
    read = select(an.c.target_id).where(an.c.target == target, an.c.kind == "appraisal")
    if target == "contact":
        c = schema.contacts
        candidates = select(c.c.id).where(c.c.direction == "inbound")
    else:
        candidates = (
            select(sp.c.id).select_from(sp.join(st, st.c.id == sp.c.story_id)).where(st.c.perspective == "customer")
        )
    return sorted(int(i) for (i,) in conn.execute(except_(candidates, read)))


def voice_words(conn: Connection, target: str, ids: Sequence[int]) -> list[tuple[int, str]]:
    """(id, words) of these contacts or story steps, leaving out those without words."""
    if target == "contact":
        c = schema.contacts
        table, words, where = c, c.c.text, [c.c.text.is_not(None), c.c.text != ""]
    else:
        table, words, where = sp, sp.c.description, []
    found: list[tuple[int, str]] = []
    for start in range(0, len(ids), CHUNK):
        stmt = select(table.c.id, words).where(table.c.id.in_(ids[start : start + CHUNK]), *where)
        found += [(int(i), str(t)) for i, t in conn.execute(stmt.order_by(table.c.id))]
    return found


def insert_annotations(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(an), list(rows))


def annotations_of(conn: Connection, story_ids: Sequence[int]) -> list[Any]:
    if not story_ids:
        return []
    stmt = (
        select(an)
        .where(an.c.target == STORY, an.c.target_id.in_(list(story_ids)), an.c.kind.in_(("appraisal", "facet")))
        .order_by(an.c.target_id, an.c.id)
    )
    return list(conn.execute(stmt))


def annotation(conn: Connection, story_id: int, kind: str, facet: str | None = None) -> Any:
    where = [an.c.target == STORY, an.c.target_id == story_id, an.c.kind == kind]
    if facet is not None:
        where.append(an.c.value["facet"].as_string() == facet)
    return conn.execute(select(an).where(*where).order_by(an.c.id.desc()).limit(1)).first()


def update_annotation(conn: Connection, annotation_id: int, **values: Any) -> None:
    conn.execute(update(an).where(an.c.id == annotation_id).values(**values))


def delete_machine_annotations(conn: Connection, story_ids: Sequence[int]) -> None:
    """Machine labels of stories, before they are analysed again (labels a person set are kept)."""
    conn.execute(
        delete(an).where(an.c.target == STORY, an.c.target_id.in_(list(story_ids)), an.c.corrected_by.is_(None))
    )


def analysed_by_other(conn: Connection, version: str, limit: int) -> list[tuple[int, str]]:
    """Stories with words whose machine labels carry another model_version than `version`, oldest first (the
    language label is never corrected by a person, so it tells which reader labelled the story last)."""
    other = exists().where(
        an.c.target == STORY, an.c.target_id == st.c.id, an.c.kind == "language", an.c.model_version != version
    )
    stmt = select(st.c.id, _story_words()).where(other, or_(st.c.text.is_not(None), st.c.summary.is_not(None)))
    return [(int(i), str(t)) for i, t in conn.execute(stmt.order_by(st.c.id).limit(limit))]


def _hits(conn: Connection, stmt: Select[Any]) -> list[StoryHit]:
    return [
        StoryHit(r.id, r.customer_id, utc(r.told_at), r.source, r.channel, r.title, str(r.words or ""))
        for r in conn.execute(stmt)
    ]


def search_stories(
    conn: Connection, words: Sequence[str], facet: str | None, ids: Sequence[int] | None, f: Filters,
    limit: int, offset: int,
) -> tuple[int, list[StoryHit]]:  # fmt: skip
    """Customer stories containing every word (in the text, summary, title or a step), about a facet, or among
    `ids`; newest first."""
    where = story_conditions(f)
    for word in words:
        # autoescape: a `%` or `_` typed in the search is that character, not a LIKE wildcard
        lowered = word.lower()
        in_step = exists().where(
            sp.c.story_id == st.c.id, func.lower(sp.c.description).contains(lowered, autoescape=True)
        )
        where.append(or_(func.lower(_story_words()).contains(lowered, autoescape=True), in_step))
    if facet:
        where.append(
            exists().where(
                an.c.target == STORY,
                an.c.target_id == st.c.id,
                an.c.kind == "facet",
                an.c.value["facet"].as_string() == facet,
            )  # fmt: skip
        )
    if ids is not None:
        where.append(st.c.id.in_(list(ids)))
    total = int(conn.execute(select(func.count()).select_from(st).where(*where)).scalar_one())
    stmt = (
        select(
            st.c.id,
            st.c.customer_id,
            st.c.told_at,
            st.c.source,
            st.c.channel,
            st.c.title,
            _story_words().label("words"),
        )  # fmt: skip
        .where(*where)
        .order_by(st.c.told_at.desc(), st.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return total, _hits(conn, stmt)


def stories_by_ids(conn: Connection, ids: Sequence[int]) -> list[StoryHit]:
    """These stories (any perspective), in the order of `ids`."""
    if not ids:
        return []
    stmt = select(st.c.id, st.c.customer_id, st.c.told_at, st.c.source, st.c.channel, st.c.title,
                  _story_words().label("words")).where(st.c.id.in_(list(ids)))  # fmt: skip
    found = {h.story_id: h for h in _hits(conn, stmt)}
    return [found[i] for i in ids if i in found]


def newest_texts(conn: Connection, n: int) -> list[tuple[int, str]]:
    stmt = (
        select(st.c.id, _story_words())
        .where(st.c.perspective == "customer", or_(st.c.text.is_not(None), st.c.summary.is_not(None)))
        .order_by(st.c.id.desc())
        .limit(n)
    )
    return [(int(i), str(t)) for i, t in conn.execute(stmt)]


def facets_of_stories(conn: Connection, story_ids: Sequence[int]) -> dict[int, list[str]]:
    """The facets labelled on each of these stories (story id -> facet ids)."""
    found: dict[int, list[str]] = {}
    facet = an.c.value["facet"].as_string()
    for start in range(0, len(story_ids), 900):  # within SQLite's limit of bound parameters
        chunk = list(story_ids[start : start + 900])
        where = (an.c.target == STORY, an.c.kind == "facet", an.c.target_id.in_(chunk))
        stmt = select(an.c.target_id, facet).where(*where)
        for story_id, name in conn.execute(stmt):
            if name:
                found.setdefault(int(story_id), []).append(str(name))
    return found


def languages_of_stories(conn: Connection, story_ids: Sequence[int]) -> dict[int, str]:
    """The language the text analysis read in each of these stories (story id -> "nl", "en", ...)."""
    found: dict[int, str] = {}
    language = an.c.value["language"].as_string()
    for start in range(0, len(story_ids), CHUNK):
        chunk = list(story_ids[start : start + CHUNK])
        stmt = select(an.c.target_id, language).where(
            an.c.target == STORY, an.c.kind == "language", an.c.target_id.in_(chunk)
        )
        found.update((int(story_id), str(lang)) for story_id, lang in conn.execute(stmt) if lang)
    return found


def story_words(conn: Connection, story_id: int) -> str | None:
    value = conn.execute(select(_story_words()).where(st.c.id == story_id)).scalar_one_or_none()
    return None if value is None else str(value)


def corrected_story_ids(conn: Connection) -> list[int]:
    stmt = (
        select(an.c.target_id)
        .where(an.c.target == STORY, an.c.corrected_by.is_not(None))
        .group_by(an.c.target_id)
        .order_by(an.c.target_id)
    )
    return [int(i) for i in conn.execute(stmt).scalars()]


def latest_story_ids(conn: Connection, limit: int, offset: int) -> tuple[int, list[int]]:
    """Analysed stories, newest first (the corrections queue)."""
    analysed = exists().where(an.c.target == STORY, an.c.target_id == st.c.id, an.c.kind == "appraisal")
    total = int(conn.execute(select(func.count()).select_from(st).where(analysed)).scalar_one())
    stmt = select(st.c.id).where(analysed).order_by(st.c.told_at.desc(), st.c.id.desc()).limit(limit).offset(offset)
    return total, [int(i) for i in conn.execute(stmt).scalars()]

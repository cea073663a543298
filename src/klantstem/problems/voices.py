"""Gathering both voices for detection, each placed on a step (placement.py says how; the bases of the rates are
kept in bases.py): story steps the customer told as bad, inbound contacts the text analysis read as complaints,
broken promises, and repeat contacts. The rows are chosen, and the activity each one's case was at is found, in
SQL; only the voices themselves come to Python."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from klantstem.dates import to_utc
from klantstem.db import schema as S
from klantstem.db.moments import later_by
from klantstem.problems import store
from klantstem.problems.model import Rules, Voice
from klantstem.problems.placement import GRACE, Mappings, place

PROMISE_FACET = "promises"


def gather(conn: Connection, rules: Rules) -> list[Voice]:
    """Story steps told bad, contacts read as complaints, broken promises and repeat contacts, each placed."""
    mapping = store.mappings(conn)
    dialect = conn.dialect.name
    sp, st, c, p = S.story_steps, S.stories, S.contacts, S.promises
    found: list[Voice] = []

    step_at = func.coalesce(sp.c.happened_at, st.c.told_at)
    steps = (
        select(sp.c.id, st.c.customer_id, st.c.case_id, st.c.channel, step_at, sp.c.department_id,
               _case_step(st.c.case_id, step_at, dialect))
        .select_from(sp.join(st, st.c.id == sp.c.story_id))
        .where(sp.c.appraisal == "bad", st.c.perspective == "customer")
    )  # fmt: skip
    found += _voices(conn, "story_step", steps, _step_facets(conn), mapping)

    appraisal = aliased(S.annotations)
    complaints = (
        select(c.c.id, c.c.customer_id, c.c.case_id, c.c.channel, c.c.occurred_at, c.c.department_id,
               _case_step(c.c.case_id, c.c.occurred_at, dialect))
        .select_from(appraisal.join(c, and_(appraisal.c.target == "contact", c.c.id == appraisal.c.target_id)))
        .where(appraisal.c.kind == "appraisal", _bad(appraisal), c.c.direction == "inbound")
    )  # fmt: skip
    found += _voices(conn, "contact", complaints, _contact_facets(conn), mapping)

    # counted in the period it broke, placed at the step where it was made
    broken = (
        select(p.c.id, p.c.customer_id, p.c.case_id, c.c.channel, p.c.due_at, p.c.department_id,
               _case_step(p.c.case_id, p.c.made_at, dialect))
        .select_from(p.outerjoin(c, c.c.id == p.c.contact_id))
        .where(p.c.status == "broken")
    )  # fmt: skip
    found += _voices(conn, "promise", broken, {}, mapping, every=(PROMISE_FACET,))
    found += _voices(conn, "repeat_contact", _repeats(rules, dialect), {}, mapping)
    return found


def _voices(
    conn: Connection, source: str, query: Select[Any], facets: dict[int, tuple[str, ...]], mapping: Mappings,
    every: tuple[str, ...] = (),
) -> list[Voice]:  # fmt: skip
    """The voices of one source; each row is (id, customer, case, channel, moment, department, its case's step)."""
    out = []
    for row_id, customer_id, case_id, channel, at, department_id, case_step in conn.execute(query):
        said = every or facets.get(int(row_id), ())
        step, how = place(case_step, said, department_id, mapping)
        out.append(Voice(source, int(row_id), customer_id, case_id, channel, to_utc(at), department_id, said,
                         step, how))  # fmt: skip
    return out


def _case_step(case_id: Any, moment: Any, dialect: str) -> ColumnElement[Any]:
    """The activity the case was at `moment`: its last event at or before it (a minute's grace for the clocks of
    two systems), or its first event when the voice came before any; NULL without a case or events."""
    e, first = aliased(S.process_events), aliased(S.process_events)
    last_before = (
        select(e.c.activity)
        .where(e.c.case_id == case_id, e.c.occurred_at <= later_by(moment, int(GRACE.total_seconds()), dialect))
        .order_by(e.c.occurred_at.desc(), e.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    earliest = (
        select(first.c.activity)
        .where(first.c.case_id == case_id)
        .order_by(first.c.occurred_at, first.c.id)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(last_before, earliest)


def _bad(appraisal: Any) -> ColumnElement[bool]:
    level: ColumnElement[bool] = appraisal.c.value["level"].as_string() == "bad"
    return level


def _step_facets(conn: Connection) -> dict[int, tuple[str, ...]]:
    """The facets of the story steps told bad."""
    f, sp = S.annotations, S.story_steps
    query = (
        select(f.c.target_id, f.c.value["facet"].as_string())
        .select_from(f.join(sp, and_(f.c.target == "story_step", sp.c.id == f.c.target_id)))
        .where(f.c.kind == "facet", sp.c.appraisal == "bad")
    )
    return _by_target(conn, query)


def _contact_facets(conn: Connection) -> dict[int, tuple[str, ...]]:
    """The facets of the contacts read as complaints."""
    f, appraisal = S.annotations, aliased(S.annotations)
    same = and_(
        appraisal.c.target == "contact", appraisal.c.target_id == f.c.target_id, appraisal.c.kind == "appraisal"
    )
    query = (
        select(f.c.target_id, f.c.value["facet"].as_string())
        .select_from(f.join(appraisal, same))
        .where(f.c.target == "contact", f.c.kind == "facet", _bad(appraisal))
    )
    return _by_target(conn, query)


def _by_target(conn: Connection, query: Select[Any]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    for target_id, facet in conn.execute(query):
        found.setdefault(int(target_id), []).append(str(facet))
    return {k: tuple(v) for k, v in found.items()}


def _repeats(rules: Rules, dialect: str) -> Select[Any]:
    """Inbound contacts on the same case within `repeat_days` of the customer's previous one: they had to come back
    (facetless: it speaks for the step as a whole)."""
    c = S.contacts
    previous = func.lag(c.c.occurred_at).over(partition_by=(c.c.customer_id, c.c.case_id),
                                              order_by=(c.c.occurred_at, c.c.id))  # fmt: skip
    inner = (
        select(c.c.id, c.c.customer_id, c.c.case_id, c.c.channel, c.c.occurred_at, c.c.department_id,
               previous.label("previous"))
        .where(c.c.direction == "inbound", c.c.case_id.is_not(None), c.c.customer_id.is_not(None))
        .subquery()
    )  # fmt: skip
    window = rules.repeat_days * 86_400
    return select(
        inner.c.id,
        inner.c.customer_id,
        inner.c.case_id,
        inner.c.channel,
        inner.c.occurred_at,
        inner.c.department_id,
        _case_step(inner.c.case_id, inner.c.occurred_at, dialect),
    ).where(inner.c.previous.is_not(None), inner.c.occurred_at <= later_by(inner.c.previous, window, dialect))

"""SQL for interviews: stories, their steps and follow-ups, and personal interview links."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from klantstem.dates import to_utc
from klantstem.db import schema
from klantstem.stories.model import (
    INTERVIEW_SOURCES,
    FollowUp,
    InterviewLink,
    InterviewListing,
    Step,
)
from klantstem.stories.questions import is_opinion_question

_st, _sp, _fu, _ln, _cu = (
    schema.stories,
    schema.story_steps,
    schema.follow_ups,
    schema.interview_links,
    schema.customers,
)


def insert_story(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(_st).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def story(conn: Connection, story_id: int) -> Row[Any] | None:
    stmt = select(_st, _cu.c.display_name.label("customer_name")).outerjoin(_cu, _cu.c.id == _st.c.customer_id)
    return conn.execute(stmt.where(_st.c.id == story_id)).first()


def steps_of(conn: Connection, story_id: int) -> list[Step]:
    rows = conn.execute(select(_sp).where(_sp.c.story_id == story_id).order_by(_sp.c.position))
    return [Step(r.id, r.position, r.description, r.appraisal, r.happened_at, r.department_id) for r in rows]


def follow_ups_of(conn: Connection, story_id: int) -> list[FollowUp]:
    rows = conn.execute(select(_fu).where(_fu.c.story_id == story_id).order_by(_fu.c.id))
    return [FollowUp(r.id, r.step_id, r.question, r.answer, is_opinion_question(r.question)) for r in rows]


def insert_step(conn: Connection, story_id: int, values: dict[str, Any]) -> int:
    position = conn.execute(select(func.coalesce(func.max(_sp.c.position), 0)).where(_sp.c.story_id == story_id))
    result = conn.execute(insert(_sp).values(story_id=story_id, position=int(position.scalar_one()) + 1, **values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def insert_follow_up(
    conn: Connection, story_id: int, step_id: int | None, question: str, answer: str | None, at: datetime
) -> int:
    values = {"story_id": story_id, "step_id": step_id, "question": question, "answer": answer, "asked_at": at}
    return int(conn.execute(insert(_fu).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def answer_follow_up(conn: Connection, story_id: int, follow_up_id: int, answer: str | None) -> bool:
    stmt = update(_fu).where(_fu.c.id == follow_up_id, _fu.c.story_id == story_id).values(answer=answer)
    return conn.execute(stmt).rowcount > 0


def update_story(conn: Connection, story_id: int, **values: Any) -> None:
    conn.execute(update(_st).where(_st.c.id == story_id).values(**values))


def recent_interviews(conn: Connection, limit: int, offset: int) -> tuple[int, list[InterviewListing]]:
    where = _st.c.source.in_(INTERVIEW_SOURCES)
    total = int(conn.execute(select(func.count()).select_from(_st).where(where)).scalar_one())
    steps = select(func.count()).where(_sp.c.story_id == _st.c.id).scalar_subquery()
    stmt = (
        select(
            _st.c.id,
            _st.c.customer_id,
            _cu.c.display_name,
            _st.c.source,
            _st.c.told_at,
            steps.label("steps"),
            _st.c.summary,
            _st.c.summary_confirmed,
        )  # fmt: skip
        .outerjoin(_cu, _cu.c.id == _st.c.customer_id)
        .where(where)
        .order_by(_st.c.told_at.desc(), _st.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    listed = [
        InterviewListing(r.id, r.customer_id, r.display_name, r.source, to_utc(r.told_at), int(r.steps),
                         "confirmed" if r.summary_confirmed else "summary" if r.summary is not None else "steps")
        for r in conn.execute(stmt)
    ]  # fmt: skip
    return total, listed


# --- personal links ------------------------------------------------------------------------------------------


def _link(row: Row[Any]) -> InterviewLink:
    """A link as read back, its moments aware (SQLite returns them without their offset)."""
    used_at = to_utc(row.used_at) if row.used_at is not None else None
    return InterviewLink(
        row.id, row.customer_id, row.topic, row.created_by, to_utc(row.created_at), to_utc(row.expires_at),
        row.story_id, used_at,
    )  # fmt: skip


def insert_link(conn: Connection, values: dict[str, Any]) -> InterviewLink:
    link_id = int(conn.execute(insert(_ln).values(**values)).inserted_primary_key[0])  # type: ignore[index]
    found = link(conn, link_id)
    assert found is not None
    return found


def link(conn: Connection, link_id: int) -> InterviewLink | None:
    row = conn.execute(select(_ln).where(_ln.c.id == link_id)).first()
    return _link(row) if row is not None else None


def link_of_story(conn: Connection, story_id: int) -> InterviewLink | None:
    row = conn.execute(select(_ln).where(_ln.c.story_id == story_id)).first()
    return _link(row) if row is not None else None


def links_of(conn: Connection, customer_id: int) -> list[InterviewLink]:
    rows = conn.execute(select(_ln).where(_ln.c.customer_id == customer_id).order_by(_ln.c.id.desc()))
    return [_link(r) for r in rows]


def update_link(conn: Connection, link_id: int, **values: Any) -> None:
    conn.execute(update(_ln).where(_ln.c.id == link_id).values(**values))


def department_exists(conn: Connection, department_id: int) -> bool:
    stmt = select(schema.departments.c.id).where(schema.departments.c.id == department_id)
    return conn.execute(stmt).first() is not None

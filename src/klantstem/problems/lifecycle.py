"""What people do with a problem: own it, move it through its lifecycle, confirm or split off the reports
detection suggested, plan actions with a due time on the business calendar, and see it escalate when nothing
moves. Every change is journalled: who, when, what."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import Clock
from klantstem.db.engine import reading
from klantstem.errors import NotFoundError, UserInputError
from klantstem.problems import store
from klantstem.problems.model import NEXT, OPEN_STATUSES, ProblemRow
from klantstem.problems.views import problem_rows

MAX_TEXT = 2000


def _problem(conn: Connection, problem_id: int) -> Any:
    found = store.problem(conn, problem_id)
    if found is None:
        raise NotFoundError(f"problem {problem_id} does not exist", code="problem_not_found", id=problem_id)
    return found


def _user(conn: Connection, key: str | int) -> Any:
    """An active staff member who can sign in (has a password or is an admin, manager or analyst)."""
    found = store.staff_row(conn, str(key))
    if found is None:
        raise UserInputError(f"{key!r} is not a user: give a staff id, e-mail or name", code="owner_unknown")
    if not found.active:
        raise UserInputError(f"{found.name} is switched off and cannot own anything", code="owner_inactive")
    return found


def assign(engine: Engine, clock: Clock, problem_id: int, owner: str | int, by: int | None = None) -> None:
    now = clock.now()
    with engine.begin() as conn:
        problem = _problem(conn, problem_id)
        person = _user(conn, owner)
        store.update_problem(conn, problem_id, owner_id=person.id, progress_at=now)
        store.journal(conn, problem_id, now, by, "assigned", was=problem.owner_id, owner_id=int(person.id))


def set_status(
    engine: Engine, clock: Clock, problem_id: int, status: str, by: int | None = None, *,
    note: str = "", review_at: datetime | None = None,
) -> None:  # fmt: skip
    """Move to the next status of the lifecycle (or accept the risk, with a review date); skipping a step is
    refused, and fixed problems are verified or reopened by detection alone."""
    now = clock.now()
    with engine.begin() as conn:
        problem = _problem(conn, problem_id)
        allowed = NEXT[problem.status]
        if status not in allowed:
            choices = ", ".join(allowed) or "none: detection verifies or reopens it"
            raise UserInputError(
                f"problem {problem_id} is {problem.status}; it can move to {choices}, not {status}",
                code="status_skips",
                id=problem_id,
                was=problem.status,
                wanted=status,
            )
        values: dict[str, Any] = {"status": status, "progress_at": now}
        if status == "risk_accepted":
            if review_at is None or review_at <= now:
                raise UserInputError("accepting a risk needs a review date in the future", code="review_needed")
            values["review_at"] = review_at
        if status == "fixed":
            values["fixed_at"] = now
        store.update_problem(conn, problem_id, **values)
        detail = {"was": problem.status, "now": status, "note": note[:MAX_TEXT]}
        if review_at is not None:
            detail["review_at"] = review_at.isoformat()
        store.journal(conn, problem_id, now, by, "status", **detail)


def link(engine: Engine, clock: Clock, problem_id: int, report_id: int, decision: str, by: int | None = None) -> None:
    """Confirm a suggested report as one of this problem's, or split it off (it is then never suggested again)."""
    if decision not in ("confirm", "split"):
        raise UserInputError("a report is confirmed or split off", code="link_decision")
    now = clock.now()
    with engine.begin() as conn:
        _problem(conn, problem_id)
        report = store.report(conn, report_id)
        if report is None or report.problem_id != problem_id:
            raise NotFoundError(f"problem {problem_id} has no report {report_id}", code="report_not_found")
        store.set_link(conn, report_id, "confirmed" if decision == "confirm" else "split")
        store.update_problem(conn, problem_id, progress_at=now)
        store.journal(conn, problem_id, now, by, decision, report_id=report_id, was=report.link)


def add_action(
    engine: Engine, clock: Clock, calendar: BusinessCalendar, problem_id: int, description: str, owner: str | int,
    due: str, by: int | None = None,
) -> int:  # fmt: skip
    """An action with an owner and a due time on the business calendar ('binnen 5 werkdagen', a date, ...)."""
    from klantstem.promises import service as promises

    text = " ".join(description.split())
    if not text:
        raise UserInputError("say what the action is", code="action_empty")
    now = clock.now()
    due_at = promises.due_from_phrase(due, now, calendar)
    with engine.begin() as conn:
        _problem(conn, problem_id)
        person = _user(conn, owner)
        values = {"problem_id": problem_id, "description": text[:MAX_TEXT], "owner_id": person.id,
                  "due_phrase": due[:100], "created_at": now, "due_at": due_at}  # fmt: skip
        action_id = store.insert_action(conn, values)
        store.update_problem(conn, problem_id, progress_at=now)
        store.journal(conn, problem_id, now, by, "action", action_id=action_id, owner_id=int(person.id),
                      due_at=due_at.isoformat())  # fmt: skip
    return action_id


def finish_action(engine: Engine, clock: Clock, action_id: int, by: int | None = None) -> None:
    now = clock.now()
    with engine.begin() as conn:
        problem_id = store.finish_action(conn, action_id, now)
        if problem_id is None:
            raise NotFoundError(f"action {action_id} does not exist", code="action_not_found")
        store.update_problem(conn, problem_id, progress_at=now)
        store.journal(conn, problem_id, now, by, "action_done", action_id=action_id)


def set_owner(engine: Engine, clock: Clock, step: str, owner: str | int) -> None:
    """Register who owns a step (or a department, by its name)."""
    name = " ".join(step.split())
    if not name:
        raise UserInputError("name the step or department", code="step_empty")
    with engine.begin() as conn:
        store.put_owner(conn, name[:300], int(_user(conn, owner).id), clock.now())


def put_mapping(engine: Engine, facet: str | None, department: str | None, step: str) -> None:
    """Voices outside a case with this facet (None: any) from this department (None: any) go to `step`: a
    process activity, or a step in the owner registry."""
    from klantstem.insights import service as insights

    facets = tuple(insights.facet_labels())
    if facet and facet not in facets:
        raise UserInputError(f"unknown facet {facet!r}: use one of {', '.join(facets)}", code="facet_unknown")
    name = " ".join(step.split())
    if not name:
        raise UserInputError("name the step", code="step_empty")
    with engine.begin() as conn:
        department_id = None
        if department:
            department_id = store.department_id(conn, department)
            if department_id is None:
                raise UserInputError(f"unknown department {department!r}", code="department_unknown")
        if not store.step_known(conn, name):
            raise UserInputError(
                f"unknown step {name!r}: name a process activity, or register the step's owner first "
                "(klantstem problems owner STEP PERSON)", code="step_unknown", step=name,
            )  # fmt: skip
        store.put_mapping(conn, facet or "", department_id, name[:300])


def escalated(
    engine: Engine, clock: Clock, calendar: BusinessCalendar, stale_days: int
) -> list[tuple[ProblemRow, str | None]]:
    """Open problems without progress for `stale_days` working days, each with the manager it goes to."""
    now = clock.now()
    with reading(engine) as conn:
        rows = problem_rows(conn)
        managers = store.managers(conn)
        departments = store.staff_departments(conn, [p.owner_id for p in rows if p.owner_id])
    out: list[tuple[ProblemRow, str | None]] = []
    for row in rows:
        if row.status not in OPEN_STATUSES or row.status == "risk_accepted":
            continue
        if calendar.add_business_days(row.progress_at, stale_days) > now:
            continue
        department = departments.get(row.owner_id) if row.owner_id else None
        manager = managers.get(department) if department is not None else None
        out.append((row, manager[1] if manager else None))
    return out

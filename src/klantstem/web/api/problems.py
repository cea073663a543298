"""Structural problems as JSON: the list by impact, one problem with its reporters, and what owners do with it
(status, owner, confirm or split a report, tell every reporter)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from klantstem.db.schema import PROBLEM_STATUSES
from klantstem.problems import service as problems
from klantstem.users import service as users
from klantstem.web.api.fields import query_one_of
from klantstem.web.auth import require_api
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(tags=["problems"], responses=ERROR_RESPONSES)
Viewer = Annotated[users.User, Depends(require_api(users.Action.view_problems))]
Owner = Annotated[users.User, Depends(require_api(users.Action.manage_problems))]
Status = Literal["acknowledged", "cause_known", "fix_underway", "fixed", "risk_accepted"]


class StatusChange(BaseModel):
    status: Status
    note: str = Field(default="", max_length=2000)


class Assignment(BaseModel):
    owner: str = Field(min_length=1, max_length=320)


class LinkDecision(BaseModel):
    decision: Literal["confirm", "split"]


class Message(BaseModel):
    kind: Literal["workaround", "fix"]
    message: str = Field(min_length=1, max_length=5000)


@router.get("/problems", response_model=dict[str, Any])
def listed(
    request: Request, _user: Viewer, kind: Literal["structural", "incident"] | None = None,
    status: Annotated[str | None, query_one_of(("open", *PROBLEM_STATUSES), "open: every status still open.")] = None,
) -> dict[str, Any]:
    """Problems by impact (structural first, then customers affected), with owner and reporters told."""
    state = app_state(request)
    rows = problems.list_problems(state.engine, state.clock, state.settings, status=status, kind=kind)
    return {"problems": [p.as_json() for p in rows]}


@router.get("/problems/{problem_id}", response_model=dict[str, Any])
def one(request: Request, problem_id: Id, _user: Viewer) -> dict[str, Any]:
    found = problems.show(app_state(request).engine, problem_id)
    return {
        "problem": found.problem.as_json(),
        "reports": [{"id": r.id, "source": r.source, "customer_id": r.customer_id, "channel": r.channel,
                     "at": r.occurred_at.isoformat(), "link": r.link, "quote": r.quote,
                     "told_at": r.told_at.isoformat() if r.told_at else None} for r in found.reports],
        "actions": [{"id": a.id, "description": a.description, "owner": a.owner, "due_at": a.due_at.isoformat(),
                     "done_at": a.done_at.isoformat() if a.done_at else None, "broken": a.broken}
                    for a in found.actions],
        "journal": [{"at": j.at.isoformat(), "staff": j.staff, "action": j.action, "detail": j.detail}
                    for j in found.journal],
        "outbox": found.outbox,
    }  # fmt: skip


@router.post("/problems/{problem_id}/status", response_model=dict[str, Any])
def status(request: Request, problem_id: Id, user: Owner, body: StatusChange) -> dict[str, Any]:
    state = app_state(request)
    problems.set_status(state.engine, state.clock, problem_id, body.status, user.id, note=body.note)
    return problems.show(state.engine, problem_id).problem.as_json()


@router.post("/problems/{problem_id}/owner", response_model=dict[str, Any])
def owner(request: Request, problem_id: Id, user: Owner, body: Assignment) -> dict[str, Any]:
    state = app_state(request)
    problems.assign(state.engine, state.clock, problem_id, body.owner, user.id)
    return problems.show(state.engine, problem_id).problem.as_json()


@router.post("/problems/{problem_id}/reports/{report_id}", response_model=dict[str, Any])
def link(request: Request, problem_id: Id, report_id: Id, user: Owner, body: LinkDecision) -> dict[str, Any]:
    state = app_state(request)
    problems.link(state.engine, state.clock, problem_id, report_id, body.decision, user.id)
    return problems.show(state.engine, problem_id).problem.as_json()


@router.post("/problems/{problem_id}/notify", response_model=dict[str, Any])
def notify(request: Request, problem_id: Id, user: Owner, body: Message) -> dict[str, Any]:
    state = app_state(request)
    result = problems.notify(state.engine, state.clock, state.settings, problem_id, body.kind, body.message, user.id)
    return {"queued": result.queued, "already_told": result.already, "blocked": len(result.blocked),
            "no_address": len(result.no_address)}  # fmt: skip

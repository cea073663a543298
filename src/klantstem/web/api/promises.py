"""The promises board as JSON: due soon, overdue, the kept rate; mark a promise kept or cancelled."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from klantstem.promises import service as promises
from klantstem.users import service as users
from klantstem.web.api.paging import Page, PageParams, page_of, page_params
from klantstem.web.auth import require_api
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(tags=["promises"], responses=ERROR_RESPONSES)
Viewer = Annotated[users.User, Depends(require_api(users.Action.view_promises))]
Keeper = Annotated[users.User, Depends(require_api(users.Action.update_promise))]
Paging = Annotated[PageParams, Depends(page_params)]


class Note(BaseModel):
    note: str | None = Field(default=None, max_length=300)


@router.get("/promises", response_model=Page[dict[str, Any]])
def board(
    request: Request, _user: Viewer, paging: Paging, status: Literal["due_soon", "open", "overdue"] = "due_soon"
) -> Page[dict[str, Any]]:
    """Open promises due within 7 days (`due_soon`), all open ones not yet due (`open`), or those past their
    due time (`overdue`: still open or broken)."""
    state = app_state(request)
    now = state.clock.now()
    if status == "overdue":
        listed = promises.overdue(state.engine, state.clock, paging.offset + paging.limit)
        items = [p.as_dict(now) for p in listed.promises[paging.offset :]]
        return page_of(items, listed.total, paging)
    within = promises.DUE_SOON if status == "due_soon" else None
    due = promises.due_soon(state.engine, state.clock, within, paging.limit, paging.offset)
    return page_of([p.as_dict(now) for p in due.promises], due.total, paging)


@router.get("/promises/stats", response_model=dict[str, Any])
def stats(request: Request, _user: Viewer) -> dict[str, Any]:
    """Kept rate per kind of promise, department and third party."""
    state = app_state(request)
    return promises.stats(state.engine, state.clock).as_dict()


@router.post("/promises/{promise_id}/keep", response_model=dict[str, Any])
def keep(request: Request, promise_id: Id, user: Keeper, body: Note) -> dict[str, Any]:
    state = app_state(request)
    kept = promises.keep(state.engine, state.clock, promise_id, note=body.note or f"marked kept by {user.name}")
    state.changed()
    return kept.as_dict(state.clock.now())


@router.post("/promises/{promise_id}/cancel", response_model=dict[str, Any])
def cancel(request: Request, promise_id: Id, user: Keeper, body: Note) -> dict[str, Any]:
    state = app_state(request)
    cancelled = promises.cancel(state.engine, state.clock, promise_id, body.note or f"cancelled by {user.name}")
    state.changed()
    return cancelled.as_dict(state.clock.now())

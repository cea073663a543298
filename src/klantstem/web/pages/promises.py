"""The promises board: due soon, overdue, the kept rate per kind, department and third party; mark a promise
kept or cancelled."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.errors import NotFoundError, UserInputError
from klantstem.promises import service as promises
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, require
from klantstem.web.params import Id, OptionalQueryId, PageNumber
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_promises))]
Keeper = Annotated[users.User, Depends(require(users.Action.update_promise))]
PAGE = 25


def board(
    request: Request, page: int = 1, problem: str | None = None, status: int = 200, done: int | None = None
) -> Response:
    state = app_state(request)
    page = max(page, 1)
    due = promises.due_soon(state.engine, state.clock, limit=PAGE, offset=(page - 1) * PAGE)
    total = due.total
    context = {
        "due": due.promises,
        "due_total": total,
        "overdue": promises.overdue(state.engine, state.clock, PAGE),
        "stats": promises.stats(state.engine, state.clock),
        "now": state.clock.now(),
        "page": page,
        "pages": max(1, -(-total // PAGE)),
        "problem": problem,
        "done": _done(request, done),
    }
    return state.renderer.page(request, "promises.html", context, status_code=status)


def _done(request: Request, promise_id: int | None) -> promises.Promise | None:
    """The promise just marked, to confirm it on the board."""
    if promise_id is None:
        return None
    try:
        return promises.get_promise(app_state(request).engine, promise_id)
    except NotFoundError:
        return None


@router.get("/promises")
def show(request: Request, _user: Viewer, page: PageNumber = 1, done: OptionalQueryId = None) -> Response:
    return board(request, page, done=done)


@router.post("/promises/{promise_id}/keep", dependencies=[Depends(check_csrf)])
def keep(request: Request, promise_id: Id, user: Keeper) -> Response:
    state = app_state(request)
    try:
        promises.keep(state.engine, state.clock, promise_id, note=f"marked kept by {user.name}")
    except UserInputError as exc:
        return board(request, problem=i18n.explain(i18n.language_of(request), exc), status=400)
    state.changed()
    return RedirectResponse(f"/promises?done={promise_id}", status_code=303)


@router.post("/promises/{promise_id}/cancel", dependencies=[Depends(check_csrf)])
def cancel(request: Request, promise_id: Id, user: Keeper) -> Response:
    state = app_state(request)
    try:
        promises.cancel(state.engine, state.clock, promise_id, f"cancelled by {user.name}")
    except UserInputError as exc:
        return board(request, problem=i18n.explain(i18n.language_of(request), exc), status=400)
    state.changed()
    return RedirectResponse(f"/promises?done={promise_id}", status_code=303)

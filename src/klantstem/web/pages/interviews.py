"""The interviewer's pages: recent interviews, starting one with a customer, and the guided interview itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from klantstem.customers import service as customers
from klantstem.db.schema import CHANNELS
from klantstem.errors import UserInputError
from klantstem.stories import service as stories
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, require
from klantstem.web.pages import interview_flow
from klantstem.web.pages.forms import form_data
from klantstem.web.params import Id, PageNumber
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Recorder = Annotated[users.User, Depends(require(users.Action.record_interview))]
Form_ = Annotated[FormData, Depends(form_data)]
PAGE = 25


def _list(request: Request, page: int, problem: str | None = None, status: int = 200) -> Response:
    state = app_state(request)
    page = max(page, 1)
    total, listed = stories.recent_interviews(state.engine, PAGE, (page - 1) * PAGE)
    context = {"listed": listed, "total": total, "page": page, "pages": max(1, -(-total // PAGE)),
               "problem": problem, "channels": CHANNELS}  # fmt: skip
    return state.renderer.page(request, "interviews.html", context, status_code=status)


@router.get("/interviews")
def list_interviews(request: Request, _user: Recorder, page: PageNumber = 1) -> Response:
    return _list(request, page)


@router.post("/interviews", dependencies=[Depends(check_csrf)])
def start(
    request: Request,
    user: Recorder,
    customer: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "phone",
    title: Annotated[str, Form()] = "",
) -> Response:
    state = app_state(request)
    customer_id = customers.customer_named(state.engine, customer, state.settings.default_country)
    if customer_id is None:
        problem = i18n.translate(i18n.language_of(request), "customer.not_found")
        return _list(request, 1, problem=problem, status=400)
    try:
        interview = stories.start_interview(
            state.engine, state.clock, customer_id=customer_id, staff_id=user.id, channel=channel, title=title or None
        )
    except UserInputError as exc:
        return _list(request, 1, problem=str(exc), status=400)
    return RedirectResponse(f"/interviews/{interview.story_id}", status_code=303)


@router.get("/interviews/{story_id}")
def interview(request: Request, story_id: Id, _user: Recorder) -> Response:
    found = stories.get_interview(app_state(request).engine, story_id)
    return interview_flow.show(request, found, f"/interviews/{story_id}", public=False)


@router.post("/interviews/{story_id}/continue", dependencies=[Depends(check_csrf)])
def carry_on(request: Request, story_id: Id, _user: Recorder, form: Form_) -> Response:
    return interview_flow.carry_on(request, story_id, form, f"/interviews/{story_id}", public=False)


@router.post("/interviews/{story_id}/confirm", dependencies=[Depends(check_csrf)])
def confirm(request: Request, story_id: Id, _user: Recorder, form: Form_) -> Response:
    return interview_flow.confirm(request, story_id, form, f"/interviews/{story_id}", public=False)

"""The customer's own interview, from a personal link `/i/<signed token>`: no sign-in, only this one story."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from klantstem.errors import NotFoundError
from klantstem.stories import service as stories
from klantstem.web import i18n, links
from klantstem.web.auth import check_csrf
from klantstem.web.pages import interview_flow
from klantstem.web.pages.forms import form_data
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Form_ = Annotated[FormData, Depends(form_data)]


def _story_of(request: Request, token: str) -> int | Response:
    """The story this link is for (started now if needed), or a page saying the link cannot be used."""
    state = app_state(request)
    try:
        interview = stories.start_from_link(state.engine, state.clock, _link_id(request, token))
    except (stories.LinkUsedError, stories.LinkExpiredError) as exc:
        return _closed(request, exc)
    i18n.prefer_language(request, stories.preview_link(state.engine, state.clock, _link_id(request, token))[1])
    return interview.story_id


def _link_id(request: Request, token: str) -> int:
    link_id = links.link_id_of(app_state(request).link_secret, token)
    if link_id is None:
        raise NotFoundError("no such link")
    return link_id


def _closed(request: Request, exc: Exception) -> Response:
    context = {"thanks": isinstance(exc, stories.LinkUsedError)}
    return app_state(request).renderer.page(request, "link_closed.html", context, status_code=410)


@router.get("/i/{token}")
def open_link(request: Request, token: str) -> Response:
    """The interview behind the link; opening it changes nothing (the story starts with the first step sent)."""
    state = app_state(request)
    try:
        interview, language = stories.preview_link(state.engine, state.clock, _link_id(request, token))
    except (stories.LinkUsedError, stories.LinkExpiredError) as exc:
        return _closed(request, exc)
    i18n.prefer_language(request, language)
    return interview_flow.show(request, interview, f"/i/{token}", None)


@router.post("/i/{token}/continue", dependencies=[Depends(check_csrf)])
def carry_on(request: Request, token: str, form: Form_) -> Response:
    story = _story_of(request, token)
    if isinstance(story, Response):
        return story
    return interview_flow.carry_on(request, story, form, f"/i/{token}", None)


@router.post("/i/{token}/confirm", dependencies=[Depends(check_csrf)])
def confirm(request: Request, token: str, form: Form_) -> Response:
    story = _story_of(request, token)
    if isinstance(story, Response):
        return story
    return interview_flow.confirm(request, story, form, f"/i/{token}", None)

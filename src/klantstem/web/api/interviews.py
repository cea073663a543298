"""Interviews as JSON: start one, add steps (follow-up questions come back), answer, finish (the read-back
summary comes back), and confirm or correct it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from klantstem.db.schema import APPRAISALS, CHANNELS
from klantstem.stories import service as stories
from klantstem.users import service as users
from klantstem.web.api.fields import one_of
from klantstem.web.api.paging import Page, PageParams, page_of, page_params
from klantstem.web.auth import require_api
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.params import Id, StoredInt
from klantstem.web.state import app_state

LANGUAGES = ("nl", "en")
router = APIRouter(tags=["interviews"], responses=ERROR_RESPONSES)
Recorder = Annotated[users.User, Depends(require_api(users.Action.record_interview))]
Paging = Annotated[PageParams, Depends(page_params)]


class Start(BaseModel):
    customer_id: StoredInt
    channel: str | None = one_of(CHANNELS, default="phone")
    title: str | None = Field(default=None, max_length=300)


class NewStep(BaseModel):
    description: str = Field(description="What happened in this step.")
    appraisal: str = one_of(APPRAISALS, "How the customer found this step.")
    opinion: str | None = Field(default=None, description="What the customer thought of it, in their words.")
    happened_at: datetime | None = None
    department_id: StoredInt | None = None
    language: str = one_of(LANGUAGES, "Language of the follow-up questions.", default="nl")


class Answer(BaseModel):
    answer: str | None


class Finish(BaseModel):
    language: str = one_of(LANGUAGES, "Language of the summary.", default="nl")


class Confirm(BaseModel):
    corrected_summary: str | None = Field(default=None, description="The customer's own version, if corrected.")


@router.get("/interviews", response_model=Page[dict[str, Any]])
def recent(request: Request, _user: Recorder, paging: Paging) -> Page[dict[str, Any]]:
    total, listed = stories.recent_interviews(app_state(request).engine, paging.limit, paging.offset)
    items = [{**i.__dict__, "told_at": i.told_at.isoformat()} for i in listed]
    return page_of(items, total, paging)


@router.post("/interviews", response_model=dict[str, Any], status_code=201)
def start(request: Request, user: Recorder, body: Start) -> dict[str, Any]:
    state = app_state(request)
    interview = stories.start_interview(
        state.engine, state.clock, customer_id=body.customer_id, staff_id=user.id, channel=body.channel,
        title=body.title,
    )  # fmt: skip
    return interview.as_dict()


@router.get("/interviews/{story_id}", response_model=dict[str, Any])
def get(request: Request, story_id: Id, _user: Recorder) -> dict[str, Any]:
    return stories.get_interview(app_state(request).engine, story_id).as_dict()


@router.post("/interviews/{story_id}/steps", response_model=dict[str, Any], status_code=201)
def add_step(request: Request, story_id: Id, user: Recorder, body: NewStep) -> dict[str, Any]:
    """One step and what the customer thought of it; the answer lists the follow-up questions to ask."""
    state = app_state(request)
    values = body.model_dump()
    lang = values.pop("language")
    interview = stories.add_step(state.engine, state.clock, story_id, lang=lang, staff_id=user.id, **values)
    state.changed()
    return interview.as_dict()


@router.post("/interviews/{story_id}/answers/{follow_up_id}", response_model=dict[str, Any])
def answer(request: Request, story_id: Id, follow_up_id: Id, user: Recorder, body: Answer) -> dict[str, Any]:
    return stories.answer(app_state(request).engine, story_id, follow_up_id, body.answer, user.id).as_dict()


@router.post("/interviews/{story_id}/finish", response_model=dict[str, Any])
def finish(request: Request, story_id: Id, user: Recorder, body: Finish) -> dict[str, Any]:
    """No more steps: the read-back summary is written, for the customer to confirm or correct."""
    return stories.finish(app_state(request).engine, story_id, body.language, user.id).as_dict()


@router.post("/interviews/{story_id}/confirm", response_model=dict[str, Any])
def confirm(request: Request, story_id: Id, user: Recorder, body: Confirm) -> dict[str, Any]:
    """The customer, present in this live interview, confirms or corrects the summary; only the interviewer who
    recorded the interview may send it."""
    state = app_state(request)
    interview = stories.confirm(state.engine, state.clock, story_id, body.corrected_summary, user.id)
    state.changed()
    return interview.as_dict()

"""The customer page as JSON: finding a customer, the story so far (summary and paginated timeline), recording
a contact, and inviting the customer to tell their story through a personal link."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db.schema import CHANNELS, DIRECTIONS
from klantstem.errors import NotFoundError, UserInputError
from klantstem.outreach import service as outreach
from klantstem.stories import service as stories
from klantstem.users import service as users
from klantstem.web import links
from klantstem.web.api.fields import one_of
from klantstem.web.api.paging import Page, PageParams, page_of, page_params
from klantstem.web.auth import require_api
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.params import Id, StoredInt
from klantstem.web.state import app_state

router = APIRouter(tags=["customers"], responses=ERROR_RESPONSES)
Viewer = Annotated[users.User, Depends(require_api(users.Action.view_customer))]
Writer = Annotated[users.User, Depends(require_api(users.Action.add_contact))]
Inviter = Annotated[users.User, Depends(require_api(users.Action.invite_customer))]
Paging = Annotated[PageParams, Depends(page_params)]
PersonalData = Annotated[users.User, Depends(require_api(users.Action.handle_personal_data))]


class Found(BaseModel):
    customer_id: int


class StorySoFar(BaseModel):
    customer_id: int
    asked_for_id: int = Field(description="Differs from customer_id when the customer asked for was merged.")
    at: datetime
    summary: dict[str, Any] = Field(description="What an employee reads before picking up the phone.")
    timeline: Page[dict[str, Any]] = Field(description="Timeline entries, newest first.")


class NewContact(BaseModel):
    channel: str = one_of(CHANNELS)
    direction: str = one_of(DIRECTIONS, default="inbound")
    occurred_at: datetime | None = None
    subject: str | None = Field(default=None, max_length=300)
    text: str | None = None
    case_id: StoredInt | None = None
    on_behalf: str | None = Field(
        default=None, max_length=200,
        description="Made for the customer by this person (name, phone number or e-mail address); recorded only "
        "when they may act for the customer on the subject, else 400 with the reason.",
    )  # fmt: skip


class NewNote(BaseModel):
    text: str = Field(min_length=1, max_length=4000)


class Invitation(BaseModel):
    allowed: bool
    reasons: list[str]
    link: str | None = Field(description="The personal link to send to the customer; null when blocked.")
    expires_at: datetime | None


class InviteBody(BaseModel):
    topic: str | None = Field(default=None, max_length=200)


@router.get("/customers", response_model=Found)
def find(request: Request, _user: Viewer, identity: Annotated[str, Query(min_length=1)]) -> Found:
    """The customer behind a customer number, e-mail address or phone number."""
    state = app_state(request)
    found = customers.customer_named(state.engine, identity, state.settings.default_country)
    if found is None:
        raise NotFoundError("no customer with this customer number, e-mail address or phone number")
    return Found(customer_id=found)


@router.get("/customers/{customer_id}", response_model=StorySoFar)
def story_so_far(request: Request, customer_id: Id, _user: Viewer, paging: Paging) -> StorySoFar:
    """The story so far: the summary and the timeline (contacts, stories with steps, promises, process events,
    outreach, delegates, merges), newest first."""
    state = app_state(request)
    story = contacts.story_so_far(
        state.engine, state.clock, customer_id, paging.offset + paging.limit, timezone=state.settings.timezone
    )
    newest_first = [e.as_dict() for e in reversed(story.entries)][paging.offset :]
    data = story.as_dict()
    return StorySoFar(
        customer_id=story.customer_id, asked_for_id=story.asked_for_id, at=story.at, summary=data["summary"],
        timeline=page_of(newest_first, story.total_entries, paging),
    )  # fmt: skip


@router.post("/customers/{customer_id}/contacts", status_code=201, response_model=dict[str, int])
def add_contact(request: Request, customer_id: Id, user: Writer, body: NewContact) -> dict[str, int]:
    """Record a contact (a call, a visit, a letter ...) in the customer's history; one made for the customer
    (`on_behalf`) only when that person may act for them on its subject."""
    state = app_state(request)
    new = contacts.NewContact(customer_id=customer_id, staff_id=user.id, source="api", **body.model_dump())
    contact_id = contacts.record_contact(
        state.engine, state.clock, new,
        timezone=state.settings.timezone, default_region=state.settings.default_country,
    )  # fmt: skip
    state.changed()
    return {"contact_id": contact_id}


@router.post("/customers/{customer_id}/notes", status_code=201, response_model=dict[str, int])
def add_note(request: Request, customer_id: Id, user: Writer, body: NewNote) -> dict[str, int]:
    """Write a note on the customer's history (it shows on the timeline as a `note` entry)."""
    state = app_state(request)
    note_id = stories.add_note(state.engine, state.clock, customer_id=customer_id, staff_id=user.id, text=body.text)
    state.changed()
    return {"note_id": note_id}


@router.post("/customers/{customer_id}/interview-links", response_model=Invitation)
def invite(request: Request, customer_id: Id, user: Inviter, body: InviteBody) -> Invitation:
    """A personal link for the customer to tell their story, if the contact guard allows asking them now."""
    state = app_state(request)
    rules = outreach.rules_from_settings(state.settings)
    link, decision = stories.invite(
        state.engine, state.clock, customer_id, user.id, body.topic, rules, timezone=state.settings.timezone
    )
    url = None
    if link is not None:
        url = links.public_url(state.settings.public_base_url, state.link_secret, link.id)
    return Invitation(allowed=decision.allowed, reasons=list(decision.reasons), link=url,
                      expires_at=link.expires_at if link else None)  # fmt: skip


class EraseBody(BaseModel):
    confirm: bool = Field(description="true: erasure cannot be undone")


@router.get("/customers/{customer_id}/personal-data", response_model=dict[str, Any])
def export_personal_data(request: Request, customer_id: Id, _user: PersonalData) -> dict[str, Any]:
    """Everything held about the person behind the customer (as `klantstem customer export`)."""
    state = app_state(request)
    return customers.export_customer(state.engine, state.clock, customer_id)


@router.post("/customers/{customer_id}/erase", response_model=dict[str, int])
def erase(request: Request, customer_id: Id, user: PersonalData, body: EraseBody) -> dict[str, int]:
    """Erase the person's personal data (as `klantstem customer erase`); recorded with who did it."""
    if not body.confirm:
        raise UserInputError("erasing a customer cannot be undone; send confirm: true")
    state = app_state(request)
    counts = customers.erase_customer(state.engine, customer_id, f"web:user {user.id}", state.clock)
    state.changed()
    return counts

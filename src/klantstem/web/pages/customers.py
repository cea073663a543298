"""The customer page: the story so far (summary and timeline), the delegates, adding a contact or a note, starting an
interview and inviting the customer to tell their story through a personal link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db.schema import CHANNELS, DIRECTIONS
from klantstem.errors import UserInputError
from klantstem.outreach import service as outreach
from klantstem.stories import service as stories
from klantstem.users import service as users
from klantstem.web import i18n, links
from klantstem.web.auth import check_csrf, require
from klantstem.web.pages import customer_forms
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_customer))]
Writer = Annotated[users.User, Depends(require(users.Action.add_contact))]
Inviter = Annotated[users.User, Depends(require(users.Action.invite_customer))]
TIMELINE = 50


@router.get("/customers")
def find(request: Request, _user: Viewer, q: str = "") -> Response:
    """One customer found: their page; several: a list to choose from (by number, e-mail, phone, customer
    number, case number, postcode or name)."""
    state = app_state(request)
    listed: list[customers.Customer] = []
    if q.strip():
        found = customers.customer_named(state.engine, q, state.settings.default_country)
        listed = customers.search(state.engine, q) if found is None else []
        if found is not None or len(listed) == 1:
            return RedirectResponse(f"/customers/{found or listed[0].id}", status_code=303)
    lang = i18n.language_of(request)
    problem = i18n.translate(lang, "customer.not_found") if q.strip() and not listed else None
    context = {"q": q, "problem": problem, "listed": listed, "notice": _erased_notice(request, lang)}
    return state.renderer.page(request, "customers.html", context, 404 if problem else 200)


def _erased_notice(request: Request, lang: str) -> str | None:
    """After an erasure: what was deleted, from the audit trail (only the id travels in the query)."""
    erased_id = request.query_params.get("erased", "")
    if not (erased_id.isdigit() and len(erased_id) < 12):
        return None
    counts = customers.erased_customer(app_state(request).engine, int(erased_id))
    if counts is None:
        return None
    return i18n.translate(lang, "personal.erased", id=int(erased_id), n=sum(counts.values()))


def customer_page(request: Request, customer_id: int, **extra: object) -> Response:
    state = app_state(request)
    everything = request.query_params.get("all") == "1"
    story = contacts.story_so_far(
        state.engine, state.clock, customer_id, None if everything else TIMELINE, timezone=state.settings.timezone
    )
    context = {
        "story": story,
        "summary": story.summary,
        "entries": list(reversed(story.entries)),
        "everything": everything,
        "channels": CHANNELS,
        "directions": DIRECTIONS,
        "problem": None,
        "invited": None,
        "blocked": None,
        "delegate_check": None,
        **customer_forms.context(request, story.customer_id),
        **extra,
    }
    status = 400 if extra.get("problem") else 200
    return state.renderer.page(request, "customer.html", context, status_code=status)


@router.get("/customers/{customer_id}")
def show(request: Request, customer_id: Id, _user: Viewer) -> Response:
    return customer_page(request, customer_id)


@router.post("/customers/{customer_id}/contacts", dependencies=[Depends(check_csrf)])
def add_contact(
    request: Request,
    customer_id: Id,
    user: Writer,
    channel: Annotated[str, Form()],
    direction: Annotated[str, Form()] = "inbound",
    subject: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    on_behalf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Record a contact; one made by someone for the customer is recorded only when that person may act for the
    customer on its subject (the delegate check), else the page says why not and nothing is recorded."""
    state = app_state(request)
    new = contacts.NewContact(
        customer_id=customer_id, channel=channel, direction=direction, staff_id=user.id,
        subject=subject or None, text=text or None, source="web", on_behalf=on_behalf or None,
    )  # fmt: skip
    try:
        contacts.record_contact(
            state.engine, state.clock, new,
            timezone=state.settings.timezone, default_region=state.settings.default_country,
        )  # fmt: skip
    except customers.DelegateRefused as exc:
        return customer_page(request, customer_id, problem=customer_forms.delegate_reason(request, exc.check))
    except UserInputError as exc:
        return customer_page(request, customer_id, problem=i18n.explain(i18n.language_of(request), exc))
    state.changed()
    return RedirectResponse(f"/customers/{customer_id}#timeline", status_code=303)


@router.post("/customers/{customer_id}/notes", dependencies=[Depends(check_csrf)])
def add_note(request: Request, customer_id: Id, user: Writer, text: Annotated[str, Form()] = "") -> Response:
    state = app_state(request)
    try:
        stories.add_note(state.engine, state.clock, customer_id=customer_id, staff_id=user.id, text=text)
    except UserInputError as exc:
        return customer_page(request, customer_id, problem=i18n.explain(i18n.language_of(request), exc))
    state.changed()
    return RedirectResponse(f"/customers/{customer_id}#timeline", status_code=303)


@router.post("/customers/{customer_id}/invite", dependencies=[Depends(check_csrf)])
def invite(request: Request, customer_id: Id, user: Inviter, topic: Annotated[str, Form()] = "") -> Response:
    state = app_state(request)
    rules = outreach.rules_from_settings(state.settings)
    link, decision = stories.invite(
        state.engine, state.clock, customer_id, user.id, topic or None, rules, timezone=state.settings.timezone
    )
    if link is None:
        lang = i18n.language_of(request)
        reasons = [i18n.translate(lang, f"guard.{r.code}", **r.values) for r in decision.reason_codes]
        return customer_page(request, customer_id, blocked=reasons)
    url = links.public_url(state.settings.public_base_url, state.link_secret, link.id)
    return customer_page(request, customer_id, invited=url)

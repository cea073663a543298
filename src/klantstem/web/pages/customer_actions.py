"""What staff change about a customer in the web application: register a promise, record and end who may act for
the customer, merge two records of one person and undo it, and the list of likely duplicates. Each route reads
the form, calls the customers or promises service, and sends the reader back to the customer page, which says
what happened (`notices`)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.business_calendar import calendar_from_settings
from klantstem.customers import service as customers
from klantstem.errors import NotFoundError, UserInputError
from klantstem.promises import service as promises
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, require
from klantstem.web.pages import customer_forms
from klantstem.web.pages.customers import customer_page
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Promiser = Annotated[users.User, Depends(require(users.Action.add_promise))]
Caller = Annotated[users.User, Depends(require(users.Action.add_contact))]  # who takes calls: checks delegates
DelegateKeeper = Annotated[users.User, Depends(require(users.Action.manage_delegates))]
Merger = Annotated[users.User, Depends(require(users.Action.merge_customers))]
Text = Annotated[str, Form()]
MAX_DUPLICATES = 100


def _again(request: Request, customer_id: int, exc: UserInputError) -> Response:
    """The customer page again, saying in the reader's language what was wrong."""
    return customer_page(request, customer_id, problem=i18n.explain(i18n.language_of(request), exc))


@router.post("/customers/{customer_id}/promises", dependencies=[Depends(check_csrf)])
def add_promise(
    request: Request, customer_id: Id, user: Promiser, kind: Text = "", description: Text = "", due: Text = "",
    department: Text = "",
) -> Response:  # fmt: skip
    state = app_state(request)
    try:
        promise = promises.add_promise(
            state.engine, state.clock, calendar_from_settings(state.settings), customer_id=customer_id, kind=kind,
            description=description, due=due, staff=None if department else str(user.id),
            department=department or None, source="web",
        )  # fmt: skip
    except UserInputError as exc:
        return _again(request, customer_id, exc)
    state.changed()
    return RedirectResponse(f"/customers/{promise.customer_id}?promise={promise.id}#summary", status_code=303)


@router.post("/customers/{customer_id}/delegates", dependencies=[Depends(check_csrf)])
def add_delegate(
    request: Request, customer_id: Id, _user: DelegateKeeper, name: Text = "", relation: Text = "", phone: Text = "",
    email: Text = "", scope: Text = "", until: Text = "",
) -> Response:  # fmt: skip
    state = app_state(request)
    try:
        valid_until = customers.end_of_day(until, state.settings.timezone) if until.strip() else None
        added = customers.authorise_delegate(
            state.engine, state.clock, customer_id, name, relation=relation or None, phone=phone or None,
            email=email or None, scope=scope.strip() or "all", valid_until=valid_until,
            default_region=state.settings.default_country,
        )  # fmt: skip
    except UserInputError as exc:
        return _again(request, customer_id, exc)
    return _to_customer(added.customer_id, {"delegate": str(added.id)}, "delegates")


@router.post("/customers/{customer_id}/delegates/check", dependencies=[Depends(check_csrf)])
def check_delegate(
    request: Request, customer_id: Id, _user: Caller, who: Annotated[str, Form(max_length=200)] = "",
    topic: Annotated[str, Form(max_length=200)] = "",
) -> Response:  # fmt: skip
    """May the person on the line act for the customer (on this topic)? The page says yes or no, and why."""
    if not who.strip():
        problem = i18n.translate(i18n.language_of(request), "error.delegate_who")
        return customer_page(request, customer_id, problem=problem)
    answer = customer_forms.delegate_answer(request, customer_id, who, topic)
    return customer_page(request, customer_id, delegate_check=answer)


@router.post("/customers/{customer_id}/delegates/{delegate_id}/end", dependencies=[Depends(check_csrf)])
def end_delegate(request: Request, customer_id: Id, delegate_id: Id, _user: DelegateKeeper) -> Response:
    state = app_state(request)
    if delegate_id not in {d.id for d in customers.delegates_of(state.engine, customer_id)}:
        raise NotFoundError(f"delegate {delegate_id} is not one of customer {customer_id}'s")
    try:
        ended = customers.end_delegate(state.engine, state.clock, delegate_id)
    except UserInputError as exc:
        return _again(request, customer_id, exc)
    return _to_customer(ended.customer_id, {"delegate": str(ended.id), "ended": "1"}, "delegates")


@router.post("/customers/{customer_id}/merge", dependencies=[Depends(check_csrf)])
def merge(request: Request, customer_id: Id, user: Merger, target: Text = "") -> Response:
    """Merge this customer (the source) into the one typed or chosen (the target)."""
    state = app_state(request)
    target_id = customers.customer_named(state.engine, target, state.settings.default_country) if target else None
    if target_id is None:
        typed = target.strip()[:80]
        problem = i18n.translate(i18n.language_of(request), "merge.unknown_target", typed=typed)
        return customer_page(request, customer_id, problem=problem)
    try:
        customers.merge(state.engine, state.clock, customer_id, target_id, merged_by=user.id)
    except UserInputError as exc:
        return _again(request, customer_id, exc)
    state.changed()
    return RedirectResponse(f"/customers/{customer_id}", status_code=303)  # the target, saying what was merged


@router.post("/customers/{customer_id}/unmerge", dependencies=[Depends(check_csrf)])
def unmerge(request: Request, customer_id: Id, user: Merger) -> Response:
    state = app_state(request)
    try:
        customers.unmerge(state.engine, state.clock, customer_id, undone_by=user.id)
    except UserInputError as exc:
        return _again(request, customer_id, exc)
    state.changed()
    return _to_customer(customer_id, {"unmerged": str(customer_id)}, "summary")


@router.get("/duplicates")
def duplicates(request: Request, _user: Merger) -> Response:
    state = app_state(request)
    found = customers.suggest_duplicates(state.engine)
    context = {"pairs": found[:MAX_DUPLICATES], "total": len(found)}
    return state.renderer.page(request, "duplicates.html", context)


def _to_customer(customer_id: int, query: dict[str, str], anchor: str) -> Response:
    return RedirectResponse(f"/customers/{customer_id}?{urlencode(query)}#{anchor}", status_code=303)

"""A customer's personal data on the pages, for the roles that may handle it: download everything held about the
person (as `klantstem customer export` and the API give it), and erase it after typing the customer's number.
The rules, the audit trail and the refusals are the customers service's (`customers.personal_data`)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.customers import service as customers
from klantstem.errors import UserInputError
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, require
from klantstem.web.pages.customers import customer_page
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
PersonalData = Annotated[users.User, Depends(require(users.Action.handle_personal_data))]


@router.get("/customers/{customer_id}/personal-data")
def export(request: Request, customer_id: Id, _user: PersonalData) -> Response:
    """Everything held about the person, as a JSON file to save (never shown as a page)."""
    state = app_state(request)
    data = customers.export_customer(state.engine, state.clock, customer_id)
    name = f"klant-{data['customer_id']}-persoonsgegevens.json"
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n",
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


@router.post("/customers/{customer_id}/erase", dependencies=[Depends(check_csrf)])
def erase(request: Request, customer_id: Id, user: PersonalData, confirm: Annotated[str, Form()] = "") -> Response:
    """Erase the person's personal data once the customer's number was typed to confirm; recorded with who."""
    state = app_state(request)
    lang = i18n.language_of(request)
    if confirm.strip().lstrip("#") != str(customer_id):
        problem = i18n.translate(lang, "personal.confirm_wrong", id=customer_id)
        return customer_page(request, customer_id, problem=problem)
    try:
        customers.erase_customer(state.engine, customer_id, f"web:user {user.id}", state.clock)
    except UserInputError as exc:
        return customer_page(request, customer_id, problem=i18n.explain(lang, exc))
    state.changed()
    return RedirectResponse(f"/customers?erased={customer_id}", status_code=303)

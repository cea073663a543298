"""Reading what a form sent, and finding the customer someone typed in."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy import Engine
from starlette.datastructures import FormData

from klantstem.customers import service as customers
from klantstem.errors import NotFoundError, UserInputError


async def form_data(request: Request) -> FormData:
    """A dependency: the whole form, for pages whose fields depend on the record (answers to questions)."""
    return await request.form()


def field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def customer_id_from(engine: Engine, typed: str) -> int | None:
    """The customer behind a customer number, e-mail address or phone number as typed; None when not found."""
    text = typed.strip()
    if not text:
        return None
    try:
        if text.isascii() and text.isdigit() and len(text) < 9:
            return customers.get_customer(engine, int(text)).id
        found = customers.find_customer(engine, "email" if "@" in text else "phone", text)
    except (NotFoundError, UserInputError):
        return None
    return found.id if found is not None else None

"""Reading what a form sent."""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import FormData


async def form_data(request: Request) -> FormData:
    """A dependency: the whole form, for pages whose fields depend on the record (answers to questions)."""
    return await request.form()


def field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""

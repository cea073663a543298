"""What the customer page shows around the forms that change a customer (promises, delegates, merges): the
choices the forms offer, the merges that can be undone, and the notice of what was just done."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from klantstem.customers import service as customers
from klantstem.errors import NotFoundError
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.web import i18n
from klantstem.web.rendering import local_time
from klantstem.web.state import AppState, app_state

# The kinds offered on the form; the service takes any kind (imports bring their own).
PROMISE_KINDS = ("callback", "email", "letter", "visit", "answer", "repair", "delivery", "refund", "send", "resolve")


def context(request: Request, customer_id: int) -> dict[str, Any]:
    """What the customer page needs for these forms, and the notice of what was just done (from the query) for
    the customer `customer_id` (after merges)."""
    state = app_state(request)
    lang = i18n.language_of(request)
    return {
        "promise_kinds": PROMISE_KINDS,
        "departments": insights.departments(state.engine),
        "merges": [m for m in customers.merges_of(state.engine, customer_id) if m.undone_at is None],
        "notices": _notices(request, state, lang, customer_id),
    }


def _notices(request: Request, state: AppState, lang: str, customer_id: int) -> list[str]:
    """Only ids travel in the query; the texts come from the database, so a link cannot put words on the page."""
    query = request.query_params
    said: list[str] = []
    if (promise_id := _int(query.get("promise"))) is not None:
        try:
            promise = promises.get_promise(state.engine, promise_id)
        except NotFoundError:
            promise = None
        if promise is not None:
            due = local_time(promise.due_at, state.settings.timezone, "%d-%m-%Y %H:%M")
            said.append(i18n.translate(lang, "promise.added", id=promise.id, due=due))
    if (delegate_id := _int(query.get("delegate"))) is not None:
        key = "delegate.ended" if query.get("ended") == "1" else "delegate.added"
        names = [d.name for d in customers.delegates_of(state.engine, customer_id) if d.id == delegate_id]
        said += [i18n.translate(lang, key, name=name) for name in names]
    if (source := _int(query.get("unmerged"))) is not None:
        said.append(i18n.translate(lang, "merge.undone", source=source))
    return said


def delegate_answer(request: Request, customer_id: int, who: str, topic: str | None) -> tuple[bool, str]:
    """May `who` act for the customer now (on `topic`)? The answer, with its reason in the reader's language."""
    state = app_state(request)
    found = customers.check_delegate(
        state.engine, state.clock, customer_id, who, topic or None,
        default_region=state.settings.default_country, timezone=state.settings.timezone,
    )  # fmt: skip
    return found.allowed, delegate_reason(request, found)


def delegate_reason(request: Request, found: customers.DelegateCheck) -> str:
    """The delegate check's answer in the reader's language, with the end of the authorisation as a local day."""
    state = app_state(request)
    lang = i18n.language_of(request)
    values = dict(found.values)
    if "until" in values:
        day = local_time(values["until"], state.settings.timezone, "%d-%m-%Y")
        values["until"] = day if found.code == "ended" else (
            i18n.translate(lang, "delegate_check.until", until=day) if day else
            i18n.translate(lang, "delegate_check.no_end"))  # fmt: skip
    return i18n.translate(lang, f"delegate_check.{found.code}", **values)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 12 else None

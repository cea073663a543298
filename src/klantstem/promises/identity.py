"""When two mentions are one promise: the rule that keeps a promise found in a text from being registered again.

A text says "binnen 2 werkdagen" or "vandaag", so its due time is a day, not a moment; the register may hold the
same promise with the exact moment it was planned for. Two mentions are the same promise when they are for the
same customer, of the same kind, by the same party (the same third party, or the organisation itself: which
desk answers for it is internal), and either due on the same day in the organisation's time zone or mentioned
in the same contact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

PromiseKey = tuple[object, ...]


def _party(values: Mapping[str, object]) -> object:
    return values.get("third_party_id")  # None: the organisation itself


def same_day_key(values: Mapping[str, object], zone: ZoneInfo) -> PromiseKey:
    due = values["due_at"]
    assert isinstance(due, datetime)
    day: date = due.astimezone(zone).date()
    return ("day", values["customer_id"], values["kind"], _party(values), day)


def same_contact_key(values: Mapping[str, object]) -> PromiseKey | None:
    if values.get("contact_id") is None:
        return None
    return ("contact", values["customer_id"], values["kind"], _party(values), values["contact_id"])


def keys_of(values: Mapping[str, object], zone: ZoneInfo) -> list[PromiseKey]:
    contact = same_contact_key(values)
    return [same_day_key(values, zone), *([contact] if contact is not None else [])]


def new_promises(
    candidates: Iterable[dict[str, object]], registered: Iterable[Mapping[str, object]], zone: ZoneInfo
) -> list[dict[str, object]]:
    """The candidates that are no promise already registered, nor one of the candidates before them."""
    seen = {key for values in registered for key in keys_of(values, zone)}
    fresh: list[dict[str, object]] = []
    for values in candidates:
        keys = keys_of(values, zone)
        if any(key in seen for key in keys):
            continue
        seen.update(keys)
        fresh.append(values)
    return fresh

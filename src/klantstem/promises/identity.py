"""When two mentions are one promise: the rule that keeps a promise found in a text from being registered again.

A text says "binnen 2 werkdagen" or "vandaag", so its due time is a day, not a moment; the register may hold the
same promise with the exact moment it was planned for. Two mentions are the same promise when they are for the
same customer, by the same party (the same third party, or the organisation itself: which desk answers for it
is internal), and either of the same kind and due on the same day in the organisation's time zone, or mentioned
in the same contact. In the same contact kind and party may differ: staff register what is delivered, and by
whom ("delivery" by the courier), where the text says what the customer receives ("u ontvangt": a letter, from
no one named), so each promise registered from a contact answers for one mention in it, one of its own kind
and party first.
"""

from __future__ import annotations

from collections import defaultdict
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


def _contact(values: Mapping[str, object]) -> PromiseKey | None:
    """The contact a mention was made in, for this customer (None: not from a contact)."""
    if values.get("contact_id") is None:
        return None
    return (values["customer_id"], values["contact_id"])


def new_promises(
    candidates: Iterable[dict[str, object]], registered: Iterable[Mapping[str, object]], zone: ZoneInfo
) -> list[dict[str, object]]:
    """The candidates that are no promise already registered, nor one of the candidates before them."""
    seen: set[PromiseKey] = set()
    unanswered: defaultdict[PromiseKey, list[object]] = defaultdict(list)  # (kind, party) registered per contact
    for values in registered:
        seen.update(keys_of(values, zone))
        contact = _contact(values)
        if contact is not None:
            unanswered[contact].append((values["kind"], _party(values)))
    others: list[dict[str, object]] = []
    for values in candidates:  # first the mentions that match a registered promise of their own kind and party
        contact = _contact(values)
        if not any(key in seen for key in keys_of(values, zone)):
            others.append(values)
        elif contact is not None and (values["kind"], _party(values)) in unanswered[contact]:
            unanswered[contact].remove((values["kind"], _party(values)))
    fresh: list[dict[str, object]] = []
    for values in others:  # then one registered from the same contact under another kind or party answers for it
        contact = _contact(values)
        keys = keys_of(values, zone)
        if contact is not None and unanswered[contact] and not any(key in seen for key in keys):
            unanswered[contact].pop(0)
            seen.update(keys)  # the same mention again is this promise too
            continue
        if any(key in seen for key in keys):
            continue
        seen.update(keys)
        fresh.append(values)
    return fresh

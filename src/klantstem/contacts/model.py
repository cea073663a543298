"""Plain data of "the story so far": timeline entries and the summary read before picking up the phone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

ENTRY_KINDS = ("contact", "note", "story", "promise", "event", "outreach", "delegate", "merge")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    kind: str  # one of ENTRY_KINDS
    title: str  # one line
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "kind": self.kind, "title": self.title, "detail": plain(self.detail)}


@dataclass(frozen=True)
class ToldUs:
    """Something the customer told us, and how they felt about it (bad / normal / excellent, when known)."""

    at: datetime
    source: str  # story, or the channel of a contact
    about: str
    feeling: str | None = None
    bad_steps: tuple[str, ...] = ()
    excellent_steps: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "source": self.source,
            "about": self.about,
            "feeling": self.feeling,
            "bad_steps": list(self.bad_steps),
            "excellent_steps": list(self.excellent_steps),
        }


@dataclass(frozen=True)
class Summary:
    """What an employee reads before picking up the phone."""

    customer: dict[str, Any]
    merged_from: list[int]
    open_cases: list[dict[str, Any]]
    open_promises: list[dict[str, Any]]
    broken_promises: list[dict[str, Any]]
    told_us: list[ToldUs]
    delegates: list[dict[str, Any]]
    contacts: dict[str, Any]
    last_outreach: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "customer": self.customer,
            "merged_from": self.merged_from,
            "open_cases": self.open_cases,
            "open_promises": self.open_promises,
            "broken_promises": self.broken_promises,
            "told_us": [t.as_dict() for t in self.told_us],
            "delegates": self.delegates,
            "contacts": self.contacts,
            "last_outreach": self.last_outreach,
        }


@dataclass(frozen=True)
class StorySoFar:
    customer_id: int
    asked_for_id: int  # the id asked for; differs from customer_id when that customer was merged
    at: datetime
    summary: Summary
    entries: list[TimelineEntry]
    total_entries: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "asked_for_id": self.asked_for_id,
            "at": self.at.isoformat(),
            "summary": self.summary.as_dict(),
            "total_entries": self.total_entries,
            "entries": [e.as_dict() for e in self.entries],
        }


@dataclass(frozen=True)
class NewContact:
    """A contact recorded by hand (imports have their own path)."""

    customer_id: int
    channel: str
    direction: str = "inbound"
    occurred_at: datetime | None = None  # None: now
    staff_id: int | None = None
    department_id: int | None = None
    third_party_id: int | None = None
    case_id: int | None = None
    subject: str | None = None
    text: str | None = None
    source: str = "manual"
    # Made for the customer by this person (a name, phone number or e-mail address): recorded only when they may
    # act for the customer on the contact's subject (the delegate check).
    on_behalf: str | None = None


def plain(value: Any) -> Any:
    """JSON-ready: datetimes as ISO 8601 text, containers walked."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value

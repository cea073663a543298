"""Plain data of the customers domain: a customer with its identities, delegates, merges, duplicate suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from klantstem.customers.identities import Identity
from klantstem.errors import UserInputError

ALL_TOPICS = "all"
MERGED_TABLES = (
    "contacts",
    "stories",
    "promises",
    "cases",
    "outreach",
    "customer_identities",
    "delegates",
    "interview_links",
)  # every table whose rows follow a customer into a merge, by the name used in `customer_merges.moved`


@dataclass(frozen=True)
class Customer:
    id: int
    display_name: str | None
    postcode: str | None
    address: str | None
    language: str | None
    opted_out: bool
    merged_into_id: int | None
    created_at: datetime
    identities: tuple[Identity, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "display_name": self.display_name,
            "postcode": self.postcode,
            "address": self.address,
            "language": self.language,
            "opted_out": self.opted_out,
            "merged_into_id": self.merged_into_id,
            "created_at": self.created_at.isoformat(),
            "identities": [{"kind": i.kind, "value": i.value} for i in self.identities],
        }


@dataclass(frozen=True)
class Delegate:
    """Someone a customer authorised to act for them, on some topics (or all), from one moment to another."""

    id: int
    customer_id: int
    name: str
    relation: str | None
    phone: str | None
    email: str | None
    scope: tuple[str, ...]  # normalised topics, or ("all",)
    valid_from: datetime
    valid_until: datetime | None

    def active_at(self, moment: datetime) -> bool:
        return self.valid_from <= moment and (self.valid_until is None or moment < self.valid_until)

    def covers(self, topic: str) -> bool:
        return ALL_TOPICS in self.scope or normalise_topic(topic) in self.scope

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer_id": self.customer_id,
            "name": self.name,
            "relation": self.relation,
            "phone": self.phone,
            "email": self.email,
            "scope": list(self.scope),
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
        }


@dataclass(frozen=True)
class DelegateCheck:
    """The answer to "may this person act for this customer (on this topic)?", with the reason."""

    allowed: bool
    reason: str
    delegate: Delegate | None = None
    code: str = ""  # names the reason's message (`nobody`, `ended`, `not_covered`, `allowed`) for other languages
    values: dict[str, Any] = field(default_factory=dict)  # what the message names: the day an authorisation ended, ...

    def as_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "reason": self.reason,
            "delegate": self.delegate.as_dict() if self.delegate else None,
        }


class DelegateRefused(UserInputError):
    """A contact made for the customer by someone who may not act for them (on its subject): `check` says why."""

    def __init__(self, check: DelegateCheck) -> None:
        super().__init__(check.reason, code=f"delegate_{check.code}")
        self.check = check


@dataclass(frozen=True)
class Merge:
    """An audited merge: which rows moved from the source customer to the target, so it can be undone exactly."""

    id: int
    source_id: int
    target_id: int
    moved: dict[str, list[int]]
    merged_by: int | None
    merged_at: datetime
    undone_at: datetime | None = None
    undone_by: int | None = None
    merged_by_name: str | None = None
    undone_by_name: str | None = None

    @property
    def moved_count(self) -> int:
        return sum(len(ids) for ids in self.moved.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "target_id": self.target_id,
            "moved": {name: len(ids) for name, ids in self.moved.items()},
            "merged_by": self.merged_by,
            "merged_at": self.merged_at.isoformat(),
            "undone_at": self.undone_at.isoformat() if self.undone_at else None,
            "undone_by": self.undone_by,
            "merged_by_name": self.merged_by_name,
            "undone_by_name": self.undone_by_name,
        }


@dataclass(frozen=True)
class Profile:
    """A customer as the story so far shows it: itself, who was merged into it, delegates and merges."""

    customer: Customer
    merged_from: list[int]
    delegates: list[Delegate]
    merges: list[Merge]


@dataclass(frozen=True)
class CandidateRow:
    """What duplicate matching looks at for one customer."""

    id: int
    name: str
    postcode: str | None
    address: str | None


@dataclass(frozen=True)
class DuplicateSuggestion:
    """Two customers that may be one person; a person decides, nothing is merged automatically."""

    first_id: int
    second_id: int
    score: float
    reasons: tuple[str, ...] = field(default=())
    first_name: str = ""
    second_name: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "first_id": self.first_id,
            "second_id": self.second_id,
            "score": round(self.score, 1),
            "reasons": list(self.reasons),
            "first_name": self.first_name,
            "second_name": self.second_name,
        }


def normalise_topic(topic: str) -> str:
    return " ".join(topic.strip().lower().split())


def parse_scope(scope: str) -> tuple[str, ...]:
    """ "all" or topics separated by ';' (or ','), normalised; an empty scope is not a scope."""
    topics = tuple(dict.fromkeys(t for t in (normalise_topic(p) for p in scope.replace(",", ";").split(";")) if t))
    if not topics:
        raise UserInputError("a delegate needs a scope: 'all' or topics separated by ';'", code="delegate_scope")
    return (ALL_TOPICS,) if ALL_TOPICS in topics else topics

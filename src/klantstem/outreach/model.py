"""Plain data of the contact guard: its rules, its decision, and one logged outreach."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from klantstem.errors import UserInputError

SENT, BLOCKED = "sent", "blocked"


@dataclass(frozen=True)
class GuardRules:
    """Never ask a customer the same thing twice, and do not pester them.

    same_topic_days: no second question about a topic within this many days (0: no limit on repeats).
    max_contacts / period_days: at most this many contacts we start (outbound contacts and outreach, all
    channels) within the last `period_days` days (0 days: no limit). An open complaint and an opt-out always block.
    """

    same_topic_days: int = 90
    max_contacts: int = 3
    period_days: int = 30

    def __post_init__(self) -> None:
        for name in ("same_topic_days", "max_contacts", "period_days"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise UserInputError(f"the contact-guard rule {name} must be a whole number")
            if value < 0:
                raise UserInputError(f"the contact-guard rule {name} cannot be negative (it is {value})")

    def as_dict(self) -> dict[str, int]:
        return {
            "same_topic_days": self.same_topic_days,
            "max_contacts": self.max_contacts,
            "period_days": self.period_days,
        }


@dataclass(frozen=True)
class GuardReason:
    """One reason of a blocked decision by name (`code`) and values, for an edge that translates it."""

    code: str
    values: dict[str, object]


@dataclass(frozen=True)
class GuardDecision:
    """Allowed, or blocked with every reason that applies."""

    customer_id: int
    topic: str
    channel: str
    at: datetime
    rules: GuardRules
    reasons: tuple[str, ...] = field(default=())
    asked_for_id: int | None = None  # the id that was asked about, when it was merged into customer_id
    reason_codes: tuple[GuardReason, ...] = field(default=())  # `reasons` by name, in the same order

    @property
    def allowed(self) -> bool:
        return not self.reasons

    @property
    def verdict(self) -> str:
        return "allowed" if self.allowed else "blocked"

    def as_dict(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "asked_for_id": self.asked_for_id,
            "topic": self.topic,
            "channel": self.channel,
            "at": self.at.isoformat(),
            "verdict": self.verdict,
            "allowed": self.allowed,
            "reasons": list(self.reasons),
            "rules": self.rules.as_dict(),
        }


@dataclass(frozen=True)
class OutreachRecord:
    id: int
    customer_id: int
    topic: str
    channel: str
    asked_at: datetime
    staff_id: int | None
    outcome: str | None
    reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer_id": self.customer_id,
            "topic": self.topic,
            "channel": self.channel,
            "asked_at": self.asked_at.isoformat(),
            "staff_id": self.staff_id,
            "outcome": self.outcome,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class LoggedOutreach:
    record: OutreachRecord
    decision: GuardDecision

    def as_dict(self) -> dict[str, Any]:
        return {"outreach": self.record.as_dict(), "decision": self.decision.as_dict()}

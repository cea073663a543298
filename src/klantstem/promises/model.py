"""Plain data of the promise register: a promise, the due-soon and overdue lists, a scan's result and kept rates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

OPEN, KEPT, BROKEN, CANCELLED = "open", "kept", "broken", "cancelled"


@dataclass(frozen=True)
class Promise:
    id: int
    customer_id: int | None
    case_id: int | None
    contact_id: int | None
    kind: str
    description: str
    staff_id: int | None
    staff_name: str | None
    department_id: int | None
    department_name: str | None
    third_party_id: int | None
    third_party_name: str | None
    made_at: datetime
    due_at: datetime
    status: str
    resolved_at: datetime | None
    source: str = "manual"
    due_phrase: str | None = None
    expected_activity: str | None = None
    kept_by_contact_id: int | None = None
    kept_by_event_id: int | None = None
    resolution_note: str | None = None

    def status_at(self, now: datetime) -> str:
        """The status as it stands at `now`: an open promise whose due time has passed is broken."""
        return BROKEN if self.status == OPEN and self.due_at < now else self.status

    @property
    def responsible(self) -> str:
        """Who has to keep it: the third party, else the person and/or department."""
        if self.third_party_name:
            return self.third_party_name
        parts = [p for p in (self.staff_name, self.department_name) if p]
        return " / ".join(parts) if parts else "-"

    def as_dict(self, now: datetime | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "customer_id": self.customer_id,
            "case_id": self.case_id,
            "contact_id": self.contact_id,
            "kind": self.kind,
            "description": self.description,
            "responsible": self.responsible,
            "staff": self.staff_name,
            "department": self.department_name,
            "third_party": self.third_party_name,
            "made_at": self.made_at.isoformat(),
            "due_at": self.due_at.isoformat(),
            "due_phrase": self.due_phrase,
            "status": self.status,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "source": self.source,
            "expected_activity": self.expected_activity,
            "kept_by_contact_id": self.kept_by_contact_id,
            "kept_by_event_id": self.kept_by_event_id,
            "resolution_note": self.resolution_note,
        }
        if now is not None:
            data["status_now"] = self.status_at(now)
        return data


@dataclass(frozen=True)
class OverdueList:
    """Promises whose due time has passed without being kept: still open (about to break) or broken."""

    at: datetime
    total: int
    promises: list[Promise]

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "total": self.total,
            "shown": len(self.promises),
            "promises": [p.as_dict(self.at) for p in self.promises],
        }


@dataclass(frozen=True)
class DueList:
    """Open promises not yet due: those due within `within` of `at` (all of them when `within` is None)."""

    at: datetime
    within: timedelta | None
    total: int
    promises: list[Promise]

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "within_hours": None if self.within is None else self.within.total_seconds() / 3600,
            "total": self.total,
            "shown": len(self.promises),
            "promises": [p.as_dict(self.at) for p in self.promises],
        }


@dataclass(frozen=True)
class ScanResult:
    at: datetime
    kept: int
    broken: int
    found_in_texts: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "kept": self.kept,
            "broken": self.broken,
            "found_in_texts": self.found_in_texts,
        }


@dataclass
class StatRow:
    """Counts for one kind of promise, one department or one third party."""

    dimension: str  # kind, department, third_party
    name: str
    open: int = 0
    kept: int = 0
    broken: int = 0
    cancelled: int = 0

    @property
    def kept_rate(self) -> float | None:
        """Kept out of kept + broken (open and cancelled promises are not decided yet, or not at all)."""
        decided = self.kept + self.broken
        return None if decided == 0 else self.kept / decided

    def as_dict(self) -> dict[str, Any]:
        rate = self.kept_rate
        return {
            "dimension": self.dimension,
            "name": self.name,
            "open": self.open,
            "kept": self.kept,
            "broken": self.broken,
            "cancelled": self.cancelled,
            "kept_rate": None if rate is None else round(rate, 4),
        }


@dataclass(frozen=True)
class PromiseStats:
    at: datetime
    rows: list[StatRow] = field(default_factory=list)

    def of(self, dimension: str) -> list[StatRow]:
        return [r for r in self.rows if r.dimension == dimension]

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "rows": [r.as_dict() for r in self.rows]}

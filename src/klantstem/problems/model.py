"""The plain data of structural problems: voices placed on steps, signals, problems, their reports and actions,
and the rules that tell a structural problem from an incident."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from klantstem.db.schema import PROBLEM_STATUSES

ALL_FACETS = ""  # the facet of a signal about a step as a whole
UNPLACED = ""  # the step of a voice that no case, event or mapping places

# The lifecycle: each status may move to the next one; every open status may also become "risk accepted"; a
# problem with accepted risk is taken up again ("acknowledged") at its review. Detection reopens a fixed or
# verified problem ("new") when its signal returns, and verifies a fixed one when the rate stays down.
NEXT: dict[str, tuple[str, ...]] = {
    "new": ("acknowledged", "risk_accepted"),
    "acknowledged": ("cause_known", "risk_accepted"),
    "cause_known": ("fix_underway", "risk_accepted"),
    "fix_underway": ("fixed", "risk_accepted"),
    "fixed": (),  # verified or reopened by detection only
    "verified": (),
    "risk_accepted": ("acknowledged",),
}
OPEN_STATUSES = ("new", "acknowledged", "cause_known", "fix_underway", "risk_accepted")
WATCHED_STATUSES = ("fixed",)  # detection decides: verified, or reopened
assert set(NEXT) == set(PROBLEM_STATUSES)


@dataclass(frozen=True)
class Rules:
    """When a signal fires and when it is structural; every figure is a setting (KLANTSTEM_PROBLEMS_*)."""

    sigma: float = 3.5  # Laney p' control limits, in (overdispersion-corrected) standard errors
    min_reports: int = 5  # a period fires only with at least this many reports
    change_llr: float = 15.0  # change-point: likelihood-ratio statistic (after the overdispersion) that counts
    min_rise: float = 1.5  # change-point: the rate after must be at least this many times the rate before
    customers: int = 5  # structural: at least this many distinct customers ...
    periods: int = 2  # ... across at least this many periods ...
    channels: int = 2  # ... or this many channels ...
    burst_share: float = 0.6  # ... and no single day holds this share of the reports or more (a burst)
    verify_periods: int = 4  # weeks after "fixed" the rate must stay at its new level to be verified
    stale_days: int = 10  # working days without progress before a problem is escalated
    repeat_days: int = 14  # an inbound contact within this many days of the customer's last on the case repeats it


@dataclass(frozen=True)
class Voice:
    """One piece of customer voice: a story step told bad, a contact read as a complaint, a broken promise, or a
    repeat contact."""

    source: str  # story_step, contact, promise, repeat_contact
    source_id: int
    customer_id: int | None
    case_id: int | None
    channel: str | None
    at: datetime  # aware, UTC
    department_id: int | None
    facets: tuple[str, ...]
    step: str = UNPLACED
    placed_by: str = ""  # event, mapping, department


@dataclass(frozen=True)
class Signal:
    """A fired signal on one series (step x facet at one granularity)."""

    step: str
    facet: str
    granularity: str  # week or month
    rule: str  # laney, change_point, or laney+change_point
    since: date  # first period the signal covers
    rate: float
    baseline: float
    base_kind: str  # cases (passed the step) or contacts (no events at this step)
    fired: tuple[date, ...]  # periods above the control limit
    voices: tuple[Voice, ...]  # the reports the signal is made of
    llr: float = 0.0


@dataclass(frozen=True)
class Verdict:
    kind: str  # structural or incident
    customers: int
    reports: int
    channels: tuple[str, ...]
    periods: int
    busiest_day_share: float
    reasons: tuple[str, ...]  # in plain words, English; the pages show them translated by code
    codes: tuple[tuple[str, dict[str, Any]], ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A problem as detection sees it, before it is matched with the problems already known."""

    step: str
    facet: str
    signal: Signal
    verdict: Verdict
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class Rising:
    """An early warning: a rare step x facet whose reports rise, before any signal fires."""

    step: str
    facet: str
    recent: int
    expected: float
    share: float


@dataclass(frozen=True)
class ProblemRow:
    id: int
    step: str
    facet: str
    kind: str
    status: str
    owner_id: int | None
    owner: str | None
    signal: str
    explanation: dict[str, Any]
    rate: float | None
    baseline: float | None
    customers: int
    reports: int
    channels: list[str]
    first_seen: datetime
    last_seen: datetime
    opened_at: datetime
    progress_at: datetime
    fixed_at: datetime | None
    verified_at: datetime | None
    review_at: datetime | None
    reopened: int
    reporters: int = 0
    reporters_told: int = 0
    suggested: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "step": self.step, "facet": self.facet or None,
            "customers": self.customers, "reports": self.reports, "channels": self.channels,
            "first_seen": self.first_seen.isoformat(), "last_seen": self.last_seen.isoformat(),
            "rate": self.rate, "baseline": self.baseline, "signal": self.signal, "owner": self.owner,
            "owner_id": self.owner_id, "status": self.status, "reporters": self.reporters,
            "reporters_told": self.reporters_told, "suggested_reports": self.suggested,
            "opened_at": self.opened_at.isoformat(), "reopened": self.reopened,
            "why": self.explanation.get("why", []),
        }  # fmt: skip


@dataclass(frozen=True)
class Report:
    """A report linked to a problem, with who reported it and whether they have been told."""

    id: int
    source: str
    source_id: int
    customer_id: int | None
    customer: str | None
    channel: str | None
    occurred_at: datetime
    link: str
    reason: str | None
    quote: str
    told_at: datetime | None


@dataclass(frozen=True)
class Action:
    id: int
    problem_id: int
    description: str
    owner_id: int
    owner: str
    created_at: datetime
    due_at: datetime
    done_at: datetime | None
    broken: bool


@dataclass(frozen=True)
class JournalEntry:
    at: datetime
    staff_id: int | None
    staff: str | None
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class ProblemDetail:
    problem: ProblemRow
    reports: list[Report]
    actions: list[Action]
    journal: list[JournalEntry]
    messages: list[dict[str, Any]]
    outbox: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Detection:
    """What one run of detection found and did."""

    candidates: list[Candidate]
    rising: list[Rising]
    opened: list[int]
    updated: list[int]
    reopened: list[int]
    verified: list[int]
    voices: int
    unplaced: int
    problems: list[ProblemRow]
    reworked: int = 0  # periods whose bases were counted in this run (only those new rows fall in, after the first)


@dataclass(frozen=True)
class NotifyResult:
    problem_id: int
    message_id: int
    queued: int
    already: int
    blocked: list[tuple[int, str]]  # customer id, reason
    no_address: list[int]

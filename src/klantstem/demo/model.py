"""The demo's own plain data: sizes, scenario definitions and the planned timeline of one case.

A scenario is a list of beats (one thing that happens in a case). Planning a case walks its beats and gives each
a moment, a team and a staff member; contacts, stories, promises and process events are projections of that plan,
so the voice of the customer and the voice of the process tell the same story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

Row = dict[str, Any]

DEFAULT_UNTIL = date(2026, 10, 31)
DEFAULT_SEED = 2026


@dataclass(frozen=True)
class DemoSize:
    """How much the demo builds. The defaults give the full organisation; tests use small ones."""

    customers: int = 2000
    contacts: int = 10_000
    stories: int = 1500
    events: int = 50_000
    staff_story_share: float = 0.13

    def scaled(self, factor: float) -> DemoSize:
        def part(n: int) -> int:
            return max(1, round(n * factor))

        return DemoSize(
            customers=part(self.customers),
            contacts=part(self.contacts),
            stories=part(self.stories),
            events=part(self.events),
            staff_story_share=self.staff_story_share,
        )


@dataclass(frozen=True)
class Wait:
    """Time before a beat. unit: minutes, hours (calendar), office (business hours) or days (calendar)."""

    unit: str
    low: float
    high: float


@dataclass(frozen=True)
class PromiseSpec:
    """A promise made at a beat. `by` is staff, department or a third-party key; outcome weights kept/broken/
    cancelled; `fulfil` is the key of the beat that keeps it; `late` is how long a broken promise overran."""

    kind: str
    text: str
    by: str
    due: Wait
    fulfil: str
    outcome: tuple[float, float, float] = (0.7, 0.25, 0.05)
    late: Wait = Wait("days", 2, 8)


@dataclass(frozen=True)
class Beat:
    """One thing that happens in a case.

    key: phrase-bank key for texts; activity: the process event ("" for none); team: a team key, or
    "tp:<third party key>" for work a third party does; channel: a contact channel, "*" for the customer's own
    inbound channel, "" for no contact; appraisal: weights bad/normal/excellent from the customer's view.
    """

    key: str
    activity: str
    team: str
    status: str
    wait: Wait
    channel: str = ""
    direction: str = "inbound"
    appraisal: tuple[float, float, float] = (0.2, 0.7, 0.1)
    step: bool = True
    chance: float = 1.0
    repeat: tuple[int, int] = (1, 1)
    promise: PromiseSpec | None = None
    rhythm: str = ""
    when: str = ""  # "kept" or "broken": only when the case's last promise ended so
    needs: str = ""  # key of an earlier beat that must have happened
    unless: str = ""  # a case context flag that rules the beat out (e.g. "partner_delegate")


@dataclass(frozen=True)
class Scenario:
    key: str
    line: str  # mobiel, auto, brasserie, algemeen
    department: str  # the department that owns the case
    weight: float
    beats: tuple[Beat, ...]
    ping_pong: float = 0.2
    customer_wait: float = 0.08
    story_weight: float = 1.0


@dataclass
class PlannedBeat:
    beat: Beat
    at: datetime  # local wall-clock time (Europe/Amsterdam), naive
    team: str  # team name, or third-party name
    resource: str  # staff name, third-party name or "systeem"
    staff_id: int | None
    department_id: int | None
    third_party_id: int | None
    appraisal: str
    channel: str = ""  # the concrete contact channel, "" when the beat is no contact
    index: int = 0
    contact_id: int | None = None


@dataclass
class PlannedPromise:
    made: PlannedBeat
    spec: PromiseSpec
    outcome: str  # kept, broken or cancelled, as the walk played it out
    due: datetime
    fulfilled: PlannedBeat | None = None


@dataclass
class CasePlan:
    case_id: int
    external_id: str
    scenario: Scenario
    customer_id: int
    owner_id: int
    department_id: int
    beats: list[PlannedBeat]
    context: dict[str, str]
    closed: bool
    language: str
    promises: list[PlannedPromise] = field(default_factory=list)

    @property
    def opened_at(self) -> datetime:
        return self.beats[0].at

    @property
    def last_at(self) -> datetime:
        return self.beats[-1].at


@dataclass(frozen=True)
class DemoReport:
    seed: int
    until: date
    counts: dict[str, int]

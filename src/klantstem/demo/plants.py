"""Structural problems and incidents planted in the demo, for detection to find (and a test to check it does).

Four structural problems from the seeds, each starting in its own month of the demo year: before its start the
scenario runs healthy (the beats below get the appraisal or promise outcome of a service that works), from its
start on it runs as written in the scenarios (seed 003: the dealer who never calls back; seed 004: the queue of
three quarters of an hour; seed 000: the letter nobody understands; seed 000: telling the story again, here
after a system change). And two incidents that must not be called structural: one angry customer who complains
eight times, and a one-day outage that many customers report on the same day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache

from klantstem.demo import fingerprints
from klantstem.demo.beats import OK
from klantstem.demo.model import Beat, Row, Scenario
from klantstem.demo.organisation import Organisation
from klantstem.demo.period import Period, to_utc

HEALTHY_PROMISE = (0.9, 0.07, 0.03)


@dataclass(frozen=True)
class Plant:
    key: str
    scenarios: tuple[str, ...]
    start: date  # cases opened from this day on run broken
    step: str  # the process step detection must find it at
    healthy: tuple[str, ...]  # beats that run healthy before the start
    seed: str


PLANTS: tuple[Plant, ...] = (
    Plant("dealer_never_calls", ("proefrit",), date(2026, 2, 2), "Lead doorgestuurd naar dealer",
          ("proef.to_dealer",), "003"),
    Plant("queue_0900", ("wachtrij",), date(2026, 4, 6), "Telefoontje 0900-lijn aangenomen", ("hold.menu",), "004"),
    Plant("letter_nobody_understands", ("brief", "brief_incasso"), date(2026, 6, 1), "Brief verstuurd",
          ("letter.sent", "letter.call"), "000"),
    Plant("story_again_after_system_change", ("verhaal3x",), date(2026, 8, 3), "Klantverhaal opnieuw uitgevraagd",
          ("repeat.second",), "000"),
)  # fmt: skip

ANGRY_MONTH, ANGRY_TIMES = date(2026, 5, 4), 8
OUTAGE_DAY, OUTAGE_REPORTS = date(2026, 7, 16), 28
OUTAGE_STEP = "Storing gemeld"  # placed by the mapping below: the outage contacts belong to no case
BILLING_STEP = "Vraag over factuur"

ANGRY_TEXTS = (
    "Voor de zoveelste keer: mijn factuur klopt niet. Belachelijk dat dit nog steeds niet is opgelost.",
    "Weer een verkeerde factuur. Ik ben het echt spuugzat, dit is schandalig.",
    "Ik heb al drie keer gebeld over die factuur en er gebeurt niets. Waardeloos.",
    "Nog steeds geen creditnota. Dit is een aanfluiting, ik wil een klacht indienen.",
)
OUTAGE_TEXTS = (
    "Storing! Internet en tv liggen al de hele ochtend plat, de website werkt ook niet. Wat is er aan de hand?",
    "Geen internet en de app geeft alleen een foutmelding. Dit is echt heel slecht.",
    "Alles ligt plat en jullie storingspagina laadt niet eens. Waardeloos.",
)


@cache
def _healthy(scenario: Scenario, beats: tuple[str, ...]) -> Scenario:
    def mended(beat: Beat) -> Beat:
        if beat.key not in beats:
            return beat
        if beat.promise is not None:
            return replace(beat, promise=replace(beat.promise, outcome=HEALTHY_PROMISE))
        return replace(beat, appraisal=OK)

    return replace(scenario, beats=tuple(mended(b) for b in scenario.beats))


def as_of(scenario: Scenario, day: date) -> Scenario:
    """The scenario as it runs for a case opened on `day`: healthy before its plant's start."""
    for plant in PLANTS:
        if scenario.key in plant.scenarios and day < plant.start:
            return _healthy(scenario, plant.healthy)
    return scenario


def incident_contacts(
    rng: random.Random, first_id: int, customer_ids: list[int], org: Organisation, period: Period
) -> list[Row]:
    """The angry customer's eight complaints over three weeks, and the outage reported by many on one day (by
    phone and on social media); none belongs to a case, so the mapping places them."""
    rows: list[Row] = []
    angry = rng.choice(customer_ids)
    billing = org.departments["Facturatie"]
    for i in range(ANGRY_TIMES):
        day = ANGRY_MONTH + timedelta(days=round(i * 2.6))
        at = datetime.combine(day, time(9 + i % 7, rng.randint(0, 59)))
        rows.append(_contact(first_id + len(rows), angry, "email" if i % 2 else "phone", at, billing,
                             ANGRY_TEXTS[i % len(ANGRY_TEXTS)]))  # fmt: skip
    technique = org.departments["Techniek"]
    reporters = rng.sample([c for c in customer_ids if c != angry], OUTAGE_REPORTS)
    for customer_id in reporters:
        at = datetime.combine(OUTAGE_DAY, time(rng.randint(7, 21), rng.randint(0, 59)))
        channel = "social_media" if rng.random() < 0.3 else "phone"
        rows.append(_contact(first_id + len(rows), customer_id, channel, at, technique, rng.choice(OUTAGE_TEXTS)))
    return [r for r in rows if r["occurred_at"] <= to_utc(period.end)]


def _contact(contact_id: int, customer_id: int, channel: str, at: datetime, department_id: int, text: str) -> Row:
    occurred = to_utc(at)
    return {
        "id": contact_id, "customer_id": customer_id, "case_id": None, "channel": channel, "direction": "inbound",
        "occurred_at": occurred, "staff_id": None, "department_id": department_id, "third_party_id": None,
        "subject": None, "text": text, "source": "demo",
        "fingerprint": fingerprints.of_parts("planted", [str(customer_id), occurred.isoformat(), text]),
    }  # fmt: skip


def step_mappings(org: Organisation) -> list[Row]:
    """Where voices outside a case go: by facet and department."""
    techniek, billing = org.departments["Techniek"], org.departments["Facturatie"]
    plan = [
        ("online_systems", techniek, OUTAGE_STEP),
        ("product_quality", techniek, OUTAGE_STEP),
        ("", techniek, OUTAGE_STEP),
        ("price", billing, BILLING_STEP),
        ("", billing, BILLING_STEP),
    ]
    return [{"id": i, "facet": f, "department_id": d, "step": s} for i, (f, d, s) in enumerate(plan, start=1)]


def step_owners(org: Organisation, at: datetime) -> list[Row]:
    """Every department is owned by its manager; the planted steps by the manager of the department that runs
    them."""
    owned = {name: org.manager_of(dep_id).id for name, dep_id in org.departments.items()}
    steps = {
        "Lead doorgestuurd naar dealer": "Verkoop",
        "Telefoontje 0900-lijn aangenomen": "Klantenservice",
        "Brief verstuurd": "Facturatie",
        "Klantverhaal opnieuw uitgevraagd": "Klantenservice",
        OUTAGE_STEP: "Techniek",
        BILLING_STEP: "Facturatie",
    }
    owned |= {step: owned[department] for step, department in steps.items()}
    return [
        {"id": i, "step": step, "owner_id": owner, "created_at": to_utc(at)}
        for i, (step, owner) in enumerate(sorted(owned.items()), start=1)
    ]

"""Contacts: every beat of a case that is an interaction becomes a contact with its text; plus the contacts that
belong to no case (a question, a post, a review). The promise made in a contact is written into its text."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from klantstem.demo import fingerprints, style
from klantstem.demo.contact_texts import contact_text
from klantstem.demo.model import CasePlan, PlannedPromise, Row
from klantstem.demo.organisation import Organisation
from klantstem.demo.people import Person
from klantstem.demo.period import CHANNEL_RHYTHM, Period, to_utc
from klantstem.demo.phrases_messages import PROMISES_EN
from klantstem.demo.phrases_requests import STANDALONE, STANDALONE_SHARES
from klantstem.demo.slots import Slots, fill
from klantstem.demo.texts import Step

SOURCE = "demo"


@dataclass(frozen=True)
class Identity:
    """What identifies a customer in a contact's fingerprint, in the order the imports use."""

    name: str
    postcode: str
    parts: tuple[str, ...]


def identities_by_customer(rows: dict[str, list[Row]]) -> dict[int, Identity]:
    found: dict[int, list[str]] = {}
    for identity in rows["customer_identities"]:
        found.setdefault(identity["customer_id"], []).append(f"{identity['kind']}={identity['value']}")
    order = {"external": 0, "email": 1, "phone": 2}
    result: dict[int, Identity] = {}
    for customer in rows["customers"]:
        parts = sorted(found.get(customer["id"], []), key=lambda p: order[p.split("=", 1)[0]])
        result[customer["id"]] = Identity(customer["display_name"], customer["postcode"], tuple(parts))
    return result


def assign_contact_ids(plans: list[CasePlan]) -> int:
    """Number the contacts of all cases; returns how many there are."""
    next_id = 1
    for plan in plans:
        for planned in plan.beats:
            if planned.channel:
                planned.contact_id = next_id
                next_id += 1
    return next_id - 1


def promise_contact(plan: CasePlan, promised: PlannedPromise) -> int | None:
    """The contact in which a promise was made: its own beat's, or the conversation just before it."""
    for planned in reversed(plan.beats[: promised.made.index + 1]):
        if planned.contact_id is not None:
            return planned.contact_id
    return None


def case_contacts(
    rng: random.Random,
    plan: CasePlan,
    person: Person,
    steps: list[Step],
    slots_of: dict[int, Slots],
    org: Organisation,
    identity: Identity,
) -> list[Row]:
    said = _promises_by_contact(plan)
    rows: list[Row] = []
    for planned in plan.beats:
        if planned.contact_id is None:
            continue
        slots = Slots(slots_of[planned.index])
        spoken = said.get(planned.contact_id, "")
        if spoken and plan.language == "en" and planned.channel not in ("phone", "visit"):
            spoken = PROMISES_EN.get(spoken, spoken)
        slots["promise"], slots["promise_cap"] = spoken, spoken[:1].upper() + spoken[1:]
        review = " ".join(s.text for s in steps if s.beat.index <= planned.index and s.appraisal != "normal")
        subject, text = contact_text(rng, plan, planned, slots, person, review)
        rows.append(_row(planned.contact_id, plan.customer_id, plan.case_id, plan.external_id, planned.channel,
                         planned.beat.direction, planned.at, planned.staff_id, planned.department_id,
                         planned.third_party_id, subject, text, org, identity))  # fmt: skip
    return rows


def _promises_by_contact(plan: CasePlan) -> dict[int, str]:
    said: dict[int, str] = {}
    for promised in plan.promises:
        contact_id = promise_contact(plan, promised)
        if contact_id is not None:
            text = promised.spec.text.replace("uw behandelaar", plan.context["owner"])
            said[contact_id] = f"{said[contact_id]}; {text}" if contact_id in said else text
    return said


def standalone_contacts(
    rng: random.Random,
    count: int,
    first_id: int,
    persons: list[Person],
    identities: dict[int, Identity],
    org: Organisation,
    period: Period,
) -> list[Row]:
    channels = list(STANDALONE_SHARES)
    rows: list[Row] = []
    for i in range(count):
        channel = rng.choices(channels, weights=list(STANDALONE_SHARES.values()))[0]
        anonymous = channel in ("social_media", "review_site") and rng.random() < 0.5
        person = None if anonymous else rng.choice(persons)
        language = person.language if person else ("en" if rng.random() < 0.1 else "nl")
        town = person.town if person else rng.choice(("Utrecht", "Amsterdam", "Rotterdam", "Zwolle"))
        slots = Slots(town=town, hold=str(rng.randint(20, 55)))
        text = fill(rng.choice(STANDALONE[language][channel]), slots)
        if channel not in ("phone", "visit"):
            voice = style.voice_for(rng, language, bool(person and person.flemish), channel)
            text = style.apply(rng, text, voice)
        moment = period.moment_on(rng, period.random_day(rng, CHANNEL_RHYTHM[channel]), CHANNEL_RHYTHM[channel])
        team = org.teams["webcare" if channel in ("social_media", "review_site", "whatsapp") else "kcc1"]
        agent = rng.choice(org.agents(team.key)) if channel in ("phone", "visit", "email") else None
        identity = identities[person.id] if person else Identity("", "", ())
        rows.append(_row(first_id + i, person.id if person else None, None, None, channel, "inbound", moment,
                         agent.id if agent else None, team.department_id, None, None, text, org, identity))  # fmt: skip
    return rows


def _row(
    contact_id: int,
    customer_id: int | None,
    case_id: int | None,
    case_ref: str | None,
    channel: str,
    direction: str,
    at: datetime,
    staff_id: int | None,
    department_id: int | None,
    third_party_id: int | None,
    subject: str | None,
    text: str,
    org: Organisation,
    identity: Identity,
) -> Row:
    occurred = to_utc(at)
    department = org.department_name(department_id)
    staff = org.staff[staff_id - 1].name if staff_id else None
    third_party = org.third_party_name(third_party_id)
    parts = [channel, direction, occurred.isoformat(), *identity.parts, identity.name or None,
             identity.postcode or None, department, staff, case_ref, subject, text, third_party]  # fmt: skip
    return {
        "id": contact_id, "customer_id": customer_id, "case_id": case_id, "channel": channel, "direction": direction,
        "occurred_at": occurred, "staff_id": staff_id, "department_id": department_id,
        "third_party_id": third_party_id, "subject": subject, "text": text, "source": SOURCE,
        "fingerprint": fingerprints.of_parts("contact", parts),
    }  # fmt: skip

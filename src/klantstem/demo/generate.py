"""Generating the whole demo in memory, from one seed and one anchor date: no database, no clock, no global random.

Each part draws from its own random stream (derived from the seed), so the same seed and anchor always give the
same rows, byte for byte.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from klantstem.demo import contacts, events, plants, promises, stories, texts
from klantstem.demo.cases import plan_case
from klantstem.demo.model import CasePlan, DemoSize, Row
from klantstem.demo.organisation import Organisation, build_organisation
from klantstem.demo.people import People, Person, authorise_partner, build_people
from klantstem.demo.period import Period, to_utc
from klantstem.demo.phrases_frames import TOPICS
from klantstem.demo.scenarios import CASE_TITLES, pick
from klantstem.demo.slots import Slots, beat_slots, case_slots, spoken


@dataclass
class CaseTexts:
    base: Slots  # the slots of the case as a whole
    slots_of: dict[int, Slots]  # per beat that is said or written about
    steps: list[texts.Step]


def stream(seed: int, part: str) -> random.Random:
    return random.Random(f"klantstem-demo:{seed}:{part}")


def generate(seed: int, until: date, size: DemoSize) -> dict[str, list[Row]]:
    period = Period.ending(until)
    org = build_organisation(stream(seed, "organisation"))
    people = build_people(stream(seed, "people"), size.customers, period, stream(seed, "second records"))
    plans = _plan_cases(stream(seed, "cases"), size, people, org, period)
    rows: dict[str, list[Row]] = {**org.rows, **people.rows}
    rows["delegates"] = rows["delegates"] + _authorised_after_refusal(stream(seed, "delegates"), plans, people, period)
    text_rng = stream(seed, "texts")
    case_texts = [_case_texts(text_rng, plan, people.persons[plan.customer_id - 1]) for plan in plans]
    rows["cases"] = _case_rows(stream(seed, "case-titles"), plans, case_texts)
    rows["contacts"] = _contacts(stream(seed, "contacts"), plans, case_texts, people, org, period, size)
    rows["promises"] = _promises(stream(seed, "promises"), plans, org, period)
    rows["process_events"] = _events(plans)
    rows.update(_stories(stream(seed, "stories"), plans, case_texts, people, org, period, size))
    rows["outreach"] = promises.outreach_rows(plans)
    planted = plants.incident_contacts(
        stream(seed, "incidents"), len(rows["contacts"]) + 1, [p.id for p in people.persons], org, period
    )
    rows["contacts"] += planted
    rows["step_mappings"] = plants.step_mappings(org)
    rows["step_owners"] = plants.step_owners(org, period.end)
    return rows


def _plan_cases(
    rng: random.Random, size: DemoSize, people: People, org: Organisation, period: Period
) -> list[CasePlan]:
    """Cases until the event log reaches its size; every customer gets at least one case when there are enough."""
    persons = people.persons
    order = list(range(len(persons)))
    rng.shuffle(order)
    activity = [rng.choice((1, 1, 1, 1, 2, 2, 3, 5, 8)) for _ in persons]
    plans: list[CasePlan] = []
    total = 0
    while total < size.events:
        n = len(plans)
        person = persons[order[n]] if n < len(order) else rng.choices(persons, weights=activity)[0]
        plan = plan_case(rng, n + 1, pick(rng), person, org, period)
        plans.append(plan)
        total += events.event_count(plan)
    return plans


def _authorised_after_refusal(rng: random.Random, plans: list[CasePlan], people: People, period: Period) -> list[Row]:
    """Some customers whose partner was turned away register the partner as a delegate after the last refusal."""
    refused: dict[int, datetime] = {}
    for plan in plans:
        for planned in plan.beats:
            if planned.beat.key == "sim.wife":
                refused[plan.customer_id] = max(planned.at, refused.get(plan.customer_id, planned.at))
    rows: list[Row] = []
    first_id = len(people.rows["delegates"]) + 1
    for customer_id, last in refused.items():
        person = people.persons[customer_id - 1]
        when = last + timedelta(days=rng.uniform(1, 7))
        if person.delegate_name or rng.random() > 0.5 or when > period.end:
            continue
        rows.append(authorise_partner(rng, person, when.replace(microsecond=0), first_id + len(rows)))
    return rows


def _case_rows(rng: random.Random, plans: list[CasePlan], case_texts: list[CaseTexts]) -> list[Row]:
    rows: list[Row] = []
    for plan, found in zip(plans, case_texts, strict=True):
        closing = next((b.at for b in reversed(plan.beats) if b.beat.key == "gen.close"), None)
        rows.append({
            "id": plan.case_id, "external_id": plan.external_id, "customer_id": plan.customer_id,
            "title": _case_title(rng, plan, found.base["topic_n"]), "owner_id": plan.owner_id,
            "department_id": plan.department_id, "status": "closed" if plan.closed else "open",
            "opened_at": to_utc(plan.opened_at), "closed_at": to_utc(closing) if closing else None,
        })  # fmt: skip
    return rows


def _case_title(rng: random.Random, plan: CasePlan, topic: str) -> str:
    """The name the case has in the organisation's system: the scenario's, or the topic as agents write it."""
    if len(TOPICS["nl"][plan.scenario.key]) == 1:
        return rng.choice(CASE_TITLES[plan.scenario.key])
    bare = re.sub(r"^(een|de|het) ", "", topic)
    return bare[0].upper() + bare[1:]


def _case_texts(rng: random.Random, plan: CasePlan, person: Person) -> CaseTexts:
    base = case_slots(rng, plan, person)
    promised_at = {p.fulfilled.index: p.made.at for p in plan.promises if p.fulfilled is not None}
    slots_of: dict[int, Slots] = {}
    steps: list[texts.Step] = []
    previous = None
    for planned in plan.beats:
        if not (planned.beat.step or planned.channel):
            continue  # nothing is said or written about it
        slots = beat_slots(rng, base, planned, previous, plan.language)
        if planned.beat.key == "gen.transfer":
            slots["team"] = next(
                (b.team for b in plan.beats[planned.index + 1 :] if b.team != planned.team), planned.team
            )
        if planned.index in promised_at:
            slots["since_promise"] = spoken(planned.at - promised_at[planned.index], plan.language, rng)
        slots_of[planned.index] = slots
        if planned.beat.step:
            step = texts.customer_step(rng, planned, slots, plan.language)
            planned.appraisal = step.appraisal
            steps.append(step)
            previous = planned.at
    return CaseTexts(base, slots_of, steps)


def _contacts(
    rng: random.Random,
    plans: list[CasePlan],
    case_texts: list[CaseTexts],
    people: People,
    org: Organisation,
    period: Period,
    size: DemoSize,
) -> list[Row]:
    identities = contacts.identities_by_customer(people.rows)
    in_cases = contacts.assign_contact_ids(plans)
    rows: list[Row] = []
    for plan, found in zip(plans, case_texts, strict=True):
        person = people.persons[plan.customer_id - 1]
        rows += contacts.case_contacts(rng, plan, person, found.steps, found.slots_of, org, identities[person.id])
    loose = max(round(size.contacts * 0.03), size.contacts - in_cases)
    rows += contacts.standalone_contacts(rng, loose, in_cases + 1, people.persons, identities, org, period)
    return rows


def _promises(rng: random.Random, plans: list[CasePlan], org: Organisation, period: Period) -> list[Row]:
    rows: list[Row] = []
    for plan in plans:
        rows += promises.case_promises(rng, plan, org, period, len(rows) + 1)
    return rows


def _events(plans: list[CasePlan]) -> list[Row]:
    rows: list[Row] = []
    for plan in plans:
        rows += events.case_events(plan, len(rows) + 1)
    return rows


def _stories(
    rng: random.Random,
    plans: list[CasePlan],
    case_texts: list[CaseTexts],
    people: People,
    org: Organisation,
    period: Period,
    size: DemoSize,
) -> dict[str, list[Row]]:
    staff_count = round(size.stories * size.staff_story_share)
    told, with_staff = stories.choose_cases(rng, plans, size.stories - staff_count, staff_count)
    identities = contacts.identities_by_customer(people.rows)
    rows = stories.StoryRows()
    staff_cases = {plan.case_id for plan in with_staff}
    for plan in told:
        person = people.persons[plan.customer_id - 1]
        found = case_texts[plan.case_id - 1]
        first = found.base
        teller = stories.customer_teller(rng, plan.language, person.flemish)
        stories.add_story(rng, rows, plan, teller, found.steps, first, org, identities[person.id], period)
        if plan.case_id in staff_cases:
            staff_steps = texts.staff_account(rng, found.steps, found.slots_of)
            teller = stories.staff_teller(plan)
            stories.add_story(rng, rows, plan, teller, staff_steps, first, org, identities[person.id], period)
    return {"stories": rows.stories, "story_steps": rows.story_steps, "follow_ups": rows.follow_ups}

"""Gathering both voices for detection: every piece of customer voice placed on a step, and the base of each step
(cases that passed it per period, or inbound contacts where a step has no events)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from klantstem.problems import store
from klantstem.problems.detection import GRANULARITIES, Bases, period_of
from klantstem.problems.model import UNPLACED, Rules, Voice
from klantstem.problems.placement import place

PROMISE_FACET = "promises"


def gather(conn: Connection, rules: Rules) -> list[Voice]:
    """Story steps told bad, contacts read as complaints, broken promises and repeat contacts, each placed."""
    pending: list[tuple[Voice, datetime]] = []
    step_facets = store.facets_of(conn, "story_step")
    for r in store.bad_story_steps(conn):
        at = store.utc(r.at)
        voice = Voice("story_step", r.id, r.customer_id, r.case_id, r.channel, at, r.department_id,
                      tuple(step_facets.get(r.id, ())))  # fmt: skip
        pending.append((voice, at))
    contact_facets = store.facets_of(conn, "contact")
    for r in store.complaint_contacts(conn):
        at = store.utc(r.at)
        voice = Voice("contact", r.id, r.customer_id, r.case_id, r.channel, at, r.department_id,
                      tuple(contact_facets.get(r.id, ())))  # fmt: skip
        pending.append((voice, at))
    for r in store.broken_promises(conn):
        # counted in the period it broke, placed at the step where it was made
        voice = Voice("promise", r.id, r.customer_id, r.case_id, r.channel, store.utc(r.at), r.department_id,
                      (PROMISE_FACET,))  # fmt: skip
        pending.append((voice, store.utc(r.made_at)))
    pending += [(v, v.at) for v in _repeats(conn, rules)]
    case_ids = [v.case_id for v, _ in pending if v.case_id is not None]
    events = store.case_events(conn, case_ids)
    mapping = store.mappings(conn)
    return [place(voice, moment, events, mapping) for voice, moment in pending]


def _repeats(conn: Connection, rules: Rules) -> list[Voice]:
    """An inbound contact on the same case within `repeat_days` of the customer's previous one: they had to come
    back (facetless: it speaks for the step as a whole)."""
    found: list[Voice] = []
    previous: tuple[int, int, datetime] | None = None
    window = timedelta(days=rules.repeat_days)
    for r in store.inbound_case_contacts(conn):
        at = store.utc(r.at)
        if previous is not None and previous[:2] == (r.customer_id, r.case_id) and at - previous[2] <= window:
            found.append(Voice("repeat_contact", r.id, r.customer_id, r.case_id, r.channel, at, r.department_id, ()))
        previous = (r.customer_id, r.case_id, at)
    return found


def bases(conn: Connection, voices: list[Voice], zone: ZoneInfo) -> tuple[Bases, dict[str, dict[date, int]]]:
    """Per granularity: the distinct cases that passed each placed step per period; and the inbound contacts per
    period, the base of steps without events."""
    steps = {v.step for v in voices if v.step != UNPLACED}
    seen: dict[str, dict[str, dict[date, set[str]]]] = {g: defaultdict(lambda: defaultdict(set)) for g in GRANULARITIES}
    for activity, case, at in store.step_passages(conn, steps):
        for granularity in GRANULARITIES:
            seen[granularity][activity][period_of(at, granularity, zone)].add(case)
    step_bases: Bases = {
        g: {step: {p: len(cases) for p, cases in periods.items()} for step, periods in seen[g].items()}
        for g in GRANULARITIES
    }
    contacts: dict[str, dict[date, int]] = {g: defaultdict(int) for g in GRANULARITIES}
    for at in store.inbound_contact_times(conn):
        for granularity in GRANULARITIES:
            contacts[granularity][period_of(at, granularity, zone)] += 1
    return step_bases, contacts

"""The demo holds customers recorded twice, as real files do, and the duplicate finder finds exactly them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from klantstem.customers import service as customers
from klantstem.customers.matching import suggest_duplicates
from klantstem.customers.model import CandidateRow
from klantstem.demo.generate import stream
from klantstem.demo.model import DemoSize
from klantstem.demo.people import build_people
from klantstem.demo.period import Period
from klantstem.demo.service import build_demo


def _same_person(pairs: list[tuple[int, int]]) -> dict[int, int]:
    """Each record's first record (a person may be recorded three times)."""
    first_of: dict[int, int] = {}
    for first, second in pairs:
        first_of[second] = first_of.get(first, first)
        first_of.setdefault(first, first)
    return first_of


def test_every_second_record_is_suggested_and_nothing_else() -> None:
    period = Period.ending(date(2026, 10, 31))
    people = build_people(stream(2026, "people"), 2000, period, stream(2026, "second records"))
    assert len(people.second_records) >= 15
    rows = [CandidateRow(c["id"], c["display_name"], c["postcode"], c["address"]) for c in people.rows["customers"]]
    found = {(s.first_id, s.second_id) for s in suggest_duplicates(rows, 85)}
    assert set(people.second_records) <= found
    person = _same_person(people.second_records)
    assert all(person.get(a) is not None and person.get(a) == person.get(b) for a, b in found)
    names = {c["id"]: c["display_name"] for c in people.rows["customers"]}
    assert any(names[a] != names[b] for a, b in found)  # look-alikes, not only identical names


def test_the_built_demo_suggests_its_look_alike_customers(engine: Engine) -> None:
    build_demo(engine, size=DemoSize().scaled(0.5))
    found = customers.suggest_duplicates(engine)
    assert len(found) >= 5

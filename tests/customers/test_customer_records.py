"""Customers tied to exact identities, and duplicate suggestions that are never merged automatically."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.customers.matching import suggest_duplicates
from klantstem.customers.model import CandidateRow
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError

CLOCK = FixedClock(datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))


def _count(engine: Engine, table: schema.Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_identities_are_normalised_and_found_however_written(engine: Engine) -> None:
    added = customers.add_customer(
        engine,
        CLOCK,
        name="  Jan   de Vries ",
        email="Jan.de.Vries@Example.NL",
        phone="06-1234 5678",
        external_id=" CRM-1 ",
        postcode="1234ab",
    )
    assert (added.display_name, added.postcode) == ("Jan de Vries", "1234 AB")
    assert {(i.kind, i.value) for i in added.identities} == {
        ("email", "jan.de.vries@example.nl"),
        ("phone", "+31612345678"),
        ("external", "CRM-1"),
    }
    for kind, raw in (("phone", "+31 6 12345678"), ("email", "JAN.DE.VRIES@example.nl"), ("external", "CRM-1")):
        assert customers.find_customer(engine, kind, raw) == added
    assert customers.find_customer(engine, "phone", "0612345679") is None


def test_bad_input_is_a_clear_error_and_adds_nothing(engine: Engine) -> None:
    customers.add_customer(engine, CLOCK, name="Eerste", email="een@example.nl")
    with pytest.raises(UserInputError, match="not a valid phone number"):
        customers.add_customer(engine, CLOCK, name="Piet", phone="12345")
    with pytest.raises(UserInputError, match="already belongs to customer 1"):
        customers.add_customer(engine, CLOCK, name="Piet", phone="0612345678", email="EEN@example.nl")
    with pytest.raises(UserInputError, match="needs a name or an identity"):
        customers.add_customer(engine, CLOCK)
    with pytest.raises(UserInputError, match="not a valid e-mail"):
        customers.add_identity(engine, 1, "email", "geen adres")
    with pytest.raises(NotFoundError):
        customers.add_identity(engine, 42, "phone", "0612345678")
    assert _count(engine, schema.customers) == 1
    assert _count(engine, schema.customer_identities) == 1


def test_add_identity_and_opt_out(engine: Engine) -> None:
    added = customers.add_customer(engine, CLOCK, name="Fatima el Amrani")
    updated = customers.add_identity(engine, added.id, "phone", "010 123 4567")
    assert [i.value for i in updated.identities] == ["+31101234567"]
    assert customers.set_opted_out(engine, added.id).opted_out
    assert not customers.set_opted_out(engine, added.id, False).opted_out


def test_likely_duplicates_are_suggested_never_merged(engine: Engine) -> None:
    jan = customers.add_customer(engine, CLOCK, name="Jan de Vries", postcode="1234 AB", address="Dorpsstraat 1").id
    jd = customers.add_customer(engine, CLOCK, name="J. de Vries", postcode="1234AB").id
    moved = customers.add_customer(engine, CLOCK, name="Vries, Jan de", postcode="9999 ZZ", address="dorpsstraat 1").id
    customers.add_customer(engine, CLOCK, name="Jan de Vries", postcode="5555 CC")  # same name, elsewhere
    customers.add_customer(engine, CLOCK, name="Karin Bos", postcode="1234 AB")  # same postcode, other name
    found = customers.suggest_duplicates(engine, threshold=85)
    pairs = {(s.first_id, s.second_id): s.reasons for s in found}
    assert pairs == {(jan, moved): ("same address",), (jan, jd): ("same postcode",)}
    assert found[0].score == 100  # word order does not matter
    with pytest.raises(UserInputError, match="0 to 100"):
        customers.suggest_duplicates(engine, threshold=120)
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(schema.customers.c.merged_into_id).where(schema.customers.c.merged_into_id.is_not(None))
            ).first()
            is None
        )


def test_matching_reports_both_reasons_once() -> None:
    rows = [
        CandidateRow(1, "Piet Pieters", "1000 AA", "Kerkweg 2"),
        CandidateRow(2, "piet pieters", "1000AA", "KERKWEG 2"),
    ]
    (only,) = suggest_duplicates(rows, 90)
    assert (only.first_id, only.second_id, only.reasons) == (1, 2, ("same address", "same postcode"))


def test_initials_match_the_names_they_stand_for_and_no_other() -> None:
    """Dutch files often hold initials ("N. de Bruin"): the token-sort score alone gave that pair 74."""
    rows = [
        CandidateRow(1, "Nathalie de Bruin", "2312 TD", None),
        CandidateRow(2, "N. de Bruin", "2312TD", None),
        CandidateRow(3, "De Bruin, N.J.", "2312 TD", None),
        CandidateRow(4, "A. Jansen", "2312 TD", None),
        CandidateRow(5, "B. Jansen", "2312 TD", None),  # other initial: another person
        CandidateRow(6, "Noah de Bruin", "9999 ZZ", None),  # elsewhere
    ]
    pairs = {(s.first_id, s.second_id) for s in suggest_duplicates(rows, 85)}
    assert pairs == {(1, 2), (1, 3), (2, 3)}

"""Delegates: authorise someone with a scope and an end date; an agent checks before talking to them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 30, 10, tzinfo=AMS))


@pytest.fixture
def customer_id(engine: Engine, clock: FixedClock) -> int:
    return customers.add_customer(engine, clock, name="Henk Meijer", phone="0612345678").id


def test_the_wife_may_call_about_the_sim_card_until_the_end_date(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    until = customers.end_of_day("31-12-2026", "Europe/Amsterdam")
    delegate = customers.authorise_delegate(
        engine,
        clock,
        customer_id,
        "Ria Meijer",
        relation="echtgenote",
        phone="06 8765 4321",
        scope="SIM-kaart; factuur",
        valid_until=until,
    )
    assert delegate.phone == "+31687654321" and delegate.scope == ("sim-kaart", "factuur")
    allowed = customers.check_delegate(
        engine, clock, customer_id, "+31 6 87654321", "sim-kaart", timezone="Europe/Amsterdam"
    )
    assert allowed.allowed and "valid through 2026-12-31" in allowed.reason
    assert customers.check_delegate(
        engine, clock, customer_id, "ria meijer", "Factuur", timezone="Europe/Amsterdam"
    ).allowed
    outside = customers.check_delegate(
        engine, clock, customer_id, "Ria Meijer", "contract opzeggen", timezone="Europe/Amsterdam"
    )
    assert not outside.allowed and "not 'contract opzeggen'" in outside.reason
    clock.set(datetime(2026, 12, 31, 23, 59, tzinfo=AMS))  # the last minute of the year still counts
    assert customers.check_delegate(
        engine, clock, customer_id, "0687654321", "sim-kaart", timezone="Europe/Amsterdam"
    ).allowed
    clock.set(datetime(2027, 1, 1, 0, 0, tzinfo=AMS))
    ended = customers.check_delegate(engine, clock, customer_id, "0687654321", "sim-kaart", timezone="Europe/Amsterdam")
    assert not ended.allowed and "has ended" in ended.reason


def test_unknown_people_and_ended_delegations(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    delegate = customers.authorise_delegate(engine, clock, customer_id, "Adviseur", email="Hulp@Example.nl")
    assert customers.check_delegate(
        engine, clock, customer_id, "hulp@example.nl", "anything", timezone="Europe/Amsterdam"
    ).allowed
    stranger = customers.check_delegate(engine, clock, customer_id, "iemand@example.nl", timezone="Europe/Amsterdam")
    assert not stranger.allowed and stranger.delegate is None
    clock.set(clock.now() + timedelta(minutes=5))
    customers.end_delegate(engine, clock, delegate.id)
    assert not customers.check_delegate(engine, clock, customer_id, "Adviseur", timezone="Europe/Amsterdam").allowed
    with pytest.raises(UserInputError, match="already ended"):
        customers.end_delegate(engine, clock, delegate.id)
    with pytest.raises(NotFoundError):
        customers.end_delegate(engine, clock, 77)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"phone": "0612"}, "not a valid phone number"),
        ({"email": "nope"}, "not a valid e-mail"),
        ({"scope": " ; "}, "needs a scope"),
        ({"valid_until": datetime(2026, 12, 29, tzinfo=AMS)}, "must be in the future"),
        ({"name": "   "}, "needs a name"),
    ],
)
def test_bad_delegations_change_nothing(
    engine: Engine, clock: FixedClock, customer_id: int, kwargs: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {"name": "Ria Meijer", **kwargs}
    name = str(values.pop("name"))
    with pytest.raises(UserInputError, match=message):
        customers.authorise_delegate(engine, clock, customer_id, name, **values)  # type: ignore[arg-type]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.delegates)).scalar_one() == 0


def test_end_dates_are_read_as_local_days() -> None:
    assert customers.end_of_day("2027-02-28", "Europe/Amsterdam") == datetime(2027, 3, 1, tzinfo=AMS)
    with pytest.raises(UserInputError, match="not a date"):
        customers.end_of_day("2027-02-29", "Europe/Amsterdam")
    with pytest.raises(UserInputError, match="cannot read the date"):
        customers.end_of_day("volgende week", "Europe/Amsterdam")

"""The promise register: recording, kept automatically by the matching contact or event, broken when due passes,
kept rates; bad input changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError
from klantstem.promises import service as promises

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar()


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def _id(engine: Engine, table: schema.Table, **values: object) -> int:
    with engine.begin() as conn:
        return int(conn.execute(insert(table).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def _count(engine: Engine, table: schema.Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(ams(2026, 11, 20, 16, 50))  # a Friday, 40 minutes before closing


@pytest.fixture
def customer_id(engine: Engine, clock: FixedClock) -> int:
    return customers.add_customer(engine, clock, name="Els Bakker", phone="0612345678").id


def _call(engine: Engine, clock: FixedClock, customer_id: int, **who: int | None) -> int:
    contact = contacts.NewContact(
        customer_id=customer_id, channel="phone", direction="outbound", subject="Gebeld", **who  # type: ignore[arg-type]
    )
    return contacts.record_contact(engine, clock, contact)


def test_a_dealer_callback_is_kept_by_the_dealers_call(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    promise = promises.add_promise(
        engine,
        clock,
        CAL,
        customer_id=customer_id,
        kind="Callback",
        description="Dealer belt over de proefrit",
        due="binnen 2 uur",
        third_party="Autobedrijf Jansen",
    )
    assert promise.kind == "callback" and promise.status == "open"
    assert promise.due_at == ams(2026, 11, 23, 9, 50)  # 40 minutes on Friday, 80 on Monday
    dealer = promise.third_party_id
    other_party = _id(engine, schema.third_parties, name="Ander bedrijf")
    clock.set(ams(2026, 11, 23, 9, 0))
    _call(engine, clock, customer_id, third_party_id=other_party)  # someone else calling does not keep it
    inbound = contacts.NewContact(customer_id=customer_id, channel="phone", third_party_id=dealer, subject="Vraag")
    contacts.record_contact(engine, clock, inbound)  # the customer calling the dealer does not keep it
    assert promises.get_promise(engine, promise.id).status == "open"
    clock.set(ams(2026, 11, 23, 9, 30))
    call = _call(engine, clock, customer_id, third_party_id=dealer)
    kept = promises.get_promise(engine, promise.id)
    assert (kept.status, kept.kept_by_contact_id, kept.resolved_at) == ("kept", call, ams(2026, 11, 23, 9, 30))


def test_a_call_after_the_due_time_does_not_keep_it_and_the_scan_breaks_it(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    department = _id(engine, schema.departments, name="Klantenservice")
    promise = promises.add_promise(
        engine,
        clock,
        CAL,
        customer_id=customer_id,
        kind="callback",
        description="Terugbellen over de factuur",
        due="binnen 30 minuten",
        department="klantenservice",
    )
    assert promise.department_id == department  # found by name, case-insensitively
    clock.set(ams(2026, 11, 23, 8, 45))  # Monday: due was Friday 17:20
    _call(engine, clock, customer_id, department_id=department)
    assert promises.overdue(engine, clock).total == 1
    result = promises.scan(engine, clock)
    assert (result.kept, result.broken) == (0, 1)
    broken = promises.get_promise(engine, promise.id)
    assert broken.status == "broken" and broken.resolved_at == ams(2026, 11, 20, 17, 20)
    assert promises.scan(engine, clock).broken == 0  # a second scan finds nothing new


def test_the_scan_keeps_before_it_breaks(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    staff = _id(engine, schema.staff, name="Piet Post", email="piet@example.nl")
    promise = promises.add_promise(
        engine,
        clock,
        CAL,
        customer_id=customer_id,
        kind="letter",
        description="Uitleg per brief",
        due="binnen 10 werkdagen",
        staff="piet@example.nl",
    )
    with engine.begin() as conn:  # a letter imported later, written in time
        conn.execute(
            insert(schema.contacts).values(
                customer_id=customer_id,
                channel="letter",
                direction="outbound",
                staff_id=staff,
                occurred_at=ams(2026, 12, 1, 10),
                fingerprint="imported-letter",
            )
        )
    clock.set(ams(2027, 1, 4, 9))
    assert promises.scan(engine, clock).kept == 1
    assert promises.get_promise(engine, promise.id).status == "kept"


def test_an_expected_process_event_keeps_a_promise(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    case = _id(engine, schema.cases, customer_id=customer_id, title="SIM-kaart", status="open")
    promise = promises.add_promise(
        engine,
        clock,
        CAL,
        customer_id=customer_id,
        kind="delivery",
        description="Nieuwe SIM-kaart",
        due="binnen 5 werkdagen",
        department="Mobiel",
        case_id=case,
        expected_activity="SIM-kaart verzonden",
    )
    with engine.begin() as conn:
        conn.execute(
            insert(schema.process_events).values(
                log_name="crm",
                case_key="C1",
                case_id=case,
                activity="sim-kaart verzonden",
                occurred_at=ams(2026, 11, 25, 11),
                fingerprint="ev1",
            )
        )
    clock.set(ams(2026, 11, 26, 9))
    assert promises.scan(engine, clock).kept == 1
    kept = promises.get_promise(engine, promise.id)
    assert kept.status == "kept" and kept.kept_by_event_id is not None


def test_kept_rate_per_kind_department_and_third_party(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    made: list[int] = []

    def add(kind: str, due: str, **who: str) -> int:
        text = f"promise {len(made)}"
        made.append(
            promises.add_promise(
                engine, clock, CAL, customer_id=customer_id, kind=kind, description=text, due=due, **who
            ).id
        )
        return made[-1]

    kept = add("callback", "binnen 2 uur", third_party="Dealer")
    add("callback", "binnen 30 minuten", third_party="Dealer")  # will pass unkept
    cancelled = add("letter", "binnen 10 werkdagen", department="Post")
    add("letter", "binnen 10 werkdagen", department="Post")  # still open
    promises.keep(engine, clock, kept, note="dealer called")
    promises.cancel(engine, clock, cancelled, reason="customer withdrew")
    clock.set(ams(2026, 11, 23, 12))  # the 30-minute callback is overdue but not yet scanned
    stats = promises.stats(engine, clock)
    by_kind = {r.name: r for r in stats.of("kind")}
    assert (by_kind["callback"].kept, by_kind["callback"].broken, by_kind["callback"].kept_rate) == (1, 1, 0.5)
    assert (by_kind["letter"].open, by_kind["letter"].cancelled, by_kind["letter"].kept_rate) == (1, 1, None)
    assert {r.name: r.kept_rate for r in stats.of("third_party")} == {"Dealer": 0.5}
    assert [r.name for r in stats.of("department")] == ["Post"]


def test_keep_and_cancel_only_from_open(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    promise = promises.add_promise(
        engine,
        clock,
        CAL,
        customer_id=customer_id,
        kind="callback",
        description="Bellen",
        due="binnen 30 minuten",
        department="KCC",
    )
    clock.set(ams(2026, 11, 23, 10))
    with pytest.raises(UserInputError, match="kept late counts as broken"):
        promises.keep(engine, clock, promise.id, at=ams(2026, 11, 23, 9))
    with pytest.raises(UserInputError, match="between when it was made and now"):
        promises.keep(engine, clock, promise.id, at=ams(2026, 11, 24, 9))
    promises.cancel(engine, clock, promise.id)
    with pytest.raises(UserInputError, match="cancelled"):
        promises.keep(engine, clock, promise.id)
    with pytest.raises(UserInputError, match="only an open promise can be cancelled"):
        promises.cancel(engine, clock, promise.id)
    with pytest.raises(NotFoundError):
        promises.cancel(engine, clock, 999)


def test_a_broken_promise_kept_in_time_but_recorded_late_becomes_kept(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    promise = promises.add_promise(
        engine,
        clock,
        CAL,
        customer_id=customer_id,
        kind="visit",
        description="Monteur komt",
        due="morgen voor 12 uur",
        department="Techniek",
    )
    clock.set(ams(2026, 11, 24, 9))
    promises.scan(engine, clock)
    assert promises.get_promise(engine, promise.id).status == "broken"
    promises.keep(engine, clock, promise.id, at=ams(2026, 11, 23, 11, 30))
    assert promises.get_promise(engine, promise.id).status == "kept"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due": "2020-01-01"}, "is in the past"),
        ({"due": "vandaag voor 9 uur"}, "is in the past"),
        ({"due": "ooit"}, "cannot read the due time"),
        ({"department": None}, "say who keeps the promise"),
        ({"kind": "  "}, "needs a kind"),
        ({"made_at": datetime(2026, 11, 21, 10, tzinfo=AMS)}, "in the future"),
        ({"staff": "nobody@example.nl"}, "no staff member"),
        ({"customer_id": 999}, "does not exist"),
    ],
)
def test_bad_input_changes_nothing(
    engine: Engine, clock: FixedClock, customer_id: int, changes: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {
        "customer_id": customer_id,
        "kind": "callback",
        "description": "Bellen",
        "due": "binnen 2 uur",
        "department": "Nieuwe afdeling",
    }
    values.update(changes)
    with pytest.raises((UserInputError, NotFoundError), match=message):
        promises.add_promise(engine, clock, CAL, **values)  # type: ignore[arg-type]
    assert _count(engine, schema.promises) == 0
    assert _count(engine, schema.departments) == 0


def test_the_same_promise_twice_is_refused(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    args = {
        "customer_id": customer_id,
        "kind": "callback",
        "description": "Bellen",
        "due": "binnen 2 uur",
        "third_party": "Dealer",
    }
    first = promises.add_promise(engine, clock, CAL, **args)  # type: ignore[arg-type]
    with pytest.raises(UserInputError, match=f"promise {first.id}"):
        promises.add_promise(engine, clock, CAL, **args)  # type: ignore[arg-type]
    assert _count(engine, schema.promises) == 1


def test_overdue_lists_open_past_due_and_broken_longest_first(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    ids = [
        promises.add_promise(
            engine, clock, CAL, customer_id=customer_id, kind="callback", description=f"n{i}", due=due, department="KCC"
        ).id
        for i, due in enumerate(["binnen 2 uur", "binnen 30 minuten", "binnen 10 werkdagen"])
    ]
    clock.set(ams(2026, 11, 23, 10))
    promises.scan(engine, clock)
    clock.set(clock.now() + timedelta(minutes=1))
    listed = promises.overdue(engine, clock, limit=1)
    assert listed.total == 2
    assert [p.id for p in listed.promises] == [ids[1]]
    assert listed.promises[0].status_at(clock.now()) == "broken"


def test_due_soon_lists_open_promises_due_within_the_period_soonest_first(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    made = {
        due: promises.add_promise(
            engine, clock, CAL, customer_id=customer_id, kind="callback", description=due, due=due, department="KCC"
        ).id
        for due in ["binnen 3 werkdagen", "binnen 2 uur", "binnen 10 werkdagen", "binnen 1 werkdag"]
    }
    promises.cancel(engine, clock, made["binnen 1 werkdag"], "not needed")
    listed = promises.due_soon(engine, clock)
    assert listed.total == 2  # ten working days is beyond the week; the cancelled one is not open
    assert [p.id for p in listed.promises] == [made["binnen 2 uur"], made["binnen 3 werkdagen"]]
    assert listed.promises[0].department_name == "KCC"
    page = promises.due_soon(engine, clock, within=None, limit=1, offset=1)
    assert page.total == 3 and [p.id for p in page.promises] == [made["binnen 3 werkdagen"]]
    clock.set(ams(2026, 11, 23, 10))  # Monday: the two-hour callback is now past due, so no longer due soon
    assert [p.id for p in promises.due_soon(engine, clock).promises] == [made["binnen 3 werkdagen"]]
    assert promises.due_soon(engine, clock).as_dict()["within_hours"] == 168
    with pytest.raises(UserInputError):
        promises.due_soon(engine, clock, within=timedelta(0))

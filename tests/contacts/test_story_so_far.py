"""The story so far: one call gives the timeline and the summary an employee reads before picking up the phone."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, insert

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.contacts.service import NewContact
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError
from klantstem.insights import service as insights
from klantstem.outreach import service as outreach
from klantstem.promises import service as promises
from klantstem.stories import service as stories

AMS = ZoneInfo("Europe/Amsterdam")


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def _insert(engine: Engine, table: schema.Table, **values: object) -> int:
    with engine.begin() as conn:
        return int(conn.execute(insert(table).values(**values)).inserted_primary_key[0])  # type: ignore[index]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(ams(2026, 11, 2, 9))  # Monday


def _test_drive(engine: Engine, clock: FixedClock) -> dict[str, int]:
    """The car brand's test drive: a kept 30-minute callback, a dealer who never called, feedback by WhatsApp."""
    calendar = BusinessCalendar()
    customer = customers.add_customer(engine, clock, name="Sanne Visser", email="sanne@example.nl").id
    owner = _insert(engine, schema.staff, name="Eva Dijk", email="eva@example.nl")
    department = _insert(engine, schema.departments, name="Verkoop")
    case = _insert(
        engine,
        schema.cases,
        customer_id=customer,
        title="Proefrit",
        owner_id=owner,
        department_id=department,
        status="open",
        opened_at=clock.now(),
    )
    _insert(engine, schema.cases, customer_id=customer, title="Oude vraag", status="closed")
    contacts.record_contact(
        engine, clock, NewContact(customer, "web_form", subject="Proefrit aangevraagd", case_id=case)
    )
    quick = promises.add_promise(
        engine,
        clock,
        calendar,
        customer_id=customer,
        kind="callback",
        description="Wij bellen binnen 30 minuten",
        due="binnen 30 minuten",
        department="Verkoop",
        case_id=case,
    )
    dealer = promises.add_promise(
        engine,
        clock,
        calendar,
        customer_id=customer,
        kind="callback",
        description="De dealer belt voor een afspraak",
        due="binnen 2 werkdagen",
        third_party="Autobedrijf Jansen",
        case_id=case,
    )
    clock.set(ams(2026, 11, 2, 9, 20))
    contacts.record_contact(
        engine, clock, NewContact(customer, "phone", "outbound", staff_id=owner, department_id=department, case_id=case,
                                 subject="Teruggebeld")
    )
    _insert(
        engine,
        schema.process_events,
        log_name="crm",
        case_key="P1",
        case_id=case,
        activity="Doorgezet naar dealer",
        occurred_at=ams(2026, 11, 2, 9, 25),
        resource="Eva Dijk",
        fingerprint="e1",
    )
    clock.set(ams(2026, 11, 9, 20))  # a week later, evening
    contacts.record_contact(engine, clock, NewContact(customer, "whatsapp", text="Nog steeds niet gebeld!"))
    assert insights.analyse_voices(engine, clock) >= 1  # the text pipeline reads the customer's words, as the job does
    story = _insert(
        engine,
        schema.stories,
        customer_id=customer,
        case_id=case,
        source="interview",
        told_at=clock.now(),
        title="De proefrit",
        summary="Snel gebeld, daarna een week niets",
        fingerprint="s1",
    )
    for position, (text, appraisal) in enumerate(
        [
            ("Binnen 30 minuten gebeld", "excellent"),
            ("Een week gewacht op de dealer", "bad"),
            ("Drie keer zelf gebeld", "bad"),
            ("Formulier ingevuld", "normal"),
        ],
        start=1,
    ):
        _insert(engine, schema.story_steps, story_id=story, position=position, description=text, appraisal=appraisal)
    customers.authorise_delegate(engine, clock, customer, "Tom Visser", relation="partner", scope="proefrit")
    outreach.log(engine, clock, customer, "tevredenheid", "email", timezone="Europe/Amsterdam")
    return {"customer": customer, "case": case, "quick": quick.id, "dealer": dealer.id, "owner": owner}


def test_the_summary_before_picking_up_the_phone(engine: Engine, clock: FixedClock) -> None:
    ids = _test_drive(engine, clock)
    story = contacts.story_so_far(engine, clock, ids["customer"], timezone="Europe/Amsterdam")
    s = story.summary
    assert [(c["id"], c["owner"], c["department"]) for c in s.open_cases] == [(ids["case"], "Eva Dijk", "Verkoop")]
    assert s.open_promises == []
    assert [p["id"] for p in s.broken_promises] == [ids["dealer"]]  # due Wednesday 17:30, nobody called
    assert s.broken_promises[0]["responsible"] == "Autobedrijf Jansen"
    told = {t.source: t for t in s.told_us}
    assert told["story (interview)"].feeling == "bad"
    assert told["story (interview)"].bad_steps == ("Een week gewacht op de dealer", "Drie keer zelf gebeld")
    assert told["story (interview)"].excellent_steps == ("Binnen 30 minuten gebeld",)
    assert (told["whatsapp"].about, told["whatsapp"].feeling) == ("Nog steeds niet gebeld!", "bad")
    assert [d["name"] for d in s.delegates] == ["Tom Visser"]
    assert s.contacts["total"] == 3 and s.contacts["per_channel"] == {"web_form": 1, "phone": 1, "whatsapp": 1}
    assert s.last_outreach is not None and s.last_outreach["topic"] == "tevredenheid"


def test_the_timeline_tells_everything_in_order(engine: Engine, clock: FixedClock) -> None:
    ids = _test_drive(engine, clock)
    story = contacts.story_so_far(engine, clock, ids["customer"], timezone="Europe/Amsterdam")
    kinds = [e.kind for e in story.entries]
    assert {"contact", "story", "promise", "event", "outreach", "delegate"} <= set(kinds)
    assert [e.at for e in story.entries] == sorted(e.at for e in story.entries)
    titles = [e.title for e in story.entries]
    assert f"promise {ids['quick']} kept" in titles and f"promise {ids['dealer']} broken" in titles
    steps = next(e for e in story.entries if e.kind == "story").detail["steps"]
    assert [s["position"] for s in steps] == [1, 2, 3, 4]
    newest = contacts.story_so_far(engine, clock, ids["customer"], limit=3, timezone="Europe/Amsterdam")
    assert newest.total_entries == story.total_entries and newest.entries == story.entries[-3:]
    assert contacts.story_so_far(engine, clock, ids["customer"], limit=0, timezone="Europe/Amsterdam").entries == []
    data = newest.as_dict()
    assert isinstance(data["entries"][0]["at"], str) and data["summary"]["told_us"]


def test_a_merged_customer_shows_the_whole_history(engine: Engine, clock: FixedClock) -> None:
    ids = _test_drive(engine, clock)
    other = customers.add_customer(engine, clock, name="S. Visser", phone="0611122233").id
    contacts.record_contact(
        engine,
        clock,
        NewContact(other, "letter", subject="Brief over de proefrit", occurred_at=clock.now() - timedelta(days=3)),
    )
    customers.merge(engine, clock, other, ids["customer"])
    story = contacts.story_so_far(engine, clock, other, timezone="Europe/Amsterdam")
    assert (story.customer_id, story.asked_for_id) == (ids["customer"], other)
    assert story.summary.merged_from == [other] and story.summary.contacts["total"] == 4
    assert any(e.kind == "merge" for e in story.entries)


def test_recording_contacts_checks_its_input(engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Iemand").id
    call = NewContact(customer, "phone", occurred_at=ams(2026, 11, 1, 12), subject="Vraag over de factuur")
    first = contacts.record_contact(engine, clock, call)
    again = contacts.record_contact(engine, clock, call)
    assert first == again
    for bad, message in (
        (NewContact(customer, "fax", subject="x"), "unknown channel"),
        (NewContact(customer, "phone", "sideways", subject="x"), "unknown direction"),
        (NewContact(customer, "phone", occurred_at=ams(2026, 11, 3, 9), subject="Gebeld"), "in the future"),
        (NewContact(customer, "phone"), "needs a subject or a text"),
        (NewContact(customer, "phone", subject="  ", text="\n"), "needs a subject or a text"),
    ):
        with pytest.raises(UserInputError, match=message):
            contacts.record_contact(engine, clock, bad)
    with pytest.raises(NotFoundError, match="case 5"):
        contacts.record_contact(engine, clock, NewContact(customer, "phone", case_id=5, subject="x"))
    with pytest.raises(NotFoundError):
        contacts.story_so_far(engine, clock, 404, timezone="Europe/Amsterdam")
    assert contacts.story_so_far(engine, clock, customer, timezone="Europe/Amsterdam").summary.contacts["total"] == 1


def test_a_note_is_on_the_timeline_moves_with_a_merge_and_is_not_the_customers_voice(
    engine: Engine, clock: FixedClock
) -> None:
    ids = _test_drive(engine, clock)
    other = customers.add_customer(engine, clock, name="S. Visser", phone="0611122233").id
    staff = _insert(engine, schema.staff, name="Noor Agent", role="agent")
    note_id = stories.add_note(engine, clock, customer_id=other, staff_id=staff, text="  Belt liever na 14:00. ")
    told_before = contacts.story_so_far(engine, clock, ids["customer"], timezone="Europe/Amsterdam").summary.told_us
    customers.merge(engine, clock, other, ids["customer"])
    story = contacts.story_so_far(engine, clock, ids["customer"], timezone="Europe/Amsterdam")
    notes = [e for e in story.entries if e.kind == "note"]
    assert [(e.detail["id"], e.detail["text"], e.detail["staff"]) for e in notes] == [
        (note_id, "Belt liever na 14:00.", "Noor Agent")
    ]
    assert notes[0].title == "note by Noor Agent: Belt liever na 14:00."
    assert story.summary.told_us == told_before
    with pytest.raises(UserInputError):
        stories.add_note(engine, clock, customer_id=other, staff_id=staff, text=" ")
    with pytest.raises(NotFoundError):
        stories.add_note(engine, clock, customer_id=999, staff_id=None, text="x")


def test_a_contact_made_for_the_customer_is_recorded_only_when_that_person_may_act_for_them(
    engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen").id
    customers.authorise_delegate(engine, clock, customer, "Marie Pietersen", relation="partner", scope="factuur")
    zone = "Europe/Amsterdam"
    call = NewContact(customer, "phone", subject="opzeggen", text="Wil opzeggen", on_behalf="Jan Jansen")
    with pytest.raises(customers.DelegateRefused) as nobody:
        contacts.record_contact(engine, clock, call, timezone=zone)
    assert nobody.value.check.code == "nobody"
    marie = NewContact(customer, "phone", subject="opzeggen", text="Wil opzeggen", on_behalf="marie pietersen")
    with pytest.raises(customers.DelegateRefused) as other_topic:
        contacts.record_contact(engine, clock, marie, timezone=zone)
    assert other_topic.value.check.code == "not_covered" and isinstance(other_topic.value, UserInputError)
    assert contacts.story_so_far(engine, clock, customer, timezone=zone).summary.contacts["total"] == 0
    on_topic = NewContact(customer, "phone", subject="Factuur", text="Over de factuur", on_behalf="Marie Pietersen")
    assert contacts.record_contact(engine, clock, on_topic, timezone=zone) > 0
    assert contacts.story_so_far(engine, clock, customer, timezone=zone).summary.contacts["total"] == 1
    # who acted for the customer stays on the contact, and the customer's own contact names nobody
    own = NewContact(customer, "email", subject="Factuur", text="Zelf gemaild")
    contacts.record_contact(engine, clock, own, timezone=zone)
    told = [e for e in contacts.story_so_far(engine, clock, customer, timezone=zone).entries if e.kind == "contact"]
    by_text = {e.detail["text"]: e for e in told}
    assert by_text["Over de factuur"].detail["on_behalf"] == "Marie Pietersen"
    assert "for the customer by Marie Pietersen" in by_text["Over de factuur"].title
    assert by_text["Zelf gemaild"].detail["on_behalf"] is None

"""The contact guard: same topic within N days, too many contacts across channels, an open complaint, an opt-out;
every outreach logged; rules as configuration; bad rules change nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.errors import ConfigurationError, NotFoundError, UserInputError
from klantstem.outreach import service as outreach
from klantstem.outreach.service import GuardRules
from klantstem.settings import Settings

AMS = ZoneInfo("Europe/Amsterdam")
RULES = GuardRules(same_topic_days=30, max_contacts=3, period_days=14)


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(ams(2026, 10, 30, 11))  # Friday before a month end


@pytest.fixture
def customer_id(engine: Engine, clock: FixedClock) -> int:
    return customers.add_customer(engine, clock, name="Kees Smit", email="kees@example.nl").id


def _outreach_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.outreach)).scalar_one())


def test_the_same_topic_is_not_asked_again_within_the_period(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    assert outreach.check(
        engine, clock, customer_id, "Tevredenheid", "email", RULES, timezone="Europe/Amsterdam"
    ).allowed
    logged = outreach.log(engine, clock, customer_id, "tevredenheid ", "email", RULES, timezone="Europe/Amsterdam")
    assert (logged.record.outcome, logged.record.topic) == ("sent", "tevredenheid")
    clock.set(ams(2026, 11, 28, 11))  # 29 days later, across the month end
    decision = outreach.check(engine, clock, customer_id, "TEVREDENHEID", "phone", RULES, timezone="Europe/Amsterdam")
    assert not decision.allowed
    assert "already asked about 'tevredenheid' on 2026-10-30 (29 days ago)" in decision.reasons[0]
    assert outreach.check(
        engine, clock, customer_id, "bezorging", "phone", RULES, timezone="Europe/Amsterdam"
    ).allowed  # another topic
    clock.set(ams(2026, 11, 29, 12))  # 30 days and an hour later
    assert outreach.check(
        engine, clock, customer_id, "tevredenheid", "phone", RULES, timezone="Europe/Amsterdam"
    ).allowed


def test_too_many_contacts_across_all_channels(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    for channel, days_ago in (("phone", 13), ("email", 5)):
        moment = clock.now() - timedelta(days=days_ago)
        contact = contacts.NewContact(customer_id, channel, "outbound", moment, subject="Enquête")
        contacts.record_contact(engine, clock, contact)
    inbound = contacts.NewContact(customer_id, "whatsapp", "inbound", clock.now() - timedelta(days=1), subject="x")
    contacts.record_contact(engine, clock, inbound)  # the customer contacting us does not count
    outreach.log(engine, clock, customer_id, "enquête", "web_form", RULES, timezone="Europe/Amsterdam")
    decision = outreach.check(engine, clock, customer_id, "bezorging", "letter", RULES, timezone="Europe/Amsterdam")
    assert decision.reasons == ("3 contacts started in the last 14 days across all channels; the rule is at most 3",)
    clock.set(clock.now() + timedelta(days=2))  # the phone call falls out of the period
    assert outreach.check(engine, clock, customer_id, "bezorging", "letter", RULES, timezone="Europe/Amsterdam").allowed


def test_an_open_complaint_and_an_opt_out_block(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.cases).values(customer_id=customer_id, kind="complaint", status="open"))
        conn.execute(insert(schema.cases).values(customer_id=customer_id, kind="complaint", status="closed"))
        conn.execute(insert(schema.cases).values(customer_id=customer_id, kind="question", status="open"))
    decision = outreach.check(engine, clock, customer_id, "tevredenheid", "email", RULES, timezone="Europe/Amsterdam")
    assert len(decision.reasons) == 1 and "open complaint (case 1)" in decision.reasons[0]
    customers.set_opted_out(engine, customer_id)
    decision = outreach.check(engine, clock, customer_id, "tevredenheid", "email", RULES, timezone="Europe/Amsterdam")
    assert decision.verdict == "blocked" and "opted out" in decision.reasons[0] and len(decision.reasons) == 2


def test_every_outreach_is_logged_and_blocked_attempts_do_not_count(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    customers.set_opted_out(engine, customer_id)
    blocked = outreach.log(engine, clock, customer_id, "tevredenheid", "phone", RULES, timezone="Europe/Amsterdam")
    assert blocked.record.outcome == "blocked" and "opted out" in (blocked.record.reason or "")
    customers.set_opted_out(engine, customer_id, False)
    assert outreach.check(
        engine, clock, customer_id, "tevredenheid", "phone", RULES, timezone="Europe/Amsterdam"
    ).allowed
    forced = outreach.log(
        engine, clock, customer_id, "bezorging", "phone", GuardRules(0, 0, 14), force=True, timezone="Europe/Amsterdam"
    )
    assert forced.record.outcome == "sent" and (forced.record.reason or "").startswith("forced despite:")
    assert [r.outcome for r in outreach.outreach_of(engine, customer_id)] == ["blocked", "sent"]


def test_a_merged_customer_is_guarded_as_the_one_it_was_merged_into(
    engine: Engine, clock: FixedClock, customer_id: int
) -> None:
    other = customers.add_customer(engine, clock, name="K. Smit").id
    outreach.log(engine, clock, customer_id, "tevredenheid", "email", RULES, timezone="Europe/Amsterdam")
    customers.merge(engine, clock, other, customer_id)
    decision = outreach.check(engine, clock, other, "tevredenheid", "email", RULES, timezone="Europe/Amsterdam")
    assert (decision.customer_id, decision.asked_for_id, decision.allowed) == (customer_id, other, False)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"same_topic_days": -1}, "same_topic_days cannot be negative"),
        ({"period_days": -7}, "period_days cannot be negative"),
        ({"max_contacts": -1}, "max_contacts cannot be negative"),
    ],
)
def test_a_negative_rule_is_a_clear_error(rules: dict[str, int], message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        GuardRules(**rules)


def test_bad_input_logs_nothing(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    with pytest.raises(UserInputError, match="period_days cannot be negative"):
        outreach.log(
            engine,
            clock,
            customer_id,
            "x",
            "email",
            outreach.rules_from_settings(Settings(), period_days=-1),
            timezone="Europe/Amsterdam",
        )
    with pytest.raises(UserInputError, match="unknown channel"):
        outreach.log(engine, clock, customer_id, "x", "pigeon", RULES, timezone="Europe/Amsterdam")
    with pytest.raises(UserInputError, match="topic"):
        outreach.log(engine, clock, customer_id, "   ", "email", RULES, timezone="Europe/Amsterdam")
    with pytest.raises(NotFoundError):
        outreach.log(engine, clock, 999, "x", "email", RULES, timezone="Europe/Amsterdam")
    with pytest.raises(NotFoundError, match="staff member 5"):
        outreach.log(engine, clock, customer_id, "x", "email", RULES, staff_id=5, timezone="Europe/Amsterdam")
    assert _outreach_rows(engine) == 0


def test_rules_come_from_settings_and_bad_settings_name_the_variable() -> None:
    settings = Settings.from_env({"KLANTSTEM_OUTREACH_SAME_TOPIC_DAYS": "7", "KLANTSTEM_OUTREACH_MAX_CONTACTS": "2"})
    assert outreach.rules_from_settings(settings) == GuardRules(7, 2, 30)
    assert outreach.rules_from_settings(settings, period_days=10, max_contacts=None) == GuardRules(7, 2, 10)
    bad = Settings.from_env({"KLANTSTEM_OUTREACH_PERIOD_DAYS": "-30"})
    with pytest.raises(ConfigurationError, match="KLANTSTEM_OUTREACH_PERIOD_DAYS"):
        outreach.rules_from_settings(bad)

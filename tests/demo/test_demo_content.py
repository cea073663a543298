"""What the demo holds: people and identities, the organisation, every channel, promises kept and broken, both
voices on the same case, the seeds' scenarios, and an event log with hand-overs, ping-pong and waits."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
import pytest

from klantstem.db.schema import CHANNELS, ROLES
from klantstem.demo import plants
from klantstem.demo.generate import generate
from klantstem.demo.model import DEFAULT_SEED, DemoSize, Row

UNTIL = date(2026, 10, 31)
Rows = dict[str, list[Row]]


@pytest.fixture(scope="module")
def rows() -> Rows:
    """A fifth of the default organisation: big enough for every scenario, quick to make."""
    return generate(DEFAULT_SEED, UNTIL, DemoSize().scaled(0.2))


def test_every_channel_in_both_directions(rows: Rows) -> None:
    channels = Counter(c["channel"] for c in rows["contacts"])
    assert set(channels) == set(CHANNELS)
    assert channels.most_common(1)[0][0] == "phone"
    directions = Counter(c["direction"] for c in rows["contacts"])
    assert directions["inbound"] > 0 and directions["outbound"] > 0
    assert all(c["text"] and c["source"] == "demo" for c in rows["contacts"])


def test_contacts_follow_office_hours_and_weekdays(rows: Rows) -> None:
    local = [c["occurred_at"].astimezone(ZoneInfo("Europe/Amsterdam")) for c in rows["contacts"]]
    weekday = sum(1 for t in local if t.weekday() < 5) / len(local)
    office = sum(1 for t in local if 8 <= t.hour < 18) / len(local)
    assert weekday > 0.75 and office > 0.6
    assert any(t.hour >= 19 for t in local)  # evenings: mail, WhatsApp, reviews, the brasserie


def test_everything_happens_within_the_year(rows: Rows) -> None:
    start = datetime(2025, 10, 31, tzinfo=UTC)
    end = datetime(2026, 11, 1, tzinfo=UTC)
    for table, column in (("contacts", "occurred_at"), ("process_events", "occurred_at"), ("stories", "told_at")):
        moments = [r[column] for r in rows[table]]
        assert start <= min(moments) and max(moments) < end, table


def test_customers_have_normalised_identities(rows: Rows) -> None:
    identities = rows["customer_identities"]
    kinds = Counter(i["kind"] for i in identities)
    assert kinds["email"] and kinds["phone"] and kinds["external"]
    for identity in identities:
        value = identity["value"]
        if identity["kind"] == "email":
            assert value == value.lower() and re.fullmatch(r"[a-z0-9._]+@[a-z.]+", value)
        elif identity["kind"] == "phone":
            parsed = phonenumbers.parse(value)
            assert phonenumbers.is_valid_number(parsed), value
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == value
    assert len({(i["kind"], i["value"]) for i in identities}) == len(identities)
    postcodes = [c["postcode"] for c in rows["customers"]]
    assert sum(1 for p in postcodes if re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", p)) > 0.8 * len(postcodes)


def test_some_customers_have_a_delegate_with_scope_and_end_date(rows: Rows) -> None:
    delegates = rows["delegates"]
    assert delegates
    assert {d["relation"] for d in delegates} & {"partner", "dochter", "zoon"}
    assert any(d["scope"] != "all" for d in delegates)
    assert any(d["valid_until"] is not None for d in delegates)


def test_the_organisation(rows: Rows) -> None:
    departments = {d["name"] for d in rows["departments"]}
    assert {"Klantenservice", "Backoffice", "Facturatie", "Techniek", "Verkoop", "Juridische zaken"} <= departments
    assert {s["role"] for s in rows["staff"]} == set(ROLES)
    assert {"dealer", "supplier", "courier"} <= {t["kind"] for t in rows["third_parties"]}
    staff = {s["id"] for s in rows["staff"]}
    assert all(c["owner_id"] in staff and c["department_id"] for c in rows["cases"])


def test_promises_kept_and_broken_as_in_the_seeds(rows: Rows) -> None:
    promises = rows["promises"]
    statuses = Counter(p["status"] for p in promises)
    assert statuses["kept"] and statuses["broken"]
    by_text = {p["description"] for p in promises}
    assert "we bellen u binnen 30 minuten" in by_text
    dealer = [p for p in promises if p["description"].startswith("de dealer neemt contact")]
    assert dealer and all(p["third_party_id"] for p in dealer)
    # the dealer who never calls back is planted from its start month on (demo/plants.py); before it, dealers call
    start = plants.PLANTS[0].start
    later = [p for p in dealer if p["made_at"].date() >= start]
    earlier = [p for p in dealer if p["made_at"].date() < start]
    assert later and earlier
    assert sum(p["status"] == "broken" for p in later) > len(later) / 2
    assert sum(p["status"] == "broken" for p in earlier) < len(earlier) / 4
    sim = [p for p in promises if "simkaart" in p["description"] and p["status"] == "broken" and p["resolved_at"]]
    assert sim and max(p["resolved_at"] - p["made_at"] for p in sim) >= timedelta(days=8)
    assert any(p["staff_id"] for p in promises) and any(p["department_id"] for p in promises)
    assert all(p["due_at"] > p["made_at"] for p in promises)


def test_staff_and_customers_tell_the_same_steps(rows: Rows) -> None:
    stories = rows["stories"]
    steps: dict[int, list[Row]] = {}
    for step in rows["story_steps"]:
        steps.setdefault(step["story_id"], []).append(step)
    staff = [s for s in stories if s["perspective"] == "staff"]
    assert staff and all(s["staff_id"] for s in staff)
    for story in staff:
        customer = next(s for s in stories if s["case_id"] == story["case_id"] and s["perspective"] == "customer")
        moments = [st["happened_at"] for st in steps[story["id"]]]
        assert moments == [st["happened_at"] for st in steps[customer["id"]]]


def test_steps_in_order_with_all_three_appraisals(rows: Rows) -> None:
    assert Counter(s["appraisal"] for s in rows["story_steps"]).keys() == {"bad", "normal", "excellent"}
    by_story: dict[int, list[Row]] = {}
    for step in rows["story_steps"]:
        by_story.setdefault(step["story_id"], []).append(step)
    for steps in by_story.values():
        assert [s["position"] for s in steps] == list(range(1, len(steps) + 1))
        assert [s["happened_at"] for s in steps] == sorted(s["happened_at"] for s in steps)


def test_some_stories_are_in_english(rows: Rows) -> None:
    english = {c["id"] for c in rows["customers"] if c["language"] == "en"}
    told = [s for s in rows["stories"] if s["perspective"] == "customer"]
    share = sum(1 for s in told if s["customer_id"] in english) / len(told)
    assert 0.04 < share < 0.2
    texts = [s["text"] for s in told if s["customer_id"] in english]
    assert sum(1 for t in texts if re.search(r"\b(I|the|my)\b", t)) > 0.8 * len(texts)


def test_interviews_have_questions_and_a_summary_read_back(rows: Rows) -> None:
    interviews = [s for s in rows["stories"] if s["source"] == "interview"]
    assert interviews and all(s["summary"] for s in interviews)
    assert {True, False} <= {s["summary_confirmed"] for s in interviews}
    follow_ups = rows["follow_ups"]
    assert follow_ups and all(f["question"] and f["answer"] for f in follow_ups)
    assert any(f["step_id"] for f in follow_ups)


def test_the_seed_scenarios_are_told(rows: Rows) -> None:
    told = " ".join(s["text"] for s in rows["stories"]) + " ".join(c["text"] for c in rows["contacts"])
    for words in ("soep", "proefrit", "simkaart", "brief", "vergadering", "WhatsApp", "systeem", "in de wacht"):
        assert words in told, words
    assert re.search(r"\b47 min", told)


def test_fingerprints_are_filled_and_unique(rows: Rows) -> None:
    for table in ("contacts", "stories", "promises", "process_events"):
        prints = [r["fingerprint"] for r in rows[table]]
        assert all(re.fullmatch(r"[0-9a-f]{64}", p) for p in prints), table
        assert len(set(prints)) == len(prints), table


def test_event_log_has_handovers_ping_pong_and_waits(rows: Rows) -> None:
    events = rows["process_events"]
    assert {"Wachten op klant", "Wachten op leverancier", "Wachtrij"} <= {e["status"] for e in events}
    assert {e["lifecycle"] for e in events} == {"complete"}
    activities = {e["activity"] for e in events}
    assert {"Goedkeuring aangevraagd", "Goedkeuring verleend", "Termijn overschreden"} <= activities
    teams: dict[str, list[str]] = {}
    for event in events:
        sequence = teams.setdefault(event["case_key"], [])
        if not sequence or sequence[-1] != event["team"]:
            sequence.append(event["team"])
    handed_over = [s for s in teams.values() if len(s) > 1]
    ping_pong = [s for s in handed_over if any(s[i] == s[i + 2] for i in range(len(s) - 2))]
    assert len(handed_over) > 0.5 * len(teams) and ping_pong
    local = [e["occurred_at"].astimezone(ZoneInfo("Europe/Amsterdam")) for e in events]
    assert sum(1 for t in local if t.weekday() < 5 and 8 <= t.hour < 18) > 0.65 * len(local)
    cases = {c["external_id"] for c in rows["cases"]}
    assert {e["case_key"] for e in events} == cases


def test_a_partner_turned_away_is_later_authorised(rows: Rows) -> None:
    """Seed 004: the wife may not call for her husband. Never when she is a registered delegate; some
    customers register their partner afterwards."""
    customer_of = {c["external_id"]: c["customer_id"] for c in rows["cases"]}
    refused: dict[int, datetime] = {}
    for event in rows["process_events"]:
        if event["activity"] == "Gemachtigde niet geregistreerd":
            customer = customer_of[event["case_key"]]
            refused[customer] = max(event["occurred_at"], refused.get(customer, event["occurred_at"]))
    assert refused
    partners = [d for d in rows["delegates"] if d["relation"] == "partner"]
    for delegate in partners:
        moment = refused.get(delegate["customer_id"])
        assert moment is None or delegate["valid_from"] > moment
    assert any(d["customer_id"] in refused for d in partners)

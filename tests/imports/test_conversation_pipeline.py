"""Mail and chat contacts go through the text pipeline like any contact: the customer's words get an appraisal and
facets, the organisation's replies are not read as the customer's voice, and the customer's history holds both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.db import schema
from klantstem.insights import service as insights

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(autouse=True)
def _own_senders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTSTEM_ORGANISATION_SENDERS", "Autohuis Jansen, @autohuis-jansen.nl")


def _labels(engine: Engine) -> dict[int, dict[str, Any]]:
    """Per contact: direction, text and the labels the pipeline gave it (appraisal level, facets)."""
    c, a = schema.contacts, schema.annotations
    with engine.connect() as conn:
        found = {
            row.id: {"direction": row.direction, "text": row.text, "appraisal": None, "facets": set()}
            for row in conn.execute(select(c.c.id, c.c.direction, c.c.text).where(c.c.text.is_not(None)))
        }
        labels = conn.execute(select(a.c.target_id, a.c.kind, a.c.value).where(a.c.target == "contact"))
        for target_id, kind, value in labels:
            if kind == "appraisal":
                found[target_id]["appraisal"] = value["level"]
            elif kind == "facet":
                found[target_id]["facets"].add(value["facet"])
    return found


def test_mail_and_chat_words_are_read_like_any_contact(cli: Callable[..., Any], engine: Engine) -> None:
    assert cli("mail", DATA / "mail" / "thread.mbox").code == 0
    assert cli("whatsapp", DATA / "whatsapp" / "android_nl.txt").code == 0
    read = insights.analyse_voices(engine, FixedClock(datetime(2026, 9, 1, 10, tzinfo=UTC)))
    labels = _labels(engine)
    inbound = {i: v for i, v in labels.items() if v["direction"] == "inbound"}
    outbound = {i: v for i, v in labels.items() if v["direction"] == "outbound"}
    assert read == len(inbound) and inbound and outbound
    # the organisation's replies are its words, not the customer's judgement: no labels
    assert all(v["appraisal"] is None and not v["facets"] for v in outbound.values())
    # every customer message has its appraisal; the complaints about a call back that never came read as bad
    assert all(v["appraisal"] in ("bad", "normal", "excellent") for v in inbound.values())
    complaints = [v for v in inbound.values() if "gebeld" in v["text"] or "niks van gehoord" in v["text"]]
    assert len(complaints) >= 3
    assert all(v["appraisal"] == "bad" for v in complaints), complaints
    assert any(v["facets"] for v in complaints)
    # a second reading adds nothing
    assert insights.analyse_voices(engine, FixedClock(datetime(2026, 9, 1, 11, tzinfo=UTC))) == 0


def test_what_the_customer_said_in_a_chat_is_in_the_story_so_far(cli: Callable[..., Any], engine: Engine) -> None:
    """The employee who picks up the phone reads what the customer wrote on WhatsApp, and how it felt."""
    assert cli("whatsapp", DATA / "whatsapp" / "android_nl.txt").code == 0
    clock = FixedClock(datetime(2026, 9, 1, 12, tzinfo=UTC))
    insights.analyse_voices(engine, clock)
    with engine.connect() as conn:
        (customer_id,) = {row[0] for row in conn.execute(select(schema.contacts.c.customer_id))}
    history = contacts.story_so_far(engine, clock, customer_id, timezone="Europe/Amsterdam")
    told = [t for t in history.summary.told_us if t.source == "whatsapp"]
    assert told and any(t.feeling == "bad" and "gebeld" in t.about for t in told), told
    assert {e.kind for e in history.entries} >= {"contact", "promise"}  # the reply's call-back promise too

"""The scheduled text analysis reads what customers wrote in every channel, not only their stories, so the story so
far shows how a new contact felt within minutes instead of after the hourly problem detection."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, select

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.contacts.service import NewContact
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.jobs import service as jobs
from klantstem.settings import Settings


def test_the_analysis_job_reads_new_contacts(settings: Settings, engine: Engine) -> None:
    clock = FixedClock(datetime(2026, 11, 9, 19, tzinfo=UTC))
    customer = customers.add_customer(engine, clock, name="Kees")
    said = contacts.record_contact(engine, clock, NewContact(customer.id, "whatsapp", text="Nog steeds niet gebeld!"))
    analyse = next(j for j in jobs.JOBS if j.name == "analyse-stories")
    outcome = analyse.run(jobs.JobContext(engine, settings, clock))
    assert outcome.endswith("1 contacts and story steps")
    a = schema.annotations
    query = select(a.c.kind).where(a.c.target == "contact", a.c.target_id == said)
    with engine.connect() as conn:
        kinds = {row.kind for row in conn.execute(query)}
    assert {"appraisal", "language"} <= kinds
    told = contacts.story_so_far(engine, clock, customer.id, timezone="Europe/Amsterdam").summary.told_us
    assert [t.feeling for t in told] == ["bad"]

"""Dutch pages write numbers, plurals and the customer's timeline in Dutch: "1 contact", "1.234", "2,5 dagen",
"zaak 12: ...", "klant 7 samengevoegd met klant 3"."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.web import i18n


def test_counts_choose_the_singular_and_are_written_as_the_reader_writes_numbers() -> None:
    assert i18n.translate("nl", "customer.contacts", total=1) == "1 contact"
    assert i18n.translate("nl", "customer.contacts", total=2) == "2 contacten"
    assert i18n.translate("nl", "customer.contacts", total=1234) == "1.234 contacten"
    assert i18n.translate("en", "customer.contacts", total=1234) == "1,234 contacts"
    assert i18n.translate("en", "customers.found", n=1) == "1 customer found"
    assert (i18n.number("nl", 2.5, 1), i18n.number("en", 2.5, 1), i18n.number("nl", None)) == ("2,5", "2.5", "—")


def test_the_timeline_of_a_merged_customer_with_a_delegate_reads_in_dutch(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen").id
    other = customers.add_customer(engine, clock, name="P. Pietersen").id
    contacts.record_contact(engine, clock, contacts.NewContact(customer_id=customer, channel="phone", subject="Vraag"))
    customers.merge(engine, clock, other, customer)
    customers.unmerge(engine, clock, other)
    customers.authorise_delegate(engine, clock, customer, "Marie Pietersen", relation="partner")
    signed_in("agent")
    page = client.get(f"/customers/{customer}").text
    assert "1 contact ·" in page or "1 contact<" in page or "1 contact " in page
    assert "1 contacten" not in page
    timeline = page[page.index('id="timeline"') :]
    assert f"klant {other} samengevoegd met klant {customer}" in timeline
    assert f"samenvoegen van klant {other} ongedaan gemaakt" in timeline
    assert "Marie Pietersen mag namens de klant handelen (partner): alles" in " ".join(timeline.split())
    for english in ("merged into", "undone", "may act for", "all topics"):
        assert english not in timeline

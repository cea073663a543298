"""In a real browser: a manager finds a look-alike customer in the likely duplicates, merges it, sees its history
on the other record, undoes the merge; an agent registers a promise and a delegate on the customer page and checks
who may act for the customer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from test_browser import PASSWORD, browser_page  # noqa: F401  (the browser fixture)

from klantstem.clock import SystemClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.users import service as users


def _sign_in(page: Any, base: str, email: str) -> None:
    page.goto(base + "/signin")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


def test_a_manager_merges_a_look_alike_and_undoes_it(
    server: tuple[str, Any], browser_page: Any, engine: Engine  # noqa: F811
) -> None:
    base, _app = server
    clock = SystemClock()
    users.add_user(engine, "manager@example.nl", "Mira Manager", "manager", PASSWORD)
    first = customers.add_customer(engine, clock, name="Nathalie de Bruin", postcode="2312 TD").id
    second = customers.add_customer(engine, clock, name="N. de Bruin", postcode="2312TD").id
    new = contacts.NewContact(customer_id=second, channel="email", subject="Vraag over mijn rekening")
    contacts.record_contact(engine, clock, new)
    page = browser_page
    _sign_in(page, base, "manager@example.nl")
    page.goto(base + "/duplicates")
    row = page.locator("#pairs tr", has_text="N. de Bruin")
    assert row.get_by_text("zelfde postcode").is_visible()
    row.get_by_role("button", name="Tweede samenvoegen met eerste").click()
    page.wait_for_url(f"{base}/customers/{second}")
    assert page.get_by_role("heading", name="Nathalie de Bruin").is_visible()
    assert page.get_by_text(f"Klant {second} is samengevoegd met deze klant.").is_visible()
    assert page.locator("#timeline").get_by_text("Vraag over mijn rekening").is_visible()
    page.locator("#merges").get_by_role("button", name="Samenvoegen ongedaan maken").click()
    page.wait_for_url(f"{base}/customers/{second}?*")
    assert page.get_by_text(f"Het samenvoegen van klant {second} is ongedaan gemaakt.").is_visible()
    assert page.get_by_role("heading", name="N. de Bruin").is_visible()
    assert customers.resolve_id(engine, second) == second and first != second


def test_an_agent_registers_a_promise_and_a_delegate(
    server: tuple[str, Any], browser_page: Any, engine: Engine  # noqa: F811
) -> None:
    base, _app = server
    clock = SystemClock()
    users.add_user(engine, "agent@example.nl", "Ali Agent", "agent", PASSWORD)
    customer = customers.add_customer(engine, clock, name="Sanne Visser", email="sanne@example.nl").id
    page = browser_page
    _sign_in(page, base, "agent@example.nl")
    page.goto(f"{base}/customers/{customer}")
    form = page.locator("#add-promise")
    form.get_by_label("Soort").select_option("callback")
    form.get_by_label("Wat is afgesproken").fill("We bellen u terug over de monteur")
    form.get_by_label("Wanneer").fill("binnen 2 werkdagen")
    form.get_by_role("button", name="Afspraak vastleggen").click()
    page.wait_for_url(f"{base}/customers/{customer}?*")
    assert page.get_by_text("is vastgelegd: uiterlijk").is_visible()
    assert page.locator("#summary").get_by_text("We bellen u terug over de monteur").is_visible()
    form = page.locator("#add-delegate")
    form.get_by_label("Naam").fill("Ruud Visser")
    form.get_by_label("Relatie").fill("partner")
    form.get_by_role("button", name="Gemachtigde vastleggen").click()
    page.wait_for_url(f"{base}/customers/{customer}?*")
    assert page.locator("#delegates").get_by_text("Ruud Visser").is_visible()
    delegates = page.locator("#delegates")  # Ruud calls: may he speak for Sanne?
    delegates.get_by_label("Wie").fill("ruud visser")
    delegates.get_by_role("button", name="Controleren").click()
    answer = page.locator("#delegate-answer").inner_text()
    assert answer == "Ruud Visser mag namens deze klant handelen, tot nader order."
    delegates = page.locator("#delegates")
    delegates.get_by_label("Wie").fill("Jan Jansen")
    delegates.get_by_role("button", name="Controleren").click()
    assert page.locator("#delegate-answer").inner_text().startswith("Niemand met die naam")
    page.locator("#delegates").get_by_role("button", name="Beëindigen").click()
    page.wait_for_url(f"{base}/customers/{customer}?*")
    assert page.get_by_text("De machtiging van Ruud Visser is beëindigd.").is_visible()
    assert page.locator("#delegates").get_by_text("Niemand.").is_visible()

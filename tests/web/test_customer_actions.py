"""Registering a promise, recording and ending delegates, merging two records of one customer (and undoing it),
and the list of likely duplicates, through the pages: each in the reader's language, with CSRF and roles."""

from __future__ import annotations

import html
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.promises import service as promises
from klantstem.users import service as users


def _post(client: TestClient, web: Any, path: str, data: dict[str, str], page: str) -> Any:
    csrf = web.csrf_of(client.get(page).text)
    return client.post(path, data={**data, "csrf": csrf}, follow_redirects=False)


def test_an_agent_registers_a_promise_that_the_board_and_customer_page_show(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen", email="piet@example.nl").id
    agent = signed_in("agent")
    page = f"/customers/{customer}"
    data = {"kind": "callback", "description": "We bellen u terug over de <b>factuur</b>", "due": "binnen 2 werkdagen"}
    done = _post(client, web, f"/customers/{customer}/promises", data, page)
    assert done.status_code == 303
    (promise,) = promises.promises_of(engine, customer)
    assert (promise.kind, promise.staff_id, promise.source) == ("callback", agent.id, "web")
    shown = client.get(done.headers["location"]).text
    assert f"Afspraak {promise.id} is vastgelegd" in shown
    assert "&lt;b&gt;factuur&lt;/b&gt;" in shown and "<b>factuur" not in shown
    wrong = _post(client, web, f"/customers/{customer}/promises", {**data, "due": "ooit een keer"}, page)
    assert wrong.status_code == 400 and "is niet te lezen als termijn" in wrong.text
    again = _post(client, web, f"/customers/{customer}/promises", data, page)
    assert again.status_code == 400 and f"al vastgelegd (afspraak {promise.id})" in again.text
    no_csrf = client.post(f"/customers/{customer}/promises", data=data, follow_redirects=False)
    assert no_csrf.status_code == 403 and len(promises.promises_of(engine, customer)) == 1


def test_delegates_are_recorded_and_ended_on_the_customer_page(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen").id
    signed_in("agent")
    page = f"/customers/{customer}"
    data = {"name": "Marie Pietersen", "relation": "partner", "phone": "06 11122233", "until": "31-12-2027"}
    added = _post(client, web, f"/customers/{customer}/delegates", data, page)
    assert added.status_code == 303
    shown = client.get(added.headers["location"]).text
    assert "Marie Pietersen mag nu namens de klant handelen." in shown and "alles" in shown
    check = customers.check_delegate(engine, clock, customer, "06 11122233", "factuur", timezone="Europe/Amsterdam")
    assert check.allowed
    (delegate,) = customers.delegates_of(engine, customer)
    bad = _post(client, web, f"/customers/{customer}/delegates", {**data, "until": "31-02-2027"}, page)
    assert bad.status_code == 400 and "geen datum die bestaat" in bad.text
    ended = _post(client, web, f"/customers/{customer}/delegates/{delegate.id}/end", {}, page)
    assert "De machtiging van Marie Pietersen is beëindigd." in client.get(ended.headers["location"]).text
    assert not customers.check_delegate(engine, clock, customer, "Marie Pietersen", timezone="Europe/Amsterdam").allowed
    other = customers.add_customer(engine, clock, name="Ander").id
    assert _post(client, web, f"/customers/{other}/delegates/{delegate.id}/end", {}, page).status_code == 404


def test_a_manager_merges_a_look_alike_from_the_duplicates_and_undoes_it(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    first = customers.add_customer(engine, clock, name="Nathalie de Bruin", postcode="2312 TD").id
    second = customers.add_customer(engine, clock, name="N. de Bruin", postcode="2312TD", email="nb@example.nl").id
    contacts.record_contact(engine, clock, contacts.NewContact(customer_id=second, channel="email", subject="Vraag"))
    manager = signed_in("manager")
    listed = client.get("/duplicates").text
    assert "N. de Bruin" in listed and f'action="/customers/{second}/merge"' in listed
    merged = _post(client, web, f"/customers/{second}/merge", {"target": str(first)}, "/duplicates")
    assert merged.status_code == 303 and customers.resolve_id(engine, second) == first
    page = client.get(merged.headers["location"]).text
    assert f"Klant {second} is samengevoegd met deze klant." in page and f'/customers/{second}/unmerge"' in page
    assert "Vraag" in page  # the second record's contact is on the first's timeline
    assert "Geen mogelijk dubbele klanten gevonden." in client.get("/duplicates").text
    again = _post(client, web, f"/customers/{second}/merge", {"target": str(first)}, f"/customers/{first}")
    assert again.status_code == 400 and f"Klant {second} is al samengevoegd met klant {first}" in again.text
    undone = _post(client, web, f"/customers/{second}/unmerge", {}, f"/customers/{first}")
    assert customers.resolve_id(engine, second) == second
    after = client.get(undone.headers["location"]).text
    assert f"Het samenvoegen van klant {second} is ongedaan gemaakt." in after
    (audit,) = customers.merges_of(engine, first)
    assert (audit.merged_by, audit.undone_by) == (manager.id, manager.id)  # who merged and who undid it
    timeline = " ".join(client.get(f"/customers/{first}").text.split())
    assert f"klant {second} samengevoegd met klant {first} door {manager.name}" in timeline
    assert f"samenvoegen van klant {second} ongedaan gemaakt door {manager.name}" in timeline
    unknown = _post(client, web, f"/customers/{first}/merge", {"target": "niemand@example.nl"}, f"/customers/{first}")
    assert unknown.status_code == 400 and "Geen klant gevonden met" in unknown.text


def test_the_forms_show_only_for_roles_that_may_use_them(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen").id
    signed_in("agent")
    page = client.get(f"/customers/{customer}").text
    assert 'id="add-promise"' in page and 'id="add-delegate"' in page and 'id="merge"' not in page
    assert client.get("/duplicates").status_code == 403


def test_an_agent_checks_a_caller_and_records_a_contact_for_the_customer_only_when_they_may(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen").id
    customers.authorise_delegate(engine, clock, customer, "Marie Pietersen", relation="partner", scope="factuur")
    signed_in("agent")
    page = f"/customers/{customer}"

    def said(answer: Any) -> str:
        return " ".join(html.unescape(answer.text).split())

    yes = _post(client, web, f"{page}/delegates/check", {"who": "marie pietersen", "topic": "Factuur"}, page)
    assert yes.status_code == 200 and "Marie Pietersen mag namens deze klant handelen, tot nader order." in said(yes)
    other = _post(client, web, f"{page}/delegates/check", {"who": "Marie Pietersen", "topic": "opzeggen"}, page)
    assert "De machtiging van Marie Pietersen geldt niet voor 'opzeggen'." in said(other)
    nobody = _post(client, web, f"{page}/delegates/check", {"who": "Jan Jansen"}, page)
    assert "Niemand met die naam, dat telefoonnummer of e-mailadres mag namens deze klant handelen." in said(nobody)
    for english in ("may act for", "nobody by that name", "authorisation covers"):
        assert english not in yes.text + other.text + nobody.text
    contact = {"channel": "phone", "subject": "opzeggen", "text": "Wil opzeggen", "on_behalf": "Jan Jansen"}
    refused = _post(client, web, f"{page}/contacts", contact, page)
    assert refused.status_code == 400 and "Niemand met die naam" in said(refused)
    refused = _post(client, web, f"{page}/contacts", {**contact, "on_behalf": "Marie Pietersen"}, page)
    assert refused.status_code == 400 and "geldt niet voor 'opzeggen'" in said(refused)
    kees = customers.authorise_delegate(engine, clock, customer, "Kees Pietersen")
    customers.end_delegate(engine, clock, kees.id)
    ended = clock.now().astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%d-%m-%Y")
    refused = _post(client, web, f"{page}/contacts", {**contact, "on_behalf": "Kees Pietersen"}, page)
    assert refused.status_code == 400 and f"is verlopen (was geldig tot {ended})" in said(refused)
    assert _contacts(engine, clock, customer) == 0  # nothing recorded
    allowed = {**contact, "subject": "factuur", "on_behalf": "Marie Pietersen"}
    assert _post(client, web, f"{page}/contacts", allowed, page).status_code == 303
    mine = {**contact, "on_behalf": ""}  # the customer themself
    assert _post(client, web, f"{page}/contacts", mine, page).status_code == 303
    assert _contacts(engine, clock, customer) == 2
    shown = client.get(page)
    assert shown.text.count("namens de klant door Marie Pietersen") == 1  # the delegate's contact, not the customer's


def test_the_api_records_a_contact_for_the_customer_only_when_that_person_may_act_for_them(
    client: TestClient, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet Pietersen").id
    customers.authorise_delegate(engine, clock, customer, "Marie Pietersen", relation="partner", scope="factuur")
    kees = customers.authorise_delegate(engine, clock, customer, "Kees Pietersen")
    customers.end_delegate(engine, clock, kees.id)
    agent = users.add_user(engine, "manager-api@example.nl", "Manager", "manager", "a long password")
    client.headers["Authorization"] = f"Bearer {users.create_api_token(engine, agent.id, 'test').secret}"
    path = f"/api/customers/{customer}/contacts"
    contact = {"channel": "phone", "subject": "opzeggen", "text": "Wil opzeggen"}
    for who, reason in (("Jan Jansen", "nobody by that name"), ("Marie Pietersen", "covers 'factuur', not 'opzeggen'"),
                        ("Kees Pietersen", "the authorisation has ended")):  # fmt: skip
        refused = client.post(path, json={**contact, "on_behalf": who})
        assert refused.status_code == 400 and reason in refused.json()["error"]["message"], who
    assert _contacts(engine, clock, customer) == 0  # nothing recorded
    allowed = client.post(path, json={**contact, "subject": "factuur", "on_behalf": "Marie Pietersen"})
    assert allowed.status_code == 201
    assert client.post(path, json=contact).status_code == 201  # the customer themself
    assert _contacts(engine, clock, customer) == 2


def _contacts(engine: Engine, clock: FixedClock, customer: int) -> int:
    return contacts.story_so_far(engine, clock, customer, timezone="Europe/Amsterdam").summary.contacts["total"]

"""Rendered parts kept with their sources: shown again only while every source is the very same object, and the
dashboard's kept main part follows the language and new figures."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from markupsafe import Markup
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.web.parts import KeptParts


def test_a_part_is_rendered_again_when_a_source_is_another_object() -> None:
    parts = KeptParts()
    rendered: list[str] = []

    def render(text: str) -> Markup:
        rendered.append(text)
        return Markup(text)

    figures = {"stories": 3}
    assert parts.get("a", (figures,), lambda: render("one")) == "one"
    assert parts.get("a", (figures,), lambda: render("two")) == "one"  # the same object: kept
    assert parts.get("a", ({"stories": 3},), lambda: render("three")) == "three"  # equal, but another object
    assert parts.get("b", ({"stories": 3},), lambda: render("four")) == "four"  # another key
    assert parts.get("a", (figures, None), lambda: render("five")) == "five"  # another number of sources
    assert rendered == ["one", "three", "four", "five"]


def test_no_more_parts_are_kept_than_allowed() -> None:
    parts = KeptParts(max_items=2)
    source = object()
    for key in range(5):
        parts.get(key, (source,), lambda: Markup("x"))
    assert len(parts._items) <= 2


def test_the_dashboards_kept_part_follows_the_language_and_new_figures(
    client: TestClient, signed_in: Any, web: Any, engine: Engine, clock: FixedClock
) -> None:
    signed_in("manager")
    dutch = client.get("/dashboard").text
    assert "Overzicht</h1>" in dutch
    client.get("/lang/en?next=/dashboard")
    english = client.get("/dashboard").text
    assert "Dashboard</h1>" in english and "Overzicht</h1>" not in english
    client.get("/lang/nl?next=/dashboard")
    assert "Overzicht</h1>" in client.get("/dashboard").text
    customer = customers.add_customer(engine, clock, name="Henk", email="henk@example.nl")
    started = client.post(
        "/interviews", data={"csrf": web.csrf_of(dutch), "customer": str(customer.id), "channel": "visit"}
    )
    step = {"csrf": web.csrf_of(dutch), "action": "finish", "description": "Ik wachtte drie kwartier op de soep",
            "appraisal": "bad"}  # fmt: skip
    client.post(str(started.url) + "/continue", data=step)
    client.post(str(started.url) + "/confirm", data={"csrf": web.csrf_of(dutch), "action": "confirm"})
    assert "Ik wachtte drie kwartier op de soep" in client.get("/dashboard").text

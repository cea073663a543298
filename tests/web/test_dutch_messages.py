"""Messages a Dutch reader meets are Dutch: the contact guard's reasons, errors of the promise board, promise
kinds; English readers get the same in English."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem import vocabulary
from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.errors import UserInputError
from klantstem.promises import service as promises
from klantstem.web.messages import MESSAGES


def test_the_contact_guard_explains_itself_in_dutch(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Piet", email="piet@example.nl")
    signed_in("interviewer")
    csrf = web.csrf_of(client.get(f"/customers/{customer.id}").text)
    client.post(f"/customers/{customer.id}/invite", data={"csrf": csrf, "topic": "interview"})
    again = client.post(f"/customers/{customer.id}/invite", data={"csrf": csrf, "topic": "interview"})
    day = clock.now().strftime("%d-%m-%Y")
    assert f"Op {day} al gevraagd naar &#39;interview&#39;; de regel is één keer per 90 dagen." in again.text
    assert "already asked" not in again.text and "once per" not in again.text
    client.cookies.set("ks_lang", "en")
    english = client.post(f"/customers/{customer.id}/invite", data={"csrf": csrf, "topic": "interview"})
    assert "Already asked about &#39;interview&#39;" in english.text


def test_promise_errors_and_kinds_are_dutch(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Kees")
    made = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer.id, kind="delivery", description="Nieuwe simkaart",
        due="binnen 5 werkdagen", department="Logistiek",
    )  # fmt: skip
    promises.keep(engine, clock, made.id)
    signed_in("agent")
    timeline = client.get(f"/customers/{customer.id}")
    shown = re.sub(r'value="[^"]*"', "", timeline.text)  # the values a form sends are not read by anyone
    assert "levering ·" in shown and "delivery" not in shown
    csrf = web.csrf_of(timeline.text)
    again = client.post(f"/promises/{made.id}/keep", data={"csrf": csrf})
    assert again.status_code == 400
    assert f"Afspraak {made.id} is al nagekomen" in again.text and "only an open promise" not in again.text


def test_every_kind_of_promise_the_demo_and_the_text_reader_make_has_a_dutch_name(engine: Engine) -> None:
    from datetime import date

    from sqlalchemy import select

    from klantstem.db import schema
    from klantstem.demo.service import DemoSize, build_demo
    from klantstem.promises.from_text import KIND_OF_ACTION
    from klantstem.web.messages import MESSAGES

    build_demo(engine, size=DemoSize().scaled(0.05), until=date(2026, 11, 30))
    with engine.connect() as conn:
        made = set(conn.execute(select(schema.promises.c.kind).distinct()).scalars())
    assert {"update", "reservation"} <= made
    kinds = made | set(KIND_OF_ACTION.values())
    unnamed = sorted(kind for kind in kinds if f"promise_kind.{kind}" not in MESSAGES["nl"])
    assert unnamed == []


def test_a_promise_is_called_afspraak_everywhere_in_dutch() -> None:
    """One Dutch word for a promise: every Dutch message of the pages, the report's words, the theme labels and
    the templates say "afspraak", never "belofte" (which the interview's questions to customers may still use as
    a verb: "wat was u beloofd?")."""
    from importlib.resources import files

    from klantstem.reports.wording import UNITS, WORDS
    from klantstem.text.taxonomy import default_taxonomy
    from klantstem.web.messages import MESSAGES

    texts = [("messages", key, text) for key, text in MESSAGES["nl"].items()]
    texts += [("report", key, words["nl"]) for key, words in {**WORDS, **UNITS}.items()]
    texts += [("theme", facet.id, facet.label.get("nl", "")) for facet in default_taxonomy().facets]
    for package in ("klantstem.web", "klantstem.reports"):
        for template in (files(package) / "templates").iterdir():
            if template.name.endswith(".html"):
                texts.append(("template", template.name, template.read_text(encoding="utf-8")))
    other = [(where, key) for where, key, text in texts if re.search(r"(?i)\bbelofte", text)]
    assert not other, f"'belofte' where the pages say 'afspraak': {other}"
    assert any("afspraak" in text.lower() for _, _, text in texts)


def test_an_unknown_closed_word_is_refused_with_every_choice_named_in_both_languages() -> None:
    for vocab, kind in ((vocabulary.channels(), "channel"), (vocabulary.perspectives(), "perspective")):
        dutch, english = MESSAGES["nl"][f"error.unknown_{kind}"], MESSAGES["en"][f"error.unknown_{kind}"]
        for value in vocab.stored:
            # the Dutch page names every choice by its Dutch name, and that name is read back as the choice
            assert vocabulary.DUTCH_NAMES[value] in dutch
            assert vocab.read(vocabulary.DUTCH_NAMES[value]) == value
            assert value.replace("_", " ") in english
        try:
            vocab.read("duif")
        except UserInputError as refused:
            assert "duif" in str(refused) and all(value in str(refused) for value in vocab.stored)
        else:
            raise AssertionError("an unknown word was read")
    assert "phone (telefoon)" in vocabulary.channels().choices

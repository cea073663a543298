from __future__ import annotations

import pytest

from klantstem.text.facts import find_facts
from klantstem.text.pipeline import Pipeline


def facts_of(text: str):  # type: ignore[no-untyped-def]
    return find_facts(text, text.lower())


@pytest.mark.parametrize(
    ("text", "seconds", "kind"),
    [
        ("Ik heb drie kwartier moeten wachten op deze soep.", 2700, "wait"),
        ("Ik was 47 minuten aan het bellen.", 47 * 60, "wait"),
        ("Ik krijg binnen 10 dagen een nieuwe simkaart.", 10 * 86400, "promise"),
        ("Ik wacht uiteindelijk een week.", 7 * 86400, "wait"),
        ("Een half uur later kwam de ober eindelijk.", 1800, "wait"),
        ("We hebben er twee uur gezellig gegeten.", 7200, "other"),
        ("I was on hold for an hour and a half.", 5400, "wait"),
    ],
)
def test_durations_in_seconds(text: str, seconds: float, kind: str) -> None:
    durations = facts_of(text).durations
    assert len(durations) == 1
    assert durations[0].seconds == seconds
    assert durations[0].kind == kind
    assert text[durations[0].span.start : durations[0].span.end] == durations[0].span.text


def test_vague_durations_are_approximate() -> None:
    (duration,) = facts_of("Het duurde weken voordat ik antwoord kreeg.").durations
    assert duration.unit == "week" and duration.value is None and duration.approximate


def test_channels_mentioned() -> None:
    text = "Eerst gebeld, toen gemaild, daarna via WhatsApp en de website, en uiteindelijk een brief gekregen."
    channels = {c.channel for c in facts_of(text).channels}
    assert {"phone", "email", "whatsapp", "web", "letter"} <= channels


@pytest.mark.parametrize(
    ("text", "actor", "action", "within"),
    [
        ("We bellen u binnen 30 minuten terug.", "we", "call_back", 1800),
        ("De dealer neemt contact met u op.", "de dealer", "contact", None),
        ("Op de site staat dat ik in 30 minuten gebeld word.", "organisation", "call_back", 1800),
        ("Someone will call you back tomorrow.", "someone", "call_back", 86400),
        ("Een monteur komt binnen 3 werkdagen langs.", "een monteur", "visit", 3 * 86400),
    ],
)
def test_promises_as_structured_data(text: str, actor: str, action: str, within: float | None) -> None:
    (promise,) = facts_of(text).promises
    assert (promise.actor, promise.action, promise.within_seconds) == (actor, action, within)


def test_a_story_without_promises_has_none() -> None:
    assert facts_of("Het eten was koud en de ober keek chagrijnig.").promises == ()


def test_promises_are_evidence_for_the_promises_facet() -> None:
    analysis = Pipeline().analyse("Ze zouden me binnen een uur terugbellen. Ik heb nooit meer iets gehoord.")
    facets = {f.facet: f for f in analysis.facets}
    assert "promises" in facets
    assert analysis.facts.promises[0].within_seconds == 3600

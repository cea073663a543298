"""Filling the slots in phrases: durations in words ("drie kwartier", "ruim een week"), weekdays, names."""

from __future__ import annotations

import random
import re
import string
from datetime import datetime, timedelta

from klantstem.demo import phrases_frames as frames
from klantstem.demo.model import CasePlan, PlannedBeat
from klantstem.demo.people import Person
from klantstem.demo.phrases_requests import REQUESTS

NUMBERS = {
    "nl": ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
}
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")  # fmt: skip
HET_WORDS = ("abonnement", "contract", "adres", "nummerbehoud", "bezoek", "internet", "tarief", "toestel", "nieuwe")
SLOT_NAMES = (
    "brand", "topic", "topic_n", "topic_u", "verb", "verb_inf", "agent", "team", "waited", "hold", "dealer",
    "model", "times", "weekday", "partner", "partner_cap", "guests", "town", "owner", "due", "promise",
    "promise_cap", "channel_nl", "party", "case", "date", "request", "product", "quote", "worst", "best", "n",
    "since_promise",
)  # fmt: skip


class Slots(dict[str, str]):
    """Slot values; a slot a phrase names but the case lacks reads as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, slots: Slots) -> str:
    return string.Formatter().vformat(template, (), slots)


def neutral(topic: str, language: str) -> str:
    """'mijn factuur' -> 'de factuur', 'ons bezoek' -> 'het bezoek': the topic as an agent writes it."""
    if language == "en":
        return re.sub(r"\b(my|our)\b", "the", topic)

    def article(match: re.Match[str]) -> str:
        return "het " if match.group(2) in HET_WORDS else "de "

    return re.sub(r"\b(mijn|ons|onze) (?=(\w+))", article, topic)


def yours(topic: str, language: str) -> str:
    """'mijn factuur' -> 'uw factuur': the topic as the organisation writes it to the customer."""
    if language == "en":
        return re.sub(r"\b(my|our)\b", "your", topic)
    return re.sub(r"\b(mijn|ons|onze)\b", "uw", topic)


def spoken(delta: timedelta, language: str, rng: random.Random) -> str:
    """A duration the way people say it."""
    minutes = delta.total_seconds() / 60
    nl = language == "nl"
    if minutes < 55:
        if 40 <= minutes <= 50 and rng.random() < 0.6:
            return "drie kwartier" if nl else "three quarters of an hour"
        if 25 <= minutes <= 35 and rng.random() < 0.6:
            return "een half uur" if nl else "half an hour"
        return f"{max(1, round(minutes))} minuten" if nl else f"{max(1, round(minutes))} minutes"
    hours = minutes / 60
    if hours < 20:
        return _count(round(hours), "uur", "uur", "hour", "hours", language)
    days = hours / 24
    if days < 6:
        return _count(round(days), "dag", "dagen", "day", "days", language)
    if days < 8.5:
        return rng.choice(("een week", "ruim een week")) if nl else rng.choice(("a week", "over a week"))
    if days < 12:
        return _count(round(days), "dag", "dagen", "day", "days", language)
    if days < 26:
        weeks = round(days / 7)
        return _count(weeks, "week", "weken", "week", "weeks", language)
    return "ruim een maand" if nl else "over a month"


def _count(n: int, one_nl: str, many_nl: str, one_en: str, many_en: str, language: str) -> str:
    word = NUMBERS[language][n] if n < len(NUMBERS[language]) else str(n)
    if language == "nl":
        return f"{word} {one_nl if n == 1 else many_nl}"
    return f"{word} {one_en if n == 1 else many_en}"


def case_slots(rng: random.Random, plan: CasePlan, person: Person) -> Slots:
    language = plan.language
    context = plan.context
    topics = frames.TOPICS[language][plan.scenario.key]
    partner = ("mijn man" if person.female else "mijn vrouw") if language == "nl" else (
        "my husband" if person.female else "my wife")  # fmt: skip
    verb, verb_inf = frames.VERBS[language][context["channel"]]
    slots = Slots(
        brand=context["brand"], topic=rng.choice(topics), dealer=context["dealer"], model=context["model"],
        product=context["product"], hold=context["hold"], guests=context["guests"], town=context["town"],
        owner=context["owner"], partner=partner, partner_cap=partner[0].upper() + partner[1:], case=plan.external_id,
        verb=verb.replace("{town}", context["town"]), verb_inf=verb_inf,
    )  # fmt: skip
    dutch = slots["topic"] if language == "nl" else rng.choice(frames.TOPICS["nl"][plan.scenario.key])
    slots["topic_n"] = neutral(dutch, "nl")  # agents write their notes in Dutch
    slots["topic_u"] = yours(slots["topic"], language)
    requests = REQUESTS[language].get(plan.scenario.key, ())
    slots["request"] = fill(rng.choice(requests), slots) if requests else ""
    return slots


def beat_slots(
    rng: random.Random, base: Slots, planned: PlannedBeat, previous_step: datetime | None, language: str
) -> Slots:
    slots = Slots(base)
    day = planned.at
    slots["weekday"] = frames.WEEKDAYS[language][day.weekday()]
    slots["date"] = f"{day.day} {MONTHS_NL[day.month - 1]}" if language == "nl" else day.strftime("%d %B").lstrip("0")
    slots["team"] = planned.team
    slots["party"] = planned.team
    slots["agent"] = (
        planned.resource.split()[0] if planned.staff_id else ("de medewerker" if language == "nl" else "the agent")
    )
    slots["waited"] = spoken(planned.at - previous_step, language, rng) if previous_step else ""
    slots["channel_nl"] = frames.CHANNEL_NAMES.get(planned.channel, "de telefoon")
    if planned.channel:
        verb, verb_inf = frames.VERBS[language][planned.channel]
        slots["verb"], slots["verb_inf"] = verb.replace("{town}", base["town"]), verb_inf
    return slots

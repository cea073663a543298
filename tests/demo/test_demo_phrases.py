"""The phrase banks and the clock the demo tells its stories with."""

from __future__ import annotations

import random
import string
from datetime import datetime, timedelta

import pytest

from klantstem.demo import (
    phrases_frames,
    phrases_interview,
    phrases_labels,
    phrases_messages,
    phrases_requests,
    phrases_staff,
)
from klantstem.demo.period import Period
from klantstem.demo.scenarios import SCENARIOS
from klantstem.demo.slots import SLOT_NAMES, neutral, spoken, yours
from klantstem.demo.texts import BANKS, nearest_level

FORMATTER = string.Formatter()


def _templates(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _templates(v)]
    if isinstance(value, tuple | list):
        return [t for v in value for t in _templates(v)]
    return []


def test_every_step_a_scenario_can_take_is_written_in_dutch_and_english() -> None:
    keys = {b.key for s in SCENARIOS for b in s.beats if b.step} | {"gen.pingpong", "gen.ask_info", "gen.info_sent"}
    for language in ("nl", "en"):
        missing = sorted(keys - set(BANKS[language]))
        assert missing == [], (language, missing)
        assert all(BANKS[language][k] for k in keys)
        assert set(phrases_frames.TOPICS[language]) == {s.key for s in SCENARIOS}
        assert set(phrases_requests.REQUESTS[language]) == {s.key for s in SCENARIOS}
    assert keys <= set(phrases_labels.LABELS["nl"]) and keys <= set(phrases_labels.LABELS["en"])


@pytest.mark.parametrize(
    "bank",
    [BANKS, phrases_staff.STAFF, phrases_staff.GENERIC, phrases_messages.NOTES, phrases_messages.MESSAGES,
     phrases_requests.REPLIES, phrases_requests.STANDALONE, phrases_frames.OPENINGS, phrases_frames.ENDINGS,
     phrases_frames.SUBJECTS, phrases_frames.STORY_TITLES, phrases_frames.VERBS],
)  # fmt: skip
def test_phrases_only_use_known_slots(bank: object) -> None:
    for template in _templates(bank):
        names = {field for _, field, _, _ in FORMATTER.parse(template) if field}
        assert names <= set(SLOT_NAMES), (names - set(SLOT_NAMES), template)


def test_interview_questions_only_quote_and_every_kind_has_answers() -> None:
    for language, kinds in phrases_interview.QUESTIONS.items():
        assert set(kinds) == {"bad", "normal", "excellent", "staff"}, language
        for pairs in kinds.values():
            for question, answers in pairs:
                assert {f for _, f, _, _ in FORMATTER.parse(question) if f} <= {"quote"}
                assert answers and all("{" not in a for a in answers)


def test_every_promise_has_an_english_wording() -> None:
    promised = {b.promise.text for s in SCENARIOS for b in s.beats if b.promise}
    assert promised == set(phrases_messages.PROMISES_EN)


def test_nearest_level() -> None:
    assert nearest_level(("bad", "normal", "excellent"), "bad") == "bad"
    assert nearest_level(("normal", "excellent"), "bad") == "normal"
    assert nearest_level(("bad", "excellent"), "normal") == "bad"
    assert nearest_level(("bad",), "excellent") == "bad"


def test_durations_are_said_the_way_people_say_them() -> None:
    rng = random.Random(1)
    said = {spoken(timedelta(minutes=45), "nl", rng) for _ in range(30)}
    assert said == {"drie kwartier", "45 minuten"}
    assert spoken(timedelta(days=10), "nl", rng) == "tien dagen"
    assert spoken(timedelta(days=7), "nl", rng) in ("een week", "ruim een week")
    assert spoken(timedelta(minutes=47), "en", rng) in ("47 minutes", "three quarters of an hour")
    assert spoken(timedelta(days=15), "en", rng) == "two weeks"


def test_topics_as_agents_and_letters_write_them() -> None:
    assert neutral("mijn factuur", "nl") == "de factuur"
    assert neutral("ons bezoek aan de brasserie", "nl") == "het bezoek aan de brasserie"
    assert yours("geen bereik op mijn telefoon", "nl") == "geen bereik op uw telefoon"
    assert yours("my bill", "en") == "your bill"


def test_office_hours_skip_weekends_and_public_holidays() -> None:
    period = Period.ending(datetime(2026, 10, 31).date())
    friday = datetime(2026, 4, 24, 17, 0)  # the next Monday, 27 April 2026, is King's Day
    assert period.add_office_hours(friday, 1) == datetime(2026, 4, 28, 9, 0)
    assert period.add_office_hours(datetime(2026, 3, 2, 7, 0), 2) == datetime(2026, 3, 2, 10, 30)
    rng = random.Random(2)
    snapped = period.snap(rng, datetime(2026, 4, 26, 12, 0), "office")  # a Sunday
    assert snapped.date() == datetime(2026, 4, 28).date() and 8 <= snapped.hour < 18

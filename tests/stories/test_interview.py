"""The interview: steps with appraisals, follow-up questions chosen from what was said (each topic once), the
read-back summary, confirming or correcting it, and personal links."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.errors import NotFoundError, UserInputError
from klantstem.stories import service as stories
from klantstem.stories.questions import follow_ups_for, topics_mentioned


@pytest.fixture
def clock() -> FixedClock:
    from datetime import UTC, datetime

    return FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


@pytest.fixture
def customer_id(engine: Engine, clock: FixedClock) -> int:
    return customers.add_customer(engine, clock, name="Els de Vries", email="els@example.nl").id


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Ik heb 47 minuten in de wacht gestaan", "wait"),
        ("Ze zouden me terugbellen binnen een dag", "promise"),
        ("Ik werd drie keer doorverbonden", "transfer"),
        ("Ik moest mijn verhaal opnieuw vertellen", "repeat"),
        ("De brief was onbegrijpelijk", "letter"),
        ("De website werkt al dagen niet", "online"),
        ("Niemand nam op, altijd in vergadering", "reachability"),
        ("I was transferred to another department", "transfer"),
        ("They said they would call back", "promise"),
    ],
)
def test_topics_are_found_in_dutch_and_english(text: str, topic: str) -> None:
    assert topic in topics_mentioned(text)


def test_follow_ups_skip_topics_asked_before_and_fall_back_to_why() -> None:
    first = follow_ups_for("Ik stond 47 minuten in de wacht", "bad", set())
    assert first[0][0] == "wait" and first[0][1].startswith("Hoe lang")
    again = follow_ups_for("Weer 20 minuten wachten", "bad", {"wait", "reachability"})
    assert [key for key, _ in again] == ["why_bad"]
    assert follow_ups_for("Prima geholpen", "excellent", set())[0][0] == "why_excellent"
    assert follow_ups_for("Gewoon geholpen", "normal", set()) == []
    assert "How long" in follow_ups_for("I had to wait an hour", "bad", set(), "en")[0][1]


def test_an_interview_from_steps_to_confirmed_summary(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    interview = stories.start_interview(engine, clock, customer_id=customer_id, staff_id=None)
    assert interview.stage == "steps" and interview.customer_name == "Els de Vries"
    interview = stories.add_step(
        engine, clock, interview.story_id, description="Ik belde de klantenservice en stond 45 minuten in de wacht",
        appraisal="bad", opinion="Veel te lang",
    )  # fmt: skip
    assert [q.question for q in interview.open_questions][0].startswith("Hoe lang")
    question = interview.open_questions[0]
    interview = stories.answer(engine, interview.story_id, question.id, "Drie kwartier; beloofd was tien minuten")
    interview = stories.add_step(
        engine, clock, interview.story_id, description="Weer gebeld en moest weer wachten", appraisal="bad"
    )
    asked = [q.question for q in interview.follow_ups if not q.opinion]
    assert sum(q.startswith("Hoe lang") for q in asked) == 1, "the same thing is never asked twice"
    interview = stories.add_step(
        engine, clock, interview.story_id, description="Een medewerker loste het meteen op", appraisal="excellent"
    )
    interview = stories.finish(engine, interview.story_id)
    assert interview.stage == "summary"
    summary = interview.summary or ""
    assert "3 stappen" in summary and "slecht: Veel te lang" in summary and "Drie kwartier" in summary
    assert f"- {question.question} — Drie kwartier; beloofd was tien minuten" in summary  # the answer with its question
    confirmed = stories.confirm(engine, clock, interview.story_id)
    assert confirmed.stage == "confirmed" and confirmed.summary == summary and confirmed.confirmed_at == clock.now()
    with pytest.raises(UserInputError):
        stories.add_step(engine, clock, interview.story_id, description="nog iets", appraisal="normal")


def test_a_corrected_summary_replaces_ours(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    interview = stories.start_interview(engine, clock, customer_id=customer_id, staff_id=None)
    stories.add_step(engine, clock, interview.story_id, description="Brief ontvangen", appraisal="normal")
    stories.finish(engine, interview.story_id, "en")
    confirmed = stories.confirm(engine, clock, interview.story_id, "The letter came two weeks late.")
    assert confirmed.summary == "The letter came two weeks late." and confirmed.summary_confirmed is True


def test_bad_steps_change_nothing(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    story_id = stories.start_interview(engine, clock, customer_id=customer_id, staff_id=None).story_id
    for kwargs in (
        {"description": "  ", "appraisal": "bad"},
        {"description": "x", "appraisal": "terrible"},
        {"description": "x" * 5000, "appraisal": "bad"},
        {"description": "x", "appraisal": "bad", "happened_at": clock.now() + timedelta(days=1)},
    ):
        with pytest.raises(UserInputError):
            stories.add_step(engine, clock, story_id, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(UserInputError):
        stories.finish(engine, story_id)
    assert stories.get_interview(engine, story_id).steps == ()
    with pytest.raises(NotFoundError):
        stories.start_interview(engine, clock, customer_id=9999, staff_id=None)


def test_personal_link_is_used_once_and_expires(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    link = stories.create_link(engine, clock, customer_id, None, "de brief", days_valid=7)
    first = stories.start_from_link(engine, clock, link.id)
    assert first.source == "web_form" and first.title == "de brief"
    assert stories.start_from_link(engine, clock, link.id).story_id == first.story_id, "the link resumes"
    stories.add_step(engine, clock, first.story_id, description="Brief gelezen", appraisal="bad")
    stories.finish(engine, first.story_id)
    stories.confirm(engine, clock, first.story_id)
    with pytest.raises(stories.LinkUsedError):
        stories.start_from_link(engine, clock, link.id)
    other = stories.create_link(engine, clock, customer_id, None, days_valid=1)
    clock.set(clock.now() + timedelta(days=1, seconds=1))
    with pytest.raises(stories.LinkExpiredError):
        stories.start_from_link(engine, clock, other.id)


def test_invitations_respect_the_contact_guard(engine: Engine, clock: FixedClock, customer_id: int) -> None:
    link, decision = stories.invite(engine, clock, customer_id, None, "bezorging", timezone="Europe/Amsterdam")
    assert link is not None and decision.allowed
    clock.set(clock.now() + timedelta(days=1))
    again, decision = stories.invite(engine, clock, customer_id, None, "bezorging", timezone="Europe/Amsterdam")
    assert again is None and not decision.allowed and decision.reasons
    assert len(stories.links_of(engine, customer_id)) == 1

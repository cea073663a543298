"""Interviews, as the edges use them: a guided story told step by step ("which steps did you go through, and
what did you think of each?"), open follow-up questions chosen from what was said, and a read-back summary the
customer confirms or corrects. An interviewer records it on the phone, or the customer tells it through a
personal link.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine

from klantstem import vocabulary
from klantstem.clock import Clock
from klantstem.customers import service as customers
from klantstem.dates import to_utc
from klantstem.db.engine import reading
from klantstem.errors import NotFoundError, UserInputError
from klantstem.outreach import service as outreach
from klantstem.stories import store
from klantstem.stories.model import (
    APPRAISALS,
    INTERVIEW_SOURCES,
    STAGE_CONFIRMED,
    FollowUp,
    Interview,
    InterviewLink,
    InterviewListing,
    LinkExpiredError,
    LinkUsedError,
    Step,
)
from klantstem.stories.questions import OPINION_QUESTION, follow_ups_for, topic_of_question
from klantstem.stories.readback import APPRAISAL_WORDS, read_back, story_text

__all__ = [
    "APPRAISALS",
    "APPRAISAL_WORDS",
    "FollowUp",
    "Interview",
    "InterviewLink",
    "InterviewListing",
    "LinkExpiredError",
    "LinkUsedError",
    "Step",
    "NOTE_SOURCE",
    "add_note",
    "add_step",
    "answer",
    "confirm",
    "create_link",
    "finish",
    "get_interview",
    "invite",
    "link_for_use",
    "links_of",
    "may_record",
    "preview_link",
    "recent_interviews",
    "start_from_link",
    "start_interview",
]

MAX_STEPS = 30
MAX_TEXT = 4000
LINK_DAYS = 14
INVITE_TOPIC = "interview"
NOTE_SOURCE = "note"  # a note by a staff member on a customer's history: a staff story from this source


def _text(value: str | None, label: str, required: bool = True) -> str | None:
    clean = (value or "").strip()
    if not clean:
        if required:
            raise UserInputError(f"the {label} is empty")
        return None
    if len(clean) > MAX_TEXT:
        raise UserInputError(f"the {label} is longer than {MAX_TEXT} characters", code="text_too_long", limit=MAX_TEXT)
    return clean


def _lang(lang: str) -> str:
    return lang if lang in ("nl", "en") else "nl"


def start_interview(
    engine: Engine,
    clock: Clock,
    *,
    customer_id: int,
    staff_id: int | None,
    source: str = "interview",
    channel: str | None = "phone",
    title: str | None = None,
    case_id: int | None = None,
) -> Interview:
    """A new, empty interview with a customer (after merges); steps follow with `add_step`. `staff_id` is the
    interviewer recording it (None: the customer through their own link); only they may add to it."""
    if source not in INTERVIEW_SOURCES:
        raise UserInputError(f"unknown interview source {source!r}")
    channel = None if channel is None else vocabulary.channel(channel)
    owner = customers.resolve_id(engine, customer_id)
    customers.get_customer(engine, owner)
    values = {
        "customer_id": owner,
        "case_id": case_id,
        "staff_id": None,
        "perspective": "customer",
        "source": source,
        "channel": channel,
        "told_at": clock.now(),
        "title": _text(title, "title", required=False),
        "fingerprint": f"{source}:{uuid.uuid4().hex}",
        "recorded_by": staff_id,
    }
    with engine.begin() as conn:
        story_id = store.insert_story(conn, values)
        return _load(conn, story_id)


def get_interview(engine: Engine, story_id: int) -> Interview:
    with reading(engine) as conn:
        return _load(conn, story_id)


def add_note(engine: Engine, clock: Clock, *, customer_id: int, staff_id: int | None, text: str) -> int:
    """A note a staff member writes on the history of a customer (after merges); returns its id. It is kept as a
    staff story (source `note`): it shows on the timeline, moves with merges and goes with the personal data,
    and is never counted as what the customer told us."""
    owner = customers.resolve_id(engine, customer_id)
    values = {
        "customer_id": owner,
        "staff_id": staff_id,
        "perspective": "staff",
        "source": NOTE_SOURCE,
        "told_at": clock.now(),
        "text": _text(text, "note"),
        "fingerprint": f"{NOTE_SOURCE}:{uuid.uuid4().hex}",
    }
    with engine.begin() as conn:
        return store.insert_story(conn, values)


def add_step(
    engine: Engine,
    clock: Clock,
    story_id: int,
    *,
    description: str,
    appraisal: str,
    opinion: str | None = None,
    happened_at: datetime | None = None,
    department_id: int | None = None,
    lang: str = "nl",
    staff_id: int | None = None,
) -> Interview:
    """One step the customer went through and what they thought of it; the follow-up questions that what they
    said calls for are added, unanswered, to the interview. `staff_id`: the interviewer entering it (None: the
    customer through their own link); see `may_record`."""
    what = _text(description, "description of the step")
    thought = _text(opinion, "opinion", required=False)
    if appraisal not in APPRAISALS:
        raise UserInputError(f"the appraisal is one of {', '.join(APPRAISALS)}")
    now = clock.now()
    if happened_at is not None and (happened_at.tzinfo is None or happened_at > now):
        raise UserInputError(
            "the moment of a step needs a time zone and cannot lie in the future", code="step_in_future"
        )
    with engine.begin() as conn:
        interview = _editable(conn, story_id, staff_id)
        if len(interview.steps) >= MAX_STEPS:
            raise UserInputError(f"an interview has at most {MAX_STEPS} steps")
        if department_id is not None and not store.department_exists(conn, department_id):
            raise NotFoundError(f"department {department_id} does not exist")
        values = {"description": what, "appraisal": appraisal, "happened_at": happened_at,
                  "department_id": department_id, "recorded_by": staff_id}  # fmt: skip
        step_id = store.insert_step(conn, story_id, values)
        if thought:
            store.insert_follow_up(conn, story_id, step_id, OPINION_QUESTION[_lang(lang)], thought, now)
        asked = {k for f in interview.follow_ups if (k := topic_of_question(f.question))}
        for _key, question in follow_ups_for(f"{what}\n{thought or ''}", appraisal, asked, _lang(lang)):
            store.insert_follow_up(conn, story_id, step_id, question, None, now)
        store.update_story(conn, story_id, summary=None, summary_confirmed=None)
        return _load(conn, story_id)


def answer(
    engine: Engine, story_id: int, follow_up_id: int, text: str | None, staff_id: int | None = None
) -> Interview:
    """The answer to a follow-up question; an empty answer leaves it unanswered."""
    with engine.begin() as conn:
        _editable(conn, story_id, staff_id)
        if not store.answer_follow_up(conn, story_id, follow_up_id, _text(text, "answer", required=False)):
            raise NotFoundError(f"question {follow_up_id} is not part of story {story_id}")
        return _load(conn, story_id)


def finish(engine: Engine, story_id: int, lang: str = "nl", staff_id: int | None = None) -> Interview:
    """Stop adding steps: the read-back summary is written for the customer to confirm or correct."""
    with engine.begin() as conn:
        interview = _editable(conn, story_id, staff_id)
        if not interview.steps:
            raise UserInputError("tell at least one step before the summary", code="no_steps_yet")
        steps, follow_ups = list(interview.steps), list(interview.follow_ups)
        store.update_story(
            conn,
            story_id,
            summary=read_back(steps, follow_ups, _lang(lang)),
            summary_confirmed=None,
            text=story_text(steps, follow_ups),
        )
        return _load(conn, story_id)


def confirm(
    engine: Engine, clock: Clock, story_id: int, corrected_summary: str | None = None, staff_id: int | None = None
) -> Interview:
    """The customer confirms the summary, or corrects it (their version replaces ours); either way the story
    is now confirmed. Either the customer does it through their own link (`staff_id` None), or the interviewer
    recording the story with the customer present (`staff_id`, see `may_record`); who it was is stored. A
    personal link is used up by it."""
    now = clock.now()
    with engine.begin() as conn:
        interview = _load(conn, story_id)
        if interview.stage != "summary":
            raise UserInputError("there is no summary waiting for confirmation")
        _editable(conn, story_id, staff_id)
        correction = _text(corrected_summary, "corrected summary", required=False)
        summary = correction if correction and correction != interview.summary else interview.summary
        link = store.link_of_story(conn, story_id)
        via = "live_interview" if staff_id is not None else "own_link" if link is not None else "customer"
        store.update_story(conn, story_id, summary=summary, summary_confirmed=True, confirmed_at=now,
                           confirmed_by=staff_id, confirmed_via=via)  # fmt: skip
        if link is not None:
            store.update_link(conn, link.id, used_at=now)
        return _load(conn, story_id)


def recent_interviews(engine: Engine, limit: int = 50, offset: int = 0) -> tuple[int, list[InterviewListing]]:
    """(total, newest interviews first)."""
    with reading(engine) as conn:
        return store.recent_interviews(conn, limit, offset)


# --- personal links ------------------------------------------------------------------------------------------


def create_link(
    engine: Engine, clock: Clock, customer_id: int, created_by: int | None, topic: str | None = None,
    days_valid: int = LINK_DAYS,
) -> InterviewLink:  # fmt: skip
    """A personal link for a customer to tell their story; the web edge signs its id into the URL."""
    if not 1 <= days_valid <= 90:
        raise UserInputError("a link is valid for 1 to 90 days")
    owner = customers.resolve_id(engine, customer_id)
    customers.get_customer(engine, owner)
    now = clock.now()
    values = {"customer_id": owner, "topic": _text(topic, "topic", required=False), "created_by": created_by,
              "created_at": now, "expires_at": now + timedelta(days=days_valid)}  # fmt: skip
    with engine.begin() as conn:
        return store.insert_link(conn, values)


def invite(
    engine: Engine,
    clock: Clock,
    customer_id: int,
    staff_id: int | None,
    topic: str | None = None,
    rules: outreach.GuardRules | None = None,
    channel: str = "email",
    *,
    timezone: str,
) -> tuple[InterviewLink | None, outreach.GuardDecision]:
    """Invite a customer to tell their story through a personal link, if the contact guard allows it (never ask
    the same customer the same thing twice). The attempt is logged as outreach either way; no link when blocked."""
    logged = outreach.log(
        engine, clock, customer_id, INVITE_TOPIC, channel, rules, staff_id=staff_id, timezone=timezone
    )
    if not logged.decision.allowed:
        return None, logged.decision
    return create_link(engine, clock, customer_id, staff_id, topic), logged.decision


def links_of(engine: Engine, customer_id: int) -> list[InterviewLink]:
    with reading(engine) as conn:
        return store.links_of(conn, customer_id)


def link_for_use(engine: Engine, clock: Clock, link_id: int) -> InterviewLink:
    """The link, if it can still be used: not expired and its story not yet confirmed."""
    with reading(engine) as conn:
        link = store.link(conn, link_id)
    if link is None:
        raise NotFoundError("this link does not exist")
    if link.used_at is not None:
        raise LinkUsedError()
    if to_utc(link.expires_at) <= clock.now():
        raise LinkExpiredError()
    return link


def preview_link(engine: Engine, clock: Clock, link_id: int) -> tuple[Interview, str | None]:
    """What opening a personal link shows, changing nothing (a mail scanner that fetches the link starts no
    story): the interview begun earlier, or an empty one that is saved with its first step; and the customer's
    language (None when unknown)."""
    link = link_for_use(engine, clock, link_id)
    customer = customers.get_customer(engine, customers.resolve_id(engine, link.customer_id))
    if link.story_id is not None:
        return get_interview(engine, link.story_id), customer.language
    empty = Interview(
        story_id=0, customer_id=customer.id, customer_name=None, source="web_form", channel="web_form",
        told_at=clock.now(), title=link.topic, steps=(), follow_ups=(), summary=None, summary_confirmed=None,
        confirmed_at=None,
    )  # fmt: skip
    return empty, customer.language


def start_from_link(engine: Engine, clock: Clock, link_id: int) -> Interview:
    """The interview behind a personal link: the one begun earlier, or a new one told by the customer."""
    link = link_for_use(engine, clock, link_id)
    if link.story_id is not None:
        return get_interview(engine, link.story_id)
    interview = start_interview(
        engine, clock, customer_id=link.customer_id, staff_id=None, source="web_form", channel="web_form",
        title=link.topic,
    )  # fmt: skip
    with engine.begin() as conn:
        store.update_link(conn, link.id, story_id=interview.story_id)
    return interview


# --- helpers -------------------------------------------------------------------------------------------------


def _load(conn: Connection, story_id: int) -> Interview:
    row = store.story(conn, story_id)
    if row is None or row.source not in INTERVIEW_SOURCES:
        raise NotFoundError(f"interview {story_id} does not exist")
    return Interview(
        story_id=row.id,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        source=row.source,
        channel=row.channel,
        told_at=to_utc(row.told_at),
        title=row.title,
        steps=tuple(store.steps_of(conn, story_id)),
        follow_ups=tuple(store.follow_ups_of(conn, story_id)),
        summary=row.summary,
        summary_confirmed=row.summary_confirmed,
        confirmed_at=to_utc(row.confirmed_at) if row.confirmed_at else None,
    )


def may_record(engine: Engine, story_id: int, staff_id: int) -> bool:
    """Whether this staff user may add to, and confirm, this story: only the interviewer who started it as a
    live interview with the customer. Stories the customer tells through their own link, and imported ones
    (web forms, e-mail, surveys), only the customer can confirm."""
    with reading(engine) as conn:
        return _recorder_of(conn, story_id) == staff_id


def _recorder_of(conn: Connection, story_id: int) -> int | None:
    row = store.story(conn, story_id)
    return row.recorded_by if row is not None and row.source == "interview" else None


def _editable(conn: Connection, story_id: int, staff_id: int | None = None) -> Interview:
    interview = _load(conn, story_id)
    if interview.stage == STAGE_CONFIRMED:
        raise UserInputError("this story has been confirmed and can no longer change")
    if staff_id is not None and _recorder_of(conn, story_id) != staff_id:
        raise UserInputError(
            "only the interviewer recording this story with the customer may add to it or confirm it",
            code="not_your_interview",
        )
    return interview

"""Stories: customers' accounts of their cases, step by step with an appraisal per step, and for some cases a staff
member's account of the same steps. Interviews carry follow-up questions and a summary read back for confirmation."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from klantstem.demo import fingerprints, phrases_interview, texts
from klantstem.demo.contacts import Identity
from klantstem.demo.model import CasePlan, Row
from klantstem.demo.organisation import Organisation
from klantstem.demo.period import Period, to_utc
from klantstem.demo.slots import Slots
from klantstem.demo.style import apply, voice_for
from klantstem.demo.texts import Step

# (source, channel, length, weight)
SOURCES = (
    ("interview", "phone", "long", 30), ("interview", "visit", "long", 15), ("web_form", "web_form", "medium", 20),
    ("email", "email", "medium", 10), ("whatsapp", "whatsapp", "short", 10), ("survey", "email", "short", 10),
    ("review_site", "review_site", "short", 5),
)  # fmt: skip


@dataclass
class StoryRows:
    stories: list[Row] = field(default_factory=list)
    story_steps: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Teller:
    """Who tells a story, and how it is told."""

    perspective: str
    staff_id: int | None
    source: str
    channel: str
    length: str
    language: str
    flemish: bool


def weighted_sample(rng: random.Random, items: list[CasePlan], weights: list[float], k: int) -> list[CasePlan]:
    """k items without replacement, each drawn with probability proportional to its weight."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights) if w > 0), reverse=True)
    return sorted((items[i] for _, i in keyed[:k]), key=lambda plan: plan.case_id)


def choose_cases(
    rng: random.Random, plans: list[CasePlan], customer: int, staff: int
) -> tuple[list[CasePlan], list[CasePlan]]:
    eligible = [p for p in plans if sum(1 for b in p.beats if b.beat.step) >= 2]
    told = weighted_sample(rng, eligible, [p.scenario.story_weight for p in eligible], customer)
    with_staff = [p for p in told if any(b.staff_id for b in p.beats if b.beat.step)]
    # staff are asked most about the cases that went wrong
    weights = [
        p.scenario.story_weight * (1 + sum(b.appraisal == "bad" for b in p.beats if b.beat.step)) for p in with_staff
    ]
    return told, weighted_sample(rng, with_staff, weights, staff)


def told_at(rng: random.Random, plan: CasePlan, period: Period, length: str) -> datetime:
    """Some days after the last step for an interview, within hours for a message; never after the period."""
    last = max(b.at for b in plan.beats if b.beat.step)
    delay = timedelta(days=rng.uniform(2, 40)) if length == "long" else timedelta(hours=rng.uniform(1, 72))
    limit = period.end - timedelta(hours=2)
    if last >= limit:
        return last + timedelta(minutes=1)
    snapped = period.snap(rng, last + delay, "office" if length == "long" else "anytime")
    return (snapped if snapped <= limit else min(last + delay, limit)).replace(microsecond=0)


def customer_teller(rng: random.Random, language: str, flemish: bool) -> Teller:
    source, channel, length, _w = rng.choices(SOURCES, weights=[s[3] for s in SOURCES])[0]
    return Teller("customer", None, source, channel, length, language, flemish)


def staff_teller(plan: CasePlan) -> Teller:
    return Teller("staff", plan.owner_id, "interview", "visit", "long", "nl", False)


def add_story(
    rng: random.Random,
    rows: StoryRows,
    plan: CasePlan,
    teller: Teller,
    steps: list[Step],
    slots: Slots,
    org: Organisation,
    identity: Identity,
    period: Period,
) -> None:
    story_id = len(rows.stories) + 1
    when = told_at(rng, plan, period, teller.length)
    staff = teller.perspective == "staff"
    voice = voice_for(rng, teller.language, teller.flemish, teller.channel)
    if teller.source == "interview":  # the interviewer writes it down: no typos, tidy punctuation
        voice = replace(voice, typo_rate=0.0, sloppy=False)
    mood = texts.overall(steps)
    text = texts.story_text(rng, steps, slots, teller.language, teller.length, voice.formal, staff)
    text = text if staff else apply(rng, text, voice, mood)
    title = f"Zaak {plan.external_id}: het verhaal van {org.staff[plan.owner_id - 1].name}" if staff else (
        texts.title(rng, steps, slots, teller.language))  # fmt: skip
    summary, confirmed, confirmed_at = None, None, None
    if teller.source == "interview":
        teams = list(dict.fromkeys(s.beat.team for s in steps))
        summary = texts.staff_summary(rng, steps, teams) if staff else texts.summary(rng, steps, slots, teller.language)
        confirmed = rng.choices((True, False, None), weights=(75, 10, 15))[0]
        confirmed_at = to_utc(when + timedelta(minutes=rng.randint(15, 50))) if confirmed else None
    step_rows = _step_rows(rows, story_id, steps, org)
    row: Row = {
        "id": story_id, "customer_id": plan.customer_id, "case_id": plan.case_id, "staff_id": teller.staff_id,
        "perspective": teller.perspective, "source": teller.source, "channel": teller.channel,
        "told_at": to_utc(when), "title": title, "text": text, "summary": summary, "summary_confirmed": confirmed,
        "confirmed_at": confirmed_at,
    }  # fmt: skip
    row["fingerprint"] = _fingerprint(row, plan, identity, step_rows, org)
    rows.stories.append(row)
    rows.story_steps += step_rows
    if teller.source == "interview":
        _follow_ups(rng, rows, story_id, when, steps, step_rows, teller, confirmed)


def _step_rows(rows: StoryRows, story_id: int, steps: list[Step], org: Organisation) -> list[Row]:
    first = len(rows.story_steps) + 1
    return [
        {
            "id": first + i,
            "story_id": story_id,
            "position": i + 1,
            "description": step.text,
            "happened_at": to_utc(step.beat.at),
            "appraisal": step.appraisal,
            "department_id": step.beat.department_id,
        }  # fmt: skip
        for i, step in enumerate(steps)
    ]


def _follow_ups(
    rng: random.Random,
    rows: StoryRows,
    story_id: int,
    when: datetime,
    steps: list[Step],
    step_rows: list[Row],
    teller: Teller,
    confirmed: bool | None,
) -> None:
    asked = when
    step_ids = {id(step): row["id"] for step, row in zip(steps, step_rows, strict=True)}
    questions = [
        (step_ids[id(s)], q, a)
        for s, q, a in texts.follow_ups(rng, steps, teller.language, teller.perspective == "staff")
    ]
    if confirmed is False:
        language = teller.language
        correction = rng.choice(phrases_interview.CORRECTIONS[language])
        questions.append((None, phrases_interview.CORRECTION_QUESTION[language], correction))
    for step_id, question, answer in questions:
        asked += timedelta(minutes=rng.randint(2, 12))
        rows.follow_ups.append({
            "id": len(rows.follow_ups) + 1, "story_id": story_id, "step_id": step_id, "question": question,
            "answer": answer, "asked_at": to_utc(asked),
        })  # fmt: skip


def _fingerprint(row: Row, plan: CasePlan, identity: Identity, step_rows: list[Row], org: Organisation) -> str:
    staff = org.staff[row["staff_id"] - 1].name if row["staff_id"] else None
    parts: list[str | None] = [
        row["perspective"], row["source"], row["channel"], row["told_at"].isoformat(), identity.name or None,
        identity.postcode or None, None, row["title"], row["text"], row["summary"], str(row["summary_confirmed"]),
        plan.external_id, staff,
    ]  # fmt: skip
    parts += list(identity.parts)
    for step in step_rows:
        parts += [str(step["position"]), step["description"], step["happened_at"].isoformat(), step["appraisal"],
                  org.department_name(step["department_id"])]  # fmt: skip
    return fingerprints.of_parts("story", parts)

"""Composing story texts from the phrase banks: steps (customer and staff side), the story around them, the summary
read back to the narrator, and the follow-up questions of an interview."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from klantstem.demo import phrases_en, phrases_en_other, phrases_interview, phrases_labels, phrases_staff
from klantstem.demo import phrases_frames as frames
from klantstem.demo.model import PlannedBeat
from klantstem.demo.phrases_nl_general import GENERAL
from klantstem.demo.phrases_nl_mobile import MOBILE
from klantstem.demo.phrases_nl_other import OTHER
from klantstem.demo.slots import Slots, fill

LEVELS = ("bad", "normal", "excellent")
Bank = dict[str, dict[str, tuple[str, ...]]]
BANKS: dict[str, Bank] = {
    "nl": {**GENERAL, **MOBILE, **OTHER},
    "en": {**phrases_en.STEPS, **phrases_en_other.STEPS},
}
# how a staff member rates a step, given the customer's rating of it
STAFF_VIEW = {"bad": (0.45, 0.5, 0.05), "normal": (0.1, 0.8, 0.1), "excellent": (0.0, 0.4, 0.6)}
NL_FILLERS = {"bad": ("En het werd nog mooier.", "Maar goed.", "Serieus."), "normal": ("",), "excellent": ("",)}


@dataclass(frozen=True)
class Step:
    beat: PlannedBeat
    text: str
    appraisal: str


def nearest_level(available: tuple[str, ...] | list[str], wanted: str) -> str:
    """The wanted appraisal when the bank has it, else the closest one (normal wins a tie)."""
    if wanted in available:
        return wanted
    position = LEVELS.index(wanted)
    return min(available, key=lambda level: (abs(LEVELS.index(level) - position), level != "normal"))


def _choose(rng: random.Random, entry: dict[str, tuple[str, ...]], wanted: str, slots: Slots) -> tuple[str, str]:
    level = nearest_level(list(entry), wanted)
    return fill(rng.choice(entry[level]), slots), level


def customer_step(rng: random.Random, planned: PlannedBeat, slots: Slots, language: str) -> Step:
    text, level = _choose(rng, BANKS[language][planned.beat.key], planned.appraisal, slots)
    return Step(planned, text, level)


def staff_step(rng: random.Random, planned: PlannedBeat, customer_appraisal: str, slots: Slots) -> Step:
    wanted = rng.choices(LEVELS, weights=STAFF_VIEW[customer_appraisal])[0]
    entry = phrases_staff.STAFF.get(planned.beat.key) or phrases_staff.GENERIC[_category(planned)]
    text, level = _choose(rng, entry, wanted, slots)
    return Step(planned, text, level)


def staff_account(rng: random.Random, steps: list[Step], slots_of: dict[int, Slots]) -> list[Step]:
    """A staff member's account of the same steps, without saying the same sentence twice."""
    told: list[Step] = []
    used: list[str] = []
    for step in steps:
        slots = slots_of[step.beat.index]
        said = staff_step(rng, step.beat, step.appraisal, slots)
        for _ in range(4):
            if said.text not in used:
                break
            entry = phrases_staff.GENERIC[_category(step.beat)]
            text, level = _choose(rng, entry, rng.choice(LEVELS), slots)
            said = Step(step.beat, text, level)
        used.append(said.text)
        told.append(said)
    return told


def _category(planned: PlannedBeat) -> str:
    if planned.third_party_id is not None:
        return "third_party"
    if planned.channel:
        return "inbound" if planned.beat.direction == "inbound" else "outbound"
    return "work"


def overall(steps: list[Step]) -> str:
    bad = sum(1 for s in steps if s.appraisal == "bad")
    excellent = sum(1 for s in steps if s.appraisal == "excellent")
    if bad and bad >= excellent:
        return "bad"
    if excellent > len(steps) / 3:
        return "excellent"
    return "normal"


def story_text(
    rng: random.Random, steps: list[Step], slots: Slots, language: str, length: str, formal: bool, staff: bool = False
) -> str:
    """The story as told: everything (long), the salient steps (medium) or only the worst moment (short)."""
    mood = overall(steps)
    chosen = _salient(steps, length)
    register = "formal" if formal else "informal"
    parts: list[str] = []
    if staff:
        parts.append(rng.choice(frames.STAFF_OPENINGS))
    elif length == "long":
        parts.append(fill(rng.choice(frames.OPENINGS[language][register]), slots))
    for i, step in enumerate(chosen):
        sentence = step.text
        if language == "en" and i and sentence.startswith("I ") and rng.random() < 0.5:
            sentence = f"{rng.choice(frames.CONNECTORS['en'])} {sentence}"
        if not staff and language == "nl" and i and step.appraisal == "bad" and rng.random() < 0.15:
            parts.append(rng.choice(NL_FILLERS["bad"]))
        parts.append(sentence)
        if not staff and rng.random() < (0.25 if length == "long" else 0.1):
            parts.append(rng.choice(frames.FEELINGS[language][step.appraisal]))
    endings = frames.STAFF_ENDINGS[mood] if staff else frames.ENDINGS[language][mood]
    parts.append(rng.choice(endings))
    return " ".join(p for p in parts if p)


def _salient(steps: list[Step], length: str) -> list[Step]:
    if length == "long" or len(steps) <= 2:
        return steps
    marked = [s for s in steps if s.appraisal != "normal"] or steps
    if length == "medium":
        keep = {id(s) for s in marked} | {id(steps[0])}
        return [s for s in steps if id(s) in keep]
    return marked[-2:] if len(marked) > 1 else marked


def title(rng: random.Random, steps: list[Step], slots: Slots, language: str) -> str:
    text = fill(rng.choice(frames.STORY_TITLES[language][overall(steps)]), slots)
    return text[0].upper() + text[1:]


def label(step: Step, language: str) -> str:
    found = phrases_labels.LABELS[language].get(step.beat.beat.key)
    if found:
        return found
    return phrases_labels.FALLBACK[language].format(activity=step.beat.beat.activity.lower())


def summary(rng: random.Random, steps: list[Step], slots: Slots, language: str) -> str:
    """What the interviewer reads back: how many steps, the worst and the best moment."""
    bank = phrases_interview
    parts = [rng.choice(bank.SUMMARY_OPENINGS[language])]
    parts.append(bank.SUMMARY_STEPS[language].format(n=len(steps), topic=slots["topic_u"]))
    worst = [s for s in steps if s.appraisal == "bad"]
    worst = [s for s in worst if not label(s, language).startswith(("uw ", "your "))] or worst
    best = [s for s in steps if s.appraisal == "excellent"]
    if worst:
        parts.append("; " + rng.choice(bank.SUMMARY_BAD[language]).format(worst=label(rng.choice(worst), language)))
    if best:
        parts.append("; " + rng.choice(bank.SUMMARY_GOOD[language]).format(best=label(rng.choice(best), language)))
    return parts[0] + " " + "".join(parts[1:]) + "."


def follow_ups(rng: random.Random, steps: list[Step], language: str, staff: bool) -> list[tuple[Step, str, str]]:
    """One to three open questions about telling steps, each with the narrator's answer."""
    telling = [s for s in steps if s.appraisal != "normal"] or steps
    count = min(len(telling), rng.choice((1, 1, 2, 2, 3)))
    asked: list[tuple[Step, str, str]] = []
    for step in rng.sample(telling, count):
        kind = "staff" if staff else step.appraisal
        question, answers = rng.choice(phrases_interview.QUESTIONS[language][kind])
        asked.append((step, question.format(quote=_quote(step.text)), rng.choice(answers)))
    return asked


def _quote(text: str) -> str:
    """The telling bit of a step to ask about: its shortest sentence, or its first words."""
    sentences = [s.strip().rstrip(".!?") for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    shortest = min(sentences, key=len) if sentences else text
    words = shortest.split()
    return " ".join(words) if len(words) <= 8 else " ".join(words[:6]) + "…"


def staff_summary(rng: random.Random, steps: list[Step], teams: list[str]) -> str:
    """Read back to a staff member: the route the case took and where it got stuck, in process terms."""
    opening = rng.choice(phrases_interview.SUMMARY_OPENINGS["nl"])
    route = " → ".join(teams)
    text = f"{opening} de zaak ging langs {route}"
    worst = [s for s in steps if s.appraisal == "bad"]
    if worst:
        chosen = rng.choice(worst)
        activity = chosen.beat.beat.activity
        text += f"; het knelpunt zat vooral bij de stap '{activity.lower()}'" if activity else (
            f"; het knelpunt zat vooral bij {label(chosen, 'nl')}")  # fmt: skip
    return text + "."

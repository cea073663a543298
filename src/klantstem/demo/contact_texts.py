"""The subject and text of one contact: an agent's note for calls and visits, the customer's own words for what
they write, the organisation's message for what it sends."""

from __future__ import annotations

import random

from klantstem.demo import phrases_frames as frames
from klantstem.demo import style
from klantstem.demo.model import CasePlan, PlannedBeat
from klantstem.demo.people import Person
from klantstem.demo.phrases_messages import CALM_NOTES, INBOUND_NOTE_FALLBACK, MESSAGES, NOTES, OUTBOUND_NOTE_FALLBACK
from klantstem.demo.phrases_requests import REPLIES
from klantstem.demo.slots import Slots, fill
from klantstem.demo.texts import customer_step

SPOKEN = ("phone", "visit")
STARS = {"bad": ("★☆☆☆☆", "★★☆☆☆", "1/5"), "normal": ("★★★☆☆", "3/5"), "excellent": ("★★★★★", "5/5", "★★★★☆")}
OUTBOUND_FALLBACK = {
    "nl": ("Wij hebben uw vraag over {topic_u} in behandeling.", "Hierbij een update over {topic_u}.",
           "Graag informeren wij u over de voortgang van uw vraag over {topic_u}."),
    "en": ("We are handling your question about {topic_u}.", "Here is an update about {topic_u}."),
}  # fmt: skip
VISIT_WORDS = (("Klant belt opnieuw", "Klant komt opnieuw langs"), ("Klant belt", "Klant in de winkel"),
               ("Klant neemt contact op", "Klant komt langs in de winkel"))  # fmt: skip
NOTE_SUBJECTS = {("phone", "inbound"): "Inkomend gesprek", ("phone", "outbound"): "Uitgaand gesprek",
                 ("visit", "inbound"): "Bezoek", ("visit", "outbound"): "Afspraak op locatie"}  # fmt: skip


def contact_text(
    rng: random.Random, plan: CasePlan, planned: PlannedBeat, slots: Slots, person: Person, review: str
) -> tuple[str | None, str]:
    """(subject, text) of the contact made at this beat; `review` is the customer's account so far."""
    direction = planned.beat.direction
    if planned.channel in SPOKEN:
        return NOTE_SUBJECTS[(planned.channel, direction)], _note(rng, planned, slots)
    if direction == "inbound":
        return _customer_writes(rng, plan, planned, slots, person, review)
    return _organisation_writes(rng, plan, planned, slots, person)


def _note(rng: random.Random, planned: PlannedBeat, slots: Slots) -> str:
    fallback = INBOUND_NOTE_FALLBACK if planned.beat.direction == "inbound" else OUTBOUND_NOTE_FALLBACK
    notes = NOTES
    if planned.appraisal != "bad" and planned.beat.key in CALM_NOTES:
        notes = CALM_NOTES
    note = fill(rng.choice(notes.get(planned.beat.key, fallback)), slots)
    if slots["promise"] and "{promise" not in " ".join(NOTES.get(planned.beat.key, ())):
        note += f" Toegezegd: {slots['promise']}."
    if planned.channel == "visit":
        for said, seen in VISIT_WORDS:
            note = note.replace(said, seen)
    return note


def _customer_writes(
    rng: random.Random, plan: CasePlan, planned: PlannedBeat, slots: Slots, person: Person, review: str
) -> tuple[str | None, str]:
    language = plan.language
    voice = style.voice_for(rng, language, person.flemish, planned.channel)
    replies = REPLIES[language]
    if planned.channel == "review_site":
        body = review or customer_step(rng, planned, slots, language).text
        body = f"{rng.choice(STARS[planned.appraisal])} {body}"
    elif planned.index == 0:
        body = slots["request"] or customer_step(rng, planned, slots, language).text
    elif planned.beat.key in replies:
        body = fill(rng.choice(replies[planned.beat.key]), slots)
    else:
        body = customer_step(rng, planned, slots, language).text
    body = style.apply(rng, body, voice, planned.appraisal)
    subject = None
    if planned.channel in ("email", "web_form", "letter"):
        subject = fill(rng.choice(frames.SUBJECTS[language]), slots)
        subject = subject[0].upper() + subject[1:]
    if planned.channel in ("email", "letter"):
        register = "formal" if voice.formal or planned.channel == "letter" else "informal"
        greeting = rng.choice(frames.GREETINGS[language][register])
        sign = rng.choice(frames.SIGN_OFFS[language][register])
        name = person.name if register == "formal" else person.first_name
        body = f"{greeting}\n\n{body}\n\n{sign}\n{name}"
    elif planned.channel == "social_media":
        body = f"@{slots['brand'].replace(' ', '')} {body}"
    return subject, body


def _organisation_writes(
    rng: random.Random, plan: CasePlan, planned: PlannedBeat, slots: Slots, person: Person
) -> tuple[str | None, str]:
    language = plan.language
    messages = MESSAGES[language]
    own = f"{planned.beat.key}@{plan.scenario.key}"  # a scenario's own wording comes first
    options = messages.get(own) or messages.get(planned.beat.key) or OUTBOUND_FALLBACK[language]
    body = fill(rng.choice(options), slots)
    if slots["promise"] and slots["promise"].lower() not in body.lower():
        body += f" {slots['promise_cap']}."
    nl = language == "nl"
    if planned.channel == "whatsapp":
        return None, body
    if planned.channel == "review_site":
        return None, f"Reactie van {slots['brand']}: {body}" if nl else f"Response from {slots['brand']}: {body}"
    agent = planned.resource if planned.staff_id else planned.team
    subject = (f"Uw vraag over {slots['topic_u']} ({plan.external_id})" if nl
               else f"Your question about {slots['topic_u']} ({plan.external_id})")  # fmt: skip
    if planned.beat.key == "gen.survey":
        subject = "Hoe hebben wij u geholpen?" if nl else "How did we do?"
    if planned.channel == "letter":
        greeting = f"Geachte {person.salutation}," if nl else f"Dear {person.salutation},"
        close = "Hoogachtend," if nl else "Yours sincerely,"
        reference = f"Ons kenmerk: {plan.external_id}" if nl else f"Our reference: {plan.external_id}"
        return subject, f"{reference}\n\n{greeting}\n\n{body}\n\n{close}\n\n{planned.team}\n{slots['brand']}"
    greeting = f"Beste {person.salutation}," if nl else f"Dear {person.salutation},"
    close = "Met vriendelijke groet," if nl else "Kind regards,"
    return subject, f"{greeting}\n\n{body}\n\n{close}\n{agent}\n{slots['brand']}"

"""Promises found in contact texts, by the text analysis (klantstem.text), as candidates for the register.

"Wij bellen u binnen een half uur terug" in an outbound message, or "De dealer zou mij binnen 2 werkdagen
terugbellen" in a customer's message, becomes a callback with a due phrase. In a customer's own message "ik"
is the customer, so those promises are left out. The organisation's own staff ("de monteur", "uw collega") are
the organisation, not a third party. The due phrase is written in the words `promises.due` reads ("morgen om
10:00", "op donderdag om 12:00", "volgende week"); a promise without a time gets a default due time. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from klantstem.dates import MONTH_NAMES, WEEKDAY_NAMES
from klantstem.promises.due import MONTH_ALTERNATION, NUMBER_WORDS
from klantstem.text.service import clean, find_facts, safe_lower, word_set

KIND_OF_ACTION = {
    "call_back": "callback",
    "contact": "answer",
    "send": "letter",
    "visit": "visit",
    "resolve": "resolve",
    "deliver": "delivery",
    "refund": "refund",
    "promise": "promise",
}
CUSTOMER_ACTORS = frozenset({"ik", "i"})
# the customer named in the third person, as staff write it ("de klant belt morgen terug"): their own doing
CUSTOMER_WORDS = word_set("klant klanten cliënt client customer")
ORGANISATION_ACTORS = frozenset(
    {"we", "wij", "organisation", "iemand", "someone", "somebody", "unspecified", "ze", "zij", "jullie", "you", "they"}
)
# the organisation's own people and desks, however they are named ("de monteur", "our technician")
STAFF_WORDS = word_set(
    "monteur monteurs technicus technieker medewerker medewerkster collega adviseur klantenservice klantendienst "
    "afdeling helpdesk servicedesk team engineer technician agent colleague advisor adviser staff department "
    "service"
)
# "onze monteur", "our billing team": whoever the organisation calls its own is the organisation
OUR_WORDS = word_set("onze ons our")
YOUR_WORDS = word_set("uw je jouw your")
INDEFINITE_WORDS = word_set("een a an")
FAMILY_WORDS = word_set(
    "vader moeder broer zuster dochter zoon buurman buurvrouw partner father mother brother sister daughter son "
    "neighbour neighbor partner"
)
PARTY_WORDS = word_set("landlord huisbaas verhuurder bank gemeente council insurer verzekeraar school werkgever")
# a noun for someone who does something: dealer, koerier, verzekeraar, installateur, leverancier, courier
AGENT_NOUN = re.compile(r"(?:er|eur|aar|ier|or)s?$")
# the organisation's own desks as Dutch compounds them: storingsdienst, buitendienst, klantenteam, servicedesk
STAFF_ENDINGS = ("dienst", "afdeling", "team", "desk", "service", "centrum", "center")
DEFAULT_DUE = "binnen 5 werkdagen"
MAX_DESCRIPTION = 300

_NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT = (
    r"werkdagen|werkdag|working days?|business days?|dagen|dag|days?|weken|week|weeks?|uren|uur|hours?|"
    r"minuten|minuut|minutes?|kwartier"
)
_WITHIN = re.compile(rf"\b(?:binnen|within)\s+(?:(?:het|de|the)\s+)?(?:(?:{_NUMBER})\s+)?(?:half\s+)?(?:{_UNIT})\b")
_WITHIN_SPAN = re.compile(
    rf"\b(?:binnen|within|in|over)\s+(?:{_NUMBER})\s*(?:-|to|tot|à)\s*({_NUMBER})\s+({_UNIT})\b"
)
# what arrives: of two times, the one after it is what the customer waits for
_ARRIVAL = re.compile(
    r"\b(?:arriv\w*|delivered|reach(?:es)? you|be with you|bezorgd|geleverd|afgeleverd|aankom\w*|in huis)\b"
)
# "over twee weken", "over een half uurtje", "in 10 minutes"
_IN_TIME = re.compile(rf"\b(?:over|in)\s+((?:{_NUMBER})\s+(?:half\s+)?(?:{_UNIT}))(?:tje|je)?\b")
_WEEKDAY = "|".join(WEEKDAY_NAMES)
_NEXT_WEEK = re.compile(rf"\b(?:volgende|komende|next)\s+week\b(?:\s+(?:op\s+|on\s+)?({_WEEKDAY})\b)?")
_DAY = re.compile(
    r"\b(morgen(?:ochtend|voormiddag|middag|namiddag|avond|vroeg)?|tomorrow(?: morning)?|vandaag|today|vanmiddag|"
    r"vanavond|vanochtend|vanmorgen|this (?:afternoon|morning|evening)|tonight|"
    r"(?:the )?end of (?:the |to)?day|close of business|end of business|eod|(?:het )?einde? van de dag)\b"
)
# "26/11": a day and a month without a year (not "24/7"); "the 30th", "de 30e": a day of this or next month
_DAY_MONTH = re.compile(r"\b(?!24/7)(\d{1,2})/(\d{1,2})\b(?!/\d)")
_ORDINAL_DAY = re.compile(r"\b(?:the|de)\s+(\d{1,2})(?:st|nd|rd|th|ste|de|e)\b")
_MONTH_OF_NUMBER = {number: name for name, number in reversed(MONTH_NAMES.items()) if name.isascii()}
_ON_WEEKDAY = re.compile(
    rf"\b(?:(uiterlijk|voor|op|before|by|on|aanstaande|komende|this|next)\s+)?({_WEEKDAY})"
    r"(?:(ochtend|morgen|voormiddag)|middag|namiddag|avond|\s+(morning)|\s+(?:afternoon|evening))?\b"
)
# the rest of this week: "deze week nog", "voor het weekend", "by the end of the week"
_THIS_WEEK = re.compile(
    r"\b(?:deze week|this week|(?:eind|einde) van de(?:ze)? week|end of (?:the|this) week|voor het weekend|"
    r"before the weekend)\b"
)
# the end of a month: "voor eind december", "by the end of January"
_MONTH_END = re.compile(
    rf"\b(?:eind|einde|end of|the end of)\s+({MONTH_ALTERNATION}|(?:van\s+)?(?:de|deze|the|this)\s+(?:maand|month))\b"
)
MORNING_ENDS = "12:00"  # "donderdagochtend", "Thursday morning": by noon
_ON_DATE = re.compile(
    rf"\b(?:(uiterlijk|voor|op|before|by|on)\s+)?(\d{{1,2}}\s+(?:{MONTH_ALTERNATION})\b(?:\s+\d{{4}})?|\d{{1,2}}-\d{{1,2}}-\d{{4}})"
)
_CLOCK = re.compile(
    r"\b(om|voor|rond|tegen|at|before|by|around|en|and)\s+(?:(half)\s+([a-z]+)|(\d{1,2}|[a-z]+(?=\s+uur\b))"
    r"(?:[:.u](\d{2}))?\s*"
    rf"(uur|u|h|am|pm|o'clock)?(?![\d-]|\s*(?:{MONTH_ALTERNATION}|{_UNIT})\b))|\b(\d{{1,2}})\s*(am|pm)\b|\b(noon)\b"
)
_CLOCK_RANGE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*[-\u2013]\s*(\d{1,2})[:.](\d{2})\b|\b\d{1,2}\s*[-\u2013]\s*(\d{1,2})\s*(uur|u|h|am|pm)\b"
)
_ENGLISH_DAYS = {"tomorrow": "tomorrow", "today": "today"}


@dataclass(frozen=True)
class FoundPromise:
    start: int  # offset of the sentence in the cleaned text; with the contact id it identifies the mention
    kind: str
    description: str
    actor: str
    due_phrase: str

    @property
    def by_someone_else(self) -> bool:
        """Named as another party ("de dealer", "the courier"), not as "we", the organisation or its staff."""
        if self.actor in ORGANISATION_ACTORS or self.actor in CUSTOMER_ACTORS:
            return False
        words = self.actor.split()
        if words[0] in OUR_WORDS or words[0] in INDEFINITE_WORDS or _staff(words[-1]):
            return False  # "een specialist", "a colleague": one of the organisation's people
        # "uw dealer", "your courier" is another party; "your new card" is what the organisation sends
        return words[0] not in YOUR_WORDS or bool(AGENT_NOUN.search(words[-1]))


def promises_in(text: str, inbound: bool) -> list[FoundPromise]:
    """The promises told in one contact text.

    A promise that waits for an event instead of naming a time ("U ontvangt een track-en-tracecode zodra het
    pakket onderweg is") beside another promise in the same text belongs to that one: it is kept when the delivery
    is, has no due time of its own to be judged by, and registered apart it would get the default one and count
    as a second promise, kept or broken on nothing."""
    cleaned = clean(text).text
    lower = safe_lower(cleaned)
    mentions = [
        m
        for m in find_facts(cleaned, lower).promises
        if not ((inbound and _the_customers_side(m.actor)) or _by_the_customer(m.actor, m.span.text))
    ]
    waiting = [m.upon is not None and due_phrase(lower[m.span.start : m.span.end]) is None for m in mentions]
    if not all(waiting):  # it accompanies another promise of this text
        mentions = [m for m, waits in zip(mentions, waiting, strict=True) if not waits]
    found: dict[int, FoundPromise] = {}  # one promise per sentence: its most specific reading
    for mention in mentions:
        kind = KIND_OF_ACTION.get(mention.action, mention.action)
        start = mention.span.start
        if start in found and (kind == "promise" or found[start].kind != "promise"):
            continue  # "Toegezegd: u ontvangt ..." is the delivery, not a second, unnamed promise
        description = " ".join(mention.span.text.split())[:MAX_DESCRIPTION]
        phrase = due_phrase(lower[start : mention.span.end]) or DEFAULT_DUE
        found[start] = FoundPromise(start, kind, description, mention.actor, phrase)
    return list(found.values())


def _staff(word: str) -> bool:
    return word in STAFF_WORDS or word.endswith(STAFF_ENDINGS)


def _the_customers_side(actor: str) -> bool:
    """In a customer's own message: the customer ("ik") or their own people ("mijn buurman", "my son"); "mijn
    adviseur" is the organisation's."""
    words = actor.split()
    own = words[0] in ("mijn", "my") and not _staff(words[-1])
    # "mijn verzekeraar", "my landlord" is another party; "mijn buurman", "my son" the customer's own people
    party = bool(AGENT_NOUN.search(words[-1])) and words[-1] not in FAMILY_WORDS or words[-1] in PARTY_WORDS
    # "Wij willen ...", "we'd like ...": in a customer's own message "we" is the customer's household or firm
    return actor in CUSTOMER_ACTORS or actor in ("we", "wij") or (own and not party)


def _by_the_customer(actor: str, sentence: str) -> bool:
    """The customer named in the third person does it: as the actor ("de klant belt ons terug"), or, when no
    actor was found, as the sentence's first word, the way staff write notes ("Klant stuurt het op")."""
    if actor == "unspecified":
        words = safe_lower(sentence).split()[:2]
        actor = words[1] if words[:1] in (["de"], ["the"]) and len(words) > 1 else " ".join(words[:1])
    return (actor.split() or [""])[-1] in CUSTOMER_WORDS


def due_phrase(sentence: str) -> str | None:
    """The due time told in one lower-cased sentence, in words `promises.due` reads; None when none is told. Of two
    times, the one told with the arrival is what the customer waits for ("ships tomorrow and should arrive on
    Thursday")."""
    sentence = sentence.replace("vóór", "voor")
    arrival = _ARRIVAL.search(sentence)
    if arrival and arrival.start() > 0:
        later = _due_phrase(sentence[arrival.start() :])
        if later is not None and _due_phrase(sentence[: arrival.start()]) is not None:
            return later
    return _due_phrase(sentence)


def _due_phrase(sentence: str) -> str | None:
    span = _WITHIN_SPAN.search(sentence)  # "in 2 to 3 working days", "binnen 3-5 werkdagen": by the end
    if span:
        return f"binnen {span.group(1)} {span.group(2)}"
    within = _WITHIN.search(sentence)
    if within:
        return within.group()
    later = _IN_TIME.search(sentence)
    if later:
        return f"binnen {later.group(1)}"
    next_week = _NEXT_WEEK.search(sentence)
    if next_week:
        return "volgende week" + (f" {next_week.group(1)}" if next_week.group(1) else "")
    english = bool(re.search(r"\b(?:the|you|we|will|'ll|i|my|your)\b", sentence))
    clock = _clock(sentence)
    at = (" at " if english else " om ") + clock if clock else ""
    day = _DAY.search(sentence)
    if day:
        morning = day.group(1).startswith(("morgen", "tomorrow")) and day.group(1) != "morgen"
        if not at and morning and day.group(1).endswith(("ochtend", "voormiddag", "vroeg", "morning")):
            at = (" at " if english else " om ") + MORNING_ENDS
        return _day_word(day.group(1)) + at
    on_date = _ON_DATE.search(sentence)
    if on_date:
        return f"{on_date.group(1) or ('on' if english else 'op')} {on_date.group(2)}{at}"
    day_month = _DAY_MONTH.search(sentence)
    if day_month and 1 <= int(day_month.group(2)) <= 12:
        return f"op {int(day_month.group(1))} {_MONTH_OF_NUMBER[int(day_month.group(2))]}{at}"
    ordinal = _ORDINAL_DAY.search(sentence)
    if ordinal:
        return f"on the {ordinal.group(1)}th" if english else f"op de {ordinal.group(1)}e"
    weekday = _ON_WEEKDAY.search(sentence)
    if weekday:
        lead = weekday.group(1) if weekday.group(1) in ("uiterlijk", "voor", "before", "by") else None
        if not at and (weekday.group(3) or weekday.group(4)):
            at = (" at " if english else " om ") + MORNING_ENDS
        return f"{lead or ('on' if english else 'op')} {weekday.group(2)}{at}"
    if _THIS_WEEK.search(sentence):
        return "this week" if english else "deze week"
    month_end = _MONTH_END.search(sentence)
    if month_end:
        return f"{'end of' if english else 'eind'} {month_end.group(1)}"
    return f"{'today' if english else 'vandaag'}{at}" if clock else None


def _day_word(word: str) -> str:
    if word.startswith(("morgen", "tomorrow")):
        return "tomorrow" if word.startswith("tomorrow") else "morgen"
    english = word in ("today", "tonight", "eod") or word.startswith(("this ", "the ", "end of", "close of"))
    return "today" if english else "vandaag"


def _clock(sentence: str) -> str | None:
    """The last clock time told ("tussen 8 en 12 uur": 12:00; "half tien": 9:30; "3 pm": 15:00) as HH:MM."""
    found: str | None = None
    for m in _CLOCK.finditer(sentence):
        lead, half, half_of, hour, minute, unit, bare_hour, bare_meridiem, noon = m.groups()
        if noon:
            found = "12:00"
        elif half:
            number = NUMBER_WORDS.get(half_of, int(half_of) if half_of.isdigit() else None)
            if number is not None and 1 <= number <= 24:
                found = f"{number - 1:02d}:30"
        elif bare_hour:
            found = _hhmm(int(bare_hour), 0, bare_meridiem)
        elif hour and (unit or minute or lead not in ("en", "and")):
            number = int(hour) if hour.isdigit() else NUMBER_WORDS.get(hour)  # "om negen uur"
            found = _hhmm(number, int(minute or 0), unit) if number is not None else found
    if found is None:
        span = _CLOCK_RANGE.search(sentence)  # "8:00-12:00", "8-12 uur": by the end of the range
        if span:
            hour, minute, unit = span.group(1) or span.group(3), span.group(2), span.group(4)
            found = _hhmm(int(hour), int(minute or 0), unit if unit in ("am", "pm") else None)
    return found


def _hhmm(hour: int, minute: int, unit: str | None) -> str | None:
    if unit == "pm" and hour < 12:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"

"""Promises found in contact texts, by the text analysis (klantstem.text), as candidates for the register.

"Wij bellen u binnen een half uur terug" in an outbound message, or "De dealer zou mij binnen 2 werkdagen
terugbellen" in a customer's message, becomes a callback with a due phrase. In a customer's own message "ik"
is the customer, so those promises are left out. A promise without a time gets a default due time. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from klantstem.text.facts import find_facts
from klantstem.text.normalise import clean
from klantstem.text.pipeline import safe_lower

KIND_OF_ACTION = {
    "call_back": "callback",
    "contact": "answer",
    "send": "letter",
    "visit": "visit",
    "resolve": "resolve",
    "deliver": "delivery",
    "promise": "promise",
}
CUSTOMER_ACTORS = frozenset({"ik", "i"})
ORGANISATION_ACTORS = frozenset({"we", "wij", "organisation", "iemand", "someone", "somebody", "unspecified"})
DAY_WORDS = frozenset({"morgen", "tomorrow", "vandaag", "today"})
DEFAULT_DUE = "binnen 5 werkdagen"
MAX_DESCRIPTION = 300


@dataclass(frozen=True)
class FoundPromise:
    start: int  # offset of the sentence in the cleaned text; with the contact id it identifies the mention
    kind: str
    description: str
    actor: str
    due_phrase: str

    @property
    def by_someone_else(self) -> bool:
        """Named as another party ("de dealer", "the courier"), not as "we" or the organisation."""
        return self.actor not in ORGANISATION_ACTORS and self.actor not in CUSTOMER_ACTORS


def promises_in(text: str, inbound: bool) -> list[FoundPromise]:
    """The promises told in one contact text."""
    cleaned = clean(text).text
    facts = find_facts(cleaned, safe_lower(cleaned))
    found: list[FoundPromise] = []
    for mention in facts.promises:
        if inbound and mention.actor in CUSTOMER_ACTORS:
            continue
        kind = KIND_OF_ACTION.get(mention.action, mention.action)
        description = " ".join(mention.span.text.split())[:MAX_DESCRIPTION]
        found.append(FoundPromise(mention.span.start, kind, description, mention.actor, _phrase(mention.within_text)))
    return found


def _phrase(within: str | None) -> str:
    if not within:
        return DEFAULT_DUE
    words = " ".join(within.lower().split())
    return words if words in DAY_WORDS else f"binnen {words}"

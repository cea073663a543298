"""The courtesy of a message: salutations, sign-offs with the signature under them (a closing "Thanks!" too),
thanks in advance or for the message itself ("Thank you for your email."), wishes for a nice day and e-mail
disclaimers. They are manners, not the customer's judgement: the cues and facet
evidence inside them do not count ("Met vriendelijke groet" is no praise of staff attitude).
"""

from __future__ import annotations

from klantstem.text.patterns import Prefiltered

_SALUTATION = Prefiltered(
    r"(?im)^[ \t]*(?:beste|geachte|hallo|hoi|hey|hi|hello|dear|dag|goede(?:morgen|middag|navond)|"
    r"goeie(?:dag|morgen|middag|navond)|good\s+(?:morning|afternoon|evening)|l\.s\.)\b"
    r"(?:[ \t]+[^\s,!.:;?]+){0,4}?[ \t]*(?:[,!:]|\.(?=\s)|$)"
)
# a sign-off: from the formula to the end of the message (the signature and whatever the mail client adds)
_SIGN_OFF = Prefiltered(
    r"(?im)(?:^|(?<=[.!?])[ \t]+)[ \t]*(?:(?:met\s+)?(?:(?:vriendelijke|hartelijke|beste|lieve|warme)\s+)?"
    r"(?:groet(?:en|jes)?|gegroet)|mvg|m\.v\.g\.?|hoogachtend|(?:kind|best|warm|warmest|many)\s+(?:regards|wishes|thanks)|"
    r"regards|yours\s+(?:sincerely|faithfully|truly)|sincerely|cheers|best)\b[ \t]*[,.!]?[ \t]*"
    r"(?=\n|$|[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}[ \t]*$)"
    # thanks that closes a message and has the writer's name under or after it ("Thanks,\nOwen", "Thanks! Lisa");
    # a last "Bedankt!" without a name is the customer's gratitude
    r"|(?:^|(?<=[.!?])[ \t]+)[ \t]*(?:(?:many\s+)?thanks|thank\s+you|bedankt|dank\s+(?:je|u)(?:\s+wel)?|merci)"
    r"[ \t]*[,.!]?[ \t]*(?=(?-i:\n*[ \t]*[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}[ \t]*$))"
)
_FORMULAS = Prefiltered(
    r"(?i)\b(?:alvast\s+(?:hartelijk\s+)?(?:bedankt|dank)(?:\s+voor\s+(?:uw|je|jullie)\s+(?:moeite|tijd|hulp|"
    r"reactie|antwoord))?|(?:bedankt|dank\s+(?:u|je)(?:\s+wel)?)\s+alvast|bij\s+voorbaat\s+(?:hartelijk\s+)?dank|"
    r"(?:thanks|thank\s+you)\s+in\s+advance|"
    r"(?:thanks|thank\s+you|bedankt|dank\s+(?:u|je)(?:\s+wel)?)\s+(?:for|voor)\s+(?:your|uw|je|jullie)\s+"
    r"(?:e-?mail|mail|message|bericht|letter|brief|reply|reactie|antwoord)(?:\s+(?:of|van)\s+\d+\s+\w+)?|"
    r"(?:nog\s+)?(?:een\s+)?(?:fijne|prettige|goede|mooie)\s+(?:dag|avond|middag|weekend|feestdagen)(?:\s+nog)?|"
    r"(?:have|enjoy)\s+a\s+(?:nice|good|great|lovely)\s+(?:day|evening|weekend)|"
    r"ik\s+hoor\s+graag\s+(?:van\s+(?:u|jullie|je)|uw\s+reactie)|i\s+look\s+forward\s+to\s+(?:hearing\s+from\s+you|"
    r"your\s+reply))\b"
)
_DISCLAIMER = Prefiltered(
    r"(?im)^[^\n]*(?:disclaimer|uitsluitend\s+bestemd|vertrouwelijk|confidential|intended\s+(?:solely|only)|"
    r"legally\s+privileged|(?:verzonden|verstuurd)\s+(?:vanaf|met|van(?:af)?)\s+mijn|sent\s+from\s+my|"
    r"get\s+outlook\s+for)[^\n]*(?:\n[^\n]+)*"
)


_FORMULA_HINTS = ("dank", "thank", "dag", "avond", "middag", "weekend", "day", "evening", "hoor", "forward")
_DISCLAIMER_HINTS = (
    "disclaimer",
    "bestemd",
    "vertrouwelijk",
    "confidential",
    "intended",
    "privileged",
    "verzonden",
    "verstuurd",
    "sent from",
    "outlook",
)


def courtesy_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the courtesy in `text`, sorted and without overlap."""
    lower = text.lower()
    spans: list[tuple[int, int]] = []
    for m in _SALUTATION.finditer(text):
        if m.start() == 0 or text[m.start() - 1] == "\n":
            spans.append((m.start(), m.end()))
    sign_off = _SIGN_OFF.search(text)
    if sign_off is not None and sign_off.start() > 0:
        spans.append((sign_off.start(), len(text)))
    if any(hint in lower for hint in _FORMULA_HINTS):
        spans.extend((m.start(), m.end()) for m in _FORMULAS.finditer(text))
    if any(hint in lower for hint in _DISCLAIMER_HINTS):
        spans.extend((m.start(), m.end()) for m in _DISCLAIMER.finditer(text))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """True when `position` lies in one of the (sorted) spans."""
    return any(start <= position < end for start, end in spans)

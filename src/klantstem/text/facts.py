"""Facts in a story: durations and waits, channels mentioned, and promises as data for the promise register."""

from __future__ import annotations

import re

from klantstem.text.durations import DURATION_RE, find_durations
from klantstem.text.results import ChannelMention, Duration, Facts, PromiseMention, Span

CHANNELS: dict[str, str] = {
    "phone": r"telefo\w*|gebeld|bellen|belde|belden|belt|terugbel\w*|teruggebeld|0900\w*|call-?cent\w+|"
    r"phone\w*|called|calling|rang|on hold|in de wacht",
    "email": r"e-?mail\w*|gemaild|mailen|mailde|mailtje",
    "web": r"website\w*|webform\w*|contactformulier\w*|portaal|mijn omgeving|inlog\w*|log in|login|online|site",
    "app": r"app|apps|de app|the app",
    "chat": r"chat\w*|livechat",
    "whatsapp": r"whats ?app\w*|appje",
    "letter": r"brief|brieven|per post|letter|letters",
    "sms": r"sms\w*|text message\w*",
    "social": r"twitter|facebook|instagram|linkedin|social media|sociale media",
    "in_person": r"balie|loket|winkel|filiaal|showroom|langs geweest|langsgegaan|desk|branch|in person|counter",
}
_CHANNEL_RE = re.compile("|".join(rf"\b(?P<{name}>{pattern})\b" for name, pattern in CHANNELS.items()))

_STAFF = r"(?:monteur|monteurs|technicus|technieker|engineer|technician)"
_PROMISE_TRIGGERS: tuple[tuple[str, str, bool], ...] = (
    # (action, regex, passive: the subject is the customer, so the actor is the organisation)
    (
        "visit",
        rf"\b(?:stuurt|sturen|komt|komen|zal|zullen|zou|zouden)\b[^.!?]{{0,30}}?\b{_STAFF}\b|"
        rf"\b{_STAFF}\b[^.!?]{{0,30}}?\b(?:komt|komen|langs|langskomen)\b",
        False,
    ),
    ("call_back", r"\bbel(?:len|t)?\b[^.!?]{0,40}?\bterug\b|\bterug(?:te)?bellen\b", False),
    (
        "call_back",
        r"\b(?:wordt|word|worden|zal|zou|zult)\b[^.!?]{0,40}?\b(?:terug)?gebeld\b|"
        r"\b(?:terug)?gebeld\s+(?:zou\s+|zal\s+)?word(?:t|en)?\b",
        True,
    ),
    ("call_back", r"\b(?:zal|zullen|zou|zouden|gaat|gaan)\b[^.!?]{0,40}?\bbellen\b", False),
    (
        "contact",
        r"\b(?:neemt|nemen|zal|zullen|zou|zouden)\b[^.!?]{0,40}?\bcontact\b[^.!?]{0,30}?\bop(?:nemen)?\b",
        False,
    ),
    (
        "contact",
        r"\b(?:laten|laat)\b[^.!?]{0,40}?\bweten\b|\bkom(?:en|t)\b[^.!?]{0,40}?\bop terug\b|"
        r"\bgeven\b[^.!?]{0,40}?\buitsluitsel\b",
        False,
    ),
    ("contact", r"\b(?:u|je)\s+hoort\b|\bhoort\s+(?:u|je)\b", True),
    ("refund", r"\b(?:storten|stort|betalen|betaalt)\b[^.!?]{0,40}?\bterug\b", False),
    (
        "send",
        r"\b(?:stuurt|sturen|zal|zullen|zou|zouden)\b[^.!?]{0,30}?\b(?:sturen|opsturen|toesturen|mailen)\b|"
        r"\b(?:stuur|stuurt|sturen|mail|mailt|mailen)\b[^.!?]{0,40}?\b(?:toe|op|na)\b|"
        r"\b(?:we|wij|ik)\s+(?:stuur|sturen|mail|mailen)\b|\b(?:stuur|sturen|mailen)\s+(?:we|wij|ik)\b",
        False,
    ),
    (
        "send",
        r"\b(?:ontvangt|krijgt)\s+(?:u|je)\b|\b(?:u|je)\s+(?:ontvangt|krijgt)\b|"
        r"\bzou(?:den)?\b[^.!?]{0,50}?\b(?:krijgen|ontvangen)\b|"
        r"\bword(?:t|en)\b[^.!?]{0,40}?\b(?:verstuurd|verzonden|opgestuurd|toegestuurd|gestuurd)\b",
        True,
    ),
    ("visit", r"\b(?:komt|komen|zal|zullen|zou|zouden)\b[^.!?]{0,30}?\blangs(?:komen)?\b", False),
    (
        "resolve",
        r"\bword(?:t|en)\b[^.!?]{0,30}?\b(?:opgelost|geregeld|verwerkt|aangepast|hersteld|gerepareerd)\b|"
        r"\b(?:lossen|lost)\b[^.!?]{0,30}?\bop\b|\b(?:passen|past)\b[^.!?]{0,40}?\baan\b|"
        r"\bzorg(?:en|t)?\b(?:\s+ervoor)?\s+dat\b",
        True,
    ),
    (
        "deliver",
        r"\bword(?:t|en)\b[^.!?]{0,30}?\b(?:geleverd|bezorgd|gebracht)\b|"
        r"\bin ontvangst\s+(?:mag|mogen|kan|kunt)\s+nemen\b",
        True,
    ),
    ("deliver", r"\b(?:zal|zullen|zou|zouden)\b[^.!?]{0,40}?\b(?:brengen|bezorgen|leveren)\b", False),
    ("promise", r"\bbeloofd(?:e|en)?\b|\btoegezegd\b", False),
    ("call_back", r"\b(?:call|ring|phone)\s+(?:you|me|him|her|them|us)\s+back\b", False),
    ("call_back", r"\b(?:will|would|'ll)\s+be\s+called\b", True),
    (
        "call_back",
        r"\b(?:will|'ll|would|shall)\s+(?:\w+\s+){0,2}?(?:call|ring|phone)\s+(?:you|me|him|her|them|us)\b",
        False,
    ),
    (
        "contact",
        r"\b(?:will|'ll|would|shall)\s+(?:\w+\s+){0,2}?(?:contact|reach out|be in touch|get in touch|let you know)\b|"
        r"\bget back to (?:you|me)\b",
        False,
    ),
    ("contact", r"\bhear from us\b", True),
    ("visit", r"\bsupposed to (?:come|visit)\b", False),
    ("call_back", r"\bsupposed to call\b", False),
    ("send", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:send|email|mail)\b", False),
    ("send", r"\b(?:you|i)(?:'ll| will| would)\s+(?:receive|get)\b", True),
    ("visit", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:come|visit|stop by)\b", False),
    ("refund", r"\b(?:will|'ll|would)\s+be\s+(?:refunded|credited)\b|\brefund will be processed\b", True),
    (
        "resolve",
        r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:fix|resolve|sort)\b|\bwill be (?:processed|fixed|resolved)\b",
        False,
    ),
    ("deliver", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:arrive|be delivered)\b", True),
    ("deliver", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?deliver\b", False),
    ("promise", r"\bpromised\b", False),
)
# A sentence that asks for a promise or denies one: "Kunt u mij terugbellen?", "Niemand belt terug."
_NOT_A_PROMISE = re.compile(
    r"\b(?:niet|nooit|niemand|geen|never|nobody|not|didn't|won't|wil|wilt|kunt|could you|would you|can you|please)\b"
)
# A sentence that does what it names in the message itself: what is enclosed ("Bijgaand ontvangt u de
# eindafrekening") or told right here ("laten wij u het volgende weten") is done, not promised.
_DONE_HERE = re.compile(
    r"\b(?:bijgaand\w*|bijgevoegd\w*|hierbij|bij deze|in de bijlage|als bijlage|het volgende|attached|enclosed|"
    r"herewith|hereby|please find|the following)\b"
)
# A request in the writer's own words: "Graag zou ik een kopiefactuur ontvangen", "I would like to receive ..."
_WISH = re.compile(r"\b(?:graag\s+zou(?:den)?|zou(?:den)?\s+(?:ik|wij|we)\s+graag|(?:i|we)\s+would\s+like|i'd like)\b")
# The event a promise waits for instead of a time: "zodra het pakket onderweg is", "once the parcel ships"
_UPON = re.compile(
    r"\b(?:zodra|zo gauw|na ontvangst van|as soon as|once\s+(?:the|it|we|you|your|our|this|that))\b[^.!?\n]*"
)
_PROMISE_RE = [(action, re.compile(rx), passive) for action, rx, passive in _PROMISE_TRIGGERS]
# every trigger at once: one pass tells whether a text can hold a promise at all (most cannot)
_ANY_PROMISE = re.compile("|".join(f"(?:{rx})" for _, rx, _ in _PROMISE_TRIGGERS))
_ACTOR = re.compile(
    r"\b(?:we|wij|ik|ze|zij|hij|iemand|jullie|(?:de|een|onze|uw|mijn|jullie) \w+|you|they|he|she|someone|somebody|i|"
    r"(?:the|a|an|our|your|my) \w+)\b"
)
_NOT_ACTORS = frozenset({"de keer", "een keer", "de week", "een week", "the time", "a week", "de telefoon"})
_SENTENCE_END = re.compile(r"[.!?\n]")
_DAY_WORDS = {"vandaag": 0.0, "morgen": 86400.0, "today": 0.0, "tomorrow": 86400.0}


def find_facts(text: str, lower: str) -> Facts:
    durations = find_durations(text, lower)
    return Facts(tuple(durations), tuple(find_channels(text, lower)), tuple(find_promises(text, lower, durations)))


def find_channels(text: str, lower: str) -> list[ChannelMention]:
    found: list[ChannelMention] = []
    for m in _CHANNEL_RE.finditer(lower):
        name = m.lastgroup or ""
        found.append(ChannelMention(name, Span(m.start(), m.end(), text[m.start() : m.end()])))
    return found


def find_promises(text: str, lower: str, durations: list[Duration]) -> list[PromiseMention]:
    if not _ANY_PROMISE.search(lower):
        return []
    found: list[PromiseMention] = []
    taken: list[tuple[int, int]] = []
    for action, regex, passive in _PROMISE_RE:
        for m in regex.finditer(lower):
            if any(m.start() < e and s < m.end() for s, e in taken) or _denied_or_asked(lower, m):
                continue
            taken.append((m.start(), m.end()))
            found.append(_promise(text, lower, m, action, passive, durations))
    return sorted(found, key=lambda p: p.span.start)


def _denied_or_asked(lower: str, m: re.Match[str]) -> bool:
    """A negation or a request in the sentence up to the end of the trigger, or a question mark ending it; or a
    sentence that does what it names in the message itself (an enclosure, an answer given right here)."""
    left, right = _sentence_bounds(lower, m.start(), m.end())
    if _NOT_A_PROMISE.search(lower, left, m.end()) or _WISH.search(lower, left, m.end()):
        return True
    return lower[right : right + 1] == "?" or bool(_DONE_HERE.search(lower, left, right))


def _sentence_bounds(lower: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, start)), default=0)
    stop = _SENTENCE_END.search(lower, end)
    return left, stop.start() if stop else len(lower)


def _promise(
    text: str, lower: str, m: re.Match[str], action: str, passive: bool, durations: list[Duration]
) -> PromiseMention:
    left, right = _sentence_bounds(lower, m.start(), m.end())
    actor = "organisation" if passive else _actor(lower, left, m.start(), m.end())
    within = next((d for d in durations if left <= d.span.start < right and d.kind == "promise"), None)
    within_seconds = within.seconds if within else None
    within_text = within.span.text if within else None
    if within is None:
        for word, seconds in _DAY_WORDS.items():
            pos = lower.find(word, left, right)
            if pos >= 0 and (pos == 0 or not lower[pos - 1].isalnum()):
                within_seconds, within_text = seconds, text[pos : pos + len(word)]
                break
    channel = "phone" if action == "call_back" else None
    span = Span(left, right, text[left:right])
    upon = _UPON.search(lower, left, right)
    waits_for = text[upon.start() : upon.end()].strip() if upon else None
    return PromiseMention(span, actor, action, within_seconds, within_text, channel, waits_for)


def _actor(lower: str, left: int, start: int, end: int) -> str:
    candidates = [
        a
        for a in _ACTOR.finditer(lower, left, end)
        if a.group() not in _NOT_ACTORS and not DURATION_RE.fullmatch(a.group()) and a.start() < max(start + 1, end)
    ]
    before = [a for a in candidates if a.start() < start]
    chosen = before[-1] if before else (candidates[0] if candidates else None)
    return chosen.group() if chosen else "unspecified"

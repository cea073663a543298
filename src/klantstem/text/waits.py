"""Told durations as cues: a wait is a complaint without emotion ("47 minuten in de wacht"), a short time in which
something was done ("binnen een uur stond de monteur voor de deur") is praise."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from klantstem.text.results import Cue, Duration
from klantstem.text.tokens import Token, word_set

_LOOK_BACK = 3  # words before a duration that may negate it or call it short
SENTENCE_END = frozenset(".!?…")
# a sentence that tells what was done, and one that promises or asks (for a short time to be praise)
_DONE = word_set(
    "had hadden was waren werd werden stond stonden kwam kwamen belde belden is zijn heb hebt heeft hebben "
    "opgelost geregeld verholpen gerepareerd teruggestort terugbetaald bezorgd geleverd got came arrived called "
    "were did sorted solved fixed resolved delivered refunded repaired geholpen beantwoord teruggebeld opgepakt "
    "afgehandeld helped answered handled"
)
_NOT_DONE = word_set(
    "zal zullen zou zouden zult wordt worden gaat gaan ontvangt krijgt moet moeten kunt kan graag wanneer "
    "will would shall 'll going should must can could please when beloofd beloofde toegezegd promised supposed"
)
_SPEED = ((3600.0, 1.2), (2 * 86400.0, 1.0), (7 * 86400.0, 0.5))
_ONLY = frozenset({"maar", "slechts", "amper", "nauwelijks", "only", "just", "barely"})
# words that call a wait fair
_FAIR = word_set("normaal normal acceptabel acceptable redelijk reasonable begrijpelijk understandable prima fine")


def wait_cues(text: str, tokens: Sequence[Token], durations: Iterable[Duration], negators: frozenset[str]) -> list[Cue]:
    """A told wait is a complaint without emotion ("47 minuten in de wacht"), unless negated or "only"; a short
    time in which something was done ("binnen een uur stond de monteur voor de deur") is praise."""
    starts = [t.start for t in tokens]
    cues: list[Cue] = []
    for duration in durations:
        index = bisect_left(starts, duration.span.start)
        if duration.kind == "promise":
            cue = _speed_cue(tokens, index, duration, negators)
            if cue is not None:
                cues.append(cue)
            continue
        if duration.kind != "wait":
            continue
        before = {t.lower for t in tokens[max(0, index - _LOOK_BACK) : index]}
        if before & negators or _called_fair(tokens, index, negators):
            continue
        if before & _ONLY:
            weight = 0.3
        elif duration.seconds >= 600:
            weight = -1.0
        elif duration.seconds >= 120:
            weight = -0.4
        else:
            continue
        cues.append(Cue(duration.span, weight, "wait", facet="waiting_time"))
    return cues


def _called_fair(tokens: Sequence[Token], index: int, negators: frozenset[str]) -> bool:
    """The customer calls the wait fair in its sentence ("Het duurde tien minuten, wat ik normaal vind"; "which is
    fine"), not negated ("niet normaal")."""
    first = index
    while first > 0 and tokens[first - 1].lower not in SENTENCE_END:
        first -= 1
    end = sentence_end(tokens, index)
    return any(
        tokens[i].lower in _FAIR and not any(t.lower in negators for t in tokens[max(first, i - 2) : i])
        for i in range(first, end)
    )


def _speed_cue(tokens: Sequence[Token], index: int, duration: Duration, negators: frozenset[str]) -> Cue | None:
    """ "binnen twee dagen" in a sentence that tells what was done (no future, no question, no negation)."""
    first = index
    while first > 0 and tokens[first - 1].lower not in SENTENCE_END:
        first -= 1
    end = sentence_end(tokens, index)
    words = {t.lower for t in tokens[first:end]}
    if end < len(tokens) and tokens[end].lower == "?":
        return None
    if words & _NOT_DONE or words & negators or not words & _DONE:
        return None
    weight = next((w for limit, w in _SPEED if duration.seconds <= limit), 0.0)
    return Cue(duration.span, weight, "wait", facet="waiting_time") if weight else None


def sentence_end(tokens: Sequence[Token], start: int) -> int:
    """The index of the first sentence end at or after `start` (len(tokens) when there is none)."""
    return next((i for i in range(start, len(tokens)) if tokens[i].lower in SENTENCE_END), len(tokens))

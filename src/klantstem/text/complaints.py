"""How customers complain without a complaint word: frames around the facts they tell.

A frame is read per clause, outside courtesy, and never in a question or a request:
- persistence and repetition ("telkens", "steeds", "elke keer", "every time", "keeps crashing", "bleef maar",
  "nog steeds", "still"): what keeps happening is told because it should not;
- counted effort ("drie keer gebeld", "vier mails", "de derde keer", "for the third time"): the customer counts
  because it was too often;
- concession ("terwijl ik had betaald", "Toch is er weer ...", "even though", "despite"): what happened went
  against what was due;
- an unmet promise ("zou ... komen" or "was supposed to" with a negation, "nog steeds" or "still" after it in
  the text): the promise is told because it was broken.
Each becomes a cue of kind "frame"; a clause that already praises gets none but a broken promise, so "steeds
beter" stays praise.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from klantstem.text.results import Cue, Span
from klantstem.text.tokens import Token, word_set
from klantstem.text.waits import SENTENCE_END

REPEATED = -0.7
COUNTED = -0.8
CONCEDED = -0.6
BROKEN_PROMISE = -1.0

_PERSISTENT = word_set("telkens steeds alweer weeral zoveelste still constantly continually repeatedly")
_PERSISTENT_PAIRS = frozenset(
    {
        ("elke", "keer"),
        ("iedere", "keer"),
        ("every", "time"),
        ("each", "time"),
        ("keer", "op"),
        ("time", "after"),
        ("over", "and"),
        ("again", "and"),
        ("nog", "altijd"),
        ("bleef", "maar"),
        ("blijft", "maar"),
        ("bleven", "maar"),
        ("blijven", "maar"),
    }
)
_KEEPS = word_set("keeps kept keep")
_NUMBERS = word_set(
    "twee drie vier vijf zes zeven acht negen tien elf twaalf meerdere talloze ettelijke verschillende "
    "two three four five six seven eight nine ten eleven twelve several multiple numerous countless"
)
_ORDINALS = word_set(
    "tweede derde vierde vijfde zesde zevende achtste zoveelste second third fourth fifth sixth seventh umpteenth"
)
_COUNTED = word_set(
    "keer maal times mails e-mails emails mailtjes telefoontjes brieven berichten pogingen tickets calls letters "
    "messages attempts tries klachten complaints"
)
_ORDINAL_OF = word_set(
    "keer time mail e-mail email telefoontje call brief letter bericht message klacht complaint bezoek visit poging "
    "attempt monteur engineer technieker reminder herinnering aanmaning"
)
_NOT_COUNTED_AFTER = word_set("per a zo so as zoveel zoals")
_CONCESSIVE = word_set("terwijl ondanks desondanks despite")
_CONCESSIVE_PAIRS = frozenset({("even", "though"), ("en", "toch"), ("and", "yet"), ("maar", "toch")})
_OPENING_CONCESSIVE = word_set("toch yet")
_PROMISED = word_set(
    "zou zouden beloofd beloofde beloofden toegezegd beloven promised supposed meant"
)
_AFTER_PROMISE = word_set("nog steeds altijd still niemand nobody niets niks nothing nooit never")
_REQUEST = word_set(
    "graag wil willen wilt zou zoudt kunt kunnen kan mag please like love could would can may hoe how wanneer when"
)
_REQUEST_AFTER_WOULD = word_set("graag fijn prettig handig like love be mogelijk u je jij you")


def frame_cues(
    text: str,
    tokens: Sequence[Token],
    clauses: Sequence[tuple[int, int]],
    cues: Sequence[Cue],
    negators: frozenset[str],
) -> list[Cue]:
    """The frame cues of a text; `clauses` are (start, end) character spans outside the courtesy, `cues` the cues
    found so far."""
    if not tokens:
        return []
    words = [t.lower for t in tokens]
    starts = [t.start for t in tokens]
    found: list[Cue] = []
    broken = _broken_promise(words, negators)
    for start, end in clauses:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if first >= last or _asks(words, first, last):
            continue
        # praise, not a complaint word turned round ("nooit een klacht ingediend": +0.3, no praise)
        praised = any(c.weight > 0 and not c.negated and start <= c.span.start < end for c in cues)
        for at, weight, facet in _frames(words, first, last, broken):
            if praised and facet is None:
                continue
            tok = tokens[at]
            found.append(Cue(Span(tok.start, tok.end, text[tok.start : tok.end]), weight, "frame", facet=facet))
    return found


def _asks(words: Sequence[str], first: int, last: int) -> bool:
    """A question or a request: the customer asks, and tells nothing that went wrong."""
    end = last
    while end < len(words) and words[end - 1] not in SENTENCE_END and words[end] not in SENTENCE_END:
        end += 1  # to the end of the clause's sentence (not into the next one)
    if "?" in words[first:last] or (end < len(words) and words[end] == "?"):
        return True
    if "graag" in words[first:last] or "please" in words[first:last]:
        return True
    return bool(words[first] in _REQUEST and first + 1 < last and words[first + 1] in ("u", "je", "jullie", "you"))


def _frames(words: Sequence[str], first: int, last: int, broken: int | None) -> list[tuple[int, float, str | None]]:
    frames: list[tuple[int, float, str | None]] = []
    repeated = counted = conceded = None
    for i in range(first, last):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""  # "bleef maar": "maar" may open the next clause
        if repeated is None and (
            word in _PERSISTENT or (word, nxt) in _PERSISTENT_PAIRS or (word in _KEEPS and nxt.endswith("ing"))
        ):
            repeated = i
        if counted is None and (
            (word in _NUMBERS or _two_or_more(word)) and nxt in _COUNTED and words[i + 2 : i + 3] != ["per"]
            and not (i + 2 < last and words[i + 2] in _NOT_COUNTED_AFTER)
            or (word in _ORDINALS and (nxt in _ORDINAL_OF or (i + 2 < last and words[i + 2] in _ORDINAL_OF)))
        ):
            counted = i
        if conceded is None and (
            word in _CONCESSIVE
            or (word, nxt) in _CONCESSIVE_PAIRS
            or (word in _OPENING_CONCESSIVE and (i == 0 or words[i - 1] in SENTENCE_END or words[i - 1] == ","))
        ):
            conceded = i
    if repeated is not None:
        frames.append((repeated, REPEATED, None))
    if counted is not None:
        frames.append((counted, COUNTED, None))
    if conceded is not None:
        frames.append((conceded, CONCEDED, None))
    if broken is not None and first <= broken < last:
        frames.append((broken, BROKEN_PROMISE, "promises"))
    return frames


def _two_or_more(word: str) -> bool:
    return word.isascii() and word.isdigit() and 2 <= int(word) <= 99


def _broken_promise(words: Sequence[str], negators: frozenset[str]) -> int | None:
    """Where a told promise is that the rest of the text says was broken: "zou"/"beloofd"/"supposed" (not in
    "zou graag", "zou u", "would like"), and after it a negation, "nog steeds" or "still"."""
    for i, word in enumerate(words):
        if word not in _PROMISED:
            continue
        if word in ("supposed", "meant") and (i == 0 or words[i - 1] not in ("was", "were", "is", "are")):
            continue
        if i + 1 < len(words) and words[i + 1] in _REQUEST_AFTER_WOULD:
            continue
        if any(w in negators or w in _AFTER_PROMISE for w in words[i + 1 :]):
            return i
    return None

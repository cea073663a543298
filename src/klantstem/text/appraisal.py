"""Rule-based appraisal: bad / normal / excellent from cue words, negation, intensity and factual complaints.

Works on day one without labels. A clause's score is the sum of its cue weights; its level weighs the negative
and the positive cues apart (`_weighed`). Negated positive cues count as bad ("niet vriendelijk", "helemaal niet
bereikbaar"); negated negative cues become mildly positive, i.e. normal ("niet slecht"). A praise word that opens
a sentence reads as irony, and so as bad, when an "again" word and a complaint or a lack follow it ("Geweldig, weer
drie weken niks gehoord", "Brilliant, another week without hot water").
Emoji are cues in every language.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType

from klantstem.text import lexicon_emoji, lexicon_en, lexicon_nl
from klantstem.text.complaints import frame_cues
from klantstem.text.patterns import Hit, PhraseMatcher, has_negation
from klantstem.text.results import Appraisal, Cue, Duration, Level, Span
from klantstem.text.tokens import Token, word_set
from klantstem.text.waits import SENTENCE_END, sentence_end, wait_cues

BAD_AT = -0.65
EXCELLENT_AT = 1.0
NEGATED_NEGATIVE = 0.3
LOOK_BACK = 3
RULES_VERSION = "rules-13"
IRONY = 0.8  # an ironic praise word counts as this share of its weight, against
_END = Token(".", -1, -1)  # stands for the end of the text after the last token
_COPULA = frozenset({"was", "is", "waren", "zijn"})
_INTERJECTION_END = frozenset(",!:")
_OPENERS = frozenset({"oh", "o", "ah", "nou", "wow", "well", "ja", "jee", "tja", "zo", "so"})
_PRAISED_WORDS = 2  # words an opening praise word may praise before its exclamation ("Top service hoor,")
_EXCLAMATION_WORDS = frozenset({"hoor", "zeg", "hè", "he", "dan", "hoe", "how", "that", "dat", ":", "..."})
_CONTRAST = frozenset({"maar", "doch", "echter", "alleen", "but", "however", "though", "although", "except"})
# words that end the scope of a negation looking forward or back ("niets over mijn klacht": the complaint stands)
_SCOPE_BREAKS = word_set(
    "over van aan met voor want omdat en dus toen terwijl about of from with for because and so while"
)
UNDONE = -0.8  # a clause without any cue that tells what did not happen or cannot be done
# negations that say nothing failed ("zonder", "hardly"), and words that make a negation no complaint ("ik hoefde
# niets te doen": nothing was needed)
_NOT_FAILURE = word_set("zonder without noch nor neither hardly barely allerminst")
_NO_NEED = word_set("hoef hoeft hoefde hoefden hoeven nodig need needed needn't")
_QUOTES = frozenset("'\"‘’“”")
_FUTURE = word_set("zal zullen zou zouden gaat gaan will would shall 'll going")
_EVER, _SO = word_set("nooit never"), word_set("zo zó so this such")  # "nog nooit zo snel": not a negation


@dataclass(frozen=True, slots=True)
class CueEntry:
    weight: float
    kind: str  # "lexicon" or "factual"
    facet: str | None
    self_negating: bool


@dataclass(frozen=True)
class Lexicon:
    matcher: PhraseMatcher[CueEntry]
    negators: frozenset[str]
    intensifiers: dict[str, float]
    downtoners: dict[str, float]
    irony_markers: frozenset[str]


def _entries(module: ModuleType, skip: frozenset[str] = frozenset()) -> Iterable[tuple[str, CueEntry]]:
    problems: frozenset[str] = getattr(module, "PROBLEM_WORDS", frozenset())
    for pattern, weight in (*module.POSITIVE.items(), *module.NEGATIVE.items()):
        if pattern not in skip:
            kind = "problem" if pattern in problems else "lexicon"
            yield pattern, CueEntry(weight, kind, None, has_negation(pattern))
    for pattern, weight in getattr(module, "RESOLVED", {}).items():
        if pattern not in skip:
            yield pattern, CueEntry(weight, "resolved", None, has_negation(pattern))
    for pattern, weight, facet in getattr(module, "FACTUAL", ()):
        if pattern not in skip:
            yield pattern, CueEntry(weight, "factual", facet, has_negation(pattern))


@lru_cache(maxsize=4)
def lexicon_for(language: str) -> Lexicon:
    """The cue lexicon for "nl" or "en": that language's cues, and the other's too, since customers switch
    language within a sentence ("great ... maar ... terrible"); the other language's false friends (English
    "kind" is a Dutch child) are left out. "mixed" and "unknown" use both in full. Emoji count in each."""
    primary, other = {"nl": (lexicon_nl, lexicon_en), "en": (lexicon_en, lexicon_nl)}.get(
        language, (lexicon_nl, lexicon_en)
    )
    skip: frozenset[str] = other.FALSE_FRIENDS if language in ("nl", "en") else frozenset()
    modules = (primary, other)
    entries = [*_entries(primary), *_entries(other, skip), *_entries(lexicon_emoji)]
    return Lexicon(
        matcher=PhraseMatcher(entries),
        negators=frozenset().union(*(m.NEGATORS for m in modules)),
        intensifiers=_merged_words(primary.INTENSIFIERS, other.INTENSIFIERS, skip),
        downtoners=_merged_words(primary.DOWNTONERS, other.DOWNTONERS, skip),
        irony_markers=frozenset().union(*(m.IRONY_MARKERS for m in modules)),
    )


def _merged_words(primary: dict[str, float], other: dict[str, float], skip: frozenset[str]) -> dict[str, float]:
    return {**{k: v for k, v in other.items() if k not in skip}, **primary}


def find_cues(
    text: str,
    lower: str,
    tokens: Sequence[Token],
    lemmas: Sequence[str],
    lexicon: Lexicon,
    durations: Sequence[Duration],
) -> list[tuple[int, Cue]]:
    """Every cue in the text as (token index, Cue), negation and intensity applied, told waits included (see
    `wait_cues`), so that irony reads them too ("Thanks a lot, weer drie weken wachten")."""
    hits = lexicon.matcher.find(lower, tokens, lemmas)
    cues: list[tuple[int, Cue]] = []
    starts = [t.start for t in tokens] if hits or durations else []
    for n, hit in enumerate(hits):
        if _is_modifier_of_next(hit, hits, n, tokens, lexicon):
            continue
        at = bisect_left(starts, hit.end)
        after = [*tokens[at : at + 5], _END] if at + 5 >= len(tokens) else tokens[at : at + 5]
        cues.append((hit.token_index, _cue(text, tokens, after, hit, lexicon)))
    if durations:
        waits = [(bisect_left(starts, c.span.start), c) for c in wait_cues(text, tokens, durations, lexicon.negators)]
        cues = sorted([*cues, *waits], key=lambda pair: pair[1].span.start)
    return _read_irony(_read_resolution(cues, tokens), tokens, starts, lexicon) if cues else cues


def _read_irony(
    cues: list[tuple[int, Cue]], tokens: Sequence[Token], starts: Sequence[int], lexicon: Lexicon
) -> list[tuple[int, Cue]]:
    """A praise word that opens a sentence as an exclamation ("Geweldig," "Top service hoor," "Prachtig hoe",
    "Love how") is irony when the rest of the sentence, without a contrast word, complains or says "again":
    it then counts against."""
    read = list(cues)
    for n, (index, cue) in enumerate(cues):
        if cue.weight <= 0 or cue.negated or not _opens_sentence(tokens, index, lexicon):
            continue
        follows = _exclamation_after(tokens, bisect_left(starts, cue.span.end), lexicon)
        if follows is None:
            continue
        end = sentence_end(tokens, follows + 1)
        rest = tokens[follows:end]
        if any(t.lower in _CONTRAST for t in rest):
            continue
        later = sum(c.weight for i, c in cues[n + 1 :] if i < end)
        again = any(t.lower in lexicon.irony_markers for t in rest)
        lacking = any(t.lower in lexicon.negators for t in rest)  # "Geweldig, weer een maand zonder meter"
        if later <= BAD_AT or (again and (later < 0 or lacking)):
            read[n] = (index, replace(cue, weight=round(-IRONY * cue.weight, 3), negated=True))
    return read


def _exclaims(word: str, lexicon: Lexicon) -> bool:
    return word in _INTERJECTION_END or word in _EXCLAMATION_WORDS or word in lexicon.irony_markers


def _opens_sentence(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """The cue opens its sentence, perhaps after an interjection or an intensifier ("Oh wonderful, ...", "Nou,
    fijn hoor", "Echt klantvriendelijk, ...")."""
    before = index
    while (
        before > 0
        and index - before < 2
        and (tokens[before - 1].lower in _OPENERS or tokens[before - 1].lower in lexicon.intensifiers)
    ):
        before -= 1
    return before == 0 or (before > 0 and tokens[before - 1].lower in SENTENCE_END)


def _exclamation_after(tokens: Sequence[Token], follows: int, lexicon: Lexicon) -> int | None:
    """Where the exclamation after an opening praise word starts: right after it, or after the words it praises
    ("Geweldige service weer:", "Goed bezig jullie,", "Great job guys,"); None when the sentence just goes on."""
    for at in range(follows, min(follows + _PRAISED_WORDS + 1, len(tokens))):
        if _exclaims(tokens[at].lower, lexicon):
            return at
        if not tokens[at].lower[:1].isalnum():
            return None
    return None


def _read_resolution(cues: list[tuple[int, Cue]], tokens: Sequence[Token]) -> list[tuple[int, Cue]]:
    """Praise that names the problem it solved ("de storing was binnen een uur verholpen"): in a clause with an
    unnegated resolution ("opgelost", "fixed"), the problem's own word is the object solved, not a complaint.
    A resolution after "zou", "gaan" or "will" in its clause is a promise, and no praise yet."""
    solved_in: set[int] = set()
    clause_of = _clause_numbers(tokens)
    promised = [n for n, tok in enumerate(tokens) if tok.lower in _FUTURE]
    if promised:  # "ze zouden de meter vervangen", "we will fix it": a promise, not yet a solution
        cues = [(i, c) for i, c in cues if not (c.kind == "resolved" and _promised(promised, i, clause_of))]
    for index, cue in cues:
        if cue.kind == "resolved" and cue.weight > 0 and not cue.negated:
            solved_in.add(clause_of[index])
    if not solved_in:
        return cues
    return [(i, c) for i, c in cues if not (c.kind == "problem" and not c.negated and clause_of[i] in solved_in)]


def _promised(promised: Sequence[int], index: int, clause_of: Sequence[int]) -> bool:
    return any(p < index and clause_of[p] == clause_of[index] for p in promised)


def _clause_numbers(tokens: Sequence[Token]) -> list[int]:
    numbers: list[int] = []
    clause = 0
    for tok in tokens:
        if tok.lower in SENTENCE_END or tok.lower in _CONTRAST or tok.lower == ";":
            clause += 1
        numbers.append(clause)
    return numbers


def _is_modifier_of_next(
    hit: Hit[CueEntry], hits: Sequence[Hit[CueEntry]], n: int, tokens: Sequence[Token], lexicon: Lexicon
) -> bool:
    """ "super" in "super vriendelijk" intensifies the next cue instead of being one itself."""
    word = tokens[hit.token_index].lower
    if word not in lexicon.intensifiers or hit.end != tokens[hit.token_index].end:
        return False
    return n + 1 < len(hits) and hits[n + 1].token_index == hit.token_index + 1


def _cue(text: str, tokens: Sequence[Token], after: Sequence[Token], hit: Hit[CueEntry], lexicon: Lexicon) -> Cue:
    entry = hit.payload
    negated, intensity, negation_strength = _modifiers(tokens, hit.token_index, lexicon)
    if not negated and not entry.self_negating:
        negated = _negated_after(after, lexicon)
    if entry.self_negating or not text[hit.start : hit.start + 1].isalnum():
        negated = False  # an emoji is the writer's own feeling: a "niet" before it does not turn it round
    weight = entry.weight * intensity
    if entry.weight > 0 and not negated and _quoted(text, hit.start, hit.end):
        weight, negated = -IRONY * weight, True  # scare quotes: "'fixed' three times now", "de 'oplossing'"
    elif negated:
        weight = NEGATED_NEGATIVE if entry.weight < 0 else -max(0.8, min(1.0, 0.6 * entry.weight)) * negation_strength
    span = Span(hit.start, hit.end, text[hit.start : hit.end])
    return Cue(span, round(weight, 3), entry.kind, negated, round(intensity, 3), _facet(entry, hit.hidden))


def _quoted(text: str, start: int, end: int) -> bool:
    """The cue alone stands in quotes, the writer's sign that the word is not meant."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


def _facet(entry: CueEntry, hidden: Sequence[CueEntry]) -> str | None:
    """The facet a cue is evidence for: its own, else that of a pattern it hides ("nooit antwoord" inside
    "nooit ... gekregen")."""
    if entry.facet is not None or not hidden:
        return entry.facet
    return next((h.facet for h in hidden if h.facet is not None), None)


def _modifiers(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> tuple[bool, float, float]:
    """(negated, intensity, negation strength) from the few words before a cue, within its clause. A downtoner
    counts only in the run of modifiers right before the cue ("een beetje te traag"): "iets", "wat" and "best"
    are also plain words ("betaald voor iets dat ik nooit heb gekregen")."""
    negated, intensity, strength = False, 1.0, 1.0
    adjacent = True
    for back in range(1, LOOK_BACK + 1):
        if index - back < 0:
            break
        word = tokens[index - back].lower
        if not word[:1].isalnum() or word in _SCOPE_BREAKS:
            break
        if word in lexicon.negators:
            if word in _EVER and _compares(tokens, index - back + 1, index):
                intensity *= 1.5  # "nog nooit zo makkelijk", "never been so easy": better than ever
            else:
                negated = True
        elif word in lexicon.intensifiers:
            if negated:
                strength = max(strength, lexicon.intensifiers[word])
            else:
                intensity *= lexicon.intensifiers[word]
        elif word in lexicon.downtoners and not negated and adjacent:
            intensity *= lexicon.downtoners[word]
        elif word in ("at", "all") and negated:
            strength = 1.5
        else:
            adjacent = False
    return negated, min(intensity, 2.5), strength


def _compares(tokens: Sequence[Token], start: int, end: int) -> bool:
    return any(tokens[i].lower in _SO for i in range(start, end))


def _negated_after(following: Sequence[Token], lexicon: Lexicon) -> bool:
    """Dutch puts the negation last: "lekker was het niet", "vriendelijk was anders". The negation must close
    the clause; a conjunction ends the look ("een probleem want ik had geen bereik": the problem stands)."""
    for i, tok in enumerate(following):
        if not tok.lower[:1].isalnum() or tok.lower in _SCOPE_BREAKS:
            return False
        if tok.lower in lexicon.negators or (tok.lower == "anders" and i > 0 and following[i - 1].lower in _COPULA):
            nxt = following[i + 1] if i + 1 < len(following) else None
            return nxt is not None and not nxt.lower[:1].isalnum()
    return False


def undone_cues(
    text: str, tokens: Sequence[Token], clauses: Sequence[tuple[int, int]], cues: Sequence[Cue], lexicon: Lexicon
) -> list[Cue]:
    """Customers complain by telling what did not happen: a clause that holds no cue but a negation ("Sinds de
    update kan ik mijn facturen niet meer inzien", "Since the update I can't see my invoices") is a mild
    complaint. Not in a question, not when nothing was needed ("ik hoefde niets te doen"), not for "zonder".
    The complaint frames of `complaints.py` (repetition, counted effort, concession, a broken promise) come
    with them."""
    if not tokens:
        return []
    starts = [t.start for t in tokens]
    cue_starts = sorted(c.span.start for c in cues)
    found: list[Cue] = []
    for start, end in clauses:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if first >= last or bisect_left(cue_starts, start) != bisect_left(cue_starts, end):
            continue
        words = [t.lower for t in tokens[first:last]]
        if "?" in words or (last < len(tokens) and tokens[last].lower == "?") or not _NO_NEED.isdisjoint(words):
            continue
        negation = next(
            (first + i for i, w in enumerate(words) if w in lexicon.negators and w not in _NOT_FAILURE), None
        )
        if negation is not None:
            tok = tokens[negation]
            found.append(Cue(Span(tok.start, tok.end, text[tok.start : tok.end]), UNDONE, "undone"))
    return [*found, *frame_cues(text, tokens, clauses, [*cues, *found], lexicon.negators)]


_NO_CUES = Appraisal("normal", 0.0, (), "rules")


def _start_of(cue: Cue) -> int:
    return cue.span.start


def appraise(cues: Iterable[Cue], source: str = "rules") -> Appraisal:
    """One appraisal from a set of cues (a clause, a sentence or a facet's clauses)."""
    chosen = tuple(sorted(cues, key=_start_of))
    if not chosen and source == "rules":
        return _NO_CUES  # most clauses and sentences: one shared (immutable) appraisal
    return Appraisal(_weighed(chosen), round(sum(c.weight for c in chosen), 3), chosen, source)


def appraise_text(clauses: Sequence[Appraisal]) -> Appraisal:
    """The whole text, from all its cues (see `_weighed`)."""
    cues = tuple(c for a in clauses for c in a.cues)
    return Appraisal(_weighed(cues), round(sum(c.weight for c in cues), 3), cues)


def _weighed(cues: Sequence[Cue]) -> Level:
    """Negative cues weigh a little heavier than positive ones, and a complaint is not cancelled by praise beside
    it ("vriendelijk, en toch drie weken gewacht"): the complaint and the praise are summed apart."""
    negative = -sum(min(0.0, c.weight) for c in cues)
    positive = sum(max(0.0, c.weight) for c in cues)
    if negative >= -BAD_AT and negative >= 0.8 * positive:
        return "bad"
    if positive >= EXCELLENT_AT and positive > negative:
        return "excellent"
    return "normal"

"""A small pattern language for cue phrases, matched token by token (fast for thousands of patterns).

A pattern is a space-separated sequence of items:
  `word`    that exact word (a one-word pattern also matches the word's lemma)
  `word*`   any word starting with `word`
  `a|b|c`   one of these words
  `#`       a number, in digits or words ("47", "drie", "a")
  `...`     a gap of zero to three words
Patterns are matched on lower-cased text; matches never cross a sentence end. Where patterns overlap, one hit
stands for them (the longest at a start, then the earliest), and it carries the payloads of the others it hides
("nooit ... gekregen" hides "nooit antwoord", which still says what the sentence is about).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]  # the parser re itself uses
from typing import Any, Generic, TypeVar

from klantstem.text.tokens import Token, word_set

P = TypeVar("P")

NUMBER_WORDS = word_set(
    "een één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien twintig "
    "dertig veertig vijftig zestig honderd anderhalf half paar enkele meerdere a an one two three four "
    "five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred couple "
    "few several "
)
NEGATION_WORDS = word_set(
    "niet geen nooit niks niets nergens niemand nie ni gene geene noch zonder allerminst not no never "
    "nothing nobody none nowhere neither nor without hardly barely cannot don't didn't isn't wasn't "
    "weren't can't couldn't won't wouldn't doesn't haven't hasn't aren't shouldn't dont didnt isnt wasnt "
    "cant couldnt wont doesnt havent "
)
_NUMBER_RE = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b"
_SEP = r"[^\w.!?]+"
_GAP = r"(?:[^\w.!?]+\w+(?:['’\-]\w+)*){0,3}?"
MEMO_SIZE = 200_000
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?$")
_PLAIN_WORD = re.compile(r"\w+")


def has_negation(pattern: str) -> bool:
    """True when a pattern carries its own negation ("nooit teruggebeld"), so it is not negated again."""
    return any(word in NEGATION_WORDS for item in pattern.lower().split() for word in item.split("|"))


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    start: int
    end: int
    token_index: int
    payload: P
    hidden: tuple[P, ...] = ()  # the payloads of overlapping matches this hit stands for


class _Compiled(Generic[P]):
    __slots__ = ("regex", "payload", "single", "needs")

    def __init__(self, items: list[str], payload: P) -> None:
        self.payload = payload
        self.single = len(items) == 1 and items[0] != "#" and "*" not in items[0]
        self.regex = None if self.single else re.compile(_to_regex(items))
        self.needs = _needed_words(items)


def _needed_words(items: list[str]) -> frozenset[str] | None:
    """Words of which the text must hold one for the pattern to match (a later plain item's alternatives), so
    that most patterns are ruled out by a set lookup instead of a regular expression; None: no such item."""
    for item in reversed(items[1:]):
        words = item.split("|")
        if item not in ("#", "...") and all(_PLAIN_WORD.fullmatch(w) for w in words):
            return frozenset(words)
    return None


def _item_regex(item: str) -> str:
    if item == "#":
        return _NUMBER_RE
    alternatives = [
        re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"(?!\w)" for w in item.split("|")
    ]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _to_regex(items: list[str]) -> str:
    parts: list[str] = []
    gap = False
    for item in items:
        if item == "...":
            gap = True
            continue
        if parts:
            parts.append(_GAP + _SEP if gap else _SEP)
        parts.append(_item_regex(item))
        gap = False
    return "".join(parts)


class PhraseMatcher(Generic[P]):
    """Finds every pattern occurrence; at one start the longest wins, and overlaps keep the earlier hit."""

    def __init__(self, entries: Iterable[tuple[str, P]]) -> None:
        self._exact: dict[str, list[_Compiled[P]]] = {}
        self._prefix: dict[str, list[_Compiled[P]]] = {}
        self._numbers: list[_Compiled[P]] = []
        for pattern, payload in entries:
            self._add(pattern, payload)
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        self._memo: dict[tuple[str, str | None], tuple[_Compiled[P], ...]] = {}

    def _add(self, pattern: str, payload: P) -> None:
        items = pattern.lower().split()
        if not items or items[0] == "...":
            raise ValueError(f"pattern must start with a word: {pattern!r}")
        compiled = _Compiled(items, payload)
        first = items[0]
        if first == "#":
            self._numbers.append(compiled)
            return
        for word in first.split("|"):
            if word.endswith("*"):
                self._prefix.setdefault(word[:-1], []).append(compiled)
            else:
                self._exact.setdefault(word, []).append(compiled)

    def _candidates(self, word: str, lemma: str | None) -> tuple[_Compiled[P], ...]:
        key = (word, lemma)
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        found = list(self._exact.get(word, ()))
        if lemma is not None and lemma != word:
            found.extend(c for c in self._exact.get(lemma, ()) if c.single)
        for n in self._prefix_lengths:
            if n > len(word):
                break
            found.extend(self._prefix.get(word[:n], ()))
        if self._numbers and (word in NUMBER_WORDS or _DIGITS.match(word)):
            found.extend(self._numbers)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        result = self._memo[key] = tuple(found)
        return result

    def find(self, lower: str, tokens: Sequence[Token], lemmas: Sequence[str] | None = None) -> list[Hit[P]]:
        memo = self._memo
        words = list(map(_WORD_OF, tokens))
        keys = list(zip(words, lemmas, strict=True)) if lemmas is not None else [(w, None) for w in words]
        found_at = list(map(memo.get, keys))  # the candidates of each token; None: not looked up yet
        if None in found_at:
            candidates = self._candidates
            found_at = [c if c is not None else candidates(*k) for c, k in zip(found_at, keys, strict=True)]
        hits: list[Hit[P]] = []
        present: frozenset[str] | None = None
        for i in compress(range(len(found_at)), found_at):  # only the tokens a pattern starts at
            tok = tokens[i]
            start = best_end = tok[1]
            best: _Compiled[P] | None = None
            shorter: list[P] = []
            for cand in found_at[i] or ():
                regex = cand.regex
                if regex is None:
                    end = tok[2]
                else:
                    if cand.needs is not None:
                        if present is None:
                            present = words_in(lower, words)
                        if cand.needs.isdisjoint(present):
                            continue
                    m = regex.match(lower, start)
                    if m is None:
                        continue
                    end = m.end()
                if best is None or end > best_end:
                    if best is not None:
                        shorter.append(best.payload)
                    best, best_end = cand, end
                else:
                    shorter.append(cand.payload)
            if best is not None:
                hits.append(Hit(start, best_end, i, best.payload, tuple(shorter)))
        return _drop_overlaps(hits) if len(hits) > 1 else hits


def _drop_overlaps(hits: list[Hit[P]]) -> list[Hit[P]]:
    kept: list[Hit[P]] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            last = kept[-1]
            hidden = (*last.hidden, hit.payload, *hit.hidden)
            kept[-1] = Hit(last.start, last.end, last.token_index, last.payload, hidden)
            continue
        kept.append(hit)
    return kept


_WORD_OF = itemgetter(0)  # a token's lower-cased word
_last_words: tuple[str, frozenset[str]] = ("", frozenset())  # the last text `words_in` read, with its words


def words_in(lower: str, tokens: Sequence[str] = ()) -> frozenset[str]:
    """The plain words (`\\w+`) of a text; `tokens`, when given, are the text's token words (see `tokens.tokenize`):
    without an apostrophe or hyphen in the text its words are among them. The last answer is kept (one tuple,
    replaced whole, so threads never see half of one), as the lexicon and the facets ask for the same text one
    after the other."""
    global _last_words
    last = _last_words
    if last[0] is lower:  # the kept text is referenced here, so no other text can have its identity
        return last[1]
    plain = bool(tokens) and not _JOINERS.search(lower)  # then its tokens hold its words (and its punctuation)
    words = frozenset(tokens) if plain else frozenset(_PLAIN_WORD.findall(lower))
    _last_words = (lower, words)
    return words


_JOINERS = re.compile("['’-]")  # what joins plain words into one token ("e-mail", "don't")


# --- regular expressions behind a literal prefilter -------------------------------------------------------------

_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, getattr(_constants, "POSSESSIVE_REPEAT", None))
# characters that IGNORECASE matching equates with a character str.lower() does not turn them into ("ſ" with "s",
# "ı" with "i"), or that lower-case to two characters ("İ"): a text holding one is never ruled out by the prefilter
_CASE_TRAPS = re.compile(
    "[" + "".join(re.escape(chr(c)) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127) + "\u0130]"
)


def required_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of `regex` holds at least one (lower-cased when it ignores case); None when
    the pattern gives no such set. Read from the parsed pattern: runs of literal characters, alternatives of
    them, and what a group or a repeat of at least one holds."""
    try:
        found = _required(_parser.parse(regex.pattern, regex.flags), _ignores_case(regex))
    except Exception:  # noqa: BLE001 - a pattern re compiled but this reading does not follow: no prefilter
        return None
    return frozenset(found) if found else None


def _ignores_case(regex: re.Pattern[str]) -> bool:
    """True when the pattern, or a part of it, ignores case."""
    return bool(regex.flags & re.IGNORECASE) or _folds_inline(_parser.parse(regex.pattern, regex.flags))


def _folds_inline(items: Any) -> bool:
    for op, av in items:
        if op is _constants.SUBPATTERN and (av[1] & re.IGNORECASE or _folds_inline(av[3])):
            return True
        if op is _constants.BRANCH and any(_folds_inline(alt) for alt in av[1]):
            return True
        if op in _REPEATS and _folds_inline(av[2]):
            return True
        if op in (_constants.ASSERT, _constants.ASSERT_NOT) and _folds_inline(av[1]):
            return True
        if op is getattr(_constants, "ATOMIC_GROUP", None) and _folds_inline(av):
            return True
    return False


def _required(items: Any, fold: bool) -> set[str] | None:
    """The most selective set found in a sequence of parsed items (its shortest string the longest)."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if not candidate or "" in candidate:
            return
        if best is None or (min(map(len, candidate)), -len(candidate)) > (min(map(len, best)), -len(best)):
            best = candidate

    for op, av in items:
        if op is _constants.LITERAL:
            char = chr(av).lower() if fold else chr(av)
            if len(char) != 1:
                return None
            run.append(char)
            continue
        if run:
            consider({"".join(run)})
            run = []
        if op is _constants.SUBPATTERN:
            consider(_required(av[3], fold))
        elif op is getattr(_constants, "ATOMIC_GROUP", None):
            consider(_required(av, fold))
        elif op in _REPEATS:
            if av[0] >= 1:
                consider(_required(av[2], fold))
        elif op is _constants.BRANCH:
            alternatives = [_required(alt, fold) for alt in av[1]]
            if all(alternatives):
                consider(_shortest_cover(set().union(*alternatives)))  # type: ignore[arg-type]
        elif op is _constants.IN and all(o is _constants.LITERAL for o, _ in av):
            chars = {chr(c).lower() if fold else chr(c) for _, c in av}
            if all(len(c) == 1 for c in chars):
                consider(chars)
    if run:
        consider({"".join(run)})
    return best


def _shortest_cover(strings: set[str]) -> set[str]:
    """Drop each string that holds another of the set: a text holding it holds the other."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return set(kept)


class Prefiltered:
    """A compiled regular expression behind a cheap test: every match holds one of a few literal strings read
    from the pattern (`required_literals`), so a text holding none of them is passed by with one scan for those
    strings instead of the regex engine trying the pattern at every position. `search`, `finditer` and `match`
    give exactly what the pattern's own do."""

    __slots__ = ("regex", "pattern", "literals", "_ordered", "_hint", "_fold")

    def __init__(self, regex: re.Pattern[str] | str, flags: int = 0) -> None:
        self.regex = re.compile(regex, flags) if isinstance(regex, str) else regex
        self.pattern = self.regex.pattern
        self.literals = required_literals(self.regex)
        ordered = sorted(self.literals or (), key=len, reverse=True)
        self._ordered = tuple(ordered)
        self._hint = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._fold = _ignores_case(self.regex)

    def could_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos]."""
        if self._hint is None:
            return True
        if self._fold:
            if not text.isascii() and _CASE_TRAPS.search(text):
                return True
            text = text.lower()  # the same length: "İ", the one character that grows, is a trap
        if pos == 0 and endpos >= len(text):  # the whole text: a substring test per literal beats the regex engine
            return any(map(text.__contains__, self._ordered))
        return self._hint.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self.could_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos) if self.could_match(text, pos, endpos) else iter(())

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.fullmatch(text, pos, endpos)

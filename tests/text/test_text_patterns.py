"""The matching machinery's shortcuts find exactly what the plain regular expressions find."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from klantstem.text import courtesy, durations, facts, pipeline
from klantstem.text.appraisal import lexicon_for
from klantstem.text.lemmas import lemmatize
from klantstem.text.patterns import NUMBER_WORDS, Hit, PhraseMatcher, Prefiltered, _drop_overlaps, required_literals
from klantstem.text.taxonomy import default_taxonomy
from klantstem.text.tokens import Token, tokenize

PREFILTERED = [
    courtesy._SALUTATION,
    courtesy._SIGN_OFF,
    courtesy._FORMULAS,
    courtesy._DISCLAIMER,
    facts._CHANNEL_RE,
    facts._ANY_PROMISE,
    facts._ANY_PRESENT,
    *(regex for _, regex, _ in facts._PROMISE_RE),
    *(regex for _, regex, _ in facts._PRESENT_RE),
    pipeline._CLAUSE_HINT,
    Prefiltered(durations.DURATION_RE),
    Prefiltered(durations._WAIT_CONTEXT),
]
# pieces of the patterns' own words, case changes and the characters that ignoring case treats specially
PIECES = [
    *{w for p in PREFILTERED for w in re.findall(r"[a-z']{2,}", p.pattern)},
    "Met vriendelijke groet", "Kind regards", "\n", "\n\n", " ", ", ", ". ", "? ", "3", "47", "MAAR", "But",
    "\u017f", "\u0130", "\u0131", "\u212a", "é", ":", ";", "Jan", "Sent from my", "-", "'",
]  # fmt: skip


def _same(prefiltered: Prefiltered, text: str) -> None:
    plain = prefiltered.regex
    for pos, endpos in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3 + 1)):
        got = [(m.span(), m.groupdict()) for m in prefiltered.finditer(text, pos, endpos)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, endpos)], (plain.pattern, text)
        found = prefiltered.search(text, pos, endpos)
        expected = plain.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_prefiltered_patterns_find_what_the_plain_ones_find(text: str) -> None:
    for prefiltered in PREFILTERED:
        _same(prefiltered, text)
        _same(prefiltered, text.upper())


def test_the_prefilter_rules_out_texts_without_the_words_and_reads_the_pattern_soundly() -> None:
    assert required_literals(re.compile(r"\bbel(?:len|t)?\b.{0,40}?\bterug\b|\bterug(?:te)?bellen\b")) == {
        "terug",
        "bellen",
    }
    assert required_literals(re.compile(r"a?b*")) is None, "nothing is required"
    assert required_literals(re.compile(r"(?:foo|)x")) == {"x"}, "an empty alternative requires nothing of its own"
    assert required_literals(re.compile(r"(?i)Kind Regards")) == {"kind regards"}
    ignoring = Prefiltered(re.compile(r"(?i)\bregards\b"))
    assert not ignoring.could_match("Met vriendelijke groet")
    assert ignoring.search("Kind REGARDS") is not None
    assert ignoring.search("Kind regard\u017f") is not None, "the long s is an s to re"


def _plain_find(matcher: PhraseMatcher[Any], lower: str, tokens: list[Token], lemmas: list[str]) -> list[Any]:
    """The pattern language read plainly: at each token every candidate pattern is tried, the longest wins (the
    first of equals), and the others' payloads go with it in the order they lost."""
    hits: list[Hit[Any]] = []
    for i, tok in enumerate(tokens):
        best: Hit[Any] | None = None
        shorter: list[Any] = []
        for cand in matcher._candidates(tok.lower, lemmas[i]):
            m = cand.regex.match(lower, tok.start) if cand.regex is not None else None
            if cand.regex is not None and m is None:
                continue
            end = m.end() if m is not None else tok.end
            if best is None or end > best.end:
                shorter.extend([best.payload] if best is not None else [])
                best = Hit(tok.start, end, i, cand.payload)
            else:
                shorter.append(cand.payload)
        if best is not None:
            hits.append(Hit(best.start, best.end, i, best.payload, tuple(shorter)))
    return [(h.start, h.end, h.token_index, h.payload, h.hidden) for h in _drop_overlaps(hits)]


MATCHERS = [lexicon_for("nl").matcher, lexicon_for("en").matcher, default_taxonomy().matcher("unknown")]
WORDS = sorted({w for m in MATCHERS for w in [*m._exact, *m._prefix]} | set(NUMBER_WORDS) | {"12", "niet", "not"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, ".", ",", "!", "\n"]), max_size=40).map(" ".join))
def test_the_phrase_matcher_finds_what_the_plain_reading_finds(text: str) -> None:
    tokens = tokenize(text)
    lemmas = lemmatize([t.lower for t in tokens], "nl")
    for matcher in MATCHERS:
        got = [(h.start, h.end, h.token_index, h.payload, h.hidden) for h in matcher.find(text, tokens, lemmas)]
        assert got == _plain_find(matcher, text, tokens, lemmas), text


DOTTED = ["13", ".", "00", "z", "s", "m", "bijv", "ca", "nr", " ", "o", "www", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DOTTED), max_size=30).map("".join))
def test_inner_dots_are_masked_as_the_pattern_says(text: str) -> None:
    assert facts._inner_dots_masked(text) == facts._INNER_DOT.sub(":", text)

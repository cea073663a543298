"""The matching machinery's shortcuts find exactly what the plain regular expressions find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klantstem.text import courtesy, durations, facts, pipeline
from klantstem.text.patterns import Prefiltered, required_literals

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

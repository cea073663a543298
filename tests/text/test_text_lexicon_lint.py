"""A lint over the cue lexicons and the default taxonomy: an alternation `a|b` binds to ONE word, so
"nobody|no one ... picks" reads "nobody one ... picks" or "no one ... picks", and "transferred me|us|my call" reads
"transferred me call". Such a pattern never matches what its author meant. The lint expands every pattern and
flags the readings no customer writes."""

from __future__ import annotations

import itertools
import json
from importlib import resources

import pytest

from klantstem.text import lexicon_en, lexicon_nl
from klantstem.text.patterns import NEGATION_WORDS

# words that say nobody or nothing, and the words that would then repeat the "who" ("nobody one", "niemand iemand")
_NEGATIVE_PRONOUNS = frozenset({"niemand", "niets", "niks", "nobody", "nothing", "none"})
_PRONOUNS_AFTER = frozenset({"iemand", "iets", "one", "someone", "somebody", "anyone", "anybody", "body"})
# personal pronouns against possessive determiners: "me|my" can never both fit the next word
_PERSONAL = frozenset({"me", "us", "him", "them", "mij", "hem", "hen", "i", "we", "ik", "wij"})  # not "ons", "hun"
_POSSESSIVE = frozenset({"my", "our", "his", "their", "your", "mijn", "onze", "zijn", "jullie", "uw"})
_FINITE_BE = frozenset({"is", "was", "were", "are", "am"})


def _readings(pattern: str, limit: int = 5000) -> list[list[str]]:
    options = [item.split("|") for item in pattern.lower().split()]
    return [list(words) for words in itertools.islice(itertools.product(*options), limit)]


def binding_problems(pattern: str) -> list[str]:
    """What is wrong with how `pattern` binds; [] when nothing is."""
    problems: list[str] = []
    for item in pattern.lower().split():
        alternatives = [a.rstrip("*") for a in item.split("|")]
        if len(alternatives) < 2:
            continue
        negations = {a in NEGATION_WORDS or a.endswith("n't") or a == "unable" for a in alternatives}
        if len(negations) > 1:
            problems.append(f"'{item}' mixes negations and other words: the negation binds to one word only")
        kinds = {("personal" if a in _PERSONAL else "possessive") for a in alternatives if a in _PERSONAL | _POSSESSIVE}
        if len(kinds) > 1:
            problems.append(f"'{item}' mixes pronouns and possessives: the next word fits only one of them")
    for words in _readings(pattern):
        pairs = [(a, b) for a, b in zip(words, words[1:], strict=False) if "..." not in (a, b) and "#" not in (a, b)]
        for first, second in pairs:
            if first == second or (len(second) >= 3 and first.endswith(second)) or _same_stem(first, second):
                problems.append(f"reads '{first} {second}': a phrase was split over two alternations")
            elif (first in _NEGATIVE_PRONOUNS and second in _PRONOUNS_AFTER) or (
                first in _FINITE_BE and second == "been"
            ):
                problems.append(f"reads '{first} {second}': a one-word alternative stands beside a phrase")
    return sorted(set(problems))


def _same_stem(first: str, second: str) -> bool:
    """ "vrije vrij", "where where's": the second word repeats the first's stem, so a phrase was split ("vrije
    dag|vrij genomen", "where is|where's")."""
    shorter, longer = sorted((first.rstrip("*"), second.rstrip("*")), key=len)
    return len(shorter) >= 3 and shorter != longer and longer.startswith(shorter) and len(longer) - len(shorter) <= 2


def _all_patterns() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for module in (lexicon_nl, lexicon_en):
        name = module.__name__.rsplit(".", 1)[-1]
        for table in ("POSITIVE", "NEGATIVE", "RESOLVED"):
            found += [(f"{name}.{table}", p) for p in getattr(module, table)]
        found += [(f"{name}.FACTUAL", p) for p, _, _ in module.FACTUAL]
    taxonomy = json.loads(resources.files("klantstem.text.data").joinpath("taxonomy_default.json").read_text())
    for facet in taxonomy["facets"]:
        for part in ("cues", "topics"):
            for language, patterns in (facet.get(part) or {}).items():
                found += [(f"taxonomy {facet['id']} {part} {language}", p) for p in patterns]
    return found


@pytest.mark.parametrize(
    "pattern",
    [
        "nobody|no one ... picks|pick|picked",
        "transferred me|us|my call",
        "is lost|seems to be lost|was lost",
        "from one department|agent ... to another|the other",
        "is|was|has been|went ... down",
        "niemand|nooit iemand te spreken",
        "couldn't|could not|can't ... be better",
        "tried ... to call|to ring",
        "never ... turned up|showed up",
        "vrije dag|vrij genomen",
        "where is|where's ... my",
    ],
)
def test_the_lint_finds_an_alternative_that_binds_to_one_word_where_a_phrase_was_meant(pattern: str) -> None:
    assert binding_problems(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        "niet|nooit ... teruggebeld",
        "in het|uw|jullie systeem|dossier ... niets|niks|geen",
        "has|have been down",
        "voor de tweede|derde keer",
        "voorzien voor",
    ],
)
def test_the_lint_lets_a_one_word_alternation_pass(pattern: str) -> None:
    assert binding_problems(pattern) == []


def test_no_lexicon_or_taxonomy_pattern_binds_an_alternative_to_one_word_where_a_phrase_was_meant() -> None:
    found = {f"{at}: {p!r}: {problem}" for at, p in _all_patterns() for problem in binding_problems(p)}
    assert not found, "\n".join(sorted(found))

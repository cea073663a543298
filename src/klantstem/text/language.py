"""Language of a text: Dutch, English, or unknown / mixed when unsure (lingua limited to nl and en)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from klantstem.text.results import LanguageCode
from klantstem.text.tokens import word_set

MIN_CONFIDENCE = 0.75
_WORD = re.compile(r"[^\W\d_]{2,}")

NL_FUNCTION_WORDS = word_set(
    "de het een en niet ik je u we wij ze zij is was zijn heb heeft hebben van op met voor naar dat die "
    "dit maar ook nog al er om te bij geen nooit wel kan moet moest werd wordt mijn hun onze ons jullie "
    "hoe wat waarom omdat toen dan als zo heel erg gij ge da nie niks niets "
)
EN_FUNCTION_WORDS = word_set(
    "the a an and not i you we they is was are were have has had of on with for to that this but also "
    "still no never can must could would should my your our their how what why because when then if so "
    "very it be been do does did don't didn't isn't wasn't nothing "
)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.DUTCH, Language.ENGLISH).build()


_NL_ONLY = NL_FUNCTION_WORDS - EN_FUNCTION_WORDS
_EN_ONLY = EN_FUNCTION_WORDS - NL_FUNCTION_WORDS


def _function_word_counts(text: str) -> tuple[int, int, int]:
    words = _WORD.findall(text.lower())
    return len(words), sum(map(_NL_ONLY.__contains__, words)), sum(map(_EN_ONLY.__contains__, words))


def _clear_cut(text: str) -> LanguageCode | None:
    """Decide without lingua when function words leave no doubt (or show both languages); else None."""
    words, nl, en = _function_word_counts(text)
    if words == 0:
        return "unknown"
    if nl >= 2 and en >= 2 and min(nl, en) >= 0.3 * max(nl, en):
        return "mixed"
    if words >= 6 and nl >= 3 and en == 0:
        return "nl"
    if words >= 6 and en >= 3 and nl == 0:
        return "en"
    return None


def _from_confidence(dutch_confidence: float | None) -> LanguageCode:
    if dutch_confidence is None:
        return "unknown"
    if dutch_confidence >= MIN_CONFIDENCE:
        return "nl"
    if dutch_confidence <= 1 - MIN_CONFIDENCE:
        return "en"
    return "unknown"


def _dutch_confidence(values: Sequence[Any]) -> float | None:
    for value in values:
        if value.language.iso_code_639_1.name == "NL":
            return float(value.value)
    return None


def detect(text: str) -> LanguageCode:
    """ "nl", "en", "mixed" (both clearly present) or "unknown" (too short or unsure)."""
    sample = text[:2000]
    quick = _clear_cut(sample)
    if quick is not None:
        return quick
    return _from_confidence(_dutch_confidence(_detector().compute_language_confidence_values(sample)))


def detect_many(texts: Sequence[str]) -> list[LanguageCode]:
    """Like `detect` for a batch; the texts that need lingua go to it in one parallel call."""
    samples = [t[:2000] for t in texts]
    result: list[LanguageCode | None] = [_clear_cut(s) for s in samples]
    todo = [i for i, code in enumerate(result) if code is None]
    if todo:
        values = _detector().compute_language_confidence_values_in_parallel([samples[i] for i in todo])
        for i, vals in zip(todo, values, strict=True):
            result[i] = _from_confidence(_dutch_confidence(vals))
    return [code or "unknown" for code in result]

"""Lemmas with simplemma plus a small list of overrides for customer-service words it gets wrong."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import simplemma

OVERRIDES: dict[str, dict[str, str]] = {
    "nl": {
        "teruggebeld": "terugbellen",
        "terugbelde": "terugbellen",
        "belde": "bellen",
        "gebeld": "bellen",
        "doorverbonden": "doorverbinden",
        "doorgeschakeld": "doorschakelen",
        "medewerkster": "medewerker",
        "medewerkers": "medewerker",
        "wachttijden": "wachttijd",
        "beloofde": "beloven",
        "beloofd": "beloven",
        "toegezegd": "toezeggen",
        "bereikbaar": "bereikbaar",
        "onbereikbaar": "onbereikbaar",
        "geïrriteerd": "geïrriteerd",
        "gemaild": "mailen",
        "ingelogd": "inloggen",
        "opgelost": "oplossen",
        "mekaar": "elkaar",
        "menus": "menu",
        "ge": "gij",
    },
    "en": {
        "called": "call",
        "transferred": "transfer",
        "promised": "promise",
        "staff": "staff",
        "rude": "rude",
    },
}


@lru_cache(maxsize=262_144)
def lemma(word: str, lang: str) -> str:
    """Lemma of one lower-cased word; `lang` is "nl" or "en" (anything else tries both)."""
    override = OVERRIDES.get(lang, {}).get(word)
    if override is not None:
        return override
    if not word[:1].isalpha():
        return word
    languages: str | tuple[str, ...] = lang if lang in ("nl", "en") else ("nl", "en")
    try:
        return str(simplemma.lemmatize(word, lang=languages)).lower()
    except (ValueError, KeyError):
        return word


_KNOWN: dict[str, dict[str, str]] = {}  # language -> word -> lemma, what `lemmatize` has looked up
_KNOWN_LIMIT = 262_144


def lemmatize(words: Sequence[str], lang: str) -> list[str]:
    """`lemma` of each word, by one dictionary look-up per word once a word has been seen in this language."""
    known = _KNOWN.get(lang)
    if known is None or len(known) >= _KNOWN_LIMIT:
        known = _KNOWN[lang] = {}
    found = list(map(known.get, words))
    if None in found:
        for i, word in enumerate(words):
            if found[i] is None:
                found[i] = known[word] = lemma(word, lang)
    return found  # type: ignore[return-value]  # no None left

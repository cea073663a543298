"""Lemmas with simplemma plus a small list of overrides for customer-service words it gets wrong."""

from __future__ import annotations

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


def lemmatize(words: list[str], lang: str) -> list[str]:
    return [lemma(w, lang) for w in words]

"""Masking personal data in quotes: names, e-mail addresses, phone numbers and Dutch postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "[…]"
PARTICLES = {"van", "der", "den", "ter", "het", "mevrouw", "meneer"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch and international numbers: +31 6 12345678, 06-12345678, 020 123 4567, (010) 1234567, 0031...
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s().-]{7,}\d(?!\w)")
POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Za-z]{2}\b")
# A capitalised name after a form of address: "meneer De Vries", "mevr. Jansen", "Mr Smith"
ADDRESSED = re.compile(
    r"\b(?:[Mm]eneer|[Mm]evrouw|[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?|[Hh]eer|Mr\.?|Mrs\.?|Ms\.?|Miss)\s+"
    r"(?:(?:van|de|der|den|ter|te|het|'t|Van|De|Der|Den)\s+){0,3}[A-Z][\w'-]+"
)


class Masker:
    """Masks the names it was given (whole words, any case) and the patterns above."""

    def __init__(self, names: Iterable[str]) -> None:
        words = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
        parts = {w for n in words for w in n.split() if len(w) >= 3 and w[0].isupper() and w.lower() not in PARTICLES}
        alternatives = [re.escape(w) for w in words] + [re.escape(p) for p in sorted(parts, key=len, reverse=True)]
        self._names = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b") if alternatives else None

    def __call__(self, text: str) -> str:
        text = EMAIL.sub(MASK, text)
        text = PHONE.sub(lambda m: MASK if sum(ch.isdigit() for ch in m.group()) >= 9 else m.group(), text)
        text = POSTCODE.sub(MASK, text)
        text = ADDRESSED.sub(lambda m: m.group().split()[0] + " " + MASK, text)
        if self._names is not None:
            text = self._names.sub(MASK, text)
        return text

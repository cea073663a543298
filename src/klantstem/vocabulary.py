"""The closed vocabularies (channel, direction, appraisal, perspective, yes/no) with their Dutch and English
synonyms: one reader for every edge and import, so a word one place accepts is accepted everywhere."""

from __future__ import annotations

import re

from klantstem.db.schema import APPRAISALS, CHANNELS, DIRECTIONS, PERSPECTIVES
from klantstem.errors import UserInputError

CHANNEL_SYNONYMS = {
    "phone": "phone telephone telefoon telefonisch tel call gebeld bellen callcenter belcentrum",
    "email": "email mail emailbericht electronicmail",
    "whatsapp": "whatsapp whatsappbericht wa",
    "web_form": "webform webformulier contactformulier formulier website online web chat webchat",
    "letter": "letter brief post poststuk",
    "visit": "visit bezoek balie loket counter desk walkin inperson persoonlijk afspraak",
    "social_media": "socialmedia social sociale socialemedia facebook twitter x instagram linkedin",
    "review_site": "reviewsite review reviews google googlereviews trustpilot kiyoh klantenvertellen tripadvisor",
}
DIRECTION_SYNONYMS = {
    "inbound": "inbound in incoming inkomend binnenkomend binnen ontvangen received",
    "outbound": "outbound out outgoing uitgaand uit verzonden verstuurd sent",
}
APPRAISAL_SYNONYMS = {
    "bad": "bad slecht negatief negative poor",
    "normal": "normal normaal neutraal neutral gewoon ok oke okay",
    "excellent": "excellent uitstekend uitmuntend voortreffelijk outstanding",
}
PERSPECTIVE_SYNONYMS = {
    "customer": "customer klant client burger",
    "staff": "staff medewerker employee personeel werknemer",
}
# The Dutch word each stored value is named by in an error, beside its stored (English) name.
DUTCH_NAMES = {
    "phone": "telefoon", "email": "e-mail", "whatsapp": "whatsapp", "web_form": "webformulier", "letter": "brief",
    "visit": "bezoek", "social_media": "sociale media", "review_site": "reviewsite", "inbound": "inkomend",
    "outbound": "uitgaand", "bad": "slecht", "normal": "normaal", "excellent": "uitstekend", "customer": "klant",
    "staff": "medewerker", "yes": "ja", "no": "nee",
}  # fmt: skip
YES_NO_SYNONYMS = {
    "yes": "yes y ja j true waar 1 confirmed bevestigd",
    "no": "no n nee false onwaar 0 notconfirmed nietbevestigd",
}

_NOT_LETTERS = re.compile(r"[^0-9a-z]+")
_ACCENTS = str.maketrans("éëèêïíóöôüúáàäç", "eeeeiiooouuaaac")


def vocabulary_key(word: str) -> str:
    """The form a vocabulary word is looked up by: lower case, accents and punctuation removed."""
    return _NOT_LETTERS.sub("", word.strip().lower().translate(_ACCENTS))


class Vocabulary:
    """A closed list of stored values with synonyms; remembers every spelling it has seen."""

    def __init__(self, what: str, synonyms: dict[str, str], stored: tuple[str, ...]) -> None:
        self.what = what
        self._by_key = {word: value for value, words in synonyms.items() for word in words.split()}
        for value in stored:
            self._by_key[vocabulary_key(value)] = value
        self._seen: dict[str, str] = {}

    def read(self, raw: object) -> str:
        if not isinstance(raw, str):
            raw = "" if raw is None else str(raw)
        value = self._seen.get(raw)
        if value is not None:
            return value
        value = self._by_key.get(vocabulary_key(raw))
        if value is None:
            shown = raw.strip()[:30]
            raise UserInputError(
                f"unknown {self.what} {shown!r}; use one of {self.choices}",
                code=f"unknown_{self.what}",
                value=shown,
            )
        if len(self._seen) < 10_000:
            self._seen[raw] = value
        return value

    @property
    def stored(self) -> list[str]:
        return sorted(set(self._by_key.values()))

    @property
    def choices(self) -> str:
        """The stored values with their Dutch names: "bad (slecht), excellent (uitstekend), normal (normaal)"."""
        dutch = {value: DUTCH_NAMES.get(value, value) for value in self.stored}
        named = (f"{value} ({dutch[value]})" if dutch[value] != value else value for value in self.stored)
        return ", ".join(named)


def channels() -> Vocabulary:
    return Vocabulary("channel", CHANNEL_SYNONYMS, CHANNELS)


def directions() -> Vocabulary:
    return Vocabulary("direction", DIRECTION_SYNONYMS, DIRECTIONS)


def appraisals() -> Vocabulary:
    return Vocabulary("appraisal", APPRAISAL_SYNONYMS, APPRAISALS)


def perspectives() -> Vocabulary:
    return Vocabulary("perspective", PERSPECTIVE_SYNONYMS, PERSPECTIVES)


def yes_no() -> Vocabulary:
    return Vocabulary("yes/no value", YES_NO_SYNONYMS, ("yes", "no"))


def channel(word: str) -> str:
    """The stored channel a word names (Dutch or English, e.g. "telefoon", "E-mail"); UserInputError otherwise."""
    return channels().read(word)

"""Reading single cell values: text with a length limit, and the closed vocabularies (channel, direction,
appraisal, perspective, yes/no) with their obvious Dutch and English synonyms.

Each reader returns the stored form or raises UserInputError with a reason; the row readers add the field.
Reasons never repeat free text from the file, only short vocabulary words.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from klantstem.db.schema import APPRAISALS, CHANNELS, DIRECTIONS, PERSPECTIVES
from klantstem.errors import UserInputError

MAX_TEXT_CHARS = 1_000_000  # per field; documented in docs/import.md

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
            raise UserInputError(f"unknown {self.what} {shown!r}; use one of {', '.join(self.stored)}")
        if len(self._seen) < 10_000:
            self._seen[raw] = value
        return value

    @property
    def stored(self) -> list[str]:
        return sorted(set(self._by_key.values()))


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


def cell_text(value: object) -> str:
    """A cell as text: strings as they are, whole numbers without ".0", dates in ISO form."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def text(value: object, limit: int) -> str | None:
    """Trimmed text, None when empty; raises UserInputError beyond `limit` characters or with a NUL."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = cell_text(value)
    if len(value) > limit:
        raise UserInputError(f"{len(value):,} characters, more than the limit of {limit:,}")
    value = value.strip()
    if not value:
        return None
    if "\x00" in value:
        raise UserInputError("contains a NUL character")
    return unix_newlines(value) if "\r" in value else value


def unix_newlines(value: str) -> str:
    """Line breaks as "\\n" whatever the file used, so the same text gives the same fingerprint."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def whole_number(value: object) -> int | None:
    """A whole number from 1, or None when empty."""
    shown = cell_text(value).strip()
    if not shown:
        return None
    if not shown.isdigit() or len(shown) > 9 or int(shown) < 1:
        raise UserInputError(f"{shown[:20]!r} is not a whole number from 1 to 999,999,999")
    return int(shown)

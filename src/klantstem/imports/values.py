"""Reading single cell values: text with a length limit, and the closed vocabularies (channel, direction,
appraisal, perspective, yes/no) with their obvious Dutch and English synonyms.

Each reader returns the stored form or raises UserInputError with a reason; the row readers add the field.
Reasons never repeat free text from the file, only short vocabulary words.
"""

from __future__ import annotations

from datetime import date, datetime

from klantstem.errors import UserInputError
from klantstem.vocabulary import CHANNEL_SYNONYMS as CHANNEL_SYNONYMS
from klantstem.vocabulary import Vocabulary as Vocabulary
from klantstem.vocabulary import appraisals as appraisals
from klantstem.vocabulary import channels as channels
from klantstem.vocabulary import directions as directions
from klantstem.vocabulary import perspectives as perspectives
from klantstem.vocabulary import vocabulary_key as vocabulary_key
from klantstem.vocabulary import yes_no as yes_no

MAX_TEXT_CHARS = 1_000_000  # per field; documented in docs/import.md


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

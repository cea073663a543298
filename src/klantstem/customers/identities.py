"""Customer identities in their normal form, so the same person is recognised however a file wrote them.

Pure functions without a database: e-mail addresses trimmed and lower-cased, phone numbers in E.164
(via phonenumbers, with a default region for numbers written without a country code), external ids
trimmed, Dutch postcodes as "1234 AB". Each raises `UserInputError` with a message that never repeats the
value itself (identities are personal data).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import phonenumbers

from klantstem.errors import UserInputError

# The identity kinds in the order they are trusted when matching a customer: an id from the source system
# first, then e-mail, then phone. The names are those of `customer_identities.kind`.
EXTERNAL = "external"
EMAIL = "email"
PHONE = "phone"
MATCH_ORDER = (EXTERNAL, EMAIL, PHONE)

MAX_IDENTITY_CHARS = 320
MAX_NAME_CHARS = 200

_EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}")
_ANGLED = re.compile(r".*<([^<>]*)>\s*")
_DUTCH_POSTCODE = re.compile(r"([1-9][0-9]{3})\s*([A-Za-z]{2})")
_PHONE_SEPARATORS = str.maketrans("", "", " \t\u00a0-./()")
_SPACES = re.compile(r"\s+")
_CACHE_SIZE = 1 << 18
_MISSING = ""  # never a cached value: a cached number is E.164 text or None
_PHONES: dict[tuple[str, str], str | None] = {}
_PARSES = [0]


class Identity(NamedTuple):
    """One normalised identity of a customer, as stored in `customer_identities`."""

    kind: str
    value: str


def normalise_email(raw: str) -> str:
    """`" Jan.Jansen@Example.NL "` -> `"jan.jansen@example.nl"`; also accepts `Name <address>` and `mailto:`."""
    return _email(raw)


@lru_cache(maxsize=_CACHE_SIZE)
def _email(raw: str) -> str:
    text = raw.strip()
    angled = _ANGLED.fullmatch(text)
    if angled:
        text = angled.group(1).strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    text = text.lower()
    if len(text) > MAX_IDENTITY_CHARS or not _EMAIL.fullmatch(text):
        raise UserInputError("not a valid e-mail address", code="bad_email")
    return text


def normalise_phone(raw: str, default_region: str = "NL") -> str:
    """A phone number in E.164 (`"06-12345678"` -> `"+31612345678"`); raises UserInputError when invalid.

    Numbers without a country code are read as numbers of `default_region` (ISO 3166 alpha-2). Parses are
    cached on the number without separators; a valid number's E.164 form is cached as well, and so is its
    national form when the number is one of `default_region`, so "06 1234 5678", "06-12345678" and "+31 6
    12345678" cost one parse together, whichever comes first.
    """
    text = raw.strip()
    if text[:4].lower() == "tel:":
        text = text[4:]
    key = (text.translate(_PHONE_SEPARATORS), default_region.upper())
    e164 = _PHONES.get(key, _MISSING)
    if e164 is _MISSING:
        e164 = _parse_phone(*key)
        if len(_PHONES) >= _CACHE_SIZE:
            _PHONES.clear()
        _PHONES[key] = e164
        if e164 is not None:
            _PHONES[(e164, key[1])] = e164
            national = _national_form(e164, key[1])
            if national is not None:
                _PHONES[(national, key[1])] = e164
    if e164 is None:
        raise UserInputError("not a valid phone number", code="bad_phone")
    return e164


def phone_parses() -> int:
    """How many phone numbers were parsed by phonenumbers (cache misses) in this process."""
    return _PARSES[0]


def _parse_phone(digits: str, region: str) -> str | None:
    _PARSES[0] += 1
    if not digits or len(digits) > 32 or any(c.isalpha() for c in digits):
        return None  # letters are a typo here far more often than a vanity number
    national = _national_fast_path(digits, region)
    if national is not None:
        return national
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _national_form(e164: str, region: str) -> str | None:
    """ "0612345678" for "+31612345678" in NL: the national text that `_national_fast_path` reads as this
    same valid number (its national number, without leading zeros, after the region's plain prefix)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or not _plain_national_prefix(metadata):
        return None
    country = f"+{metadata.country_code}"
    rest = e164[len(country) :]
    if not e164.startswith(country) or not rest.isdigit() or rest[0] == "0":
        return None
    return f"{metadata.national_prefix}{rest}"


def _plain_national_prefix(metadata: phonenumbers.PhoneMetadata) -> bool:
    """Whether the region's national prefix is stripped as it is (no parsing rule)."""
    prefix = metadata.national_prefix
    return (
        bool(prefix)
        and metadata.national_prefix_for_parsing == prefix
        and metadata.national_prefix_transform_rule is None
    )


def _national_fast_path(digits: str, region: str) -> str | None:
    """E.164 of a plain national number ("0612345678" in NL) when it is valid, without the general parser.

    Only for regions whose national prefix is stripped as it is (no parsing rule); the national number is
    checked with phonenumbers' own validity rules. Anything else (None) goes through `phonenumbers.parse`.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = metadata.national_prefix if metadata is not None else None
    if (
        not prefix
        or metadata is None
        or not _plain_national_prefix(metadata)
        or not digits.isdigit()
        or not digits.startswith(prefix)
        or digits[len(prefix) : len(prefix) + 1] in ("", "0")
    ):
        return None
    rest = digits[len(prefix) :]
    number = phonenumbers.PhoneNumber(country_code=metadata.country_code, national_number=int(rest))
    if not phonenumbers.is_valid_number(number):
        return None
    return f"+{metadata.country_code}{rest}"


def normalise_external_id(raw: str) -> str:
    """An id from another system: trimmed, inner white space kept as one space; case is kept."""
    text = _SPACES.sub(" ", raw.strip())
    if not text:
        raise UserInputError("an external id cannot be empty")
    if len(text) > MAX_IDENTITY_CHARS:
        raise UserInputError(f"an external id is at most {MAX_IDENTITY_CHARS} characters")
    return text


def normalise_postcode(raw: str) -> str:
    """Dutch postcodes as `"1234 AB"`; other postcodes upper-cased with single spaces (at most 12 characters)."""
    text = raw.strip()
    dutch = _DUTCH_POSTCODE.fullmatch(text)
    if dutch:
        return f"{dutch.group(1)} {dutch.group(2).upper()}"
    text = _SPACES.sub(" ", text).upper()
    if not text or len(text) > 12:
        raise UserInputError("not a postcode (at most 12 characters)")
    return text


def normalise_name(raw: str) -> str:
    """A person's display name: trimmed, white space collapsed, at most 200 characters."""
    text = _SPACES.sub(" ", raw.strip())
    if len(text) > MAX_NAME_CHARS:
        raise UserInputError(f"a name is at most {MAX_NAME_CHARS} characters")
    return text


def identities_of(
    external_id: str | None, email: str | None, phone: str | None, default_region: str = "NL"
) -> tuple[Identity, ...]:
    """The normalised identities given for one person, in MATCH_ORDER; empty values are left out."""
    found: list[Identity] = []
    if external_id:
        found.append(Identity(EXTERNAL, normalise_external_id(external_id)))
    if email:
        found.append(Identity(EMAIL, normalise_email(email)))
    if phone:
        found.append(Identity(PHONE, normalise_phone(phone, default_region)))
    return tuple(found)

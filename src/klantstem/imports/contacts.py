"""Checking one contact row and putting it in normal form, with the fingerprint that makes imports idempotent.

This is the hot loop of a large import: it reads every field inline, keeps the normal form of every
identity, name and postcode it has seen, and tracks which field it is on instead of wrapping each value in
a call of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from hashlib import sha256
from typing import Generic, NamedTuple, TypeVar

from klantstem.customers import identities as ids
from klantstem.errors import UserInputError
from klantstem.imports import values
from klantstem.imports.columns import Picked
from klantstem.imports.dates import DateReader
from klantstem.imports.model import PACKED_FIELDS, SEPARATOR, FieldError, PackedContact

NAME_CHARS = 200
SUBJECT_CHARS = 300
CASE_REF_CHARS = 100
_CACHE_LIMIT = 500_000  # normal forms remembered per kind; the cache starts afresh beyond this
_PEOPLE_LIMIT = 100_000  # combinations of customer columns remembered (each holds five strings)
_LONE_SURROGATE = "contains an invalid character (a lone surrogate)"
_SEPARATORS = len(PACKED_FIELDS) - 1
T = TypeVar("T")


class ContactReader:
    """Reads rows (values in CONTACT_COLUMNS order) into PackedContacts; raises FieldError naming the field."""

    def __init__(self, dates: DateReader, default_region: str) -> None:
        self._read_date = dates.utc_text
        self._channel = values.channels().read
        self._direction = values.directions().read
        self._refs = _Cached(ids.normalise_external_id)
        self._emails = _Cached(ids.normalise_email)
        self._phones = _Cached(lambda raw: ids.normalise_phone(raw, default_region))
        self._names = _Cached(ids.normalise_name)
        self._postcodes = _Cached(ids.normalise_postcode)
        self._people: dict[tuple[str | None, ...], _Person] = {}

    def read(self, line: int, row: Picked) -> PackedContact:
        (ref, email, phone, name, postcode, channel, direction, occurred, department, staff, case_ref, subject,
         body, third_party) = [(v.strip() or None) if type(v) is str else _cell(v) for v in row]  # fmt: skip
        person = self._people.get((ref, email, phone, name, postcode))
        if person is None:
            person = self._person(ref, email, phone, name, postcode)
        field = "channel"
        try:
            channel = self._channel(channel) if channel is not None else _needed("a channel is needed")
            field = "direction"
            direction = "inbound" if direction is None else self._direction(direction)
            field = "occurred_at"
            occurred_at = self._read_date(occurred if occurred is not None else _needed("a date and time is needed"))
        except UserInputError as exc:
            raise FieldError(field, str(exc)) from None
        if (
            (department is not None and len(department) > NAME_CHARS)
            or (staff is not None and len(staff) > NAME_CHARS)
            or (case_ref is not None and len(case_ref) > CASE_REF_CHARS)
            or (subject is not None and len(subject) > SUBJECT_CHARS)
            or (body is not None and len(body) > values.MAX_TEXT_CHARS)
            or (third_party is not None and len(third_party) > NAME_CHARS)
        ):
            _check_lengths(department, staff, case_ref, subject, body, third_party)
        if subject is not None and "\r" in subject:
            subject = values.unix_newlines(subject)
        if body is not None and "\r" in body:
            body = values.unix_newlines(body)
        # The fingerprint's parts (see `fingerprint`) joined at once, without a list of them.
        packed = (
            f"contact{SEPARATOR}{channel}{SEPARATOR}{direction}{SEPARATOR}{occurred_at}{SEPARATOR}{person.joined}"
            f"{SEPARATOR}{department or ''}{SEPARATOR}{staff or ''}{SEPARATOR}{case_ref or ''}"
            f"{SEPARATOR}{subject or ''}{SEPARATOR}{body or ''}{SEPARATOR}{third_party or ''}"
        )
        try:
            digest = sha256(packed.encode()).hexdigest()
        except UnicodeEncodeError:
            raise FieldError(None, _LONE_SURROGATE) from None
        if packed.count(SEPARATOR) != _SEPARATORS:  # a value holds the separator: the values go apart
            parts = ("contact", channel, direction, occurred_at, *person.values, department, staff, case_ref, subject,
                     body, third_party)  # fmt: skip
            return tuple(part or "" for part in parts), digest
        return packed, digest

    def _person(
        self, ref: str | None, email: str | None, phone: str | None, name: str | None, postcode: str | None
    ) -> _Person:
        """The normal form of a row's customer columns, remembered for the next row that writes them alike."""
        field = "customer_ref"
        try:
            clean_ref = "" if ref is None else self._refs.get(ref)
            field = "email"
            clean_email = "" if email is None else self._emails.get(email)
            field = "phone"
            clean_phone = "" if phone is None else self._phones.get(phone)
            field = "name"
            clean_name = "" if name is None else self._names.get(name)
            field = "postcode"
            clean_postcode = "" if postcode is None else self._postcodes.get(postcode)
        except UserInputError as exc:
            raise FieldError(field, str(exc)) from None
        normal = (clean_ref, clean_email, clean_phone, clean_name, clean_postcode)
        person = _Person(SEPARATOR.join(normal), normal)
        if len(self._people) >= _PEOPLE_LIMIT:
            self._people.clear()
        self._people[(ref, email, phone, name, postcode)] = person
        return person


class _Person(NamedTuple):
    """A row's customer columns in normal form ("" for a value not given)."""

    joined: str  # joined as `fingerprint` joins its parts
    values: tuple[str, str, str, str, str]  # external id, e-mail, phone, name, postcode


def _needed(message: str) -> str:
    raise UserInputError(message)


def _check_lengths(
    department: str | None, staff: str | None, case_ref: str | None, subject: str | None, body: str | None,
    third_party: str | None,
) -> None:  # fmt: skip
    """Raise FieldError for the first value longer than its column allows."""
    for field, value, limit in (
        ("department", department, NAME_CHARS), ("staff", staff, NAME_CHARS), ("case_ref", case_ref, CASE_REF_CHARS),
        ("subject", subject, SUBJECT_CHARS), ("text", body, values.MAX_TEXT_CHARS),
        ("third_party", third_party, NAME_CHARS),
    ):  # fmt: skip
        if value is not None and len(value) > limit:
            raise FieldError(field, f"{len(value):,} characters, more than the limit of {limit:,}")


def _cell(value: object) -> str | None:
    """A workbook or JSON value as trimmed text (None when empty)."""
    if value is None:
        return None
    return values.cell_text(value).strip() or None


class _Cached(Generic[T]):
    """The normal form of each raw value seen, so a file repeating a customer pays for it once."""

    def __init__(self, normalise: Callable[[str], T]) -> None:
        self._normalise = normalise
        self._seen: dict[str, T] = {}

    def get(self, raw: str) -> T:
        found = self._seen.get(raw)
        if found is None:
            found = self._normalise(raw)
            if len(self._seen) >= _CACHE_LIMIT:
                self._seen.clear()
            self._seen[raw] = found
        return found


def fingerprint(parts: Sequence[str | None]) -> str:
    """SHA-256 (hex) of the normalised values in order; raises FieldError for text that cannot be stored."""
    joined = SEPARATOR.join([part or "" for part in parts])
    try:
        return sha256(joined.encode()).hexdigest()
    except UnicodeEncodeError:
        raise FieldError(None, _LONE_SURROGATE) from None

"""Checking one contact row and putting it in normal form, with the fingerprint that makes imports idempotent.

This is the hot loop of a large import: it reads every field inline, keeps the normal form of every
identity, name and postcode it has seen, and tracks which field it is on instead of wrapping each value in
a call of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from hashlib import sha256

from klantstem.customers.service import identities as ids
from klantstem.errors import UserInputError
from klantstem.imports import values
from klantstem.imports.columns import Picked
from klantstem.imports.dates import DateReader
from klantstem.imports.model import PACKED_FIELDS, SEPARATOR, FieldError, PackedContact

NAME_CHARS = 200
SUBJECT_CHARS = 300
CASE_REF_CHARS = 100
_CACHE_LIMIT = 500_000  # normal forms (and identity numbers) remembered per kind; beyond this they start afresh
_LONE_SURROGATE = "contains an invalid character (a lone surrogate)"
_SEPARATORS = len(PACKED_FIELDS) - 1


class ContactReader:
    """Reads rows (values in CONTACT_COLUMNS order) into PackedContacts; raises FieldError naming the field."""

    def __init__(self, dates: DateReader, default_region: str) -> None:
        self._read_date = dates.utc_text
        self._channel = values.channels().read
        self._direction = values.directions().read
        self._region = default_region
        # The normal form of each raw value seen, per kind: a file repeating a customer pays for it once.
        self._refs: dict[str, str] = {}
        self._emails: dict[str, str] = {}
        self._phones: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._postcodes: dict[str, str] = {}
        self._numbers: dict[tuple[str, str, str], str] = {}  # see PackedContact
        self._numbered = 0

    def read(self, line: int, row: Picked) -> PackedContact:
        try:  # CSV: text in every cell, stripped in C; "" is a value not given
            (ref, email, phone, name, postcode, channel, direction, occurred, department, staff, case_ref, subject,
             body, third_party) = map(str.strip, row)  # fmt: skip
        except TypeError:  # a workbook's numbers and dates, a JSON value, or a column the file lacks (None)
            (ref, email, phone, name, postcode, channel, direction, occurred, department, staff, case_ref, subject,
             body, third_party) = map(_cell, row)  # fmt: skip
        # The customer columns in normal form, each looked up inline (the normaliser runs once per raw value).
        field = "customer_ref"
        try:
            if ref:
                ref = self._refs.get(ref) or self._normal(self._refs, ids.normalise_external_id, ref)
            field = "email"
            if email:
                email = self._emails.get(email) or self._normal(self._emails, ids.normalise_email, email)
            field = "phone"
            if phone:
                phone = self._phones.get(phone) or self._normal(self._phones, self._normalise_phone, phone)
            field = "name"
            if name:
                name = self._names.get(name) or self._normal(self._names, ids.normalise_name, name)
            field = "postcode"
            if postcode:
                postcodes = self._postcodes
                postcode = postcodes.get(postcode) or self._normal(postcodes, ids.normalise_postcode, postcode)
            field = "channel"
            channel = self._channel(channel) if channel else _needed("a channel is needed")
            field = "direction"
            direction = self._direction(direction) if direction else "inbound"
            field = "occurred_at"
            occurred_at = self._read_date(occurred if occurred else _needed("a date and time is needed"))
        except UserInputError as exc:
            raise FieldError(field, str(exc)) from None
        number = ""
        if ref or email or phone:
            number = self._numbers.get((ref, email, phone)) or self._number(ref, email, phone)
        if (
            len(department) > NAME_CHARS
            or len(staff) > NAME_CHARS
            or len(case_ref) > CASE_REF_CHARS
            or len(subject) > SUBJECT_CHARS
            or len(body) > values.MAX_TEXT_CHARS
            or len(third_party) > NAME_CHARS
        ):
            _check_lengths(department, staff, case_ref, subject, body, third_party)
        if "\r" in subject:
            subject = values.unix_newlines(subject)
        if "\r" in body:
            body = values.unix_newlines(body)
        # The fingerprint's parts (see `fingerprint`) joined at once, without a list of them.
        packed = (
            f"contact{SEPARATOR}{channel}{SEPARATOR}{direction}{SEPARATOR}{occurred_at}{SEPARATOR}{ref}{SEPARATOR}"
            f"{email}{SEPARATOR}{phone}{SEPARATOR}{name}{SEPARATOR}{postcode}{SEPARATOR}{department}{SEPARATOR}"
            f"{staff}{SEPARATOR}{case_ref}{SEPARATOR}{subject}{SEPARATOR}{body}{SEPARATOR}{third_party}"
        )
        try:
            digest = sha256(packed.encode()).hexdigest()
        except UnicodeEncodeError:
            raise FieldError(None, _LONE_SURROGATE) from None
        if packed.count(SEPARATOR) != _SEPARATORS:  # a value holds the separator: the values go apart
            parts = ("contact", channel, direction, occurred_at, ref, email, phone, name, postcode, department, staff,
                     case_ref, subject, body, third_party)  # fmt: skip
            return parts, digest, number
        return packed, digest, number

    @staticmethod
    def _normal(seen: dict[str, str], normalise: Callable[[str], str], raw: str) -> str:
        """The normal form of a raw value not seen before (raises UserInputError), remembered in `seen`."""
        normal = normalise(raw)
        if len(seen) >= _CACHE_LIMIT:
            seen.clear()
        seen[raw] = normal
        return normal

    def _normalise_phone(self, raw: str) -> str:
        return ids.normalise_phone(raw, self._region)

    def _number(self, ref: str, email: str, phone: str) -> str:
        """A new number for these identities (normal forms); numbers are never given twice, also after the
        remembered ones start afresh."""
        if len(self._numbers) >= _CACHE_LIMIT:
            self._numbers.clear()
        self._numbered += 1
        number = self._numbers[(ref, email, phone)] = str(self._numbered)
        return number


def _needed(message: str) -> str:
    raise UserInputError(message)


def _check_lengths(department: str, staff: str, case_ref: str, subject: str, body: str, third_party: str) -> None:
    """Raise FieldError for the first value longer than its column allows."""
    for field, value, limit in (
        ("department", department, NAME_CHARS), ("staff", staff, NAME_CHARS), ("case_ref", case_ref, CASE_REF_CHARS),
        ("subject", subject, SUBJECT_CHARS), ("text", body, values.MAX_TEXT_CHARS),
        ("third_party", third_party, NAME_CHARS),
    ):  # fmt: skip
        if len(value) > limit:
            raise FieldError(field, f"{len(value):,} characters, more than the limit of {limit:,}")


def _cell(value: object) -> str:
    """A workbook or JSON value as trimmed text ("" when empty or missing)."""
    if value is None:
        return ""
    return values.cell_text(value).strip()


def fingerprint(parts: Sequence[str | None]) -> str:
    """SHA-256 (hex) of the normalised values in order; raises FieldError for text that cannot be stored."""
    joined = SEPARATOR.join([part or "" for part in parts])
    try:
        return sha256(joined.encode()).hexdigest()
    except UnicodeEncodeError:
        raise FieldError(None, _LONE_SURROGATE) from None

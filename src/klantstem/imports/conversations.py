"""What the mail and chat imports share: who writes for the organisation, and turning the messages of a mailbox
or chat export into the same checked contact batches a contact file gives (see `reading`).

Each message becomes a contact row in CONTACT_COLUMNS order and goes through the one `ContactReader`: the same
normal forms, identity numbers and fingerprints as every other contact import, so the one `ContactWriter`
stores it and a second run adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from klantstem.customers.service import identities as ids
from klantstem.errors import ImportFileError, UserInputError
from klantstem.imports.contacts import ContactReader
from klantstem.imports.dates import DateReader
from klantstem.imports.model import FieldError, PackedContact, Rejection
from klantstem.imports.reading import Batch, Finished, Message, Started, flattened

_LOOKS_LIKE_PHONE = re.compile(r"\+?[0-9][0-9 ()\-.\u00a0]{6,}")


@dataclass(frozen=True)
class ConversationRequest:
    """What a mail or chat reader needs (it may run in a child process)."""

    path: str
    skip_invalid: bool
    timezone: str
    default_region: str
    batch_size: int
    own_senders: str  # the organisation_senders setting
    customer: str = ""  # chats: the customer named on the command line
    date_order: str = ""  # chats: dmy, mdy or "" (decided from the file)


@dataclass(frozen=True)
class MessageRow:
    """One message as a contact row (values in CONTACT_COLUMNS order), or the reason it cannot be one."""

    where: str  # the file (and message) named in an error
    line: int  # the line (mbox, chat) or message number it starts at
    values: tuple[str, ...] = ()
    field: str | None = None  # with `reason`: the message is refused
    reason: str = ""


class OwnSenders:
    """The organisation's own senders: e-mail addresses, whole domains ("@dealer.nl"), names or phone numbers."""

    def __init__(self, setting: str, region: str) -> None:
        self._addresses: set[str] = set()
        self._domains: set[str] = set()
        self._names: set[str] = set()
        self._phones: set[str] = set()
        self._region = region
        for entry in (part.strip() for part in setting.split(",")):
            if entry.startswith("@"):
                self._domains.add(entry[1:].lower())
            elif "@" in entry:
                self._addresses.add(entry.lower())
            elif (phone := self.phone(entry)) is not None:
                self._phones.add(phone)
            elif entry:
                self._names.add(_name_key(entry))

    @property
    def configured(self) -> bool:
        return bool(self._addresses or self._domains or self._names or self._phones)

    def address(self, address: str) -> bool:
        """Is this (lower-case) e-mail address one of the organisation's?"""
        return address in self._addresses or address.rpartition("@")[2] in self._domains

    def sender(self, sender: str) -> bool:
        """Is this chat sender (a name or a phone number) the organisation?"""
        phone = self.phone(sender)
        return phone in self._phones if phone is not None else _name_key(sender) in self._names

    def phone(self, text: str) -> str | None:
        """The E.164 form of a text written as a phone number (its digits when it is no valid one), else None."""
        if not _LOOKS_LIKE_PHONE.fullmatch(text.strip()):
            return None
        try:
            return ids.normalise_phone(text, self._region)
        except UserInputError:
            return "".join(char for char in text if char.isdigit() or char == "+")


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def contact_messages_of(
    request: ConversationRequest,
    started: Started,
    rows: Iterable[MessageRow],
    field_names: Mapping[str, str],
    warnings: list[Rejection],
) -> Iterator[Message]:
    """`Started`, the checked rows in `Batch`es, then `Finished` (with the reader's warnings, as it left them).

    A refused message raises ImportFileError naming file, line and field (`field_names` gives the contact
    fields the names the source uses), or with `skip_invalid` is set aside as a Rejection.
    """
    reader = ContactReader(DateReader(request.timezone), request.default_region)
    yield started
    batch: list[PackedContact] = []
    rejections: list[Rejection] = []
    count = 0
    for row in rows:
        count += 1
        try:
            if row.reason:
                raise FieldError(row.field, row.reason)
            batch.append(reader.read(row.line, row.values))
        except FieldError as exc:
            field = field_names.get(exc.field or "", exc.field)
            if not request.skip_invalid:
                raise ImportFileError(row.where, exc.reason, line=row.line, field=field) from None
            rejections.append(Rejection(row.line, field, exc.reason))
        if len(batch) >= request.batch_size:  # progress counts messages, as `Started.total_lines` does
            yield Batch(flattened(batch), count, rejections)
            batch, rejections = [], []
    if batch or rejections:
        yield Batch(flattened(batch), count, rejections)
    yield Finished(count, [], warnings)

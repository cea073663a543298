"""WhatsApp chat exports into contacts: the .txt "Export chat" writes, alone or in its .zip with the media.

Android writes `27-08-2020 11:17 - Naam: tekst`, iOS `[27-08-2020 11:17:05] Naam: tekst` (with invisible
direction marks, and a 12-hour clock and month-first dates on phones set so). A line without a timestamp goes on
with the message before it; a line without "Name:" is a system line, and so is an iOS line whose text begins with
a direction mark (unless it is a media placeholder). Each message becomes a contact on channel whatsapp: the
organisation's (a sender in the `organisation_senders` setting) outbound, everyone else's inbound. Media
placeholders (`<Media weggelaten>`, `<bijgevoegd: foto.jpg>`, `image omitted`, ...) leave a contact with the file
named or no text; deleted messages (`Dit bericht is verwijderd`) are left out. The order of day and month comes
from the file (a first number above 12, or the only order in which the dates run forward) or, when the file
does not decide it, from the `date_order` asked for. Written for klantstem; the known parsers are GPL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from klantstem.dates import clock_time, numeric_day
from klantstem.errors import ImportFileError
from klantstem.imports.columns import CONTACT_COLUMNS
from klantstem.imports.conversations import ConversationRequest, MessageRow, OwnSenders, contact_messages_of
from klantstem.imports.model import Rejection
from klantstem.imports.reading import Message, Started
from klantstem.imports.whatsapp_file import chat_text

DATE_ORDERS = ("dmy", "mdy")
_OCCURRED_AT = [column.name for column in CONTACT_COLUMNS].index("occurred_at")
FIELD_NAMES = {"phone": "sender", "name": "sender", "email": "customer", "customer_ref": "customer",
               "occurred_at": "date", "staff": "sender", "text": "text"}  # fmt: skip
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_NO_MARKS = dict.fromkeys(map(ord, _MARKS))
_ONE_SPACE = str.maketrans({"\u202f": " ", "\u00a0": " "})
_STAMP = r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{2,4}),?\s(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s?([AaPp])\.?\s?[Mm]\.?)?"
_ANDROID = re.compile(rf"{_STAMP}\s-\s(.*)", re.DOTALL)
_IOS = re.compile(rf"\[{_STAMP}\]\s(.*)", re.DOTALL)
_SENDER_CHARS = 80
_MEDIA = re.compile(
    r"<?(?:media weggelaten|media omitted)>?|(?:afbeelding|foto|video|audio|sticker|gif|document|contactkaart|"
    r"image|photo|contact card)\s(?:weggelaten|omitted)",
    re.IGNORECASE,
)
_ATTACHED = re.compile(r"<(?:bijgevoegd|attached):\s*(.+?)>|(.+?)\s\((?:bestand bijgevoegd|file attached)\)", re.I)
_DELETED = re.compile(
    r"(?:dit bericht is verwijderd|u heeft dit bericht verwijderd|je hebt dit bericht verwijderd|"
    r"this message was deleted|you deleted this message)\.?",
    re.IGNORECASE,
)
_EDITED = re.compile(r"\s*<(?:dit bericht is bewerkt|this message was edited)>\s*$", re.IGNORECASE)


@dataclass
class _Entry:
    line: int
    numbers: tuple[str, ...]  # first, second, third date part; hour, minute, second, a/p
    sender: str
    marked: bool  # the text began with a direction mark (iOS: a system line or a media placeholder)
    lines: list[str] = field(default_factory=list)


def read_whatsapp(request: ConversationRequest) -> Iterator[Message]:
    """The contact messages (see `reading`) for a chat export; raises ImportFileError."""
    chat = chat_text(Path(request.path))
    entries = _entries(chat.where, chat.text)
    order = decide_order(chat.where, entries, request.date_order)
    own = OwnSenders(request.own_senders, request.default_region)
    warnings: list[Rejection] = []
    sides = _Sides(chat.where, entries, own, request.customer, warnings)
    rows = _repeats_apart(row for entry in entries if (row := _row(chat.where, entry, order, sides)) is not None)
    started = Started(chat.sha256, len(entries), ())
    yield from contact_messages_of(request, started, rows, FIELD_NAMES, warnings)


def _repeats_apart(rows: Iterable[MessageRow]) -> Iterator[MessageRow]:
    """The rows, a message that repeats an earlier one to the letter (same sender, text and time: "ok" twice
    in one Android minute) a microsecond after it for each time it came before, so that each is a contact of
    its own and not a duplicate, and a second import of the same or a longer export still finds the same."""
    seen: dict[tuple[str, ...], int] = {}
    for row in rows:
        times = seen.get(row.values, 0) if row.values else 0
        if row.values:
            seen[row.values] = times + 1
        if times:
            values = row.values
            moment = f"{values[_OCCURRED_AT]}.{times:06d}"
            row = MessageRow(row.where, row.line, (*values[:_OCCURRED_AT], moment, *values[_OCCURRED_AT + 1 :]))
        yield row


def _entries(where: str, text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        head = line.lstrip(_MARKS).translate(_ONE_SPACE)
        found = _ANDROID.fullmatch(head) or _IOS.fullmatch(head)
        if found is None:
            if entries:
                entries[-1].lines.append(line.translate(_NO_MARKS))
            elif line.strip(_MARKS + " \t"):
                raise ImportFileError(where, "this is not a WhatsApp chat line (expected '27-08-2020 11:17 - "
                                      "Naam: tekst' or '[27-08-2020 11:17:05] Naam: tekst')", line=number)  # fmt: skip
            continue
        rest = found.group(8)
        sender, separator, words = rest.partition(": ")
        sender = sender.translate(_NO_MARKS).strip()
        if not separator or not sender or len(sender) > _SENDER_CHARS:
            sender, words = "", rest  # a system line
        entry = _Entry(number, found.groups()[:7], sender, words.startswith("\u200e"))
        entry.lines.append(words.translate(_NO_MARKS))
        entries.append(entry)
    if not entries:
        raise ImportFileError(where, "the file holds no WhatsApp chat messages")
    return entries


def decide_order(where: str, entries: list[_Entry], asked: str) -> str:
    """dmy, mdy or ymd: the order the file's dates can only be in, else the one asked for; raises
    ImportFileError when the file contradicts what was asked, or when it does not decide and nothing was."""
    if any(len(entry.numbers[0]) == 4 for entry in entries):
        return "ymd"
    misfits = {order: _misfit(entries, order) for order in DATE_ORDERS}
    possible = [order for order in DATE_ORDERS if misfits[order] is None]
    example = next((e for e in entries if e.numbers[0] != e.numbers[1]), entries[0])
    shown = "-".join(example.numbers[:3])
    if not possible:  # the order that reads furthest names the line where it fails
        last = max((misfit for misfit in misfits.values() if misfit is not None), key=lambda entry: entry.line)
        raise ImportFileError(
            where,
            f"{'-'.join(last.numbers[:3])!r} is not a date that exists, or not in time "
            "order, whether read day-month-year or month-day-year",
            line=last.line,
            field="date",
        )
    if len(possible) == 1:
        if asked and asked != possible[0]:
            raise ImportFileError(
                where,
                f"the dates in this file are {_NAMES[possible[0]]} (such as {shown!r}), "
                f"not {_NAMES[asked]} as the date order given says",
                line=example.line,
                field="date",
                code="date_order_wrong",
            )
        return possible[0]
    if asked or all(entry.numbers[0] == entry.numbers[1] for entry in entries):
        return asked or "dmy"
    raise ImportFileError(
        where,
        f"the dates can be read as day-month and as month-day (such as {shown!r}); give the date order "
        "(dmy or mdy)",
        line=example.line,
        field="date",
        code="date_order_unknown",
    )


_NAMES = {"dmy": "day-month-year", "mdy": "month-day-year"}


def _misfit(entries: list[_Entry], order: str) -> _Entry | None:
    """The first entry whose date does not exist when read in `order`, or runs back in time; None if all fit."""
    previous = date.min
    for entry in entries:
        day = _date(entry.numbers, order)
        if day is None or day < previous:
            return entry
        previous = day
    return None


def _date(numbers: tuple[str, ...], order: str) -> date | None:
    return numeric_day(numbers[0], numbers[1], numbers[2], order)


class _Sides:
    """Who is who in the chat: the organisation's senders and the customer (named, or by phone number)."""

    def __init__(
        self, where: str, entries: list[_Entry], own: OwnSenders, customer: str, warnings: list[Rejection]
    ) -> None:
        self._own = own
        self._sender_is_own: dict[str, bool] = {}
        theirs = []
        for entry in entries:
            if entry.sender and entry.sender not in self._sender_is_own and not _ios_system_line(entry):
                self._sender_is_own[entry.sender] = own.sender(entry.sender)
                if not self._sender_is_own[entry.sender]:
                    theirs.append(entry)
        self._given = _identity(customer) if customer.strip() else None
        if self._given is None:
            nameless = next((entry for entry in theirs if own.phone(entry.sender) is None), None)
            if nameless is not None:
                raise ImportFileError(where, "the export shows a name, not a phone number, for a sender who is not "
                                      "the organisation; name the customer of the chat (a customer reference, "
                                      "e-mail address or +phone number), or add the organisation's name to "
                                      "KLANTSTEM_ORGANISATION_SENDERS", line=nameless.line, field="sender",
                                      code="customer_unknown")  # fmt: skip
        if len(theirs) > 1 and len(theirs) == len(self._sender_is_own):
            warnings.append(
                Rejection(
                    theirs[1].line,
                    "sender",
                    "no sender is one of the organisation's "
                    "(KLANTSTEM_ORGANISATION_SENDERS): every message is read as a customer's",
                )
            )
        self._names = {entry.sender: entry.sender for entry in theirs if own.phone(entry.sender) is None}
        # the organisation's messages belong to the chat's one customer (in a group chat with several: to none)
        self._chat_customer = self._given or (self._customer_of(theirs[0].sender) if len(theirs) == 1 else None)

    def is_own(self, sender: str) -> bool:
        return self._sender_is_own.get(sender, False)

    def customer(self, sender: str) -> tuple[str, str, str, str] | None:
        """(customer_ref, email, phone, name) of the customer a message belongs to."""
        if self.is_own(sender):
            return self._chat_customer
        return self._given[:3] + (self._names.get(sender, ""),) if self._given else self._customer_of(sender)

    def _customer_of(self, sender: str) -> tuple[str, str, str, str]:
        phone = self._own.phone(sender)
        return ("", "", sender, "") if phone is not None else ("", "", "", sender)


def _identity(customer: str) -> tuple[str, str, str, str]:
    """The customer given for the chat as (customer_ref, email, phone, name): an e-mail address, a +phone
    number, or a reference."""
    text = customer.strip()
    if "@" in text:
        return ("", text, "", "")
    if text.startswith("+") or text.lower().startswith("tel:"):
        return ("", "", text, "")
    return (text, "", "", "")


def _row(where: str, entry: _Entry, order: str, sides: _Sides) -> MessageRow | None:
    """The contact row of one message; None for a system line or a deleted message."""
    if not entry.sender:
        return None
    first, *rest = entry.lines
    first = _EDITED.sub("", first).strip()
    if _DELETED.fullmatch(first) and not "".join(rest).strip():
        return None
    if _ios_system_line(entry):
        return None  # an iOS system line under a sender ("Berichten en oproepen zijn end-to-end versleuteld")
    media = _MEDIA.fullmatch(first)
    attached = _ATTACHED.fullmatch(first)
    words = "\n".join(rest if media or attached else entry.lines).strip()
    if attached:
        name = " ".join((attached.group(1) or attached.group(2)).split())[:200]
        words = "\n\n".join(part for part in (words, f"[attachment: {name}]") if part)
    moment = _moment(entry, order)
    if moment is None:
        return MessageRow(where, entry.line, field="date", reason=f"{'-'.join(entry.numbers[:3])} "
                          f"{entry.numbers[3]}:{entry.numbers[4]} is not a date and time that exists")  # fmt: skip
    customer = sides.customer(entry.sender) or ("", "", "", "")
    own = sides.is_own(entry.sender)
    values = (
        *customer, "", "whatsapp", "outbound" if own else "inbound", moment, "", entry.sender if own else "", "",
        "", words, "",
    )  # fmt: skip
    return MessageRow(where, entry.line, values)


def _ios_system_line(entry: _Entry) -> bool:
    """An iOS line whose text starts with a direction mark and is no media placeholder: a system line."""
    if not entry.marked:
        return False
    first = _EDITED.sub("", entry.lines[0]).strip()
    return not (_MEDIA.fullmatch(first) or _ATTACHED.fullmatch(first) or _DELETED.fullmatch(first))


def _moment(entry: _Entry, order: str) -> str | None:
    """The local date and time of a message as ISO text, or None when it does not exist."""
    day = _date(entry.numbers, order)
    moment = clock_time(day, *entry.numbers[3:7]) if day is not None else None
    return None if moment is None else moment.isoformat(sep=" ")

"""E-mail into contacts: each message of a .eml file, a folder of them, an mbox or a Maildir becomes a contact.

Messages of the plain shapes nearly all service mail has are read straight from their bytes (`mail_mime`), as the
`email` package would read them; every other message is parsed with Python's `email` package and its `default`
policy. The policy's structured header classes are slow for addresses and dates (about 0.5 ms a header), so
those few headers are taken raw and read with `email.utils` (addresses), `email.header` and the one date reader
(`klantstem.dates`), and the MIME headers that every message repeats (Content-Type and kin) are parsed once per
distinct value (`_MailPolicy`). A large source is parsed on every core (`klantstem.workers`).

A message from one of the organisation's own addresses (the `organisation_senders` setting) is an outbound
contact, the organisation's reply, whose customer is the first recipient that is not the organisation's own;
any other message is the customer's (inbound), matched by the sender's address. The text is the message's own
new words (see `mail_text`), with its attachments named on a last line (never stored). Messages of one thread
(Message-ID, In-Reply-To, References) share a case, `mail:<the thread's first message id>`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import utils
from email.errors import HeaderParseError, MessageError
from email.header import decode_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.policy import EmailPolicy
from pathlib import Path
from typing import Any, cast

from klantstem import workers
from klantstem.dates import mail_date
from klantstem.errors import UserInputError
from klantstem.imports.columns import CONTACT_COLUMNS
from klantstem.imports.conversations import ConversationRequest, MessageRow, OwnSenders, contact_messages_of
from klantstem.imports.mail_mime import plain_message
from klantstem.imports.mail_sources import MailSource, RawMessage
from klantstem.imports.mail_text import html_to_text, new_text
from klantstem.imports.model import Rejection
from klantstem.imports.reading import Message as ReadMessage
from klantstem.imports.reading import Started

SUBJECT_CHARS = 300
CASE_REF_CHARS = 100
FIELD_NAMES = {"email": "From/To", "name": "From/To", "occurred_at": "Date", "subject": "Subject", "text": "body",
               "staff": "From", "case_ref": "Message-ID"}  # fmt: skip
_WANTED = ("from", "to", "cc", "date", "subject", "message-id", "in-reply-to", "references")
_CASE_REF = [column.name for column in CONTACT_COLUMNS].index("case_ref")
_MIME_HEADERS = frozenset({"content-type", "content-transfer-encoding", "content-disposition", "mime-version"})
_MIME_CACHE_LIMIT = 10_000
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
_FOLDED = re.compile(r"\r?\n[ \t]+")
_PLAIN_ADDRESSES = re.compile(r'["()\\;:\[\]]')  # none of these: the header holds only plain forms
_NAME_ADDRESS = re.compile(r"\s*(?:([^<>@]*?)\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*")
_TRUNCATED_DEFECTS = ("CloseBoundaryNotFoundDefect", "StartBoundaryNotFoundDefect")


class _MailPolicy(EmailPolicy):
    """The `default` policy, parsing each distinct MIME header value once instead of on every look-up."""

    def header_fetch_parse(self, name: str, value: str) -> Any:
        if name.lower() not in _MIME_HEADERS:
            return super().header_fetch_parse(name, value)
        key = (name.lower(), value)
        found = _MIME_PARSED.get(key)
        if found is None:
            if len(_MIME_PARSED) >= _MIME_CACHE_LIMIT:
                _MIME_PARSED.clear()
            found = _MIME_PARSED[key] = super().header_fetch_parse(name, value)
        return found


_MIME_PARSED: dict[tuple[str, str], Any] = {}
_PARSER = BytesParser(policy=_MailPolicy())


def read_mail(request: ConversationRequest, parallel_from: int = workers.PARALLEL_FROM) -> Iterator[ReadMessage]:
    """The contact messages (see `reading`) for a mail source; raises ImportFileError. A source of
    `parallel_from` messages or more is parsed on every core (`workers`); threads, checks and fingerprints
    follow in this process, in the source's order, so the result is the same either way."""
    source = MailSource(Path(request.path))
    survey = source.survey()
    own = OwnSenders(request.own_senders, request.default_region)
    parser = _MailParser(own)
    if survey.count >= parallel_from and workers.cores() > 1:
        parsed = workers.in_order(_parse_chunk, source.messages(), workers.cores(), _use_parser, (parser,))
    else:
        parsed = map(parser.parsed, source.messages())
    warnings: list[Rejection] = []
    if not own.configured:  # a setup mistake that silently turns the organisation's replies into customers
        warnings.append(Rejection(1, "From", "the organisation's own addresses are not set "
                                  "(KLANTSTEM_ORGANISATION_SENDERS): every message is read as a customer's, "
                                  "replies included"))  # fmt: skip
    threads = _Threads(survey.referenced)
    rows = (threads.row(message, warnings) for message in parsed)
    started = Started(survey.sha256, survey.count, ())
    yield from contact_messages_of(request, started, rows, FIELD_NAMES, warnings)


@dataclass(frozen=True)
class _Parsed:
    """One message as a contact row without its thread (case_ref ""), what ties it to a thread, and what was
    read not quite as written."""

    row: MessageRow
    own_id: str = ""  # its Message-ID, without <>
    parents: tuple[str, ...] = ()  # the message ids it answers (References, then In-Reply-To)
    warnings: tuple[Rejection, ...] = ()


_WORKER_PARSER: list[_MailParser] = []  # in a worker process: the parser `_use_parser` was given


def _use_parser(parser: _MailParser) -> None:
    _WORKER_PARSER[:] = [parser]


def _parse_chunk(messages: list[RawMessage]) -> list[_Parsed]:
    return [_WORKER_PARSER[0].parsed(message) for message in messages]


class _Threads:
    """Ties messages to threads in the source's order: a message's case is its thread's first message."""

    def __init__(self, referenced: frozenset[str]) -> None:
        self._referenced = referenced
        self._roots: dict[str, str] = {}  # message id -> the first message id of its thread

    def row(self, parsed: _Parsed, warnings: list[Rejection]) -> MessageRow:
        warnings += parsed.warnings
        row = parsed.row
        if row.reason:
            return row
        case_ref = self._case_ref(parsed.own_id, parsed.parents)
        if not case_ref:
            return row
        values = row.values
        return MessageRow(row.where, row.line, (*values[:_CASE_REF], case_ref, *values[_CASE_REF + 1 :]))

    def _case_ref(self, own: str, parents: tuple[str, ...]) -> str:
        """The case ref of the message's thread, or "" for a message that is no reply and has none."""
        root = next((self._roots[parent] for parent in parents if parent in self._roots), None)
        if root is None:
            root = parents[0] if parents else (own if own and own in self._referenced else None)
        if root is None:
            return ""
        if own:
            self._roots[own] = root
        ref = f"mail:{root}"
        return ref if len(ref) <= CASE_REF_CHARS else f"mail:sha256:{hashlib.sha256(root.encode()).hexdigest()}"


class _MailParser:
    """Reads one raw message into a `_Parsed`; keeps nothing between messages, so it may run in any process."""

    def __init__(self, own: OwnSenders) -> None:
        self._own = own

    def parsed(self, raw: RawMessage) -> _Parsed:
        """The message as a contact row, or the reason it cannot be one."""
        warnings: list[Rejection] = []
        try:
            return self._parsed(raw, warnings)
        except (ValueError, LookupError, TypeError, AttributeError, MessageError) as exc:  # a damaged message
            reason = f"the message cannot be read ({type(exc).__name__})"
            return _Parsed(MessageRow(raw.where, raw.line, field=None, reason=reason), warnings=tuple(warnings))

    def _parsed(self, raw: RawMessage, warnings: list[Rejection]) -> _Parsed:
        plain = plain_message(raw.data)  # the plain shapes, fast; anything else through the `email` package
        message = None if plain is not None else cast(EmailMessage, _PARSER.parsebytes(raw.data))
        headers: dict[str, str] = {}
        if plain is not None:
            headers = plain.headers
        elif message is not None:
            for name, value in message.raw_items():
                headers.setdefault(name.lower(), value)
        if not any(name in headers for name in ("from", "date", "message-id", "subject")):
            return _refused(raw, None, "this is not an e-mail message (no headers)")
        if message is not None and _cut_off(message):
            return _refused(raw, "body", "the message ends before its last part (the file seems cut off)")
        moment = _date(headers.get("date"))
        if moment.startswith("!"):
            return _refused(raw, "Date", moment[1:])
        sender = self._addresses(raw, headers.get("from", ""), "From", warnings)
        recipients = self._addresses(raw, headers.get("to", ""), "To", warnings)
        recipients += self._addresses(raw, headers.get("cc", ""), "Cc", warnings)
        own = bool(sender) and self._own.address(sender[0][1])
        if own:
            customer = next(
                ((name[:200], address) for name, address in recipients if not self._own.address(address)), None
            )
            staff = sender[0][0] or sender[0][1]
        else:
            customer, staff = ((sender[0][0][:200], sender[0][1]) if sender else None), ""
        subject = " ".join(_decoded(raw, headers.get("subject", ""), "Subject", warnings).split())[:SUBJECT_CHARS]
        if plain is not None:
            text = _with_attachments(_new_text(plain.body), plain.attachments)
        else:
            text = _text(raw, cast(EmailMessage, message), warnings)
        values = (
            "", customer[1] if customer else "", "", customer[0] if customer else "", "", "email",
            "outbound" if own else "inbound", moment, "", staff[:200], "", subject, text, "",
        )  # fmt: skip
        own_id = next(iter(_MESSAGE_ID.findall(headers.get("message-id", ""))), "")
        parents = _MESSAGE_ID.findall(headers.get("references", "")) + _MESSAGE_ID.findall(
            headers.get("in-reply-to", "")
        )
        return _Parsed(MessageRow(raw.where, raw.line, values), own_id, tuple(parents), tuple(warnings))

    def _addresses(self, raw: RawMessage, value: str, header: str, warnings: list[Rejection]) -> list[tuple[str, str]]:
        """(display name, lower-case address) of every address in a header."""
        found = []
        for name, address in _address_pairs(_FOLDED.sub(" ", value)):
            if "@" in address:
                found.append((" ".join(_decoded(raw, name, header, warnings).split()), address.strip().lower()))
        return found


def _refused(raw: RawMessage, field: str | None, reason: str) -> _Parsed:
    return _Parsed(MessageRow(raw.where, raw.line, field=field, reason=reason))


def _decoded(raw: RawMessage, value: str, header: str, warnings: list[Rejection]) -> str:
    """A header value with its encoded words (RFC 2047) decoded; a charset Python does not know is read as
    Windows-1252, and counted as a warning."""
    value = _FOLDED.sub(" ", value)
    if "=?" not in value:
        return _undamaged(value)
    parts = []
    try:
        decoded = decode_header(value)
    except (HeaderParseError, ValueError):
        warnings.append(Rejection(raw.line, header, "an encoded word that cannot be decoded; kept as written"))
        return _undamaged(value)
    for part, charset in decoded:
        if isinstance(part, str):
            parts.append(part)
            continue
        try:
            parts.append(part.decode(charset or "ascii", "replace"))
        except LookupError:
            warnings.append(Rejection(raw.line, header, f"unknown character set {charset!r}; read as Windows-1252"))
            parts.append(part.decode("cp1252", "replace"))
    return "".join(parts)


def _text(raw: RawMessage, message: EmailMessage, warnings: list[Rejection]) -> str:
    body = message.get_body(("plain", "html"))
    chosen = None
    if body is not None:
        try:
            content = body.get_content()
        except LookupError:
            charset = body.get_content_charset()
            warnings.append(Rejection(raw.line, "body", f"unknown character set {charset!r}; read as Windows-1252"))
            payload = body.get_payload(decode=True)
            content = payload.decode("cp1252", "replace") if isinstance(payload, bytes) else ""
        chosen = (body.get_content_subtype(), content)
    return _with_attachments(_new_text(chosen), _attachment_names(message))


def _new_text(body: tuple[str, str] | None) -> str:
    """The message's own new words from its chosen body (subtype, text)."""
    if body is None:
        return ""
    return new_text(html_to_text(body[1]) if body[0] == "html" else body[1])


def _with_attachments(text: str, attachments: list[str]) -> str:
    names = [_undamaged(name) for name in attachments]
    if names:
        text = "\n\n".join(part for part in (text, "\n".join(f"[attachment: {name}]" for name in names)) if part)
    return text


def _address_pairs(value: str) -> list[tuple[str, str]]:
    """(name, address) pairs of an address header: the plain forms (`Name <a@b>`, `a@b`, comma-separated) by a
    regular expression, anything with quotes, comments or groups by `email.utils.getaddresses` (which is
    exact, and about ten times slower)."""
    if not _PLAIN_ADDRESSES.search(value):
        pairs = []
        for part in value.split(","):
            found = _NAME_ADDRESS.fullmatch(part)
            if found is None:
                break
            pairs.append((" ".join((found.group(1) or "").split()), found.group(2) or found.group(3)))
        else:
            return pairs
    return utils.getaddresses([value])


def _date(value: str | None) -> str:
    """The Date header as ISO text (local time when it names no zone), or "!" and why it cannot be read."""
    try:
        return mail_date(value or "").isoformat(sep=" ")
    except UserInputError as exc:
        return f"!{exc}"


def _cut_off(message: Message) -> bool:
    return any(type(defect).__name__ in _TRUNCATED_DEFECTS for part in message.walk() for defect in part.defects)


def _attachment_names(message: EmailMessage) -> list[str]:
    """The file names of the parts that are attachments (or named files), from the parsed (cached) headers."""
    names = []
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition, kind = part["content-disposition"], part["content-type"]
        name = (disposition.params.get("filename") if disposition is not None else None) or (
            kind.params.get("name") if kind is not None else None
        )
        if name or (disposition is not None and disposition.content_disposition == "attachment"):
            names.append(" ".join(str(name or "unnamed").split())[:200])
    return names


def _undamaged(text: str) -> str:
    """Text with raw 8-bit bytes (kept by the parser as surrogates) read as UTF-8, else as Windows-1252."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")

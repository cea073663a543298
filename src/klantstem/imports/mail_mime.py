"""A fast reader for the plain shapes of e-mail, giving what the `email` package would give for them.

Parsing a message with Python's `email` package costs about 0.15 ms, most of it in building the objects of
every header and part. Nearly all customer-service mail has one of a few plain shapes: one text part, or
multipart/alternative or /mixed of text parts and attachments, with ASCII headers, simple parameters and a
7bit, 8bit or quoted-printable text. For those, `plain_message` takes the raw header values, the body that
`EmailMessage.get_body(("plain", "html"))` would choose with the text `get_content()` would give, and the names
of the attachments, straight from the bytes. Anything else (a header line that is no header, base64 or an
unknown character set in the chosen text, RFC 2231 or encoded parameters, multipart/related, a message/*
part, a boundary that never closes, deep nesting) gives None, and the caller reads that message with the
`email` package, so a message is never read differently, only faster. A test reads generated and real-shaped
messages both ways and requires the same result.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass, field

_HEADER_LINE = re.compile(rb"[\x21-\x39\x3b-\x7e]+:")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_TYPE = re.compile(r"\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*(;.*)?", re.DOTALL)
_DISPOSITION = re.compile(r"\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*(;.*)?", re.DOTALL)
_PARAMETER = re.compile(r';\s*([!#$%&\'+\-.^_`|~0-9A-Za-z]+)\s*=\s*(?:"([^"\\\r\n]*)"|([^;\s"\\()<>@,:/\[\]?=]+))\s*')
_FOLDED = re.compile(r"\r?\n[ \t]+")
_TEXT_CTE = frozenset({"", "7bit", "8bit", "binary", "quoted-printable"})
_DEPTH = 3


@dataclass(frozen=True)
class PlainMessage:
    headers: dict[str, str]  # lower-case name -> the first such header's raw value, as `raw_items` gives it
    body: tuple[str, str] | None  # ("plain" or "html", its text as `get_content()` gives it), or no body
    attachments: list[str] = field(default_factory=list)  # the file names, as named in the message


@dataclass(frozen=True)
class _Part:
    headers: dict[str, str]
    maintype: str
    subtype: str
    params: dict[str, str]
    disposition: str  # "" when none
    disposition_params: dict[str, str]
    body: bytes
    parts: tuple[_Part, ...] = ()


class _NotPlain(Exception):
    """The message has a shape this reader leaves to the `email` package."""


def plain_message(data: bytes) -> PlainMessage | None:
    """The message's headers, body and attachment names, or None when it is not of a plain shape."""
    try:
        root = _part(data, 0)
        body = _body(root)
        return PlainMessage(root.headers, body, _attachment_names(root))
    except _NotPlain:
        return None


def _part(data: bytes, depth: int) -> _Part:
    if depth > _DEPTH:
        raise _NotPlain
    blank = _BLANK_LINE.search(data)
    if data.startswith((b"\n", b"\r\n")):  # a part without headers
        head, body = b"", data[1 if data.startswith(b"\n") else 2 :]
    elif blank is None:
        raise _NotPlain
    else:
        head, body = data[: blank.start() + 1], data[blank.end() :]
        if head.endswith(b"\r"):
            head += b"\n"
    headers = _headers(head)
    maintype, subtype, params = _content_type(headers.get("content-type"))
    disposition, disposition_params = _content_disposition(headers.get("content-disposition"))
    if maintype == "message" or (maintype == "multipart" and subtype in ("related", "digest")):
        raise _NotPlain
    parts: tuple[_Part, ...] = ()
    if maintype == "multipart":
        boundary = params.get("boundary")
        if not boundary:
            raise _NotPlain
        parts = tuple(_part(piece, depth + 1) for piece in _pieces(body, boundary))
    return _Part(headers, maintype, subtype, params, disposition, disposition_params, body, parts)


def _headers(head: bytes) -> dict[str, str]:
    """Raw header values (leading blanks stripped, folds kept, line end removed), the first of each name."""
    if head.startswith(b"From ") or b"\r" in head.replace(b"\r\n", b""):
        raise _NotPlain
    headers: dict[str, str] = {}
    name = ""
    value: list[str] = []
    for line in head.decode("ascii", "surrogateescape").splitlines(keepends=True):
        if line[:1] in (" ", "\t"):
            if not name:
                raise _NotPlain
            value.append(line)
            continue
        if not _HEADER_LINE.match(line.encode("ascii", "surrogateescape")):
            raise _NotPlain
        if name:
            headers.setdefault(name, "".join(value).rstrip("\r\n"))
        found, _, rest = line.partition(":")
        name, value = found.lower(), [rest.lstrip(" \t")]
    if name:
        headers.setdefault(name, "".join(value).rstrip("\r\n"))
    return headers


def _content_type(value: str | None) -> tuple[str, str, dict[str, str]]:
    if value is None:
        return "text", "plain", {}
    found = _TYPE.fullmatch(_FOLDED.sub(" ", value))
    if found is None:
        raise _NotPlain
    return found[1].lower(), found[2].lower(), _params(found[3] or "")


def _content_disposition(value: str | None) -> tuple[str, dict[str, str]]:
    if value is None:
        return "", {}
    found = _DISPOSITION.fullmatch(_FOLDED.sub(" ", value))
    if found is None:
        raise _NotPlain
    return found[1].lower(), _params(found[2] or "")


def _params(text: str) -> dict[str, str]:
    params: dict[str, str] = {}
    at = 0
    text = text.rstrip()
    while at < len(text):
        found = _PARAMETER.match(text, at)
        if found is None or "*" in found[1] or "=?" in (found[2] or found[3] or ""):
            raise _NotPlain
        if found[1].lower() in params:
            raise _NotPlain
        params[found[1].lower()] = found[2] if found[2] is not None else found[3]
        at = found.end()
    return params


def _pieces(body: bytes, boundary: str) -> list[bytes]:
    """The parts between the boundary lines, each without the line end before the next boundary line."""
    separator = re.escape(boundary.encode("ascii", "surrogateescape"))
    line = re.compile(rb"^--" + separator + rb"(--)?[ \t]*(\r?\n|$)", re.M)
    marks = list(line.finditer(body))
    if len(marks) < 2 or marks[0][1] or not marks[-1][1] or any(mark[1] for mark in marks[:-1]):
        raise _NotPlain  # no parts, or a boundary that never closes (the `email` package says cut off)
    pieces = []
    for start, end in zip(marks, marks[1:], strict=False):
        piece = body[start.end() : end.start()]
        if piece.endswith(b"\r\n"):
            piece = piece[:-2]
        elif piece.endswith(b"\n"):
            piece = piece[:-1]
        pieces.append(piece)
    return pieces


def _body(root: _Part) -> tuple[str, str] | None:
    """`get_body(("plain", "html"))`: the first plain text that is no attachment, else the first HTML."""
    html = None
    for part in _walk(root, skip_attachments=True):
        if part.maintype == "text" and part.subtype == "plain":
            return ("plain", _text(part))
        if part.maintype == "text" and part.subtype == "html" and html is None:
            html = part
    return ("html", _text(html)) if html is not None else None


def _walk(part: _Part, skip_attachments: bool = False) -> list[_Part]:
    if skip_attachments and part.disposition == "attachment":
        return []
    found = [part]
    for child in part.parts:
        found += _walk(child, skip_attachments)
    return found


def _text(part: _Part) -> str:
    cte = part.headers.get("content-transfer-encoding", "").lower()
    if cte not in _TEXT_CTE:
        raise _NotPlain
    payload = quopri.decodestring(part.body) if cte == "quoted-printable" else part.body
    charset = part.params.get("charset", "ascii")
    try:
        codecs.lookup(charset)
    except LookupError:
        raise _NotPlain from None
    return payload.decode(charset, "replace")


def _attachment_names(root: _Part) -> list[str]:
    names = []
    for part in _walk(root):
        if part.maintype == "multipart":
            continue
        name = part.disposition_params.get("filename") or part.params.get("name")
        if name or part.disposition == "attachment":
            names.append(" ".join((name or "unnamed").split())[:200])
    return names

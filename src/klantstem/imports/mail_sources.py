"""Where the messages of a mail import come from: one .eml file, a folder of them, an mbox file or a Maildir.

Before the messages are read one by one, a survey reads the whole source once for its SHA-256 (recorded in
`import_runs`), its number of messages (for progress) and every message id that a later message names as the one
it answers (In-Reply-To, References): a message that starts a thread is only known as such by its replies.
An mbox is split by the same rule as Python's `mailbox.mbox` (a line starting with "From " starts a message), by
this module itself so that every message keeps the line it starts at for error messages, and a file that ends in
the middle of a line (cut off) is refused.
"""

from __future__ import annotations

import hashlib
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from klantstem.errors import ImportFileError

_CHUNK = 4 * 1024 * 1024
_REPLY_HEADER = re.compile(rb"^(?:in-reply-to|references):[^\n]*(?:\n[ \t][^\n]*)*", re.IGNORECASE | re.MULTILINE)
_MESSAGE_ID = re.compile(rb"<([^<>\s]+)>")
TRUNCATED = "the file ends in the middle of a line: it seems cut off (truncated); nothing was imported"


@dataclass(frozen=True)
class RawMessage:
    where: str  # named in errors: the .eml or Maildir file, or the mbox file
    line: int  # mbox: the line of its "From " line; otherwise the message's number in the source
    data: bytes


@dataclass(frozen=True)
class Survey:
    sha256: str
    count: int
    referenced: frozenset[str]  # message ids (without <>) that some message answers


class MailSource:
    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            raise ImportFileError(str(path), "no such file or folder")
        if path.is_dir():
            self.kind = "maildir" if (path / "cur").is_dir() and (path / "new").is_dir() else "folder"
        else:
            with _open(path) as handle:
                head = handle.read(5)
            if not head:
                raise ImportFileError(str(path), "the file is empty")
            self.kind = "mbox" if head == b"From " else "eml"
        if self.kind == "folder" and not self._eml_files():
            raise ImportFileError(str(path), "the folder holds no .eml files and is no Maildir (cur/ and new/)")

    def survey(self) -> Survey:
        digest = hashlib.sha256()
        referenced: set[bytes] = set()
        if self.kind == "mbox":
            count = self._survey_mbox(digest, referenced)
        else:
            count = 0
            for message in self.messages():
                digest.update(message.data)
                referenced.update(_answered(message.data))
                count += 1
        return Survey(digest.hexdigest(), count, frozenset(ref.decode("ascii", "replace") for ref in referenced))

    def messages(self) -> Iterator[RawMessage]:
        if self.kind == "mbox":
            yield from self._mbox_messages()
        elif self.kind == "maildir":
            box = mailbox.Maildir(str(self.path), factory=None, create=False)
            for number, key in enumerate(sorted(box.keys()), start=1):
                yield RawMessage(f"{self.path}, message {key}", number, box.get_bytes(key))
        elif self.kind == "folder":
            for number, file in enumerate(self._eml_files(), start=1):
                yield RawMessage(str(file), number, _read(file))
        else:
            yield RawMessage(str(self.path), 1, _read(self.path))

    def _eml_files(self) -> list[Path]:
        return sorted(file for file in self.path.iterdir() if file.suffix.lower() == ".eml" and file.is_file())

    def _survey_mbox(self, digest: hashlib._Hash, referenced: set[bytes]) -> int:
        count = 0
        rest = b"\n"  # as if a line ended before the file: its first "From " line counts
        with _open(self.path) as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                text = rest + chunk
                cut = text.rfind(b"\n\n")
                cut = text.rfind(b"\n") if cut < 0 else cut + 1
                if cut < 0:
                    rest = text
                    continue
                whole, rest = text[:cut], text[cut:]
                count += whole.count(b"\nFrom ")
                referenced.update(_answered(whole))
        count += rest.count(b"\nFrom ")
        referenced.update(_answered(rest))
        return count

    def _mbox_messages(self) -> Iterator[RawMessage]:
        where = str(self.path)
        lines: list[bytes] = []
        start = number = 0
        last = b"\n"
        with _open(self.path) as handle:
            for number, line in enumerate(handle, start=1):  # noqa: B007  # `number` is the last line after
                if line.startswith(b"From "):
                    if start:
                        yield RawMessage(where, start, b"".join(lines))
                    start, lines = number, []
                else:
                    lines.append(line)
                last = line
        if not last.endswith(b"\n"):
            raise ImportFileError(where, TRUNCATED, line=number)
        if start:
            yield RawMessage(where, start, b"".join(lines))


def _answered(data: bytes) -> set[bytes]:
    """The message ids named in the In-Reply-To and References headers found in `data`."""
    return {ref for header in _REPLY_HEADER.findall(data) for ref in _MESSAGE_ID.findall(header)}


def _read(path: Path) -> bytes:
    with _open(path) as handle:
        return handle.read()


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except PermissionError:
        raise ImportFileError(str(path), "cannot be read (permission denied)") from None

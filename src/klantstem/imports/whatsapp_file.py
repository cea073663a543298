"""The text of a WhatsApp chat export: a .txt file, or the .txt inside the .zip that "Export chat" writes.

A zip is opened with care, as anyone may hand one over: only its one chat text is read (the media beside it are
never unpacked), and a text that would unpack to more than MAX_CHAT_BYTES, or that is packed suspiciously tightly
(a zip bomb), is refused before or while it is read, whatever the zip's directory claims.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from klantstem.encoding import EncodingRefused, sample_encoding
from klantstem.errors import ImportFileError

MAX_CHAT_BYTES = 256 * 1024 * 1024
MAX_PACKING = 100  # unpacked size / packed size above which a chat text over 1 MiB is taken for a zip bomb
_PACKING_FROM = 1024 * 1024


@dataclass(frozen=True)
class ChatText:
    where: str  # the file named in errors: the .txt, or "the.zip, its.txt"
    text: str
    sha256: str  # of the file given (the .txt or the whole .zip)


def chat_text(path: Path) -> ChatText:
    if not path.is_file():
        raise ImportFileError(str(path), "no such file" if not path.exists() else "is a directory, not a file")
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except PermissionError:
        raise ImportFileError(str(path), "cannot be read (permission denied)") from None
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() == ".zip":
        where, data = _from_zip(path)
    else:
        if path.stat().st_size > MAX_CHAT_BYTES:
            raise ImportFileError(str(path), f"the file is larger than {MAX_CHAT_BYTES // 2**20} MiB")
        where, data = str(path), path.read_bytes()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        codec = sample_encoding(data, complete=True)
    except EncodingRefused as exc:
        raise ImportFileError(where, str(exc), line=data.count(b"\n", 0, exc.offset) + 1) from None
    return ChatText(where, data.decode(codec), digest)


def _from_zip(path: Path) -> tuple[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ImportFileError(str(path), "not a zip file, or a damaged one") from None
    with archive:
        texts = [
            info for info in archive.infolist()
            if info.filename.lower().endswith(".txt") and not info.is_dir() and "__MACOSX" not in info.filename
        ]  # fmt: skip
        if len(texts) > 1:
            texts = [info for info in texts if Path(info.filename).name.lower().startswith(("_chat", "whatsapp"))]
        if len(texts) != 1:
            raise ImportFileError(str(path), "the zip holds no single chat text (.txt): "
                                  f"{len(texts) or 'no'} candidates")  # fmt: skip
        info = texts[0]
        where = f"{path}, {info.filename}"
        if info.flag_bits & 0x1:
            raise ImportFileError(where, "the chat text is encrypted")
        if info.file_size > MAX_CHAT_BYTES:
            raise ImportFileError(where, f"the chat text unpacks to more than {MAX_CHAT_BYTES // 2**20} MiB")
        if info.file_size > _PACKING_FROM and info.file_size > MAX_PACKING * max(info.compress_size, 1):
            raise ImportFileError(where, "the chat text is packed more than 100 times tighter than text ever is: "
                                  "refused as a possible zip bomb")  # fmt: skip
        try:
            with archive.open(info) as member:
                data = member.read(MAX_CHAT_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise ImportFileError(where, f"the chat text cannot be unpacked ({type(exc).__name__})") from None
        if len(data) > MAX_CHAT_BYTES:
            raise ImportFileError(where, f"the chat text unpacks to more than {MAX_CHAT_BYTES // 2**20} MiB")
    return where, data

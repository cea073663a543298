"""One pass over a file's bytes before it is read: its encoding, SHA-256, size and number of lines.

The encoding follows klantstem.encoding, applied to the whole file; a refused file is an error naming the line
of the first bad byte.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from klantstem.encoding import (
    NEITHER_REFUSED,
    UTF8,
    UTF8_BOM,
    UTF16_REFUSED,
    WINDOWS_1252,
    is_utf16,
    plausible_windows_1252,
    utf8_codec,
)
from klantstem.errors import ImportFileError
from klantstem.files import open_input

_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileFacts:
    encoding: str  # a Python codec name: utf-8, utf-8-sig or cp1252
    sha256: str
    size: int
    lines: int  # newline characters, plus one when the last line has none
    holds_nul: bool = False  # a NUL byte somewhere: the reader checks its records for it
    bare_cr: bool = False  # a carriage return that does not end a CR LF pair


def inspect_text_file(path: Path) -> FileFacts:
    """Read the file once; raises ImportFileError (with the line) when it is neither UTF-8 nor Windows-1252."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder(UTF8)("strict")
    size = newlines = 0
    bad_offset: int | None = None
    codec = UTF8
    utf16 = False
    holds_nul = False
    bare_cr = False
    last = b""
    with _open(path) as handle:
        while chunk := handle.read(_CHUNK):
            if size == 0:
                codec = utf8_codec(chunk)
                utf16 = is_utf16(chunk)
            digest.update(chunk)
            if bad_offset is None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad_offset = size + exc.start
            size += len(chunk)
            newlines += chunk.count(b"\n")
            holds_nul = holds_nul or b"\x00" in chunk
            bare_cr = bare_cr or chunk.count(b"\r") != chunk.count(b"\r\n")
            last = chunk[-1:]
    if bad_offset is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            bad_offset = max(size - 1, 0)
    lines = newlines + (1 if last not in (b"", b"\n") else 0)
    facts = FileFacts(codec, digest.hexdigest(), size, lines, holds_nul, bare_cr)
    if utf16:
        raise ImportFileError(str(path), UTF16_REFUSED, line=1)
    if bad_offset is None:
        return facts
    line = _line_at(path, bad_offset)
    if codec == UTF8_BOM or not _whole_file_windows_1252(path):
        raise ImportFileError(str(path), NEITHER_REFUSED, line=line)
    return FileFacts(WINDOWS_1252, facts.sha256, size, lines, holds_nul, bare_cr)


def file_sha256(path: Path) -> tuple[str, int]:
    """SHA-256 and size of any file (used for workbooks, which have no text encoding)."""
    digest = hashlib.sha256()
    size = 0
    with _open(path) as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _whole_file_windows_1252(path: Path) -> bool:
    with _open(path) as handle:
        while chunk := handle.read(_CHUNK):
            if not plausible_windows_1252(chunk):
                return False
    return True


def _line_at(path: Path, offset: int) -> int:
    newlines = 0
    with _open(path) as handle:
        position = 0
        while position < offset and (chunk := handle.read(min(_CHUNK, offset - position))):
            newlines += chunk.count(b"\n")
            position += len(chunk)
    return newlines + 1


def _open(path: Path) -> BinaryIO:
    return open_input(path)

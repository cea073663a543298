"""Which encoding a text file's bytes are in: the one rule every reader of customer files follows.

UTF-8, with or without a byte-order mark, is read as UTF-8. Bytes that are not valid UTF-8 but read as plausible
Windows-1252 (every byte defined, no control characters other than tab, line feed and carriage return) are read
as Windows-1252. A UTF-16 file, a UTF-8 byte-order mark followed by invalid bytes, or anything else is refused.

The contact and story imports apply the rule to the whole file (they read it once anyway, for its checksum); the
event-log reader, which streams files larger than memory, applies it to the start of the file.
"""

from __future__ import annotations

import codecs

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
WINDOWS_1252 = "cp1252"

UTF16_REFUSED = "the file is UTF-16; save it as UTF-8 (or CSV UTF-8 in Excel)"
NEITHER_REFUSED = "not valid UTF-8 (and not Windows-1252 either)"

_CONTROL = frozenset(c for c in range(32) if c not in (9, 10, 13)) | {0x7F}


class EncodingRefused(ValueError):
    """The bytes are in no encoding klantstem reads; `offset` is the first byte that shows it."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def is_utf16(head: bytes) -> bool:
    """A UTF-16 byte-order mark, or, without one, text whose every other byte is NUL (UTF-16 of Latin text)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = head[:200]
    if len(sample) < 8:
        return False
    halves = (sample[0::2], sample[1::2])
    return any(half.count(0) >= len(half) * 0.9 for half in halves) and not all(half.count(0) for half in halves)


def utf8_codec(head: bytes) -> str:
    """utf-8-sig when the file starts with a UTF-8 byte-order mark, else utf-8."""
    return UTF8_BOM if head.startswith(codecs.BOM_UTF8) else UTF8


def plausible_windows_1252(data: bytes) -> bool:
    """True when every byte is defined in Windows-1252 and none is a control character (a single-byte code,
    so a file may be checked chunk by chunk)."""
    if not _CONTROL.isdisjoint(data):
        return False
    try:
        data.decode(WINDOWS_1252)
    except UnicodeDecodeError:
        return False
    return True


def sample_encoding(sample: bytes, *, complete: bool) -> str:
    """The codec for a file whose first bytes are `sample` (`complete`: the sample is the whole file).

    A character cut off at the end of an incomplete sample does not count against UTF-8.
    Raises EncodingRefused.
    """
    if is_utf16(sample):
        raise EncodingRefused(UTF16_REFUSED, 0)
    codec = utf8_codec(sample)
    try:
        sample.decode(UTF8)
        return codec
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return codec
        if codec == UTF8_BOM or not plausible_windows_1252(sample):
            raise EncodingRefused(NEITHER_REFUSED, exc.start) from None
    return WINDOWS_1252

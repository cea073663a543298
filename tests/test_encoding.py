"""The one encoding rule: UTF-8 with or without BOM, else plausible Windows-1252, else refused."""

from __future__ import annotations

import codecs

import pytest

from klantstem.encoding import (
    NEITHER_REFUSED,
    UTF16_REFUSED,
    EncodingRefused,
    plausible_windows_1252,
    sample_encoding,
)


def test_utf8_with_and_without_bom() -> None:
    text = "naam;plaats\nRené;’s-Hertogenbosch\n".encode()
    assert sample_encoding(text, complete=True) == "utf-8"
    assert sample_encoding(codecs.BOM_UTF8 + text, complete=True) == "utf-8-sig"


def test_windows_1252_is_recognised() -> None:
    assert sample_encoding("René betaalde € 45 – café\n".encode("cp1252"), complete=True) == "cp1252"


def test_a_character_cut_at_the_end_of_a_sample_is_still_utf8() -> None:
    sample = "café".encode()[:-1]  # the last character's second byte is missing
    assert sample_encoding(sample, complete=False) == "utf-8"
    assert sample_encoding(sample, complete=True) == "cp1252"  # the whole file: the lone lead byte is 1252


@pytest.mark.parametrize(
    ("data", "message", "offset"),
    [
        ("a;b\n".encode("utf-16"), UTF16_REFUSED, 0),
        (b"a;b\n1;\x81\n", NEITHER_REFUSED, 6),  # 0x81 is undefined in Windows-1252
        (b"a;b\n1;\xe9\x00\n", NEITHER_REFUSED, 6),  # a control character: binary, not text
        (codecs.BOM_UTF8 + b"a;b\n\xe9\n", NEITHER_REFUSED, 7),  # a UTF-8 mark, then Windows-1252
    ],
)
def test_refused(data: bytes, message: str, offset: int) -> None:
    with pytest.raises(EncodingRefused) as info:
        sample_encoding(data, complete=True)
    assert info.value.message == message
    assert info.value.offset == offset


def test_plausible_windows_1252_allows_tabs_and_line_ends_only() -> None:
    assert plausible_windows_1252(b"a\tb\r\n\xe9")
    assert not plausible_windows_1252(b"a\x07b")
    assert not plausible_windows_1252(b"\x9d")

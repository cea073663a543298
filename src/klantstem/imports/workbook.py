"""What an XLSX workbook must pass before openpyxl reads it: no DTD in any XML part, and bounded inflation.

A workbook is a zip of XML parts. Spreadsheet programs never write a DTD, and a DTD is how an XML file makes its
reader open other files or expand entities without end, so a part that declares one is refused before any XML
parser sees it. A part that inflates to far more than XML does (about 10 to 20 times), or a workbook that
unpacks to more than MAX_UNPACKED, is refused as a possible decompression bomb, before it is unpacked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from klantstem.errors import ImportFileError

MAX_INFLATION = 250
INFLATION_FLOOR = 16 << 20  # smaller parts are not worth a bomb check
MAX_UNPACKED = 4 << 30
_MARKS = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 1 << 20


def check_workbook(path: Path) -> None:
    """Raises ImportFileError naming the part that declares a DTD or inflates too far; a file that is no zip at
    all passes (openpyxl's own error then says it is not a workbook)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        parts = archive.infolist()
        if sum(part.file_size for part in parts) > MAX_UNPACKED:
            raise ImportFileError(str(path), f"the workbook unpacks to more than {MAX_UNPACKED >> 30} GB")
        for part in parts:
            if part.file_size > INFLATION_FLOOR and part.file_size > MAX_INFLATION * max(part.compress_size, 1):
                raise ImportFileError(
                    str(path), f"part {part.filename!r} inflates more than {MAX_INFLATION} times; refused as a "
                    "possible decompression bomb"
                )  # fmt: skip
            if part.filename.lower().endswith((".xml", ".rels", ".vml")) and _declares_dtd(archive, part):
                raise ImportFileError(
                    str(path), f"part {part.filename!r} declares a DTD (<!DOCTYPE>); a workbook needs none, and "
                    "klantstem reads none"
                )  # fmt: skip


def _declares_dtd(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    tail = b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if any(mark in window for mark in _MARKS):
                    return True
                tail = window[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return False  # openpyxl's own reading says what is wrong
    return False

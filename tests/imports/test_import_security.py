"""Hostile files: no DTD is read (XES and XLSX), and a decompression bomb is refused quickly, before it is inflated."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

_MAIN = "import sys; from klantstem.cli.main import main; sys.exit(main(sys.argv[1:]))"
XES_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
XES_BODY = (
    '<log xes.version="1.0">\n<trace><string key="concept:name" value="R-1"/>\n'
    '<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2026-03-01T10:00:00+01:00"/>'
    "</event></trace>\n</log>\n"
)


def _refused(result: Any, path: Path, says: str) -> str:
    assert result.code == 2, (result.out, result.err)
    message: str = result.err.strip()
    assert "\n" not in message and "Traceback" not in message, message
    assert message.startswith(f"error: {path}") and says in message, message
    return message


def test_a_doctype_naming_a_fifo_is_refused_without_opening_it(tmp_path: Path, db_url: str, engine: Any) -> None:
    """Reading the FIFO would wait for ever: a child process shows the import ends (and quickly) instead."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    path = tmp_path / "fifo.xes"
    path.write_text(XES_HEAD + f'<!DOCTYPE log SYSTEM "{fifo}">\n' + XES_BODY)
    done = subprocess.run(
        [sys.executable, "-c", _MAIN, "import", "events", str(path), "--db", db_url],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "DTD" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE log SYSTEM "file:///etc/passwd">',
        '<!DOCTYPE log [<!ENTITY % x SYSTEM "file:///etc/passwd"> %x;]>',
        '<!DOCTYPE log [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ],
)
def test_xes_with_a_dtd_is_refused(doctype: str, tmp_path: Path, cli: Any, counts: Any) -> None:
    before = counts()
    path = tmp_path / "dtd.xes"
    path.write_text(XES_HEAD + doctype + "\n" + XES_BODY)
    assert "line 2" in _refused(cli("events", path), path, "DTD")
    assert counts() == before


def test_a_gzip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, cli: Any, counts: Any) -> None:
    """80 MB of spaces inside a trace, in a gzip file of about 80 KB."""
    path = tmp_path / "bomb.xes.gz"
    squeeze = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    spaces = b" " * (1 << 20)
    with path.open("wb") as out:
        out.write(squeeze.compress(b'<?xml version="1.0"?>\n<log xes.version="1.0">\n<trace>'))
        for _ in range(80):
            out.write(squeeze.compress(spaces))
        out.write(squeeze.compress(b"</trace></log>\n") + squeeze.flush())
    assert path.stat().st_size < 1 << 20
    _refused(cli("events", path), path, "decompression bomb")
    assert counts()["process_events"] == 0


def test_a_gzip_csv_bomb_is_refused(tmp_path: Path, cli: Any, counts: Any) -> None:
    path = tmp_path / "bomb.csv.gz"
    with gzip.open(path, "wb", compresslevel=6) as out:
        out.write(b"case;activity;timestamp\nR-1;A;2026-03-01 10:00;")
        for _ in range(80):
            out.write(b" " * (1 << 20))
        out.write(b"\n")
    _refused(cli("events", path), path, "decompression bomb")
    assert counts()["process_events"] == 0


def _workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["customer_ref", "phone", "channel", "occurred_at", "text"])
    sheet.append(["K1", "0612345678", "telefoon", "23-11-2026 14:05", "hallo"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def _rewritten(source: Path, target: Path, change: Any) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, change(item.filename, old.read(item)))
    return target


def test_xlsx_with_a_dtd_is_refused(tmp_path: Path, cli: Any, counts: Any) -> None:
    before = counts()

    def with_dtd(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return b'<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + data

    path = _rewritten(_workbook(tmp_path), tmp_path / "dtd.xlsx", with_dtd)
    _refused(cli("contacts", path), path, "DTD")
    assert counts() == before


def test_xlsx_bomb_is_refused(tmp_path: Path, cli: Any, counts: Any) -> None:
    before = counts()

    def padded(name: str, data: bytes) -> bytes:
        return data + b" " * (64 << 20) if name == "xl/worksheets/sheet1.xml" else data

    path = _rewritten(_workbook(tmp_path), tmp_path / "bomb.xlsx", padded)
    _refused(cli("contacts", path), path, "decompression bomb")
    assert counts() == before

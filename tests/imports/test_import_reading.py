"""Reading files before their columns mean anything: encodings, delimiters, workbooks, JSON Lines."""

from __future__ import annotations

import codecs
import hashlib
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from klantstem.delimited import sniff_delimiter
from klantstem.errors import ImportFileError
from klantstem.imports.encoding import inspect_text_file
from klantstem.imports.tabular import BadRecord, open_tabular

DUTCH = "naam;plaats\nRené Öztürk;Ĳsselstein – “centrum”\n"


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text(DUTCH, encoding="utf-8")
    bom = tmp_path / "bom.csv"
    bom.write_bytes(codecs.BOM_UTF8 + DUTCH.encode())
    assert inspect_text_file(plain).encoding == "utf-8"
    assert inspect_text_file(bom).encoding == "utf-8-sig"
    for path in (plain, bom):
        with open_tabular(path) as table:
            assert table.header == ["naam", "plaats"]  # no BOM left on the first column
            assert [record for _, record in table.records] == [["René Öztürk", "Ĳsselstein – “centrum”"]]


def test_windows_1252_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("naam;bedrag\nRené;€ 12 – café\n".encode("cp1252"))
    facts = inspect_text_file(path)
    assert facts.encoding == "cp1252"
    assert facts.lines == 2
    with open_tabular(path) as table:
        assert [record for _, record in table.records] == [["René", "€ 12 – café"]]


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"a;b\n1;2\n3;\x81\x00\xff\n")  # 0x81 is undefined in Windows-1252 too
    with pytest.raises(ImportFileError) as info:
        inspect_text_file(path)
    assert info.value.line == 3
    assert "UTF-8" in str(info.value) and str(path) in str(info.value)


def test_bom_with_invalid_bytes_is_not_guessed_away(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"a;b\n" + "é;è\n".encode("cp1252"))
    with pytest.raises(ImportFileError) as info:
        inspect_text_file(path)
    assert info.value.line == 2


def test_utf16_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes("naam;plaats\nRené;Delft\n".encode("utf-16"))
    with pytest.raises(ImportFileError, match="UTF-16") as info:
        inspect_text_file(path)
    assert info.value.line == 1


def test_facts(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a\n1\n2")
    facts = inspect_text_file(path)
    assert (facts.lines, facts.size) == (3, 5)
    assert facts.sha256 == hashlib.sha256(b"a\n1\n2").hexdigest()
    other = tmp_path / "y.csv"
    other.write_bytes(b"a\n1\n3")
    assert inspect_text_file(other).sha256 != facts.sha256


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(delimiter.join(["a", "b", "c"]) + "\n" + delimiter.join(["1", "2,5", "3"]) + "\n")
    if delimiter == ",":
        path.write_text('a,b,c\n1,"2,5",3\n')
    with open_tabular(path) as table:
        assert table.header == ["a", "b", "c"]
        assert [record for _, record in table.records] == [["1", "2,5", "3"]]


def test_sniffing_prefers_the_delimiter_that_splits_most() -> None:
    assert sniff_delimiter("naam;adres, plaats;datum") == ";"
    assert sniff_delimiter('"a;b",c,d') == ","
    assert sniff_delimiter("onecolumn") == ","


def test_lines_are_where_records_start(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('\n\na,b\n1,"line one\nline two"\n\n2,x\n3,"three\nlines\nhere"\n4,y\n', encoding="utf-8")
    with open_tabular(path) as table:
        assert table.header_line == 3
        assert [line for line, _ in table.records] == [4, 7, 8, 11]


def test_workbook(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["channel", "occurred_at", "phone", None])
    sheet.append(["telefoon", datetime(2026, 11, 23, 14, 5), 612345678, None])
    sheet.append([None, None, None])
    sheet.append(["brief", "24-11-2026", None])
    book.save(path)
    with open_tabular(path) as table:
        assert table.kind == "xlsx"
        assert table.header == ["channel", "occurred_at", "phone"]
        records = list(table.records)
    assert records[0] == (2, ["telefoon", datetime(2026, 11, 23, 14, 5), 612345678, None])
    assert records[1][0] == 4  # the empty row 3 is skipped, numbering follows the sheet


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("channel,occurred_at\n")
    with pytest.raises(ImportFileError, match="XLSX"), open_tabular(path):
        pass


def test_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps({"channel": "mail", "n": 1}), "", "{not json", "[1, 2]", json.dumps({"text": "a\u0000b"})]
    path.write_text("\n".join(lines) + "\n")
    with open_tabular(path) as table:
        assert table.header == ["channel", "n"]
        records = list(table.records)
    assert records[0] == (1, {"channel": "mail", "n": 1})
    assert [line for line, _ in records] == [1, 3, 4, 5]
    assert all(isinstance(record, BadRecord) for _, record in records[1:])
    assert "NUL" in records[3][1].reason  # type: ignore[union-attr]


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="unknown file type"), open_tabular(tmp_path / "x.pdf"):
        pass
    with pytest.raises(ImportFileError, match="no such file"), open_tabular(tmp_path / "missing.csv"):
        pass

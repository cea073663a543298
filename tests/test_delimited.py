"""klantstem.delimited: the delimiter rule, and CSV that a spreadsheet program opens without running anything."""

from __future__ import annotations

import csv
import io

from klantstem.delimited import sniff_delimiter, spreadsheet_csv


def test_a_quoted_header_field_with_commas_does_not_vote_for_the_comma() -> None:
    assert sniff_delimiter('"naam, voluit";adres;datum') == ";"
    assert sniff_delimiter('"a;b",c,d') == ","
    assert sniff_delimiter("onecolumn") == ","


def test_every_field_is_quoted_and_every_formula_start_neutralised() -> None:
    hostile = ";=cmd|' /C calc'!A0;"
    text = spreadsheet_csv([("text", "labels"), (hostile, "x"), ("-5 euro, @home", "=1+1"), ("ok\n+31", None)])
    # A Dutch spreadsheet program splits on ";" when it ignores quotes: no piece may start with a formula.
    for line in text.splitlines():
        for piece in line.replace('"', "").replace(",", ";").split(";"):
            assert piece[:1] not in ("=", "+", "-", "@"), (line, piece)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == [";'=cmd|' /C calc'!A0;", "x"]
    assert rows[2] == ["'-5 euro, @home", "'=1+1"]
    assert rows[3] == ["ok\n'+31", ""]
    assert all(line.startswith('"') for line in text.splitlines() if line and not line.startswith("'"))

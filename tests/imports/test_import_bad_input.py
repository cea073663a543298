"""Bad input: one line on stderr naming file, line and field; exit code 2; the database exactly as before."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

Counts = Callable[[], dict[str, int]]
GOOD = "customer_ref,phone,channel,occurred_at,text\n"


@pytest.fixture
def before(cli: Any, examples: Path, counts: Counts) -> dict[str, int]:
    """A database that already holds something, so 'as before' is not simply 'empty'."""
    assert cli("contacts", examples / "contacts_example.csv").code == 0
    assert cli("stories", examples / "stories_example.csv").code == 0
    return counts()


def _refused(result: Any, path: Path, line: int | None, field: str | None) -> str:
    assert result.code == 2, result.err
    assert result.out == ""
    message: str = result.err.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"error: {path}")
    if line is not None:
        assert f"line {line}" in message
    if field is not None:
        assert f"field '{field}'" in message
    return message


def test_empty_file(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in _refused(cli("contacts", path), path, 1, None)
    assert counts() == before


def test_header_only(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "header.csv"
    path.write_text(GOOD)
    assert "no rows" in _refused(cli("contacts", path), path, 2, None)
    assert counts() == before


def test_wrong_delimiter(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "colons.csv"
    path.write_text(GOOD.replace(",", ":") + "K1:0612345678:phone:2026-01-05:hallo\n")
    assert "delimiter" in _refused(cli("contacts", path), path, 1, "channel")
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(GOOD.replace(",", ";") + "K1,0612345678,phone,2026-01-05,hallo\n")
    assert "delimiter" in _refused(cli("contacts", mixed), mixed, 2, "phone")
    assert counts() == before


def test_missing_required_column(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "nodate.csv"
    path.write_text("customer_ref,channel,text\nK1,phone,hallo\n")
    assert "missing required column" in _refused(cli("contacts", path), path, 1, "occurred_at")
    stories = tmp_path / "stories.csv"
    stories.write_text("story_ref,description\nA,stap\n")
    _refused(cli("stories", stories), stories, 1, "told_at")
    assert counts() == before


def test_unknown_column_in_map(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "c.csv"
    path.write_text(GOOD + "K1,0612345678,phone,2026-01-05,hallo\n")
    assert "no column 'Bericht'" in _refused(cli("contacts", path, "--map", "text=Bericht"), path, 1, "Bericht")
    unknown_name = cli("contacts", path, "--map", "kleur=text")
    assert unknown_name.code == 2 and "'kleur' is not a column" in unknown_name.err
    assert counts() == before


def test_unparseable_date_on_line_n(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "dates.csv"
    rows = [f"K{n},,phone,0{n + 1}-01-2026 10:00,hallo" for n in range(5)]
    rows[3] = "K3,,phone,31-02-2026 10:00,hallo"  # line 5
    path.write_text(GOOD + "\n".join(rows) + "\n")
    assert "31-02-2026" in _refused(cli("contacts", path), path, 5, "occurred_at")
    assert counts() == before


def test_unparseable_phone_on_line_n(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "phones.csv"
    path.write_text(GOOD + "K1,0612345678,phone,2026-01-05,a\nK2,06-1234,phone,2026-01-05,b\n")
    message = _refused(cli("contacts", path), path, 3, "phone")
    assert "06-1234" not in message  # personal data is not repeated
    assert counts() == before


def test_five_megabyte_text_field(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "big.csv"
    path.write_text(GOOD + "K1,,phone,2026-01-05,short\n" + "K2,,phone,2026-01-05," + "x" * 5 * 1024 * 1024 + "\n")
    message = _refused(cli("contacts", path), path, 3, "text")
    assert "5,242,880 characters" in message and "1,000,000" in message
    assert counts() == before


def test_invalid_utf8(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "bytes.csv"
    path.write_bytes(GOOD.encode() + b"K1,,phone,2026-01-05,ok\nK2,,phone,2026-01-05,\x81\x8d\xc3\n")
    assert "UTF-8" in _refused(cli("contacts", path), path, 3, None)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(codecs.BOM_UTF8 + GOOD.encode() + "K1,,phone,2026-01-05,café\n".encode("cp1252"))
    _refused(cli("contacts", bom), bom, 2, None)
    assert counts() == before


def test_bad_row_in_a_workbook(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "book.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["channel", "occurred_at", "text"])
    sheet.append(["telefoon", datetime(2026, 1, 5, 10, 0), "goed"])
    sheet.append(["duif", datetime(2026, 1, 5, 11, 0), "fout"])
    book.save(path)
    assert "duif" in _refused(cli("contacts", path), path, 3, "channel")
    assert counts() == before


def test_bad_json_line(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "c.jsonl"
    good = json.dumps({"channel": "mail", "occurred_at": "2026-01-05"})
    path.write_text(f"{good}\n{good.replace('05', '06')}\n{{broken\n")
    assert "JSON" in _refused(cli("contacts", path), path, 3, None)
    missing = tmp_path / "m.jsonl"
    missing.write_text(good + "\n" + json.dumps({"channel": "mail"}) + "\n")
    _refused(cli("contacts", missing), missing, 2, "occurred_at")
    assert counts() == before


def test_bad_story_line(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "s.csv"
    path.write_text("story_ref,told_at,description,appraisal\nA,2026-12-01,een,slecht\nA,2026-12-01,twee,matig\n")
    assert "matig" in _refused(cli("stories", path), path, 3, "appraisal")
    assert counts() == before


def test_a_failure_late_in_a_long_file_keeps_nothing(
    cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLANTSTEM_IMPORT_BATCH_SIZE", "50")  # many batches are written before the bad line
    lines = [f"N{n},06{12000000 + n},phone,2026-01-05 10:{n % 60:02d},bericht {n}" for n in range(600)]
    lines.append("N600,,phone,gisteren,te laat")
    path = tmp_path / "long.csv"
    path.write_text(GOOD + "\n".join(lines) + "\n")
    _refused(cli("contacts", path), path, 602, "occurred_at")
    assert counts() == before


def test_texts_with_line_breaks_import_when_more_than_one_field_has_them(
    cli: Any, tmp_path: Path, engine: Any
) -> None:
    """The quote rule (klantstem.delimited) refuses a lone multi-line field; letters with line breaks, which come
    in numbers, still import, line breaks and all."""
    path = tmp_path / "letters.csv"
    path.write_text(
        "customer_ref,channel,occurred_at,text\n"
        'K1,letter,2026-01-05 09:00,"Geachte heer,\nDe factuur klopt niet."\n'
        "K2,letter,2026-01-06 09:00,Kort briefje\n"
        'K3,letter,2026-01-07 09:00,"Beste,\n\nIk wacht nog steeds."\n'
    )
    result = cli("contacts", path, "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["added"] == 3
    from sqlalchemy import select

    from klantstem.db import schema

    with engine.connect() as conn:
        texts = set(conn.execute(select(schema.contacts.c.text)).scalars())
    assert "Geachte heer,\nDe factuur klopt niet." in texts and "Beste,\n\nIk wacht nog steeds." in texts

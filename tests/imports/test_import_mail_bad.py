"""Bad mail: one line naming the file, message (line) and field, exit code 2, nothing imported; or a counted
warning where the message can still be read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from klantstem.db import schema
from klantstem.imports.reading import CHILD_FROM_BYTES

MAIL = Path(__file__).parents[1] / "data" / "mail"
Counts = Callable[[], dict[str, int]]

HEAD = "From: Klant <klant@example.nl>\nTo: service@autohuis-jansen.nl\nMessage-ID: <{id}@example.nl>\n"


def _message(number: int, date: str | None = "Mon, 07 Sep 2026 09:12:00 +0200", subject: str = "Vraag") -> str:
    dated = f"Date: {date}\n" if date is not None else ""
    return f"{HEAD.format(id=number)}{dated}Subject: {subject}\n\nBericht nummer {number}: waar blijft mijn auto?\n"


def _mbox(path: Path, *messages: str) -> Path:
    path.write_text("".join(f"From MAILER-DAEMON Mon Sep  7 09:12:00 2026\n{text}\n" for text in messages))
    return path


@pytest.fixture
def before(cli: Any, counts: Counts, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("KLANTSTEM_ORGANISATION_SENDERS", "@autohuis-jansen.nl")
    assert cli("mail", MAIL / "windows_1252.eml").code == 0
    return counts()


def _refused(result: Any, path: Path, line: int | None, field: str | None) -> str:
    assert result.code == 2, result.err
    message: str = result.err.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"error: {path}")
    if line is not None:
        assert f"line {line}," in message or message.endswith(f"line {line}") or f"line {line}:" in message
    if field is not None:
        assert f"field '{field}'" in message
    return message


def test_message_without_a_date(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = _mbox(tmp_path / "box.mbox", _message(1), _message(2, date=None), _message(3))
    line = _message(1).count("\n") + 3  # the first message's "From " line and the blank line after it
    assert "no date" in _refused(cli("mail", path), path, line, "Date")
    assert counts() == before
    report = cli("mail", path, "--skip-invalid", "--format", "json").json()
    assert (report["added"], report["rejected"]) == (2, 1)
    assert report["rejections"] == [{"line": line, "field": "Date", "reason": "the message has no date"}]


def test_impossible_date(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "feb.eml"
    path.write_text(_message(1, date="Tue, 31 Feb 2026 10:00:00 +0100"))
    assert "not a date that exists" in _refused(cli("mail", path), path, 1, "Date")
    words = tmp_path / "words.eml"
    words.write_text(_message(2, date="gisteren rond het middaguur"))
    assert "is not a date" in _refused(cli("mail", words), words, 1, "Date")
    assert counts() == before


def test_header_in_an_unknown_encoding_is_a_counted_warning(
    cli: Any, tmp_path: Path, before: dict[str, int], engine: Engine
) -> None:
    path = tmp_path / "unknown.eml"
    path.write_text(_message(1, subject="=?x-onbekend?Q?Klacht_over_levering?="))
    report = cli("mail", path, "--format", "json").json()
    assert report["added"] == 1
    assert report["warnings"] == [
        {"line": 1, "field": "Subject", "reason": "unknown character set 'x-onbekend'; read as Windows-1252"}
    ]
    table = cli("mail", path)
    assert table.code == 0 and "Warnings" in table.out
    body = tmp_path / "body.eml"
    body.write_bytes(
        _message(2).replace("\n\n", "\nContent-Type: text/plain; charset=x-onbekend\n\n", 1).encode()
        + "Caf\u00e9 dicht.\n".encode("cp1252")
    )
    report = cli("mail", body, "--format", "json").json()
    assert report["added"] == 1 and [w["field"] for w in report["warnings"]] == ["body"]
    with engine.connect() as conn:
        texts = set(conn.execute(select(schema.contacts.c.text)).scalars())
    assert "Bericht nummer 2: waar blijft mijn auto?\nCaf\u00e9 dicht." in texts


def test_truncated_mbox_imports_nothing(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    whole = (MAIL / "thread.mbox").read_bytes()
    cut = tmp_path / "cut.mbox"
    cut.write_bytes(whole[: len(whole) - 40])  # in the middle of the last message's last line
    assert "truncated" in _refused(cli("mail", cut), cut, whole[: len(whole) - 40].count(b"\n") + 1, None)
    assert counts() == before
    # cut at a line end, but inside a multipart message: its closing boundary is missing
    parts = (MAIL / "html_attachment.eml").read_text()
    multipart = _mbox(tmp_path / "parts.mbox", _message(1), parts[: parts.index("--outer-boundary\nContent-Type: app")])
    assert "cut off" in _refused(cli("mail", multipart), multipart, _message(1).count("\n") + 3, "body")
    assert counts() == before


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.eml", b"", "empty"),
        ("nonsense.eml", b"Dit is geen e-mail maar een boodschappenlijstje.\n", "not an e-mail"),
        ("missing.mbox", None, "no such file"),
    ],
)
def test_not_mail(
    cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int], name: str, content: bytes | None, says: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert says in _refused(cli("mail", path), path, None, None)
    assert counts() == before


def test_folder_without_mail(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    (tmp_path / "notes.txt").write_text("geen mail")
    assert "no .eml files" in _refused(cli("mail", tmp_path), tmp_path, None, None)
    assert counts() == before


def test_large_mbox_read_in_the_second_process(
    cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]
) -> None:
    """An mbox of 2 MB or more is read by a child process: the same result, and the same refusal when cut off."""
    padding = "Ik heb al drie keer gebeld en niemand belt terug. " * 40 + "\n"
    messages = [_message(number).replace("\n\n", f"\n\n{padding}", 1) for number in range(1100)]
    path = _mbox(tmp_path / "large.mbox", *messages)
    assert path.stat().st_size >= CHILD_FROM_BYTES
    whole = path.read_bytes()
    cut = tmp_path / "large_cut.mbox"
    cut.write_bytes(whole[:-10])
    assert "truncated" in _refused(cli("mail", cut), cut, whole[:-10].count(b"\n") + 1, None)
    assert counts() == before
    report = cli("mail", path, "--format", "json").json()
    assert (report["rows"], report["added"]) == (1100, 1100)


@pytest.mark.parametrize(
    ("written", "utc"),
    [
        ("Mon, 07 Sep 2026 09:12:00 -0000", "2026-09-07 09:12"),  # RFC 5322: UTC, the sender's zone unknown
        ("ma 7 sep 2026 09:12:00 +0200", "2026-09-07 07:12"),  # as some Dutch mail programs write it
        ("Mon, 7 Sep 26 09:12:00 CEST", "2026-09-07 07:12"),  # obsolete year and a European zone name
        ("Mon, 07 Sep 2026 09:12:00 +0200 (CEST)", "2026-09-07 07:12"),
    ],
)
def test_date_headers_are_read_by_the_one_date_reader(
    cli: Any, engine: Engine, tmp_path: Path, before: dict[str, int], written: str, utc: str
) -> None:
    path = tmp_path / "one.eml"
    path.write_text(_message(77, date=written))
    result = cli("mail", path, "--format", "json")
    assert result.code == 0, result.err
    with engine.connect() as conn:
        moment = conn.execute(
            select(schema.contacts.c.occurred_at).where(schema.contacts.c.subject == "Vraag")
            .order_by(schema.contacts.c.id.desc()).limit(1)
        ).scalar_one()  # fmt: skip
    assert f"{moment:%Y-%m-%d %H:%M}" == utc

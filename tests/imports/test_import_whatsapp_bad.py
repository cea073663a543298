"""Bad chat exports: one line naming file, line and field, exit code 2, and nothing imported."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CHATS = Path(__file__).parents[1] / "data" / "whatsapp"
Counts = Callable[[], dict[str, int]]


@pytest.fixture
def before(cli: Any, counts: Counts, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("KLANTSTEM_ORGANISATION_SENDERS", "Autohuis Jansen")
    assert cli("whatsapp", CHATS / "android_nl.txt").code == 0
    return counts()


def _refused(result: Any, path: str, says: str, line: int | None = None, field: str | None = None) -> None:
    assert result.code == 2, result.out
    message: str = result.err.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"error: {path}") and says in message, message
    if line is not None:
        assert f"line {line}" in message, message
    if field is not None:
        assert f"field '{field}'" in message, message


def test_zip_bomb(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("_chat.txt", "27-08-2026 11:17 - +31 6 12345678: " + "a" * 30_000_000 + "\n")
    assert archive.stat().st_size < 100_000
    _refused(cli("whatsapp", archive), f"{archive}, _chat.txt", "zip bomb")
    assert counts() == before


@pytest.mark.parametrize(
    ("members", "says"),
    [({"media/foto.jpg": b"\xff\xd8"}, "no single chat text"), ({"a.txt": b"x", "b.txt": b"y"}, "no single chat")],
)
def test_zip_without_one_chat(
    cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int], members: dict[str, bytes], says: str
) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    _refused(cli("whatsapp", archive), str(archive), says)
    assert counts() == before


def test_damaged_zip(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    archive = tmp_path / "damaged.zip"
    archive.write_bytes(b"PK\x03\x04 this zip was cut off")
    _refused(cli("whatsapp", archive), str(archive), "not a zip file")
    assert counts() == before


def test_not_a_chat(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "contacts.txt"
    path.write_text("channel;occurred_at;text\nwhatsapp;27-08-2026 11:17;hallo\n")
    _refused(cli("whatsapp", path), str(path), "not a WhatsApp chat line", line=1)
    assert counts() == before


def test_impossible_time_and_date(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "time.txt"
    path.write_text(
        "27-08-2026 11:17 - +31 6 11111111: goed\n28-08-2026 25:61 - +31 6 11111111: kan niet\n"
        "29-08-2026 09:00 - +31 6 11111111: weer goed\n"
    )
    _refused(cli("whatsapp", path), str(path), "not a date and time that exists", line=2, field="date")
    assert counts() == before
    report = cli("whatsapp", path, "--skip-invalid", "--format", "json").json()
    assert (report["added"], report["rejected"]) == (2, 1)
    dates = tmp_path / "dates.txt"
    dates.write_text("27-08-2026 11:17 - +31 6 11111111: goed\n31-02-2026 09:00 - +31 6 11111111: februari?\n")
    _refused(cli("whatsapp", dates), str(dates), "'31-02-2026' is not a date that exists", line=2, field="date")


def test_not_utf8_nor_windows_1252(cli: Any, tmp_path: Path, counts: Counts, before: dict[str, int]) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("27-08-2026 11:17 - +31 6 11111111: hallo\n".encode("utf-16"))
    _refused(cli("whatsapp", path), str(path), "UTF-16")
    assert counts() == before

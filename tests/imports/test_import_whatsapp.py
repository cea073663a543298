"""`klantstem import whatsapp`: Android and iOS chat exports, Dutch and English, .txt and .zip."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from klantstem.db import schema

CHATS = Path(__file__).parents[1] / "data" / "whatsapp"
Counts = Callable[[], dict[str, int]]


@pytest.fixture(autouse=True)
def _own_senders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTSTEM_ORGANISATION_SENDERS", "Autohuis Jansen, @autohuis-jansen.nl")


def _contacts(engine: Engine) -> list[dict[str, Any]]:
    c, s = schema.contacts, schema.staff
    query = (
        select(c.c.customer_id, c.c.channel, c.c.direction, c.c.occurred_at, c.c.text, s.c.name.label("staff"))
        .select_from(c.outerjoin(s, s.c.id == c.c.staff_id))
        .order_by(c.c.occurred_at, c.c.id)
    )
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _identities(engine: Engine) -> list[tuple[str, str]]:
    i = schema.customer_identities
    with engine.connect() as conn:
        return [(row.kind, row.value) for row in conn.execute(select(i.c.kind, i.c.value).order_by(i.c.id))]


def _promises(engine: Engine) -> list[tuple[str, str, str]]:
    p, s = schema.promises, schema.staff
    with engine.connect() as conn:
        query = select(p.c.kind, p.c.description, s.c.name).select_from(p.join(s, s.c.id == p.c.staff_id))
        return [tuple(row) for row in conn.execute(query)]


def test_android_dutch(cli: Any, engine: Engine) -> None:
    report = cli("whatsapp", CHATS / "android_nl.txt", "--format", "json").json()
    # the system line and the deleted message are no contacts; the photo is one, without text
    assert (report["kind"], report["added"], report["customers_added"], report["promises_found"]) == (
        "whatsapp", 4, 1, 1,
    )  # fmt: skip
    contacts = _contacts(engine)
    assert [c["direction"] for c in contacts] == ["inbound", "inbound", "outbound", "inbound"]
    assert {c["channel"] for c in contacts} == {"whatsapp"} and len({c["customer_id"] for c in contacts}) == 1
    assert contacts[0]["text"] == (
        "Goedemorgen, ik heb zaterdag een proefrit gemaakt en zou teruggebeld worden door de dealer.\n"
        "Daar heb ik nog niks van gehoord.\nEn de verkoper is altijd in overleg."
    )
    assert contacts[1]["text"] is None
    assert _utc(contacts[0]["occurred_at"]) == datetime(2026, 8, 27, 9, 17, tzinfo=UTC)  # 11:17 in Amsterdam
    assert contacts[2]["staff"] == "Autohuis Jansen" and contacts[3]["text"] == "Nog steeds niet gebeld \U0001f621"
    assert _identities(engine) == [("phone", "+31612345678")]
    ((kind, description, party),) = _promises(engine)
    assert (kind, party) == ("callback", "Autohuis Jansen") and "morgen" in description
    again = cli("whatsapp", CHATS / "android_nl.txt", "--format", "json").json()
    assert (again["added"], again["duplicates"], again["promises_found"]) == (0, 4, 0)


def test_android_english_twelve_hour_clock_month_first(cli: Any, engine: Engine) -> None:
    report = cli("whatsapp", CHATS / "android_en.txt", "--format", "json").json()
    assert report["added"] == 3
    contacts = _contacts(engine)
    assert [_utc(c["occurred_at"]) for c in contacts] == [
        datetime(2026, 8, 27, 7, 5, tzinfo=UTC), datetime(2026, 8, 27, 7, 6, tzinfo=UTC),
        datetime(2026, 8, 27, 11, 30, tzinfo=UTC),
    ]  # fmt: skip
    assert _identities(engine) == [("phone", "+442071234567")]
    ((kind, description, _),) = _promises(engine)
    assert kind == "callback" and "within 2 hours" in description


def test_ios_dutch_in_its_zip(cli: Any, engine: Engine, tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Autohuis Jansen.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(CHATS / "ios_nl.txt", "_chat.txt")
        zipped.writestr("00000012-PHOTO-2026-08-27-11-18-40.jpg", b"\xff\xd8\xff\xe0 not really a photo")
    report = cli("whatsapp", archive, "--format", "json").json()
    assert report["added"] == 3
    contacts = _contacts(engine)
    assert [c["text"] for c in contacts] == [
        "Hallo, de monteur zou vandaag komen maar is er niet.",
        "[attachment: 00000012-PHOTO-2026-08-27-11-18-40.jpg]",
        "Wij sturen u vandaag nog een bevestiging per mail.\nExcuses voor het ongemak.",
    ]
    assert _utc(contacts[0]["occurred_at"]) == datetime(2026, 8, 27, 9, 17, 5, tzinfo=UTC)
    assert _identities(engine) == [("phone", "+31687654321")]
    # the same chat as a bare .txt is the same contacts
    assert cli("whatsapp", CHATS / "ios_nl.txt", "--format", "json").json()["duplicates"] == 3


def test_ios_english_names_need_the_customer(cli: Any, engine: Engine, counts: Counts) -> None:
    path = CHATS / "ios_en.txt"
    refused = cli("whatsapp", path)
    assert refused.code == 2 and "--customer" in refused.err and "line 2, field 'sender'" in refused.err
    assert counts()["contacts"] == 0
    report = cli("whatsapp", path, "--customer", "anna@example.com", "--format", "json").json()
    assert (report["added"], report["customers_added"]) == (3, 1)
    contacts = _contacts(engine)
    assert [c["direction"] for c in contacts] == ["inbound", "inbound", "outbound"]
    assert _utc(contacts[2]["occurred_at"]) == datetime(2026, 8, 27, 12, 2, 10, tzinfo=UTC)  # 2:02:10 PM
    assert _identities(engine) == [("email", "anna@example.com")]
    with engine.connect() as conn:
        assert conn.execute(select(schema.customers.c.display_name)).scalar_one() == "Anna"


def test_date_order_from_the_file_or_asked(cli: Any, engine: Engine, counts: Counts) -> None:
    path = CHATS / "ambiguous_dates.txt"
    refused = cli("whatsapp", path)
    assert refused.code == 2 and "--date-order" in refused.err and "line 1, field 'date'" in refused.err
    assert counts()["contacts"] == 0
    wrong = cli("whatsapp", CHATS / "android_nl.txt", "--date-order", "mdy")
    assert wrong.code == 2 and "day-month-year" in wrong.err and counts()["contacts"] == 0
    assert "leave out --date-order" in wrong.err  # the command adds its option; the core names none
    assert cli("whatsapp", path, "--date-order", "dmy").code == 0
    assert [_utc(c["occurred_at"]).date().isoformat() for c in _contacts(engine)] == [
        "2026-06-05", "2026-06-05", "2026-06-07",
    ]  # fmt: skip


def test_ios_system_line_under_the_chat_name_is_no_sender(cli: Any, engine: Engine, tmp_path: Path) -> None:
    """iOS writes its notices under the chat's name; that name is no customer who needs --customer."""
    mark = "\u200e"
    path = tmp_path / "_chat.txt"
    path.write_text(
        f"[27-08-2026 11:17:05] Klachten proefrit: {mark}Berichten en oproepen zijn end-to-end versleuteld.\n"
        f"[27-08-2026 11:18:00] \u202a+31 6 87654321\u202c: Niemand belt terug.\n"
        f"[27-08-2026 11:19:00] Autohuis Jansen: Wij bellen u vandaag nog.\n",
        encoding="utf-8",
    )
    report = cli("whatsapp", path, "--format", "json").json()
    assert (report["added"], report["customers_added"]) == (2, 1)
    assert len({c["customer_id"] for c in _contacts(engine)}) == 1


def test_the_same_words_twice_in_one_minute_are_two_messages(cli: Any, engine: Engine, tmp_path: Path) -> None:
    chat = tmp_path / "twice.txt"
    lines = [
        "27-08-2026 11:17 - +31 6 12345678: Zijn jullie open?",
        "27-08-2026 11:17 - +31 6 12345678: ok",
        "27-08-2026 11:17 - +31 6 12345678: ok",
        "27-08-2026 11:18 - Autohuis Jansen: ok",
    ]
    chat.write_text("\n".join(lines) + "\n")
    report = cli("whatsapp", chat, "--format", "json").json()
    assert (report["added"], report["duplicates"]) == (4, 0)
    assert [c["text"] for c in _contacts(engine)] == ["Zijn jullie open?", "ok", "ok", "ok"]
    longer = tmp_path / "longer.txt"
    longer.write_text("\n".join([*lines, "27-08-2026 11:19 - +31 6 12345678: ok"]) + "\n")
    report = cli("whatsapp", longer, "--format", "json").json()
    assert (report["added"], report["duplicates"]) == (1, 4)

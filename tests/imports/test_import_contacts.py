"""`klantstem import contacts`: through the CLI into the real test database (SQLite or PostgreSQL)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import Engine, insert, select, update

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.imports import reading, writing
from klantstem.promises import service as promises

Counts = Callable[[], dict[str, int]]


def _rows(engine: Engine, table: Any, *order: Any) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(table).order_by(*order)))


def _utc(value: datetime) -> datetime:
    """A stored time as aware UTC (SQLite hands it back naive, PostgreSQL aware)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _customer_of(engine: Engine, kind: str, value: str) -> int:
    i = schema.customer_identities
    with engine.connect() as conn:
        query = select(i.c.customer_id).where(i.c.kind == kind, i.c.value == value)
        return int(conn.execute(query).scalar_one())


def test_the_documented_example(cli: Any, examples: Path, engine: Engine, counts: Counts) -> None:
    result = cli("contacts", examples / "contacts_example.csv", "--format", "json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["rows"], report["added"], report["duplicates"], report["rejected"]) == (6, 6, 0, 0)
    assert report["customers_added"] == 4
    tables = counts()
    assert (tables["contacts"], tables["customers"], tables["cases"], tables["departments"]) == (6, 4, 2, 3)
    assert (tables["staff"], tables["third_parties"], tables["import_runs"]) == (2, 1, 1)

    jan = _customer_of(engine, "email", "jan.jansen@example.nl")
    assert _customer_of(engine, "external", "K-1001") == jan
    assert _customer_of(engine, "phone", "+31612345678") == jan
    contacts = _rows(engine, schema.contacts, schema.contacts.c.id)
    first = contacts[0]
    assert (first.customer_id, first.channel, first.direction) == (jan, "phone", "inbound")
    assert _utc(first.occurred_at) == datetime(2026, 11, 23, 13, 5, tzinfo=UTC)  # 14:05 in Amsterdam
    assert contacts[1].direction == "outbound" and contacts[1].channel == "email"
    assert _utc(contacts[3].occurred_at) == datetime(2026, 11, 30, 9, 15, tzinfo=UTC)  # written with +01:00
    assert contacts[5].channel == "review_site" and contacts[5].customer_id is not None
    assert all(len(c.fingerprint) == 64 for c in contacts)
    assert len({c.fingerprint for c in contacts}) == 6

    cases = {case.external_id: case for case in _rows(engine, schema.cases, schema.cases.c.id)}
    assert cases["Z-2026-077"].customer_id == jan
    assert contacts[0].case_id == contacts[1].case_id == cases["Z-2026-077"].id
    customers = {c.id: c for c in _rows(engine, schema.customers, schema.customers.c.id)}
    assert (customers[jan].display_name, customers[jan].postcode) == ("Jan Jansen", "1234 AB")


def test_importing_again_adds_nothing(cli: Any, examples: Path, counts: Counts) -> None:
    assert cli("contacts", examples / "contacts_example.csv").code == 0
    before = counts()
    again = cli("contacts", examples / "contacts_example.csv", "--format", "json")
    assert again.code == 0
    assert (again.json()["added"], again.json()["duplicates"], again.json()["customers_added"]) == (0, 6, 0)
    after = counts()
    assert after["import_runs"] == before["import_runs"] + 1
    assert {k: v for k, v in after.items() if k != "import_runs"} == {
        k: v for k, v in before.items() if k != "import_runs"
    }


def test_the_same_row_twice_in_one_file(cli: Any, tmp_path: Path, counts: Counts) -> None:
    path = tmp_path / "twice.csv"
    row = "K1,a@example.nl,telefoon,23-11-2026 10:00,Waar blijft mijn pakket?"
    path.write_text(f"customer_ref,email,channel,occurred_at,text\n{row}\n{row}\n{row.replace('10:00', '11:00')}\n")
    report = cli("contacts", path, "--format", "json").json()
    assert (report["added"], report["duplicates"]) == (2, 1)
    assert counts()["contacts"] == 2


def test_a_value_holding_the_separator_keeps_its_columns(cli: Any, tmp_path: Path, engine: Engine) -> None:
    """Checked rows travel to the writer as one text joined with the unit separator; a row whose own text
    holds that character travels as separate values and arrives unchanged."""
    path = tmp_path / "separator.csv"
    path.write_text(
        "customer_ref,channel,occurred_at,subject,text\n"
        "K1,mail,2026-01-05 09:00,Factuur,een\x1ftwee\n"
        "K1,mail,2026-01-05 09:00,,gewoon\n",
        encoding="utf-8",
    )
    assert cli("contacts", path, "--format", "json").json()["added"] == 2
    stored = _rows(engine, schema.contacts, schema.contacts.c.id)
    assert [(c.subject, c.text, c.channel) for c in stored] == [
        ("Factuur", "een\x1ftwee", "email"),
        (None, "gewoon", "email"),
    ]
    assert stored[0].customer_id == stored[1].customer_id == _customer_of(engine, "external", "K1")
    assert cli("contacts", path, "--format", "json").json()["duplicates"] == 2


def test_identities_written_differently_meet_one_customer(cli: Any, tmp_path: Path, engine: Engine) -> None:
    first = tmp_path / "first.csv"
    first.write_text(
        "customer_ref,email,phone,channel,occurred_at\nK7,Els@Example.NL,06-12345678,mail,2026-01-05 09:00\n"
    )
    second = tmp_path / "second.csv"
    second.write_text(
        "email,phone,channel,occurred_at\n"
        " els@example.nl ,,phone,2026-01-06 09:00\n"
        ",+31 6 1234 5678,whatsapp,2026-01-07 09:00\n"
        "new@example.nl,0031612345678,letter,2026-01-08 09:00\n"
    )
    assert cli("contacts", first).code == 0
    report = cli("contacts", second, "--format", "json").json()
    assert report["customers_added"] == 0
    customer = _customer_of(engine, "external", "K7")
    assert _customer_of(engine, "email", "new@example.nl") == customer  # a new identity joins the match
    assert {c.customer_id for c in _rows(engine, schema.contacts, schema.contacts.c.id)} == {customer}


@pytest.mark.parametrize("kept", [None, 1], ids=["remembered", "forgotten at once"])
def test_repeated_identities_keep_the_customer_they_matched_first(
    cli: Any, tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch, kept: int | None
) -> None:
    """Rows with the same identities (however written) are matched once and then get the same customer,
    also when a later row links two customers' identities, and also when the writer forgets which customer
    an identity number had (its memory is bounded)."""
    if kept is not None:
        monkeypatch.setattr(writing, "_CUSTOMERS_KEPT", kept)
    source = tmp_path / "repeated.csv"
    source.write_text(
        "customer_ref,email,phone,channel,occurred_at\n"
        ",a@example.nl,,mail,2026-01-05 09:00\n"
        ",,0612345678,phone,2026-01-05 09:01\n"
        "K1,A@Example.nl,,mail,2026-01-05 09:02\n"
        "K1,,06-12345678,phone,2026-01-05 09:03\n"
        ",,+31 6 1234 5678,phone,2026-01-05 09:04\n"
        "K1, a@example.nl ,,mail,2026-01-05 09:05\n"
        "K1,,,letter,2026-01-05 09:06\n"
    )
    report = cli("contacts", source, "--format", "json").json()
    assert (report["added"], report["customers_added"]) == (7, 2)
    by_mail, by_phone = _customer_of(engine, "email", "a@example.nl"), _customer_of(engine, "phone", "+31612345678")
    assert by_mail != by_phone
    assert _customer_of(engine, "external", "K1") == by_mail  # K1 joined the customer its row matched first
    customers = [c.customer_id for c in _rows(engine, schema.contacts, schema.contacts.c.occurred_at)]
    assert customers == [by_mail, by_phone, by_mail, by_mail, by_phone, by_mail, by_mail]


def test_a_merged_customer_answers_for_its_target(cli: Any, tmp_path: Path, engine: Engine) -> None:
    with engine.begin() as conn:
        target = conn.execute(insert(schema.customers).values(created_at=datetime.now(UTC))).inserted_primary_key[0]
        source = conn.execute(insert(schema.customers).values(created_at=datetime.now(UTC))).inserted_primary_key[0]
        conn.execute(insert(schema.customer_identities).values(customer_id=source, kind="email", value="old@x.nl"))
        conn.execute(update(schema.customers).where(schema.customers.c.id == source).values(merged_into_id=target))
    path = tmp_path / "c.csv"
    path.write_text("email,channel,occurred_at\nOLD@x.nl,mail,2026-01-05\n")
    assert cli("contacts", path).code == 0
    assert _rows(engine, schema.contacts, schema.contacts.c.id)[0].customer_id == target


def test_an_imported_call_keeps_the_callback_promised_before(cli: Any, tmp_path: Path, engine: Engine) -> None:
    clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    jan = customers.add_customer(engine, clock, name="Jan Jansen", email="jan@example.nl").id
    promise = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=jan, kind="callback", description="Terugbellen over de brief",
        due="binnen 2 werkdagen", department="Klantenservice",
    ).id  # fmt: skip
    path = tmp_path / "calls.csv"
    path.write_text(
        "email,channel,direction,occurred_at,department\n"
        "JAN@example.nl,telefoon,uitgaand,2026-11-24T10:00:00+00:00,Klantenservice\n"  # in time: keeps it
        "other@example.nl,telefoon,uitgaand,2026-11-24T11:00:00+00:00,Klantenservice\n"  # another customer
    )
    first = cli("contacts", path, "--format", "json")
    assert first.code == 0, first.err
    assert first.json()["promises_kept"] == 1, "kept at import, without a scan"
    kept = promises.get_promise(engine, promise)
    assert kept.status == "kept" and kept.kept_by_contact_id is not None
    assert cli("contacts", path, "--format", "json").json()["promises_kept"] == 0, "a second import keeps nothing"


def test_anonymous_contact_has_no_customer(cli: Any, tmp_path: Path, engine: Engine, counts: Counts) -> None:
    path = tmp_path / "anon.csv"
    path.write_text("channel,occurred_at,text\nreview,2026-01-05,Lekker gegeten maar lang gewacht.\n")
    assert cli("contacts", path).code == 0
    assert _rows(engine, schema.contacts, schema.contacts.c.id)[0].customer_id is None
    assert counts()["customers"] == 0


def test_workbook_and_json_lines_give_the_same_contacts(cli: Any, tmp_path: Path, engine: Engine) -> None:
    header = ["customer_ref", "phone", "channel", "occurred_at", "subject", "text"]
    rows = [
        ["K1", "0612345678", "telefoon", "23-11-2026 14:05", "Simkaart", "Nog steeds\ngeen simkaart."],
        ["K2", "", "brief", "2026-11-24", "", "Besluit\nmet twee regels."],
    ]
    csv_path = tmp_path / "c.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        import csv

        csv.writer(handle).writerows([header, *rows])
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    sheet.append(["K1", 612345678, "Telefoon", datetime(2026, 11, 23, 14, 5), "Simkaart", "Nog steeds\ngeen simkaart."])
    sheet.append(["K2", None, "Brief", datetime(2026, 11, 24), None, "Besluit\r\nmet twee regels."])
    book.save(tmp_path / "c.xlsx")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("\n".join(json.dumps(dict(zip(header, row, strict=True))) for row in rows) + "\n")

    assert cli("contacts", csv_path, "--format", "json").json()["added"] == 2
    for other in (tmp_path / "c.xlsx", jsonl):
        report = cli("contacts", other, "--format", "json").json()
        assert (report["added"], report["duplicates"]) == (0, 2), other


def test_map_reads_other_column_names(cli: Any, tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Klantnummer;Kanaal;Datum;Bericht;Kleur\nK1;brief;1 december 2026;Hallo;rood\n")
    result = cli(
        "contacts", path, "--map", "customer_ref=Klantnummer", "--map", "channel=kanaal", "--map", "occurred_at=Datum",
        "--map", "text=Bericht", "--format", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["ignored_columns"] == ["Kleur"]
    contact = _rows(engine, schema.contacts, schema.contacts.c.id)[0]
    assert (contact.channel, contact.text) == ("letter", "Hallo")


def test_windows_1252_file(cli: Any, tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("channel;occurred_at;text\nbrief;2-12-2026;Geachte heer Öztürk, uw café € 45\n".encode("cp1252"))
    assert cli("contacts", path).code == 0
    assert _rows(engine, schema.contacts, schema.contacts.c.id)[0].text == "Geachte heer Öztürk, uw café € 45"


def test_skip_invalid_imports_the_rest_and_lists_the_rejects(cli: Any, tmp_path: Path, counts: Counts) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "phone,channel,occurred_at\n"
        "0612345678,phone,2026-01-05\n"
        "12,phone,2026-01-05\n"
        "0612345679,fax,2026-01-05\n"
        "0612345670,phone,31-02-2026\n"
        "0612345671,mail,2026-01-06\n"
    )
    result = cli("contacts", path, "--skip-invalid", "--format", "json")
    assert result.code == 0
    report = result.json()
    assert (report["added"], report["rejected"]) == (2, 3)
    assert [(r["line"], r["field"]) for r in report["rejections"]] == [(3, "phone"), (4, "channel"), (5, "occurred_at")]
    assert counts()["contacts"] == 2
    table = cli("contacts", path, "--skip-invalid")
    assert "Rejected rows" in table.out and "fax" in table.out


def test_import_run_is_recorded(cli: Any, examples: Path, engine: Engine) -> None:
    path = examples / "contacts_example.csv"
    cli("contacts", path)
    run = _rows(engine, schema.import_runs, schema.import_runs.c.id)[0]
    assert (run.kind, run.added, run.duplicates, run.rejected) == ("contacts", 6, 0, 0)
    assert run.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert run.file_name.endswith("contacts_example.csv")


def test_table_output(cli: Any, examples: Path) -> None:
    result = cli("contacts", examples / "contacts_example.csv")
    assert result.code == 0
    assert "contacts added" in result.out and "6" in result.out
    assert result.err == ""  # no progress bar when stderr is not a terminal


def test_small_batches_share_customers_and_cases(
    cli: Any, tmp_path: Path, engine: Engine, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLANTSTEM_IMPORT_BATCH_SIZE", "2")
    lines = [f"K{n % 3},Z{n % 2},Afdeling {n % 2},mail,2026-01-{n + 1:02d} 10:00" for n in range(9)]
    path = tmp_path / "batches.csv"
    path.write_text("customer_ref,case_ref,department,channel,occurred_at\n" + "\n".join(lines) + "\n")
    assert cli("contacts", path).code == 0
    tables = counts()
    assert (tables["contacts"], tables["customers"], tables["cases"], tables["departments"]) == (9, 3, 2, 2)
    with engine.begin() as conn:  # ids handed out during the import leave the sequences usable
        conn.execute(insert(schema.customers).values(created_at=datetime.now(UTC)))
        conn.execute(insert(schema.cases).values(external_id="later"))
    assert counts()["customers"] == 4


def _large_file(path: Path, rows: int, bad: dict[int, str]) -> Path:
    """A file above the size from which a second process reads it; `bad` replaces the rows at those indexes."""
    text = "Ik wacht al drie weken op een antwoord op mijn brief over de vergunning. " * 2
    lines = [
        f"K{n % 500},0612{n % 500:06d},telefoon,2026-02-{1 + n % 28:02d} 09:{n % 60:02d},{text}{n}" for n in range(rows)
    ]
    for index, line in bad.items():
        lines[index] = line
    path.write_text("customer_ref,phone,channel,occurred_at,text\n" + "\n".join(lines) + "\n")
    assert path.stat().st_size >= reading.CHILD_FROM_BYTES
    return path


def test_a_large_file_is_read_by_a_second_process(cli: Any, tmp_path: Path, counts: Counts) -> None:
    path = _large_file(
        tmp_path / "large.csv", 14_000, {10: "K1,12,telefoon,2026-02-01,x", 13_990: "K2,,fax,2026-02-01,x"}
    )
    result = cli("contacts", path, "--skip-invalid", "--format", "json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["rows"], report["added"], report["rejected"]) == (14_000, 13_998, 2)
    assert [(r["line"], r["field"]) for r in report["rejections"]] == [(12, "phone"), (13_992, "channel")]
    assert counts()["customers"] == 500
    failed = cli("contacts", path)
    assert failed.code == 2 and "line 12, field 'phone'" in failed.err
    assert counts()["contacts"] == 13_998

"""`klantstem import mail`: .eml files, folders, mbox and Maildir into contacts, threads tied, replies told apart."""

from __future__ import annotations

import mailbox
from collections.abc import Callable
from email.utils import getaddresses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError

from klantstem.db import schema
from klantstem.imports.mail import _address_pairs
from klantstem.imports.mail_text import new_text
from klantstem.imports.service import import_mail
from klantstem.settings import Settings

MAIL = Path(__file__).parents[1] / "data" / "mail"
OWN = "@autohuis-jansen.nl"


@pytest.fixture(autouse=True)
def _own_senders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTSTEM_ORGANISATION_SENDERS", OWN)


def _contacts(engine: Engine) -> list[dict[str, Any]]:
    c, s = schema.contacts, schema.staff
    query = (
        select(
            c.c.customer_id,
            c.c.case_id,
            c.c.channel,
            c.c.direction,
            c.c.occurred_at,
            c.c.subject,
            c.c.text,
            s.c.name.label("staff"),
        )  # fmt: skip
        .select_from(c.outerjoin(s, s.c.id == c.c.staff_id))
        .order_by(c.c.occurred_at)
    )
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def _maildir(tmp_path: Path) -> Path:
    """The thread's three messages as a Maildir, written with Python's mailbox module."""
    folder = tmp_path / "Maildir"
    box = mailbox.Maildir(str(folder), create=True)
    for file in sorted((MAIL / "thread").glob("*.eml")):
        box.add(file.read_bytes())
    return folder


def test_thread_of_three_is_one_case_with_each_message_once(cli: Any, engine: Engine) -> None:
    result = cli("mail", MAIL / "thread", "--format", "json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["kind"], report["rows"], report["added"], report["customers_added"]) == ("mail", 3, 3, 1)
    contacts = _contacts(engine)
    assert [c["direction"] for c in contacts] == ["inbound", "outbound", "inbound"]
    assert {c["channel"] for c in contacts} == {"email"}
    assert len({c["customer_id"] for c in contacts}) == 1
    with engine.connect() as conn:
        cases = conn.execute(select(schema.cases.c.id, schema.cases.c.external_id)).all()
    assert [ref for _, ref in cases] == ["mail:klacht-1@example.nl"]
    assert {c["case_id"] for c in contacts} == {cases[0][0]}
    # the complaint is in the thread once: the reply and the answer to it quote it, but only their new words count
    assert sum("Niemand kan de agenda zien" in c["text"] for c in contacts) == 1
    first, reply, answer = (c["text"] for c in contacts)
    assert "Met vriendelijke groet" not in first and "06-12345678" not in first
    assert reply.startswith("Beste mevrouw De Vries") and "Oorspronkelijk" not in reply and "Vorige week" not in reply
    assert answer == "Er is nog steeds niemand geweest die belde. Daarover staat niks in het systeem, zei uw collega."
    assert contacts[1]["staff"] == "Piet Jansen" and contacts[0]["staff"] is None
    assert contacts[0]["subject"] == "Proefrit: nog steeds niet teruggebeld"


def test_promise_in_the_organisations_reply_is_registered(cli: Any, engine: Engine) -> None:
    result = cli("mail", MAIL / "thread.mbox", "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["promises_found"] == 1
    p, s, c = schema.promises, schema.staff, schema.contacts
    query = select(p.c.kind, p.c.description, p.c.status, s.c.name, c.c.direction, p.c.customer_id).select_from(
        p.join(s, s.c.id == p.c.staff_id).join(c, c.c.id == p.c.contact_id)
    )
    with engine.connect() as conn:
        promises = conn.execute(query).all()
    assert len(promises) == 1
    kind, description, status, party, direction, customer = promises[0]
    assert (kind, status, party, direction) == ("callback", "open", "Piet Jansen", "outbound")
    assert "binnen 2 werkdagen" in description and customer is not None
    # the customer's own "de dealer zou mij terugbellen" is no promise of the organisation's
    again = cli("mail", MAIL / "thread.mbox", "--format", "json").json()
    assert (again["added"], again["duplicates"], again["promises_found"]) == (0, 3, 0)


def test_a_failing_promise_step_undoes_the_whole_import(engine: Engine, db_url: str, is_postgres: bool) -> None:
    """The promises are registered in the import's own transaction: when writing them fails, no contact, customer
    or import run is left behind, and the import run again does all of it."""
    settings = Settings.from_env().with_database(db_url)
    with engine.begin() as conn:  # the database itself refuses promises, as a full disk or a lost server would
        for statement in _REFUSE_PROMISES[is_postgres]:
            conn.exec_driver_sql(statement)
    try:
        with pytest.raises(DBAPIError, match="promises refused"):
            import_mail(engine, settings, MAIL / "thread.mbox")
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER refuse_promises" + (" ON promises" if is_postgres else ""))
    with engine.connect() as conn:
        left = [conn.execute(select(func.count()).select_from(t)).scalar_one() for t in _WRITTEN]
    assert left == [0, 0, 0, 0]
    again = import_mail(engine, settings, MAIL / "thread.mbox")
    assert (again.added, again.promises_found) == (3, 1)


_WRITTEN = (schema.contacts, schema.customers, schema.import_runs, schema.promises)
_REFUSE_PROMISES = {
    False: [
        "CREATE TRIGGER refuse_promises BEFORE INSERT ON promises BEGIN SELECT RAISE(ABORT, 'promises refused'); END"
    ],
    True: [
        "CREATE OR REPLACE FUNCTION refuse_promises() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'promises refused'; END $$",
        "CREATE TRIGGER refuse_promises BEFORE INSERT ON promises FOR EACH ROW EXECUTE FUNCTION refuse_promises()",
    ],
}


def test_folder_mbox_and_maildir_give_the_same_contacts(cli: Any, engine: Engine, tmp_path: Path) -> None:
    assert cli("mail", MAIL / "thread.mbox").code == 0
    for source in (MAIL / "thread", _maildir(tmp_path), MAIL / "thread" / "02_antwoord.eml"):
        report = cli("mail", source, "--format", "json").json()
        assert report["added"] == 0 and report["duplicates"] == report["rows"] > 0, source
    assert len(_contacts(engine)) == 3


def test_html_body_and_attachment(cli: Any, engine: Engine) -> None:
    result = cli("mail", MAIL / "html_attachment.eml", "--format", "json")
    assert result.code == 0, result.err
    (contact,) = _contacts(engine)
    text = contact["text"]
    assert "my car has a scratch on the door & nobody answers my calls." in text
    assert "color" not in text and "<p>" not in text and "only quoted here" not in text
    assert "Kind regards" not in text
    assert text.endswith("[attachment: schade-foto.pdf]") and "JVBER" not in text
    with engine.connect() as conn:
        customer = conn.execute(select(schema.customers.c.display_name)).scalar_one()
        identity = conn.execute(select(schema.customer_identities.c.kind, schema.customer_identities.c.value)).one()
    assert customer == "John Smith" and tuple(identity) == ("email", "john.smith@example.com")


def test_windows_1252_mail(cli: Any, engine: Engine) -> None:
    assert cli("mail", MAIL / "windows_1252.eml").code == 0
    (contact,) = _contacts(engine)
    assert contact["subject"] == "Factuur \u20ac 450 zonder offerte"
    assert "De reparatie kostte \u20ac 450" in contact["text"]
    with engine.connect() as conn:
        assert conn.execute(select(schema.customers.c.display_name)).scalar_one() == "Jos\u00e9 M\u00fcller"


def test_without_own_senders_every_message_is_a_customers(
    cli: Any, engine: Engine, monkeypatch: pytest.MonkeyPatch, counts: Callable[[], dict[str, int]]
) -> None:
    monkeypatch.delenv("KLANTSTEM_ORGANISATION_SENDERS")
    report = cli("mail", MAIL / "thread", "--format", "json").json()
    assert (report["added"], report["customers_added"], report["promises_found"]) == (3, 2, 0)
    assert [w["field"] for w in report["warnings"]] == ["From"]  # the report says why
    assert "KLANTSTEM_ORGANISATION_SENDERS" in report["warnings"][0]["reason"]
    assert {c["direction"] for c in _contacts(engine)} == {"inbound"}
    assert counts()["promises"] == 0


@pytest.mark.parametrize(
    "header",
    [
        "Anna de Vries <anna@example.nl>", "anna@example.nl", "A <a@b.nl>, b@c.nl,  C  D <c@d.nl> ",
        '"Smith, John" <j@x.com>', "x@y.nl (Jan)", "=?utf-8?q?Jos=C3=A9?= <j@x.nl>", "team: a@b.nl, c@d.nl;", "",
        "Jan <jan@example.nl>, \"Vries, de\" <v@example.nl>",
    ],
)  # fmt: skip
def test_address_headers_read_as_the_standard_library_reads_them(header: str) -> None:
    assert _address_pairs(header) == getaddresses([header])


def test_new_text_leaves_out_quotes_and_signatures() -> None:
    outlook = "Prima, dank u.\n\nVan: Jan <jan@x.nl>\nVerzonden: maandag\nAan: service@y.nl\n\nOude tekst"
    assert new_text(outlook) == "Prima, dank u."
    wrapped = "Graag morgen.\n\nOn Mon, 7 Sep 2026 at 10:30, Piet Jansen <piet@y.nl>\nwrote:\n> oud\n"
    assert new_text(wrapped) == "Graag morgen."
    phone = "Klopt.\n\nVerzonden vanaf mijn iPhone\n\n> oud"
    assert new_text(phone) == "Klopt."
    # a colon before a list is the writer's own, not an attribution
    listing = "Ik wil het volgende:\n> punt een\n"
    assert new_text(listing) == "Ik wil het volgende:"
    assert new_text("Geen groet, geen citaat.") == "Geen groet, geen citaat."


def _long_mbox(path: Path, messages: int) -> Path:
    """An mbox whose threads run across the workers' chunks: every reply names only the message it answers
    (In-Reply-To, no References), so only the order of the whole source ties it to its thread's first message."""
    blocks = []
    for number in range(messages):
        thread, step = divmod(number, 7)
        head = [
            f"From: {'Service <service@autohuis-jansen.nl>' if step % 2 else f'Klant {thread} <k{thread}@example.nl>'}",
            f"To: {f'k{thread}@example.nl' if step % 2 else 'service@autohuis-jansen.nl'}",
            f"Subject: Levering {thread}",
            f"Date: Mon, 2 Mar 2026 {number // 60 % 24:02d}:{number % 60:02d}:00 +0100",
            f"Message-ID: <m{number}@example.nl>",
        ]
        if step:
            head.append(f"In-Reply-To: <m{number - 1}@example.nl>")
        if number % 97 == 0:
            head.append("Content-Type: text/plain; charset=x-unknown-set")
        blocks.append("From MAILER-DAEMON Mon Mar  2 10:00:00 2026\n" + "\n".join(head) + f"\n\nBericht {number}.\n")
    path.write_text("".join(blocks))
    return path


def test_parsing_on_every_core_gives_what_one_process_gives(tmp_path: Path) -> None:
    from klantstem.imports.conversations import ConversationRequest
    from klantstem.imports.mail import read_mail
    from klantstem.imports.reading import Batch, Finished
    from klantstem.workers import CHUNK

    mbox = _long_mbox(tmp_path / "long.mbox", 3 * CHUNK + 7)
    request = ConversationRequest(str(mbox), False, "Europe/Amsterdam", "NL", 100, OWN)
    alone, spread = list(read_mail(request, parallel_from=10**9)), list(read_mail(request, parallel_from=1))
    assert spread == alone
    rows = [row for message in alone if isinstance(message, Batch) for row in message.rows.split("\x1f")]
    first = 7 * (CHUNK // 7)  # a thread of seven whose first message and last reply lie in different chunks
    assert first < CHUNK < first + 6
    assert rows.count(f"mail:m{first}@example.nl") == 7
    assert f"mail:m{first + 5}@example.nl" not in rows
    finished = alone[-1]
    assert isinstance(finished, Finished) and len(finished.warnings) == len(range(0, 3 * CHUNK + 7, 97))

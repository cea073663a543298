"""`klantstem outreach check|log` on a real database: verdicts, reasons, exit codes and bad rules."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from klantstem.cli.main import app, main
from klantstem.db import schema


def test_check_and_log(db_url: str, engine: Engine) -> None:
    runner = CliRunner()
    db = ["--db", db_url]
    assert runner.invoke(app, ["customer", "add", "--name", "Kees", *db]).exit_code == 0
    first = runner.invoke(app, ["outreach", "check", "1", "--topic", "Tevredenheid", "--channel", "email", *db])
    assert (first.exit_code, first.stdout.strip()) == (0, "allowed")
    logged = runner.invoke(app, ["outreach", "log", "1", "--topic", "tevredenheid", "--channel", "email", *db])
    assert logged.exit_code == 0 and logged.stdout.startswith("outreach 1 logged as sent")
    again = runner.invoke(
        app, ["outreach", "check", "1", "--topic", "tevredenheid", "--channel", "phone", "--format", "json", *db]
    )
    decision = json.loads(again.stdout)
    assert again.exit_code == 1 and decision["verdict"] == "blocked"
    assert "already asked about 'tevredenheid'" in decision["reasons"][0]
    shorter = runner.invoke(
        app, ["outreach", "check", "1", "--topic", "tevredenheid", "--channel", "phone", "--same-topic-days", "0", *db]
    )
    assert shorter.exit_code == 0
    blocked = runner.invoke(app, ["outreach", "log", "1", "--topic", "tevredenheid", "--channel", "phone", *db])
    assert blocked.exit_code == 1 and "logged as blocked" in blocked.stdout
    with engine.connect() as conn:
        outcomes = list(conn.execute(select(schema.outreach.c.outcome).order_by(schema.outreach.c.id)).scalars())
    assert outcomes == ["sent", "blocked"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--period-days", "-1"], "period_days cannot be negative"),
        (["--same-topic-days", "-5"], "same_topic_days cannot be negative"),
    ],
)
def test_a_negative_rule_logs_nothing(
    db_url: str, engine: Engine, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["customer", "add", "--name", "Kees", "--db", db_url]) == 0
    code = main(["outreach", "log", "1", "--topic", "t", "--channel", "email", *extra, "--db", db_url])
    assert code == 2 and message in capsys.readouterr().err
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.outreach)).scalar_one() == 0


def test_unknown_channel_is_a_clear_error(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customer", "add", "--name", "Kees", "--db", db_url]) == 0
    assert main(["outreach", "check", "1", "--topic", "t", "--channel", "fax", "--db", db_url]) == 2
    assert "unknown channel 'fax'" in capsys.readouterr().err


def test_every_edge_reads_channels_with_the_vocabulary_of_the_imports(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`telefoon`, `E-mail`, `brief`: what an import accepts, the outreach guard, contacts and interviews accept."""
    from klantstem.clock import SystemClock
    from klantstem.contacts import service as contacts
    from klantstem.db.engine import open_database
    from klantstem.settings import Settings
    from klantstem.stories import service as stories

    assert main(["customer", "add", "--name", "Anna", "--db", db_url]) == 0
    capsys.readouterr()
    assert main(["outreach", "check", "1", "--topic", "enquete", "--channel", "telefoon", "--db", db_url]) == 0
    assert capsys.readouterr().out.startswith("allowed")
    engine = open_database(Settings().with_database(db_url))
    contact = contacts.record_contact(engine, SystemClock(), contacts.NewContact(1, "E-mail", subject="Vraag"))
    interview = stories.start_interview(engine, SystemClock(), customer_id=1, staff_id=None, channel="telefoon")
    story = contacts.story_so_far(engine, SystemClock(), 1, timezone="Europe/Amsterdam")
    engine.dispose()
    assert [e.detail["channel"] for e in story.entries if e.kind == "contact"] == ["email"] and contact > 0
    assert interview.channel == "phone"
    assert main(["outreach", "check", "1", "--topic", "enquete", "--channel", "duif", "--db", db_url]) == 2
    assert "unknown channel 'duif'" in capsys.readouterr().err

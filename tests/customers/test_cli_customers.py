"""`klantstem customer ...` on a real database: show, duplicates, merge and undo, delegates, export and erase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from klantstem.cli.main import app, main

Capture = pytest.CaptureFixture[str]


def _json(capsys: Capture, *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_customer_session(db_url: str, capsys: Capture, tmp_path: Path) -> None:
    db = ["--db", db_url]
    assert (
        main(["customer", "add", "--name", "Jan de Vries", "--phone", "06 12345678", "--postcode", "1234ab", *db]) == 0
    )
    assert main(["customer", "add", "--name", "J. de Vries", "--postcode", "1234 AB", *db]) == 0
    assert "added customer 2" in capsys.readouterr().out
    found = _json(capsys, "customer", "suggest-duplicates", "--format", "json", *db)
    assert found == {
        "total": 1,
        "suggestions": [
            {
                "first_id": 1,
                "second_id": 2,
                "score": 100.0,
                "reasons": ["same postcode"],
                "first_name": "Jan de Vries",
                "second_name": "J. de Vries",
            }
        ],
    }
    assert main(["customer", "merge", "2", "1", *db]) == 0
    assert "undo with: klantstem customer unmerge 2" in capsys.readouterr().out
    assert (
        main(
            [
                "customer",
                "delegate",
                "add",
                "1",
                "--name",
                "Ria",
                "--phone",
                "0687654321",
                "--scope",
                "sim",
                "--until",
                "2099-12-31",
                *db,
            ]
        )
        == 0
    )
    shown = _json(capsys, "customer", "show", "2", "--format", "json", *db)
    assert isinstance(shown, dict) and (shown["customer_id"], shown["asked_for_id"]) == (1, 2)
    assert [d["name"] for d in shown["summary"]["delegates"]] == ["Ria"]
    assert main(["customer", "show", "1", *db]) == 0
    table = capsys.readouterr().out
    assert "Customer 1: Jan de Vries" in table and "May act for them" in table and "Ria (delegate) on sim" in table
    assert main(["customer", "unmerge", "2", *db]) == 0
    out = tmp_path / "export.json"
    assert main(["customer", "export", "2", "--output", str(out), *db]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["customer_id"] == 2
    assert main(["customer", "erase", "2", "--yes", *db]) == 0
    assert "erased customer 2" in capsys.readouterr().out


def test_delegate_check_exit_codes(db_url: str) -> None:
    runner = CliRunner()
    db = ["--db", db_url]
    assert runner.invoke(app, ["customer", "add", "--name", "Henk", *db]).exit_code == 0
    assert (
        runner.invoke(app, ["customer", "delegate", "add", "1", "--name", "Ria", "--scope", "sim", *db]).exit_code == 0
    )
    allowed = runner.invoke(app, ["customer", "delegate", "check", "1", "--who", "ria", "--topic", "sim", *db])
    assert allowed.exit_code == 0 and allowed.stdout.startswith("allowed")
    refused = runner.invoke(app, ["customer", "delegate", "check", "1", "--who", "ria", "--topic", "contract", *db])
    assert refused.exit_code == 1 and refused.stdout.startswith("not allowed")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["customer", "add", "--name", "X", "--phone", "12345"], "error: not a valid phone number"),
        (["customer", "merge", "1", "1"], "error: cannot merge customer 1 into itself"),
        (["customer", "erase", "1"], "add --yes to confirm"),
        (["customer", "show", "99"], "error: no customer with id, customer number, e-mail address or phone number"),
        (["customer", "delegate", "add", "1", "--name", "R", "--until", "1-1-2020"], "must be in the future"),
    ],
)
def test_bad_input_is_one_line_on_stderr(db_url: str, capsys: Capture, argv: list[str], message: str) -> None:
    assert main(["customer", "add", "--name", "Een", "--db", db_url]) == 0
    capsys.readouterr()
    code = main([*argv, "--db", db_url])
    err = capsys.readouterr().err
    assert code in (2, 3) and message in err and len(err.strip().splitlines()) == 1


def test_a_customer_is_named_by_id_customer_number_email_or_phone(db_url: str, capsys: Capture, tmp_path: Path) -> None:
    """`customer show`, `export` and `erase` take what people know a customer by; the web search uses the same."""
    from klantstem.clock import SystemClock
    from klantstem.customers import service as customers
    from klantstem.db.engine import open_database
    from klantstem.settings import Settings

    engine = open_database(Settings().with_database(db_url))
    customers.add_customer(engine, SystemClock(), name="Decoy")  # id 1: an id is not a customer number
    anna = customers.add_customer(
        engine, SystemClock(), name="Anna", email="anna@example.nl", phone="0612345678", external_id="K-1001"
    ).id
    engine.dispose()
    for typed in (str(anna), "K-1001", "anna@example.nl", "ANNA@example.nl", "06 12345678", "+31612345678"):
        shown = _json(capsys, "customer", "show", typed, "--db", db_url, "--format", "json")
        assert shown["customer_id"] == anna, typed  # type: ignore[index]
    decoy = _json(capsys, "customer", "show", "1", "--db", db_url, "--format", "json")
    assert decoy["summary"]["customer"]["display_name"] == "Decoy"  # type: ignore[index]
    out = tmp_path / "anna.json"
    assert main(["customer", "export", "anna@example.nl", "--output", str(out), "--db", db_url]) == 0
    assert json.loads(out.read_text())["customer_id"] == anna
    capsys.readouterr()
    assert main(["customer", "show", "nobody@example.nl", "--db", db_url]) == 3
    assert capsys.readouterr().err.strip() == (
        "error: no customer with id, customer number, e-mail address or phone number 'nobody@example.nl'"
    )
    assert main(["customer", "erase", "06 12345678", "--yes", "--db", db_url]) == 0
    assert f"erased customer {anna}" in capsys.readouterr().out

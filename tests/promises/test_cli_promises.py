"""`klantstem promises add|overdue|stats|scan|keep|cancel` on a real database."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from klantstem.cli.main import main

Capture = pytest.CaptureFixture[str]


def _run(capsys: Capture, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def _yesterday() -> str:
    return (datetime.now(ZoneInfo("Europe/Amsterdam")) - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")


def test_promises_session(db_url: str, capsys: Capture) -> None:
    db = ("--db", db_url)
    _run(capsys, "customer", "add", "--name", "Sanne", *db)
    added = _run(
        capsys,
        "promises",
        "add",
        "1",
        "--kind",
        "callback",
        "--what",
        "Dealer belt terug",
        "--due",
        "binnen 10 werkdagen",
        "--third-party",
        "Autobedrijf Jansen",
        *db,
    )
    assert added.startswith("promise 1: callback by Autobedrijf Jansen, due ") and added.strip().endswith("(open)")
    _run(
        capsys,
        "promises",
        "add",
        "1",
        "--kind",
        "letter",
        "--what",
        "Uitleg",
        "--due",
        "binnen 10 werkdagen",
        "--department",
        "Post",
        "--made-at",
        _yesterday(),  # made earlier than now, yet due in the future whatever day the test runs
        *db,
    )
    overdue = json.loads(_run(capsys, "promises", "overdue", "--format", "json", *db))
    assert overdue["total"] == 0 and overdue["promises"] == []
    assert _run(capsys, "promises", "keep", "1", "--note", "gebeld", *db).strip() == "promise 1 kept"
    assert _run(capsys, "promises", "cancel", "2", "--reason", "ingetrokken", *db).strip() == "promise 2 cancelled"
    stats = json.loads(_run(capsys, "promises", "stats", "--format", "json", *db))
    rows = {(r["dimension"], r["name"]): r for r in stats["rows"]}
    assert rows[("third_party", "Autobedrijf Jansen")]["kept_rate"] == 1.0
    assert rows[("kind", "letter")]["cancelled"] == 1 and rows[("kind", "letter")]["kept_rate"] is None
    scan = json.loads(_run(capsys, "promises", "scan", "--format", "json", *db))
    assert (scan["kept"], scan["broken"]) == (0, 0)
    assert "Kept rate per third party" in _run(capsys, "promises", "stats", *db)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["promises", "add", "1", "--kind", "callback", "--what", "x", "--due", "2020-01-01", "--department", "P"],
            "is in the past",
        ),
        (
            ["promises", "add", "1", "--kind", "callback", "--what", "x", "--due", "ooit", "--department", "P"],
            "cannot read the due time",
        ),
        (["promises", "add", "1", "--kind", "callback", "--what", "x", "--due", "morgen"], "say who keeps"),
        (
            [
                "promises",
                "add",
                "1",
                "--kind",
                "callback",
                "--what",
                "x",
                "--due",
                "morgen",
                "--department",
                "P",
                "--made-at",
                "gisteren",
            ],
            "--made-at: cannot read",
        ),
        (["promises", "keep", "9"], "promise 9 does not exist"),
        (["promises", "overdue", "--limit", "-1"], "cannot be negative"),
    ],
)
def test_bad_input_is_one_line_on_stderr(db_url: str, capsys: Capture, argv: list[str], message: str) -> None:
    _run(capsys, "customer", "add", "--name", "Sanne", "--db", db_url)
    code = main([*argv, "--db", db_url])
    err = capsys.readouterr().err
    assert code in (2, 3) and message in err and len(err.strip().splitlines()) == 1
    assert json.loads(_run(capsys, "promises", "stats", "--format", "json", "--db", db_url))["rows"] == []

"""The command line's edge: exit codes and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantstem.cli.main import main


def test_a_blocked_outreach_check_exits_non_zero(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customer", "add", "--db", db_url, "--name", "Anna de Vries", "--email", "anna@example.nl"]) == 0
    assert main(["customer", "opt-out", "1", "--db", db_url]) == 0
    capsys.readouterr()
    code = main(["outreach", "check", "1", "--topic", "enquete", "--channel", "email", "--db", db_url])
    assert code != 0
    assert "blocked" in capsys.readouterr().out.lower()


def test_a_user_error_is_one_line_with_exit_code_2(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "contacts", "/nonexistent/contacts.csv", "--db", "/nonexistent/x.db"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_serve_with_a_text_model_that_cannot_be_read_stops_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLANTSTEM_TEXT_MODEL", str(tmp_path / "no-model-here"))
    code = main(["serve", "--db", str(tmp_path / "k.db"), "--port", "1"])
    err = capsys.readouterr().err
    assert code != 0
    assert "KLANTSTEM_TEXT_MODEL" in err and "no trained model" in err and "Traceback" not in err
    assert not (tmp_path / "k.db").exists(), "nothing is started or written"

"""`klantstem demo` on the command line: what it prints, and the exit code when it refuses."""

from __future__ import annotations

import pytest

from klantstem.cli.main import main


def test_demo_prints_what_it_built_and_what_to_run_next(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", db_url, "--scale", "0.03", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert "customers" in out and "process_events" in out and "seed 5" in out
    assert "Next:" in out and "klantstem stats --db" in out

    assert main(["demo", "--db", db_url, "--scale", "0.03"]) == 2
    err = capsys.readouterr().err
    assert "already holds the demo" in err and "--force" in err and "Traceback" not in err

    assert main(["demo", "--db", db_url, "--scale", "0.03", "--seed", "5", "--force"]) == 0


def test_a_bad_anchor_date_is_one_line_and_exit_2(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", db_url, "--until", "31-10-2026"]) == 2
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err and len(err.strip().splitlines()) == 1

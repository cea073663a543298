"""The command line's edge: exit codes and one-line errors."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from klantstem.cli.main import main
from klantstem.db.engine import open_database
from klantstem.settings import Settings


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


USAGE_ERRORS = [
    ["nope"],  # unknown command
    ["customer", "show"],  # missing argument
    ["customer", "show", "1", "--limit", "abc"],  # not a number
    ["customer", "show", "1", "--bogus"],  # unknown option
    ["process", "analyze", "log.csv", "--format", "xml"],  # a choice that does not exist
    ["stats", "--db"],  # an option without its value
    ["customer", "show", "1", "--db"],  # the same in a group's command
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_a_usage_error_is_one_line_with_exit_code_2_as_a_user_meets_it(args: list[str], tmp_path: Path) -> None:
    """Run as a user runs it (the installed script in a process of its own), whatever typer version is installed."""
    script = Path(sys.executable).parent / "klantstem"
    done = subprocess.run([str(script), *args], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    named = [word for word in args[:3] if word.isalpha() and word != "nope"]
    assert f"(see '{' '.join(['klantstem', *named])} --help')" in done.stderr  # the help of the command used
    assert done.stdout == ""
    assert "Value error" not in done.stderr  # typer 0.29 passes on pydantic's wording of a validator's error
    if "xml" in args:
        assert "Invalid value for '--format': 'xml' is not one of " in done.stderr


def _raised_texts(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in the arguments of a `raise` in a module (f-string parts joined)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
                for part in ast.walk(arg):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found.append((node.lineno, part.value))
    return found


def test_core_error_messages_name_no_command_line_flags() -> None:
    """The core serves the web and the API too: its messages say what is wrong, not which CLI option to use
    (a command adds that hint itself, as `klantstem demo` does for --force)."""
    source = Path(__file__).parents[1] / "src" / "klantstem"
    edges = {source / "cli", source / "web"}
    flag = re.compile(r"--[a-z]")
    offenders = [
        f"{path.relative_to(source)}:{line}: {text}"
        for path in sorted(source.rglob("*.py"))
        if not any(edge in path.parents for edge in edges)
        for line, text in _raised_texts(path)
        if flag.search(text)
    ]
    assert offenders == []


# pydantic: typer 0.29 checks every option through it (the reason typer is held below 0.29); the schema module
# builds the whole data model and loads SQLAlchemy's PostgreSQL dialect, and stats counts without it.
HEAVY = ("ibis", "pandas", "sklearn", "alembic", "duckdb", "pyarrow", "klantstem.demo", "klantstem.text", "pydantic",
         "klantstem.db.schema", "sqlalchemy.orm", "sqlalchemy.dialects.postgresql")  # fmt: skip
_RUN = "import sys; from klantstem.cli.main import main; sys.exit(main(sys.argv[1:]))"


def _modules_imported_by(*args: str) -> set[str]:
    """The modules a whole `klantstem ...` process imports, as `python -X importtime` lists them."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", _RUN, *args], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_help_and_stats_import_only_what_they_use(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    open_database(Settings().with_database(db), create=True).dispose()  # applying migrations needs Alembic, once
    for args in (("--help",), ("stats", "--db", db)):
        imported = _modules_imported_by(*args)
        assert "typer" in imported and "klantstem.cli.main" in imported
        heavy = sorted(name for name in imported if any(name == h or name.startswith(f"{h}.") for h in HEAVY))
        assert heavy == [], f"klantstem {' '.join(args)} imports {heavy[:8]}"


def test_each_command_is_listed_with_its_own_help() -> None:
    """`--help` lists the commands from the registry without importing them; the registry says what they say."""
    from klantstem.cli.main import COMMANDS, load_command

    for name, entry in COMMANDS.items():
        command = load_command(name)
        assert command.name == name and " ".join((command.help or "").split()) == entry.help


READING_COMMANDS = [
    ["customer", "show", "1"],
    ["stats"],
    ["report", "--period", "2026-11", "-o", "r.html"],
    ["promises", "overdue"],
    ["process", "analyze"],
    ["problems", "list"],
    ["users", "list"],
    ["worker", "--once"],
    ["serve", "--port", "1"],
]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=[" ".join(a) for a in READING_COMMANDS])
def test_a_command_that_reads_refuses_a_database_that_does_not_exist(args: list[str], tmp_path: Path) -> None:
    """A mistyped --db makes no empty database (which the command would then show as if it were the real one)."""
    script = Path(sys.executable).parent / "klantstem"
    missing = tmp_path / "none.db"
    done = subprocess.run([str(script), *args, "--db", str(missing)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=60)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: there is no database at {missing}") and done.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == [], "nothing is made"

"""`klantstem users add|list` and `klantstem serve`."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from sqlalchemy import Engine

from klantstem.cli.main import main
from klantstem.users import service as users


def _add(db_url: str, monkeypatch: pytest.MonkeyPatch, *args: str, password: str = "a long password\n") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(password))
    return main(["users", "add", *args, "--password-stdin", "--db", db_url])


def test_users_add_reads_the_password_from_stdin(
    db_url: str, engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(db_url, monkeypatch, "Boss@Example.nl", "--name", "Bo Baas", "--role", "admin") == 0
    assert "boss@example.nl (admin)" in capsys.readouterr().out
    assert users.authenticate(engine, "boss@example.nl", "a long password").name == "Bo Baas"


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (("x@example.nl", "--name", "X", "--role", "king"), "a long password\n", "unknown role"),
        (("x@example.nl", "--name", "X"), "short\n", "at least"),
        (("x@example.nl", "--name", "X"), "\n", "no password"),
        (("not-an-address", "--name", "X"), "a long password\n", "not an e-mail"),
    ],
)
def test_users_add_refuses_bad_input_in_one_line(
    db_url: str,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    password: str,
    message: str,
) -> None:
    assert _add(db_url, monkeypatch, *args, password=password) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert users.list_users(engine) == []


def test_users_list_as_json(db_url: str, engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    users.add_user(engine, "a@example.nl", "A", "analyst", "a long password")
    assert main(["users", "list", "--format", "json", "--db", db_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(u["email"], u["role"], u["active"]) for u in listed] == [("a@example.nl", "analyst", True)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_health_on_the_chosen_port(db_url: str, engine: Engine) -> None:
    port = _free_port()
    args = ["serve", "--db", db_url, "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-c", "from klantstem.cli.main import run; run()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body = None
        deadline = time.monotonic() + 60  # a loaded machine can take a while to import and start
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1) as response:
                    body = json.load(response)
                break
            except OSError:
                time.sleep(0.1)
        assert body is not None and body["status"] == "ok"
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err.decode()

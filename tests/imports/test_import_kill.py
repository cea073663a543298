"""An import killed with SIGKILL halfway leaves the database as it was; running it again completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

Counts = Callable[[], dict[str, int]]
ROWS = 30_000

pytestmark = pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="needs Linux /proc to watch progress")


def _contacts_file(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("customer_ref;phone;channel;direction;occurred_at;department;case_ref;text\n")
        for n in range(ROWS):
            handle.write(
                f"K{n % 3000};06{20000000 + n % 3000};telefoon;inkomend;{1 + n % 28:02d}-03-2026 {n % 24:02d}:"
                f"{n % 60:02d};Afdeling {n % 7};Z{n % 9000};Bericht {n} over de levering die te laat was\n"
            )
    return path


def _family(pid: int) -> list[int]:
    """The process and its children (a large file is read by a child process)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        return [pid]
    return [pid, *(int(child) for child in children)]


def _read_position(pid: int, path: Path) -> int | None:
    """How far the process (or a child of it) has read in `path` (Linux /proc); None when none has it open."""
    for member in _family(pid):
        try:
            for fd in os.listdir(f"/proc/{member}/fd"):
                if os.readlink(f"/proc/{member}/fd/{fd}") == str(path):
                    info = Path(f"/proc/{member}/fdinfo/{fd}").read_text()
                    return int(info.split("pos:")[1].split()[0])
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return None


def _gone(pids: list[int], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
    except (FileNotFoundError, IndexError):
        return "zombie"


def _writing(engine: Engine, db_url: str) -> bool:
    """Whether the import's transaction holds the write lock (SQLite) or has written rows (PostgreSQL)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            query = text(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'klantstem-kill-test' "
                "AND backend_xid IS NOT NULL"
            )
            return bool(conn.execute(query).scalar())
    import sqlite3

    probe = sqlite3.connect(db_url, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def _start(path: Path, db: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, KLANTSTEM_IMPORT_BATCH_SIZE="500")
    command = [sys.executable, "-c", "from klantstem.cli.main import run; run()", "import", "contacts", str(path)]
    return subprocess.Popen([*command, "--db", db], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


# A handful of moments, drawn once at random (seeded, so a failure repeats); bench/import_kills.py draws many more.
_DRAW = random.Random(25)
MOMENTS = sorted(round(_DRAW.uniform(0.1, 0.9), 2) for _ in range(3))


@pytest.mark.parametrize("moment", MOMENTS)
def test_killed_halfway_leaves_the_database_as_before(
    cli: Any, examples: Path, tmp_path: Path, engine: Engine, db_url: str, counts: Counts, moment: float
) -> None:
    """Killed when `moment` of the file is read (and the import is writing)."""
    assert cli("contacts", examples / "contacts_example.csv").code == 0
    before = counts()
    path = _contacts_file(tmp_path / "many.csv")
    size = path.stat().st_size
    db = db_url
    if engine.dialect.name == "postgresql":
        db = make_url(db_url).update_query_dict({"application_name": "klantstem-kill-test"}).render_as_string(False)
    child = _start(path, db)
    deadline = time.monotonic() + 120
    try:
        while True:
            assert child.poll() is None, f"the import ended before it could be killed: {child.communicate()}"
            assert time.monotonic() < deadline, "the import did not get that far in time"
            position = _read_position(child.pid, path)
            if position is not None and position > size * moment and _writing(engine, db_url):
                break
            time.sleep(0.01)
        family = _family(child.pid)
        assert len(family) == 2, "a file this size is read by a child process"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
        assert _gone(family[1:], timeout=30), "the reading process ends with the importing one"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    assert counts() == before

    again = cli("contacts", path, "--format", "json")
    assert again.code == 0, again.err
    assert (again.json()["added"], again.json()["duplicates"]) == (ROWS, 0)
    after = counts()
    assert after["contacts"] == before["contacts"] + ROWS
    assert after["customers"] == before["customers"] + 3000
    assert after["import_runs"] == before["import_runs"] + 1

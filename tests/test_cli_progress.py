"""Long work shows progress on stderr when asked (or on a terminal), never with --quiet, and stdout keeps only
the result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from klantstem.cli import progress

EVENTS = Path(__file__).parent / "data" / "events" / "small.csv"
TIME = ("--timestamp", "Start Time")
_CLI = "import sys; from klantstem.cli.main import main; sys.exit(main(sys.argv[1:]))"


def _klantstem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _CLI, *args], capture_output=True, text=True, timeout=300)


def test_process_analyze_shows_its_stages_only_when_asked() -> None:
    asked = _klantstem("process", "analyze", str(EVENTS), *TIME, "--format", "json", "--progress")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["cases"] > 0  # stdout holds the result alone
    lines = asked.stderr.splitlines()
    assert lines[0] == "analysing small.csv ..." and lines[-1].startswith("analysing small.csv: done in ")
    for quiet in (("--quiet",), ()):  # --quiet, and by default when stderr is not a terminal
        done = _klantstem("process", "analyze", str(EVENTS), *TIME, "--format", "json", *quiet)
        assert done.returncode == 0 and done.stderr == ""


def test_an_event_import_counts_the_bytes_it_read(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    asked = _klantstem("import", "events", str(EVENTS), *TIME, "--db", db, "--format", "json", "--progress")
    assert asked.returncode == 0, asked.stderr
    assert asked.stderr.startswith("reading small.csv: ") and asked.stderr.rstrip().endswith("bytes")
    assert json.loads(asked.stdout)["added"] > 0
    again = _klantstem("import", "events", str(EVENTS), *TIME, "--db", db, "--format", "json", "--quiet")
    assert again.returncode == 0 and again.stderr == "" and json.loads(again.stdout)["added"] == 0


def test_progress_is_shown_by_choice_or_on_a_terminal() -> None:
    assert progress.shown(True) and not progress.shown(False)
    assert progress.shown(None) == progress.err_console.is_terminal
    with progress.counter("importing", False) as advance, progress.stages("analysing", False) as stage:
        assert advance is None
        stage("nothing is shown")


def test_stages_named_from_several_threads_stay_one_line_each(capsys: object) -> None:
    """The report names its stages from the threads that compute them: plain lines must not run together."""
    import re
    import sys
    import threading

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can: what a loaded machine does at times
    with progress.stages("analysing log.csv", True) as stage:
        threads = [
            threading.Thread(target=lambda n=n: [stage(f"stage {n}") for _ in range(2000)]) for n in range(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    sys.setswitchinterval(interval)
    lines = capsys.readouterr().err.splitlines()  # type: ignore[attr-defined]
    one = re.compile(r"analysing log\.csv(?: \.\.\.|: stage \d \(\d+\.\d s\)|: done in \d+\.\d s)")
    assert len(lines) == 6 * 2000 + 2
    assert [line for line in lines if not one.fullmatch(line)] == []

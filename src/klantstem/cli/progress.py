"""Progress of long work on stderr, for every command that has some (imports, `process analyze`).

Shown when stderr is a terminal, unless the result is JSON going into a pipe or a file; `--progress` asks for it
anyway (plain lines when stderr is no terminal, at most one every few seconds) and `--quiet` never shows it.
Standard output only ever holds the result.

    with progress.counter("importing", choice, unit="rows") as advance:   # advance(done, total or None)
    with progress.stages("analysing BPI.xes", choice) as stage:           # stage("computing lead times")
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Literal

import typer

from klantstem.cli.common import err_console

ProgressOption = Annotated[
    bool | None,
    typer.Option(
        "--progress/--quiet",
        help="Show progress on stderr (default: when stderr is a terminal and the result is not piped JSON); "
        "--quiet shows none.",
        show_default=False,
    ),
]
Advance = Callable[[int, "int | None"], None]  # (done, total or None when unknown)
Stage = Callable[[str], None]
PLAIN_EVERY_S = 5.0


def shown(choice: bool | None, json_result: bool = False) -> bool:
    """Whether to show progress: the user's choice, else a terminal on stderr (and no JSON into a pipe)."""
    if choice is not None:
        return choice
    return err_console.is_terminal and not (json_result and not sys.stdout.isatty())


_WRITING = threading.Lock()  # stages are named from the threads that compute them


def _plain(line: str) -> None:
    """One whole line on stderr, never run together with another thread's."""
    with _WRITING:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


@contextmanager
def counter(
    label: str, choice: bool | None, *, unit: Literal["rows", "bytes"] = "rows", json_result: bool = False,
    from_total: int = 0,
) -> Iterator[Advance | None]:  # fmt: skip
    """A bar for work that counts (rows, bytes); None when progress is not shown. Totals below `from_total`
    show nothing (a small file is done before a bar would help)."""
    if not shown(choice, json_result):
        yield None
        return
    if not err_console.is_terminal:
        last = [0.0]

        def plain(done: int, total: int | None) -> None:
            now = time.monotonic()
            if (total or 0) >= from_total and now - last[0] >= PLAIN_EVERY_S:
                last[0] = now
                of = f" of {total:,}" if total else ""
                _plain(f"{label}: {done:,}{of} {unit}")

        yield plain
        return
    from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    amount = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    columns = (TextColumn(label), BarColumn(), amount, TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(label, total=None, visible=False)

        def update(done: int, total: int | None) -> None:
            if total is None or total >= from_total:
                bar.update(task, completed=done, total=total, visible=True)

        yield update


@contextmanager
def stages(label: str, choice: bool | None, *, json_result: bool = False) -> Iterator[Stage]:
    """A spinner with the elapsed time for work in steps without a count; `stage(text)` names the current step.
    Without progress shown, `stage` does nothing."""
    if not shown(choice, json_result):
        yield lambda _text: None
        return
    started = time.monotonic()
    if not err_console.is_terminal:
        _plain(f"{label} ...")

        def plain(text: str) -> None:
            _plain(f"{label}: {text} ({time.monotonic() - started:.1f} s)")

        yield plain
        _plain(f"{label}: done in {time.monotonic() - started:.1f} s")
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as spinner:
        task = spinner.add_task(label)

        def named(text: str) -> None:
            spinner.update(task, description=f"{label}: {text}")

        yield named

"""`klantstem worker`: the scheduled analyses (promise scan, story analysis, ...) without the web server."""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from klantstem.cli.common import DbOption, open_for, settings_for
from klantstem.clock import SystemClock
from klantstem.insights import service as insights
from klantstem.jobs import service as jobs

OnceOption = Annotated[bool, typer.Option("--once", help="Run the jobs that are due now, then stop (for a cron line).")]


def worker(db: DbOption = None, once: OnceOption = False) -> None:
    """Run the scheduled analyses: each job when its interval has passed, once across every process on the
    database (so a worker next to `klantstem serve` does no work twice). Ctrl+C stops it."""
    settings = settings_for(db)
    insights.use_text_model(settings.text_model)
    ctx = jobs.JobContext(open_for(settings), settings, SystemClock())
    if once:
        for outcome in jobs.run_due(ctx):
            typer.echo(f"{outcome.name}: {outcome.result} ({outcome.seconds:.1f} s)")
        return
    typer.echo("klantstem worker: " + ", ".join(f"{j.name} every {j.every}" for j in jobs.JOBS) + " (Ctrl+C stops)")
    stop = threading.Event()
    try:
        jobs.run_forever(ctx, stop)
    except KeyboardInterrupt:
        stop.set()

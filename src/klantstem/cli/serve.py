"""`klantstem serve`: the web application on this machine."""

from __future__ import annotations

import os
from typing import Annotated

import typer
import uvicorn

from klantstem.cli.common import DbOption, err_console, open_for, settings_for
from klantstem.insights import service as insights
from klantstem.settings import ENV_PREFIX, Settings
from klantstem.users import service as users

# The CLI and the web app are independent edges: uvicorn builds the app from this import string, and the
# settings reach it through the same KLANTSTEM_* environment variables every process reads.
APP_FACTORY = "klantstem.web.app:app_from_env"
# With --workers, uvicorn kills a worker that does not answer its health check within this many seconds. Its
# default (5 s) killed busy but healthy workers on a loaded 2-core machine (their requests failed with "Server
# disconnected"); a worker that is really stuck is still replaced.
WORKER_HEALTHCHECK_S = 30

HostOption = Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, max=64, help="Server processes; one per CPU core serves the most people.")
]


def serve(
    db: DbOption = None, host: HostOption = "127.0.0.1", port: PortOption = 8000, workers: WorkersOption = 1
) -> None:
    """Start the web application (Dutch and English) on the database."""
    run_server(settings_for(db), host, port, workers)


def run_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Migrate the database, say where to go, and serve until Ctrl+C. Also used by `klantstem demo --serve`."""
    insights.use_text_model(settings.text_model)  # a model that cannot be read stops here, with one clear line
    engine = open_for(settings)
    has_users = bool(users.list_users(engine))
    engine.dispose()
    os.environ[ENV_PREFIX + "DATABASE_URL"] = settings.resolved_database_url
    err_console.print(f"klantstem is at http://{host}:{port}/  (Ctrl+C stops it)")
    if not has_users:
        err_console.print("No users yet: add the first admin with `klantstem users add EMAIL --name N --role admin`.")
    if workers > 1:
        insights.use_text_model("")  # checked; each worker process loads its own copy, this one needs none
    uvicorn.run(
        APP_FACTORY, factory=True, host=host, port=port, workers=workers, log_level="warning", access_log=False,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
    )  # fmt: skip

"""`klantstem import events FILE`: process events from XES or CSV (being written)."""

from __future__ import annotations

from pathlib import Path

from klantstem.cli.common import DbOption
from klantstem.errors import KlantstemError


def events(file: Path, db: DbOption = None) -> None:
    """Import process events from XES (.xes, .xes.gz) or CSV, streaming."""
    raise KlantstemError("the event import is not built yet")

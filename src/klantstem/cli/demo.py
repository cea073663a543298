"""`klantstem demo`: build the seeded Dutch demo organisation."""

from __future__ import annotations

from klantstem.cli.common import DbOption
from klantstem.errors import KlantstemError


def demo(db: DbOption = None) -> None:
    """Build the demo organisation (being written)."""
    raise KlantstemError("the demo generator is not built yet")

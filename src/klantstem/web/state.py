"""What every request handler needs: the database, the settings, the clock and the templates."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.settings import Settings
from klantstem.web.cache import TtlCache
from klantstem.web.parts import KeptParts
from klantstem.web.rendering import Renderer


@dataclass(frozen=True)
class AppState:
    settings: Settings
    engine: Engine
    clock: Clock
    renderer: Renderer
    link_secret: str  # signs personal interview links
    figures: TtlCache = field(default_factory=lambda: TtlCache(300))  # the dashboard's figures
    analyses: TtlCache = field(default_factory=lambda: TtlCache(600))  # process analysis and themes
    parts: KeptParts = field(default_factory=KeptParts)  # rendered parts of pages, kept with their sources

    def changed(self) -> None:
        """Something was written that the figures show: they are computed again (at once when that is quick)."""
        self.figures.invalidate()


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.klantstem
    return state

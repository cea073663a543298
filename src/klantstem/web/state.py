"""What every request handler needs: the database, the settings, the clock and the templates."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.settings import Settings
from klantstem.web.cache import FIGURES_WAIT_S, TtlCache, figure_executor
from klantstem.web.parts import KeptParts
from klantstem.web.rendering import Renderer


@dataclass(frozen=True)
class AppState:
    settings: Settings
    engine: Engine
    clock: Clock
    renderer: Renderer
    link_secret: str  # signs personal interview links
    executor: ThreadPoolExecutor = field(default_factory=figure_executor)  # computes the figures, one at a time
    figures_wait_s: float = FIGURES_WAIT_S  # how long a request waits for figures being computed (cache.py)
    figures: TtlCache = field(init=False)  # the dashboard's figures
    analyses: TtlCache = field(init=False)  # process analysis and themes
    parts: KeptParts = field(default_factory=KeptParts)  # rendered parts of pages, kept with their sources

    def __post_init__(self) -> None:
        object.__setattr__(self, "figures", TtlCache(300, sync_s=self.figures_wait_s, executor=self.executor))
        object.__setattr__(self, "analyses", TtlCache(600, sync_s=self.figures_wait_s, executor=self.executor))

    def changed(self) -> None:
        """Something was written that the figures show: they are computed again (at once when that is quick)."""
        self.figures.invalidate()


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.klantstem
    return state

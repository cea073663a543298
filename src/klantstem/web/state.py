"""What every request handler needs: the database, the settings, the clock and the templates."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.settings import Settings
from klantstem.web.rendering import Renderer


@dataclass(frozen=True)
class AppState:
    settings: Settings
    engine: Engine
    clock: Clock
    renderer: Renderer
    link_secret: str  # signs personal interview links


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.klantstem
    return state

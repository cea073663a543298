"""A small demo organisation to report on, and a clock standing after its year."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.demo.service import DemoSize, build_demo

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
SMALL = DemoSize(customers=300, contacts=1500, stories=400, events=8000)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def demo(engine: Engine) -> Engine:
    build_demo(engine, seed=3, size=SMALL)
    return engine

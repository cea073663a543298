"""The dashboard's figures for one department: the steps it handled or the cases it owns (this raised a SQL error
before: the department's step condition was correlated away inside queries that read the steps themselves)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.demo.service import DemoSize, build_demo
from klantstem.insights import service as insights


def test_dashboard_and_step_judgements_of_one_department(engine: Engine) -> None:
    build_demo(engine, seed=5, size=DemoSize(customers=80, contacts=300, stories=120, events=1500))
    clock = FixedClock(datetime(2026, 12, 1, tzinfo=UTC))
    everyone = insights.dashboard(engine, clock, insights.Filters())
    one = insights.dashboard(engine, clock, insights.Filters(department_id=1))
    assert 0 < one.totals["steps"] < everyone.totals["steps"]
    judged = insights.step_judgements(engine, insights.Filters(department_id=1))
    assert judged and sum(sum(v.values()) for v in judged.values()) == one.totals["steps"]

"""The full default demo in the database: the sizes the issue asks for."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from klantstem.db import schema
from klantstem.demo.service import build_demo


def test_the_default_demo_has_the_promised_sizes(engine: Engine) -> None:
    report = build_demo(engine)
    with engine.connect() as conn:
        counts = {
            name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in schema.metadata.tables.items()
        }
        broken = conn.execute(
            select(func.count()).select_from(schema.promises).where(schema.promises.c.status == "broken")
        ).scalar_one()
        channels = conn.execute(select(func.count(func.distinct(schema.contacts.c.channel)))).scalar_one()
    assert {name: counts[name] for name in report.counts} == report.counts
    assert counts["customers"] == 2000
    assert 9_000 <= counts["contacts"] <= 11_500
    assert counts["stories"] == 1500
    assert 49_000 <= counts["process_events"] <= 52_000
    assert 2_000 <= counts["cases"] <= 4_000
    assert counts["staff"] > 100 and counts["third_parties"] >= 3 and counts["delegates"] > 50
    assert counts["promises"] > 800 and broken > 200
    assert channels == 8
    assert counts["import_runs"] == 1

"""The structural-problems section: read from the structural-problems domain (never detected here), ordered by
impact, with owner, status, age and the share of reporters told."""

from __future__ import annotations

from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.problems import service as problems
from klantstem.reports import service as reports
from klantstem.settings import Settings


def test_problems_by_impact_with_owner_status_and_reporters_told(
    demo: Engine, settings: Settings, clock: FixedClock
) -> None:
    problems.detect(demo, clock, settings)
    listed = {p.id: p for p in problems.list_problems(demo, clock, settings)}
    section = reports.management_report(demo, settings, clock, "2026", lang="en")["problems"]
    assert section is not None and section["count"] <= len(listed)
    items = section["items"]
    for kind in ("structural", "incident"):
        impacts = [i["impact"] for i in items if i["kind"] == kind]
        assert impacts == sorted(impacts, reverse=True)
    for item in items:
        row = listed[item["id"]]
        assert (item["owner"], item["status"], item["customers"]) == (row.owner, row.status, row.customers)
        assert item["told_share"] == (row.reporters_told / row.reporters if row.reporters else None)
        assert item["impact"] >= item["customers"]  # at least a day, at least as often as usual

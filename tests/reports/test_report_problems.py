"""The structural-problems section: read from the structural-problems domain (never detected here), ordered by
impact, with owner, status, age and the share of reporters told; and a plain note while that domain is absent."""

from __future__ import annotations

import importlib.util

import pytest
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.reports import service as reports
from klantstem.settings import Settings

HAS_PROBLEMS = importlib.util.find_spec("klantstem.problems.service") is not None


@pytest.mark.skipif(HAS_PROBLEMS, reason="the structural-problems domain is installed")
def test_without_the_problems_domain_the_section_says_so(demo: Engine, settings: Settings, clock: FixedClock) -> None:
    found = reports.management_report(demo, settings, clock, "2026-10", lang="en")
    assert found["problems"] is None
    page = reports.render_report(demo, found, "html").decode()
    assert "Structural problems are not available in this version yet." in page


@pytest.mark.skipif(not HAS_PROBLEMS, reason="the structural-problems domain is not installed")
def test_problems_by_impact_with_owner_status_and_reporters_told(
    demo: Engine, settings: Settings, clock: FixedClock
) -> None:
    problems = importlib.import_module("klantstem.problems.service")
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

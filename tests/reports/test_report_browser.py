"""The HTML report in a real browser (Playwright driving Debian's Chromium) with the network cut off: it is one
file that asks for nothing, runs no failing script, and its chart labels neither overlap nor leave the chart."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.reports import service as reports
from klantstem.settings import Settings

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]  # fmt: skip

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if shutil.which(CHROMIUM) is None:
    pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

# Pairs of chart labels whose boxes intersect, and labels that stick out of their chart.
LABEL_PROBLEMS = """() => {
  const found = [];
  for (const svg of document.querySelectorAll('svg')) {
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    for (const [text, b] of boxes) {
      if (b.left < frame.left - 1 || b.right > frame.right + 1) found.push('outside: ' + text);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i][1], boxes[j][1]];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
        found.push('overlap: ' + boxes[i][0] + ' / ' + boxes[j][0]);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_report_works_offline_without_errors(
    demo: Engine, settings: Settings, clock: FixedClock, tmp_path: Path, lang: str
) -> None:
    found = reports.management_report(demo, settings, clock, "2026-10", lang=lang)
    page_file = tmp_path / "report.html"
    page_file.write_bytes(reports.render_report(demo, found, "html"))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 900}, offline=True)
        asked: list[str] = []
        failed: list[str] = []
        errors: list[str] = []

        def only_the_file(route: Any) -> None:
            asked.append(route.request.url)
            if route.request.url == page_file.as_uri():
                route.continue_()
            else:
                route.abort()

        context.route("**/*", only_the_file)
        page = context.new_page()
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        charts = page.locator("svg").count()
        problems = page.evaluate(LABEL_PROBLEMS)
        heading = page.locator("h1").inner_text()
        browser.close()
    assert asked == [page_file.as_uri()] and failed == [] and errors == []
    assert charts >= 3
    assert problems == []
    assert heading == ("Managementrapportage klantstem" if lang == "nl" else "klantstem management report")

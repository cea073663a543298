"""Every page of the demo organisation in a real browser (Playwright driving Debian's Chromium) at a phone's
width (390 px) and a laptop's (1366 px), in Dutch: the page never scrolls sideways, no two pieces of text print
over each other (page text and the charts' labels), and no English sentence or decimal point shows on a Dutch page."""

from __future__ import annotations

import io
import re
import shutil
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import Engine, select
from test_browser import CHROMIUM, LAUNCH_ARGS

from klantstem.clock import SystemClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.demo.service import DemoSize, build_demo
from klantstem.insights import service as insights
from klantstem.problems import service as problems
from klantstem.settings import Settings
from klantstem.stories import service as stories
from klantstem.users import service as users
from klantstem.web import links

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if shutil.which(CHROMIUM) is None:
    pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

PAGES = ["/dashboard", "/dashboard?period=all", "/customers", "/customers/{customer}", "/customers/{customer}?all=1",
         "/interviews", "/promises", "/process", "/themes", "/themes?q=wachten", "/corrections", "/duplicates",
         "/users", "/account", "/problems", "/problems/{problem}", "/problems/owners", "/report",
         "/interviews/{story}"]  # fmt: skip
# Not here: the report itself (/report/view), an A4 document with its own browser test (tests/reports)
PUBLIC_PAGES = ["/signin", "/i/{link}"]  # without signing in: the sign-in page, a customer's personal link
WIDTHS = (390, 1366)
# Chart labels that reach outside their chart are cut off (the process map's step names were).
_CUT_OFF = """() => {
  const out = [];
  document.querySelectorAll('svg.main-svg text').forEach(t => {
    const svg = t.closest('svg.main-svg'), r = t.getBoundingClientRect(), box = svg.getBoundingClientRect();
    if (!t.textContent.trim() || r.width < 1) return;
    if (r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2)
      out.push(t.textContent.trim().slice(0, 40));
  });
  return out.slice(0, 10);
}"""

# Text nodes and chart labels whose boxes cross another's by more than a few pixels both ways; text in a scroll
# box that is scrolled out of sight does not count.
_OVERLAPS = """(charts) => {
  // Each box is a polygon (four corners on the screen): chart labels may be turned, so their corners come from
  // their own box and transformation; two boxes overlap when no side of either separates them (by 3 px).
  const boxes = [];
  const corners = r => [[r.left, r.top], [r.right, r.top], [r.right, r.bottom], [r.left, r.bottom]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || node.parentElement.closest('script,style,option,svg')) continue;
    const range = document.createRange(); range.selectNodeContents(node);
    const label = node.textContent.trim().slice(0, 40);
    for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) boxes.push([corners(r), n, label]);
    n++;
  }
  if (charts) document.querySelectorAll('svg text').forEach(t => {
    const style = getComputedStyle(t);
    if (!t.textContent.trim() || style.visibility === 'hidden' || style.display === 'none') return;
    const b = t.getBBox(), m = t.getScreenCTM();
    if (!m || b.width < 1 || b.height < 1) return;
    const p = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    const quad = [p(b.x, b.y), p(b.x + b.width, b.y), p(b.x + b.width, b.y + b.height), p(b.x, b.y + b.height)];
    boxes.push([quad, n++, t.textContent.trim().slice(0, 40)]);
  });
  const separated = (a, b) => {
    for (const poly of [a, b]) for (let i = 0; i < 4; i++) {
      const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % 4];
      const len = Math.hypot(y2 - y1, x1 - x2) || 1, nx = (y2 - y1) / len, ny = (x1 - x2) / len;
      const pa = a.map(([x, y]) => x * nx + y * ny), pb = b.map(([x, y]) => x * nx + y * ny);
      if (Math.min(...pa) > Math.max(...pb) - 3 || Math.min(...pb) > Math.max(...pa) - 3) return true;
    }
    return false;
  };
  const found = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ai, at] = boxes[i], [b, bi, bt] = boxes[j];
    if (ai !== bi && !separated(a, b)) found.push(at + ' | ' + bt);
  }
  return found.slice(0, 10);
}"""

# Words of the interface split over two lines ("Custome|r", "broke|n"): a table column narrower than its words.
# Long strings (addresses, links) may break.
_BROKEN_WORDS = r"""() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode() && out.length < 10) {
    const node = walker.currentNode, text = node.textContent;
    if (node.parentElement.closest('script,style,option,svg,code')) continue;
    const word = /[^\s]+/g;
    let m;
    while ((m = word.exec(text)) !== null) {
      if (m[0].length > 20 || m[0].length < 2 || m[0].includes('-')) continue;  // a hyphen may end a line
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) { out.push(m[0]); break; }
    }
  }
  return out;
}"""

# A Dutch page may hold English only where a customer or an import wrote it (quotes, stories, names). Sentences of
# the interface are recognised by their common English words.
ENGLISH = re.compile(r"\b(the|already|only|cannot|please|and|with|from|were|has|have|been|which|this|that|into|"
                     r"your|you|for|case|customer|merged|undone|asked|about|promise|may|by|not)\s+\w+",
                     re.IGNORECASE)  # fmt: skip
# Dutch writes a decimal comma ("71,4%", "0,2 uur"); a point between digits is only a thousands separator (1.234).
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")
_INTERFACE_TEXT = """() => {
  const skip = 'script,style,blockquote,.text,.data,code,svg,option';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest(skip)) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out;
}"""


@pytest.fixture
def demo(engine: Engine, settings: Settings) -> dict[str, Any]:
    build_demo(engine, size=DemoSize().scaled(0.05), until=date(2026, 11, 30))
    insights.analyse_stories(engine, SystemClock())
    users.add_demo_accounts(engine)
    # A customer whose timeline has every kind of line: process events, outreach, a delegate and a merge undone.
    with engine.connect() as conn:
        c = schema.cases
        customer = conn.execute(
            select(c.c.customer_id).join(schema.outreach, schema.outreach.c.customer_id == c.c.customer_id).limit(1)
        ).scalar_one()
    clock = SystemClock()
    other = customers.add_customer(engine, clock, name="Tweede Record").id
    customers.merge(engine, clock, other, customer)
    customers.unmerge(engine, clock, other)
    customers.merge(engine, clock, other, customer)
    customers.authorise_delegate(engine, clock, customer, "Ruud Visser", relation="partner")
    problem = problems.detect(engine, clock, settings).problems[0].id
    with engine.connect() as conn:
        story = conn.execute(select(schema.stories.c.id).order_by(schema.stories.c.id).limit(1)).scalar_one()
    invited = customers.add_customer(engine, clock, name="Nieuwe Klant", email="nieuw@example.nl").id
    link, _ = stories.invite(engine, clock, invited, None, "de levering", timezone=settings.timezone)
    assert link is not None
    return {"customer": customer, "problem": problem, "story": story, "link": link.id}


@pytest.fixture
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    deadline = time.monotonic() + 120
    while page.locator("#computing").count() and time.monotonic() < deadline:
        time.sleep(1)
        page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # charts draw after load


def test_no_sideways_scroll_and_no_text_over_text(
    server: tuple[str, Any], browser: Any, demo: dict[str, Any], settings: Settings
) -> None:
    base, app = server
    problems: list[str] = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
        page = context.new_page()
        token = links.token_for(app.state.klantstem.link_secret, demo["link"])
        for n, path in enumerate(PUBLIC_PAGES + PAGES):
            if n == len(PUBLIC_PAGES):  # the rest as the admin, who sees every page
                page.goto(base + "/signin")
                page.get_by_label("E-mailadres").fill(f"admin@{users.DEMO_DOMAIN}")
                page.get_by_label("Wachtwoord").fill(users.DEMO_PASSWORD)
                page.get_by_role("button", name="Aanmelden").click()
            _open(page, base + path.format(**{**demo, "link": token}))
            wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if wide > 1:
                problems.append(f"{width}px {path}: scrolls sideways by {wide}px")
            header = page.evaluate("() => document.querySelector('header.top')?.getBoundingClientRect().height ?? 0")
            if header > 110:
                problems.append(f"{width}px {path}: the header is {header:.0f}px high")
            for pair in page.evaluate(_OVERLAPS, True):
                problems.append(f"{width}px {path}: text over text: {pair}")
            for word in page.evaluate(_BROKEN_WORDS):
                problems.append(f"{width}px {path}: a word split over two lines: {word!r}")
            for label in page.evaluate(_CUT_OFF):
                problems.append(f"{width}px {path}: a chart label is cut off: {label!r}")
            if width == WIDTHS[0]:
                for text in page.evaluate(_INTERFACE_TEXT):
                    if ENGLISH.search(text):
                        problems.append(f"{path}: English on a Dutch page: {text[:80]!r}")
                    if DECIMAL_POINT.search(text):
                        problems.append(f"{path}: a decimal point on a Dutch page: {text[:80]!r}")
        context.close()
    assert problems == [], "\n".join(problems)


def _edge_whiteness(page: Any, side: str) -> int:
    """The lightest pixel in the menu's outermost two pixel columns on `side`: 255 where nothing says there is more
    that way; a shadow at that edge tints every pixel of the column, between and around the letters too."""
    box = page.locator("header.top nav").bounding_box()
    x = box["x"] if side == "left" else box["x"] + box["width"] - 2
    shot = page.screenshot(clip={"x": x, "y": box["y"], "width": 2, "height": box["height"]})
    image = Image.open(io.BytesIO(shot)).convert("L")
    return int(image.getextrema()[1])


def test_the_phone_menu_shows_there_is_more_to_either_side(
    server: tuple[str, Any], browser: Any, engine: Engine
) -> None:
    base, _app = server
    users.add_demo_accounts(engine)
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(base + "/signin")
    page.get_by_label("E-mailadres").fill(f"admin@{users.DEMO_DOMAIN}")
    page.get_by_label("Wachtwoord").fill(users.DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(base + "/account")
    nav = page.locator("header.top nav")
    hidden = nav.evaluate("n => n.scrollWidth - n.clientWidth")
    assert hidden > 40, "the admin's menu fits a phone: nothing to hint at"
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    assert _edge_whiteness(page, "right") < 235, "more to the right, but the menu's right edge does not say so"
    assert _edge_whiteness(page, "left") == 255  # at the start: nothing to the left
    nav.evaluate("n => { n.scrollLeft = n.scrollWidth; }")
    page.wait_for_timeout(100)
    assert _edge_whiteness(page, "left") < 235, "more to the left, but the menu's left edge does not say so"
    assert _edge_whiteness(page, "right") == 255  # at the end: nothing more
    assert page.get_by_role("link", name="Gebruikers").is_visible()
    context.close()

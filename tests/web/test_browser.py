"""In a real browser (Playwright driving Debian's Chromium, no internet): sign in, record a story through the
interview, confirm the summary, find it on the customer's timeline and on the dashboard, mark a promise kept.
A screenshot of every page is kept in artifacts/screenshots/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from sqlalchemy import Engine

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import SystemClock
from klantstem.customers import service as customers
from klantstem.promises import service as promises
from klantstem.settings import Settings
from klantstem.stories import service as stories
from klantstem.users import service as users
from klantstem.web import links

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]  # fmt: skip
PASSWORD = "a long password"

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if shutil.which(CHROMIUM) is None:
    pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)", allow_module_level=True)


@pytest.fixture
def browser_page(server: tuple[str, Any]) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        outside: list[str] = []

        def only_here(route: Any) -> None:  # the app must work with no internet: nothing may leave loopback
            if urlparse(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_here)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield page
        assert outside == [], f"requests left the machine: {outside}"
        assert errors == [], f"browser errors: {errors}"
        browser.close()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _seed(engine: Engine, settings: Settings, tmp: Path) -> dict[str, Any]:
    from klantstem.events import service as events

    clock = SystemClock()
    users.add_user(engine, "manager@example.nl", "Mira Manager", "manager", PASSWORD)
    users.add_user(engine, "admin@example.nl", "Ad Admin", "admin", PASSWORD)
    customer = customers.add_customer(engine, clock, name="Sanne Visser", email="sanne@example.nl")
    customers.authorise_delegate(engine, clock, customer.id, name="Ruud Visser", relation="partner", scope="all")
    promise = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer.id, kind="callback",
        description="De dealer belt u terug over de proefrit", due="binnen 2 werkdagen", third_party="Autohuis Noord",
    )  # fmt: skip
    for n, text in enumerate(["De brief over de aanslag was onbegrijpelijk", "Ik moest mijn verhaal opnieuw doen"]):
        other = customers.add_customer(engine, clock, name=f"Klant {n}", email=f"k{n}@example.nl")
        story = stories.start_interview(engine, clock, customer_id=other.id, staff_id=None).story_id
        stories.add_step(engine, clock, story, description=text, appraisal="bad")
        stories.finish(engine, story)
        stories.confirm(engine, clock, story)
    lines = ["case,activity,timestamp,team"] + [
        f"C{c},{a},2026-06-{c + 2:02d}T{h + 9:02d}:00:00Z,{team}"
        for c in range(4)
        for h, (a, team) in enumerate(
            [
                ("Melding", "Klantenservice"),
                ("Beoordeling", "Backoffice"),
                ("Vraag aan klant", "Klantenservice"),
                ("Besluit", "Backoffice"),
            ]
        )  # fmt: skip
    ]
    (tmp / "log.csv").write_text("\n".join(lines) + "\n")
    events.import_events(engine, tmp / "log.csv", settings=settings)
    link = stories.create_link(engine, clock, customer.id, None, "de proefrit")
    return {"customer": customer.id, "promise": promise.id, "link": link.id}


def test_sign_in_interview_timeline_dashboard_promise(
    server: tuple[str, Any], browser_page: Any, engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    base, app = server
    seeded = _seed(engine, settings, tmp_path)
    page = browser_page
    page.goto(base + "/")
    _shot(page, "01-sign-in")
    page.get_by_label("E-mailadres").fill("manager@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(base + "/dashboard")

    page.goto(f"{base}/customers/{seeded['customer']}")
    assert page.locator("#delegates").get_by_text("Ruud Visser").is_visible()
    _shot(page, "02-customer-before")
    page.get_by_role("button", name="Interview beginnen").click()
    page.wait_for_url(f"{base}/interviews/*")
    _shot(page, "03-interview-start")
    page.get_by_label("Wat gebeurde er?").fill("De verkoper beloofde dat de dealer binnen een dag zou terugbellen")
    page.get_by_label("normaal").check()
    page.get_by_role("button", name="Stap opslaan").click()
    page.get_by_label("Wat gebeurde er?").fill("Na een week wachten nog steeds niets gehoord")
    page.get_by_label("slecht").check()
    page.get_by_label("Wat vond u ervan? (in uw eigen woorden)").fill("Ik voel me niet serieus genomen")
    page.get_by_role("button", name="Stap opslaan").click()
    question = page.get_by_label("Hoe lang moest u wachten, en wat was u daarover beloofd?")
    assert question.is_visible()
    question.fill("Een week; beloofd was een dag")
    _shot(page, "04-interview-follow-up")
    page.get_by_role("button", name="Dit waren alle stappen").click()
    summary = page.locator("#summary-text")
    assert "Na een week wachten nog steeds niets gehoord" in summary.inner_text()
    assert "Een week; beloofd was een dag" in summary.inner_text()
    # the answer is read back with the question it answers
    assert "Hoe lang moest u wachten, en wat was u daarover beloofd? — Een week; beloofd" in summary.inner_text()
    _shot(page, "05-interview-read-back")
    page.get_by_role("button", name="Ja, dit klopt").click()
    assert page.get_by_role("heading", name="Dank u wel").is_visible()
    _shot(page, "06-interview-confirmed")

    page.get_by_role("link", name="Naar de klant").click()
    timeline = page.locator("#timeline")
    assert "Na een week wachten nog steeds niets gehoord" in timeline.inner_text()
    _shot(page, "07-customer-timeline")

    page.goto(base + "/dashboard")
    page.wait_for_selector("#chart-appraisal[data-drawn=yes]")
    assert "Na een week wachten nog steeds niets gehoord" in page.locator("#worst-steps").inner_text()
    assert page.locator("#chart-appraisal .main-svg").count() > 0, "Plotly drew the chart from the local copy"
    _shot(page, "08-dashboard")

    page.goto(base + "/promises")
    row = page.locator(f"#promise-{seeded['promise']}")
    assert "Autohuis Noord" in row.inner_text()
    row.get_by_role("button", name="nagekomen").click()
    page.wait_for_load_state()
    assert promises.get_promise(engine, seeded["promise"]).status == "kept"
    assert "De dealer belt u terug over de proefrit" in page.locator("#done").inner_text()
    assert "Autohuis Noord" not in page.locator("#due-soon").inner_text()
    _shot(page, "09-promises")

    for path, name in (("/interviews", "10-interviews"), ("/process", "11-process"), ("/themes?q=brief", "12-themes"),
                       ("/customers", "13-find-customer"), ("/account", "14-account")):  # fmt: skip
        page.goto(base + path)
        _shot(page, name)
    page.goto(base + "/process")
    page.wait_for_selector("#chart-map[data-drawn=yes]")

    page.get_by_role("button", name="Afmelden").click()
    page.get_by_label("E-mailadres").fill("admin@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    for path, name in (("/corrections", "15-corrections"), ("/users", "16-users")):
        page.goto(base + path)
        _shot(page, name)
    page.get_by_role("link", name="EN", exact=True).click()
    assert page.get_by_role("heading", name="Users").is_visible()
    page.goto(base + "/dashboard")
    _shot(page, "17-dashboard-english")

    secret = app.state.klantstem.link_secret
    page.context.clear_cookies()
    page.goto(base + "/i/" + links.token_for(secret, seeded["link"]))
    _shot(page, "18-public-interview")
    assert page.get_by_label("Wat gebeurde er?").is_visible()

"""The pages at work: the public interview link, the dashboard, the promises board, the process page, themes
and search, and corrections."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.settings import Settings
from klantstem.stories import service as stories
from klantstem.web import links


def _link(client: TestClient, engine: Engine, clock: FixedClock) -> tuple[str, int]:
    customer = customers.add_customer(engine, clock, name="Fatima", email="fatima@example.nl")
    link = stories.create_link(engine, clock, customer.id, None, "de SIM-kaart")
    secret = client.app.state.klantstem.link_secret  # type: ignore[attr-defined]
    return "/i/" + links.token_for(secret, link.id), customer.id


def test_a_customer_tells_the_story_through_a_personal_link(
    client: TestClient, web: Any, engine: Engine, clock: FixedClock
) -> None:
    url, customer_id = _link(client, engine, clock)
    page = client.get(url)
    assert page.status_code == 200 and "Uw verhaal, stap voor stap" in page.text and "<nav" not in page.text
    csrf = web.csrf_of(page.text)
    step = {"csrf": csrf, "action": "step", "description": "Ik wachtte 10 dagen op mijn SIM-kaart",
            "appraisal": "bad", "opinion": "Veel te lang"}  # fmt: skip
    shown = client.post(url + "/continue", data=step)
    assert "Hoe lang moest u wachten" in shown.text
    answer = re.search(r'name="(answer-\d+)"', shown.text)
    assert answer
    summary = client.post(url + "/continue", data={"csrf": csrf, "action": "finish", answer.group(1): "Tien dagen"})
    assert "Klopt dit?" in summary.text and "Tien dagen" in summary.text
    corrected = "Ik wachtte tien dagen op mijn SIM-kaart; beloofd was twee."
    done = client.post(url + "/confirm", data={"csrf": csrf, "action": "correct", "summary": corrected})
    assert done.status_code == 410 and "Dank u wel" in done.text, "the used link thanks and shows nothing more"
    told = [s for s in stories.recent_interviews(engine)[1] if s.customer_id == customer_id]
    interview = stories.get_interview(engine, told[0].story_id)
    assert interview.source == "web_form" and interview.summary == corrected and interview.stage == "confirmed"


def test_the_personal_link_says_what_is_wrong_in_the_customers_language(
    client: TestClient, web: Any, engine: Engine, clock: FixedClock
) -> None:
    url, _ = _link(client, engine, clock)
    csrf = web.csrf_of(client.get(url).text)
    tomorrow = (clock.now() + timedelta(days=2)).date().isoformat()
    step = {"csrf": csrf, "action": "step", "description": "De monteur kwam", "appraisal": "normal"}
    cases = [
        ({**step, "happened_on": tomorrow}, "Die datum ligt in de toekomst.", "That date lies in the future."),
        ({**step, "happened_on": "gisteren"}, "Vul de datum in als dag-maand-jaar.", "Fill in the date as a day"),
        ({**step, "description": "x" * (stories.MAX_TEXT + 1)}, f"langer dan {stories.MAX_TEXT} tekens",
         f"longer than {stories.MAX_TEXT} characters"),
        ({"csrf": csrf, "action": "finish"}, "Vertel eerst minstens één stap", "Tell at least one step first"),
    ]  # fmt: skip
    for form, dutch, english in cases:
        shown = client.post(url + "/continue", data=form)
        assert shown.status_code == 400 and dutch in shown.text, dutch
        client.cookies.set("ks_lang", "en")
        shown = client.post(url + "/continue", data=form)
        client.cookies.delete("ks_lang")
        assert shown.status_code == 400 and english in shown.text, english
    assert stories.get_interview(engine, stories.recent_interviews(engine)[1][0].story_id).steps == ()


def test_a_forged_or_expired_link_opens_nothing(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    url, _ = _link(client, engine, clock)
    assert client.get(url[:-2] + "xx").status_code == 404
    assert client.get("/i/not-a-token").status_code == 404
    clock.set(clock.now() + timedelta(days=stories.LINK_DAYS, seconds=1))
    expired = client.get(url)
    assert expired.status_code == 410 and "werkt niet meer" in expired.text


def test_a_told_story_reaches_the_dashboard(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Henk", email="henk@example.nl")
    signed_in("manager")
    before = client.get("/dashboard").text
    assert "Ik wachtte drie kwartier op de soep" not in before
    csrf = web.csrf_of(before)
    started = client.post("/interviews", data={"csrf": csrf, "customer": str(customer.id), "channel": "visit"})
    story_url = str(started.url)
    step = {"csrf": csrf, "action": "finish", "description": "Ik wachtte drie kwartier op de soep", "appraisal": "bad"}
    client.post(story_url + "/continue", data=step)
    client.post(story_url + "/confirm", data={"csrf": csrf, "action": "confirm"})
    after = client.get("/dashboard").text
    assert "Ik wachtte drie kwartier op de soep" in after
    assert "Ik wachtte drie kwartier op de soep" not in client.get("/dashboard?channel=email").text
    assert client.get("/api/dashboard").json()["totals"]["confirmed"] == 1


def test_the_promises_board_marks_a_promise_kept(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Kees", email="kees@example.nl")
    made = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer.id, kind="callback", description="De dealer belt u",
        due="binnen 2 werkdagen", third_party="Autobedrijf Jansen",
    )  # fmt: skip
    signed_in("agent")
    board = client.get("/promises")
    assert "De dealer belt u" in board.text and "Autobedrijf Jansen" in board.text
    kept = client.post(f"/promises/{made.id}/keep", data={"csrf": web.csrf_of(board.text)})
    assert kept.status_code == 200 and promises.get_promise(engine, made.id).status == "kept"
    again = client.post(f"/promises/{made.id}/keep", data={"csrf": web.csrf_of(board.text)})
    assert again.status_code == 400


def test_the_process_page_shows_hand_overs(
    client: TestClient, signed_in, engine: Engine, tmp_path: Path, settings: Settings
) -> None:
    from klantstem.events import service as events

    signed_in("analyst")
    assert "geen procesgebeurtenissen" in client.get("/process").text
    lines = ["case,activity,timestamp,team"] + [
        f"C{c},{a},2026-11-{c + 2:02d}T{h + 9:02d}:00:00Z,{team}"
        for c in range(3)
        for h, (a, team) in enumerate(
            [("Melding", "Servicedesk"), ("Monteur", "Buitendienst"), ("Terugkoppeling", "Servicedesk")]
        )  # fmt: skip
    ]
    (tmp_path / "log.csv").write_text("\n".join(lines) + "\n")
    events.import_events(engine, tmp_path / "log.csv", settings=settings)
    client.app.state.klantstem.analyses.clear()  # type: ignore[attr-defined]
    page = client.get("/process").text
    assert "Buitendienst" in page and 'id="handovers"' in page and 'data-chart="chart-map"' in page
    report = client.get("/api/process").json()
    assert report["cases"] == 3 and report["ping_pong_cases"] == 3


def test_the_process_page_of_a_log_without_teams_says_so(
    client: TestClient, signed_in, engine: Engine, tmp_path: Path, settings: Settings
) -> None:
    """No empty hand-over table and no ping-pong count of 0: the log cannot tell either."""
    from klantstem.events import service as events

    signed_in("analyst")
    lines = ["case,activity,timestamp"] + [
        f"C{c},{a},2026-11-{c + 2:02d}T{h + 9:02d}:00:00Z" for c in range(3) for h, a in enumerate(["Melding", "Klaar"])
    ]
    (tmp_path / "log.csv").write_text("\n".join(lines) + "\n")
    events.import_events(engine, tmp_path / "log.csv", settings=settings)
    client.app.state.klantstem.analyses.clear()  # type: ignore[attr-defined]
    page = client.get("/process").text
    assert page.count("Het log noemt geen teams") == 2  # the hand-over card and the ping-pong card
    assert "<table id=\"handovers\"" not in page and "<table id=\"ping-pong\"" not in page
    numbers = re.findall(r'<div class="big-number">([^<]*)</div>', page)
    assert numbers[-2:] == ["—", "—"], numbers  # ping-pong cases and the first-line share
    dashboard = client.get("/").text
    assert "Het log noemt geen teams" in dashboard and "Geen pingpong" not in dashboard


def test_themes_search_and_a_one_click_correction(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    for n, text in enumerate(["De brief was onbegrijpelijk", "Weer een onduidelijke brief", "Lang gewacht"]):
        customer = customers.add_customer(engine, clock, name=f"K{n}", email=f"k{n}@example.nl")
        story = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None).story_id
        stories.add_step(engine, clock, story, description=text, appraisal="bad")
        stories.finish(engine, story)
    analyst = signed_in("analyst")
    found = client.get("/themes", params={"q": "brief"}).text
    assert "De brief was onbegrijpelijk" in found and "Weer een onduidelijke brief" in found
    assert "Lang gewacht" not in found.split('id="results"')[1].split('id="themes"')[0]
    queue = client.get("/corrections").text
    story_id = int(re.findall(r'id="story-(\d+)"', queue)[0])
    response = client.post(f"/corrections/{story_id}/appraisal", data={"csrf": web.csrf_of(queue), "level": "normal"})
    assert response.status_code == 200
    labels = insights.labels_of(engine, [story_id])[story_id]
    assert labels.appraisal == "normal" and labels.corrected
    assert labels.model_version and "Gelabeld door de automatische tekstanalyse" in queue  # in words, not a version
    assert f'title="{labels.model_version}"' in queue and f"<code>{labels.model_version}" not in queue
    corrected = client.get("/corrections").text.split(f'id="story-{story_id}"')[1].split("</li>")[0]
    assert "door een mens gecorrigeerd" in corrected and "door een mens gecorrigeerd" not in queue
    assert client.get("/corrections/training.csv").text.count("\n") == 2
    assert analyst.role == "analyst"


def test_a_theme_that_does_not_exist_shows_no_stories(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    for n, text in enumerate(["De brief was onbegrijpelijk", "Lang gewacht op de monteur"]):
        customer = customers.add_customer(engine, clock, name=f"K{n}", email=f"k{n}@example.nl")
        story = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None).story_id
        stories.add_step(engine, clock, story, description=text, appraisal="bad")
        stories.finish(engine, story)
    signed_in("analyst")
    for theme in ("99999", "-1"):
        page = client.get("/themes", params={"theme": theme})
        assert page.status_code == 404 and "Dit thema bestaat niet" in page.text
        assert 'id="results"' not in page.text, "no search of every story"
        assert 'href="/themes?theme=' in page.text, "the themes that do exist are offered"
        api = client.get("/api/stories", params={"theme": theme})
        assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    known = client.get("/api/themes").json()[0]["id"]
    assert client.get("/themes", params={"theme": known}).status_code == 200
    assert client.get("/api/stories", params={"theme": known}).json()["total"] >= 1


def test_interviews_show_their_time_like_every_other_page(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Tijd", email="tijd@example.nl")
    story = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None).story_id
    stories.add_step(engine, clock, story, description="Lang gewacht", appraisal="bad")
    signed_in("manager")
    listed = client.get("/interviews").text
    local = "23-11-2026 11:00"  # the clock's 10:00 UTC in Amsterdam, day first
    assert local in listed and "2026-11-23 10:00" not in listed
    assert local in client.get(f"/customers/{customer.id}").text, "the customer page shows the same moment"

"""The problem pages in Dutch: the list, one problem with both voices, acting on it; customer words escaped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert

from klantstem.db import schema
from klantstem.problems import store

T0 = datetime(2026, 9, 1, 9, tzinfo=UTC)


def _problem(engine: Engine, owner_id: int) -> tuple[int, int]:
    with engine.begin() as conn:
        customer = conn.execute(
            insert(schema.customers).values(display_name="Ans", created_at=T0)
        ).inserted_primary_key[0]
        contact = conn.execute(
            insert(schema.contacts).values(
                customer_id=customer,
                channel="phone",
                direction="inbound",
                occurred_at=T0,
                text="<script>alert(1)</script> Drie kwartier in de wacht!",
                fingerprint="f1",
            )
        ).inserted_primary_key[0]
        explanation = {
            "why": ["x"],
            "codes": [["broad", {"customers": 6, "periods": 3, "channels": 2}]],
            "rule": "change_point",
            "granularity": "week",
            "since": "2026-08-03",
            "base": "cases",
            "process": {
                "cases": 40,
                "median_wait_h": 1.5,
                "wait_by_status_h": {"Wachtrij": 2.0},
                "handover_share": 0.25,
                "ping_pong_cases": 3,
                "promises_kept_share": None,
                "promises_decided": 0,
                "promises_kept": 0,
            },
        }
        problem_id = store.insert_problem(
            conn,
            {
                "step": "Telefoontje 0900-lijn aangenomen",
                "facet": "reachability",
                "kind": "structural",
                "status": "new",
                "owner_id": owner_id,
                "signal": "change_point",
                "explanation": explanation,
                "rate": 0.4,
                "baseline": 0.05,
                "customers": 6,
                "reports": 9,
                "channels": ["phone", "email"],
                "first_seen": T0,
                "last_seen": T0,
                "opened_at": T0,
                "progress_at": T0,
            },
        )
        store.insert_reports(
            conn,
            [
                {
                    "problem_id": problem_id,
                    "source": "contact",
                    "source_id": contact,
                    "customer_id": customer,
                    "channel": "phone",
                    "occurred_at": T0,
                    "link": "suggested",
                    "reason": "same step and facet",
                }
            ],
        )
        report_id = store.reports_of(conn, problem_id)[0].id
    return problem_id, report_id


def test_a_manager_sees_the_problem_in_dutch_and_moves_it_on(
    client: TestClient, signed_in: Callable[[str], Any], engine: Engine, web: Any
) -> None:
    manager = signed_in("manager")
    problem_id, report_id = _problem(engine, manager.id)
    listed = client.get("/problems")
    assert listed.status_code == 200 and "Telefoontje 0900-lijn aangenomen" in listed.text
    assert "structureel" in listed.text and "Bereikbaarheid" in listed.text
    page = client.get(f"/problems/{problem_id}")
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    assert "De stem van de klant" in page.text and "De stem van het proces" in page.text
    assert "een blijvende stijging" in page.text and "6 verschillende klanten" in page.text
    csrf = web.csrf_of(page.text)
    skipped = client.post(f"/problems/{problem_id}/status", data={"status": "fixed", "csrf": csrf})
    assert skipped.status_code == 400 and "kan niet worden overgeslagen" in skipped.text
    moved = client.post(
        f"/problems/{problem_id}/status", data={"status": "acknowledged", "csrf": csrf}, follow_redirects=False
    )
    assert moved.status_code == 303
    confirmed = client.post(f"/problems/{problem_id}/reports/{report_id}", data={"decision": "confirm", "csrf": csrf})
    assert confirmed.status_code == 200 and "bevestigd" in confirmed.text
    assert "erkend" in confirmed.text and "Test manager" in confirmed.text  # journalled with who


def test_an_agent_may_not_see_problems(client: TestClient, signed_in: Callable[[str], Any]) -> None:
    signed_in("agent")
    assert client.get("/problems").status_code == 403


def test_the_problem_pages_write_numbers_and_days_as_the_reader_does(
    client: TestClient, signed_in: Callable[[str], Any], engine: Engine
) -> None:
    manager = signed_in("manager")
    problem_id, _report = _problem(engine, manager.id)
    listed = " ".join(client.get("/problems").text.split())
    assert "40,0%" in listed and "5,0%" in listed and "40.0%" not in listed
    page = " ".join(client.get(f"/problems/{problem_id}").text.split())
    assert "40,0% van de zaken die deze stap passeerden sinds 03-08-2026, tegen 5,0% daarvoor" in page
    assert "1,5 uur" in page and "2,0 uur" in page and "25%" in page
    assert "2026-08-03" not in page and "1.5 uur" not in page
    client.get("/lang/en")
    english = " ".join(client.get(f"/problems/{problem_id}").text.split())
    assert "40.0% of cases that passed this step since 03-08-2026, against 5.0% before" in english
    assert "1.5 hours" in english

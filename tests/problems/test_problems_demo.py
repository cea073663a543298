"""Detection on the demo organisation, and what people do with the problems it finds: owners, lifecycle,
reports, actions, escalation, verification, and closing the loop by a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, delete, func, select, text, update

from klantstem.business_calendar import calendar_from_settings
from klantstem.cli.main import main
from klantstem.clock import FixedClock
from klantstem.db import schema
from klantstem.db.engine import open_database
from klantstem.demo import plants
from klantstem.demo.service import build_demo
from klantstem.errors import ConfigurationError, NotFoundError, UserInputError
from klantstem.problems import service as problems
from klantstem.settings import Settings

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # the Monday after the demo year


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Settings, str]]:
    url = os.environ.get("KLANTSTEM_TEST_DATABASE_URL", "")
    if not url:
        url = str(tmp_path_factory.mktemp("problems") / "klantstem.db")
    settings = Settings().with_database(url)
    engine = open_database(settings, create=True)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(schema.metadata.tables)} RESTART IDENTITY CASCADE"))
    build_demo(engine)
    problems.detect(engine, FixedClock(NOW), settings)
    yield engine, settings, url
    engine.dispose()


def _by_step(engine: Engine, settings: Settings) -> dict[str, problems.ProblemRow]:
    return {p.step: p for p in problems.list_problems(engine, FixedClock(NOW), settings)}


def test_detection_finds_every_planted_problem_at_its_step_and_calls_the_incidents_incidents(
    world: tuple[Engine, Settings, str],
) -> None:
    engine, settings, _ = world
    found = _by_step(engine, settings)
    for plant in plants.PLANTS:
        assert plant.step in found, f"{plant.key} not found at {plant.step}"
        assert found[plant.step].kind == "structural", plant.key
        assert found[plant.step].first_seen.date() >= plant.start - timedelta(days=70), plant.key
    assert found[plants.OUTAGE_STEP].kind == "incident"
    assert found[plants.BILLING_STEP].kind == "incident" and found[plants.BILLING_STEP].customers == 1
    planted = {p.step for p in plants.PLANTS}
    others = [p for p in found.values() if p.kind == "structural" and p.step not in planted]
    assert len(others) <= 1, [(p.step, p.facet) for p in others]


def test_every_new_problem_has_its_owner_and_says_why(world: tuple[Engine, Settings, str]) -> None:
    engine, settings, _ = world
    found = _by_step(engine, settings)
    dealer = found[plants.PLANTS[0].step]
    owners = {o["step"]: o["owner_id"] for o in problems.owners(engine)}
    assert dealer.owner_id == owners[dealer.step]
    assert any("change-point" in w or "Laney" in w for w in dealer.explanation["why"])
    assert dealer.rate is not None and dealer.baseline is not None and dealer.rate > 2 * dealer.baseline
    detail = problems.show(engine, dealer.id)
    assert detail.reports and all(r.link == "detected" for r in detail.reports)
    assert detail.journal[0].action == "opened"


def test_detect_again_on_the_same_data_adds_nothing(world: tuple[Engine, Settings, str], capsys: Any) -> None:
    engine, settings, url = world
    before = _counts(engine)
    assert main(["problems", "detect", "--format", "json", "--db", url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["opened"] == [] and out["updated"] == []
    keys = {"id", "kind", "step", "facet", "customers", "reports", "channels", "first_seen", "last_seen", "rate",
            "baseline", "signal", "owner", "status"}  # fmt: skip
    assert out["problems"] and all(keys <= set(p) for p in out["problems"])
    assert _counts(engine) == before


def _counts(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (schema.problems, schema.problem_reports, schema.problem_journal)
        )


def test_the_lifecycle_is_followed_and_journalled(world: tuple[Engine, Settings, str]) -> None:
    engine, settings, _ = world
    problem = _by_step(engine, settings)[plants.PLANTS[2].step]
    clock = FixedClock(NOW)
    with pytest.raises(UserInputError, match="can move to"):
        problems.set_status(engine, clock, problem.id, "fixed")
    with pytest.raises(UserInputError, match="review date"):
        problems.set_status(engine, clock, problem.id, "risk_accepted")
    with pytest.raises(UserInputError, match="not a user"):
        problems.assign(engine, clock, problem.id, "nobody@nowhere.example")
    manager = _staff(engine, "manager")
    problems.assign(engine, clock, problem.id, str(manager), by=manager)
    for status in ("acknowledged", "cause_known", "fix_underway"):
        problems.set_status(engine, clock, problem.id, status, by=manager, note="brieftekst herschreven")
    journal = problems.show(engine, problem.id).journal
    assert [j.action for j in journal][-4:] == ["assigned", "status", "status", "status"]
    assert journal[-1].staff_id == manager and journal[-1].detail["now"] == "fix_underway"
    with pytest.raises(NotFoundError):
        problems.set_status(engine, clock, 99_999, "acknowledged")


def _staff(engine: Engine, role: str) -> int:
    with engine.connect() as conn:
        s = schema.staff
        return int(conn.execute(select(s.c.id).where(s.c.role == role, s.c.active.is_(True))).scalars().first())


def test_a_fix_is_verified_only_when_the_rate_stays_down_and_reopened_when_it_does_not(
    world: tuple[Engine, Settings, str],
) -> None:
    engine, settings, _ = world
    found = _by_step(engine, settings)
    planted = found[plants.PLANTS[0].step]  # the dealer problem went on until the end of the data
    clock = FixedClock(datetime(2026, 8, 3, 9, tzinfo=UTC))
    for status in ("acknowledged", "cause_known", "fix_underway", "fixed"):
        problems.set_status(engine, clock, planted.id, status)
    problems.detect(engine, FixedClock(NOW), settings, read_texts=False)
    after = problems.show(engine, planted.id).problem
    assert after.status == "new" and after.reopened == 1  # the dealers still do not call back
    journal = problems.show(engine, planted.id).journal
    assert journal[-1].action == "reopened" and journal[-1].detail["reports_after"] > 0


def test_actions_have_a_due_time_on_the_business_calendar_and_are_seen_breaking(
    world: tuple[Engine, Settings, str],
) -> None:
    engine, settings, _ = world
    problem = _by_step(engine, settings)[plants.PLANTS[3].step]
    owner = _staff(engine, "manager")
    friday = FixedClock(datetime(2026, 11, 6, 15, 0, tzinfo=UTC))
    calendar = calendar_from_settings(settings)
    action_id = problems.add_action(engine, friday, calendar, problem.id, "Notities na migratie herstellen", owner,
                                    "binnen 2 werkdagen")  # fmt: skip
    action = next(a for a in problems.show(engine, problem.id).actions if a.id == action_id)
    assert action.due_at.astimezone(calendar_zone(settings)).weekday() == 1  # Friday + 2 working days: Tuesday
    assert problems.show(engine, problem.id).actions[0].broken  # today is long past that Tuesday of 2026
    stale = problems.escalated(engine, FixedClock(NOW + timedelta(days=30)), calendar, settings.problems_stale_days)
    assert problem.id in {p.id for p, _ in stale}
    assert all(manager for _, manager in stale if _.owner_id is not None)


def calendar_zone(settings: Settings) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings.timezone)


class _Inbox:
    def __init__(self, refuse: str = "") -> None:
        self.mails: list[bytes] = []
        self.refuse = refuse

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.refuse and address.endswith(self.refuse):
            return "550 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.mails.append(envelope.content)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[_Inbox, int]]:
    inbox = _Inbox(refuse="@refused.example")
    with socket.socket() as probe:  # a free port on the loopback address
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_every_reporter_hears_back_once_by_mail_and_on_their_timeline(
    world: tuple[Engine, Settings, str], smtp: tuple[_Inbox, int], tmp_path: Path
) -> None:
    engine, settings, _ = world
    inbox, port = smtp
    problem = _by_step(engine, settings)[plants.PLANTS[1].step]
    reports = problems.show(engine, problem.id).reports
    reporters = {r.customer_id for r in reports if r.link in ("detected", "confirmed") and r.customer_id}
    opted_out = sorted(c for c in reporters if c is not None)[0]
    with engine.begin() as conn:
        conn.execute(update(schema.customers).where(schema.customers.c.id == opted_out).values(opted_out=True))
    clock = FixedClock(NOW)
    body = "De wachtrij van de 0900-lijn is opgelost: er zijn acht extra medewerkers."
    first = problems.notify(engine, clock, settings, problem.id, "fix", body)
    assert opted_out in {c for c, _ in first.blocked}
    assert first.queued == len(reporters) - len(first.blocked) - len(first.no_address) > 0
    again = problems.notify(engine, clock, settings, problem.id, "fix", body)
    assert again.queued == 0 and again.already == first.queued
    with pytest.raises(ConfigurationError):
        problems.deliver(engine, clock, settings)
    mailing = replace(settings, smtp_url=f"smtp://127.0.0.1:{port}")
    sent = problems.deliver(engine, clock, mailing)
    assert sent.get("sent", 0) == len(inbox.mails) > 0
    assert problems.deliver(engine, clock, mailing) == {}  # nothing is sent twice
    mail = message_from_bytes(inbox.mails[0])
    assert "een van" in mail.get_payload() or "one of" in mail.get_payload()
    with engine.connect() as conn:
        c = schema.contacts
        told = conn.execute(select(func.count()).where(c.c.source == "klantstem", c.c.direction == "outbound"))
        assert int(told.scalar_one()) >= first.queued
    exported = problems.export_outbox(engine, clock, tmp_path / "rest.csv")
    assert exported == first.queued - sent["sent"]
    assert (tmp_path / "rest.csv").read_text(encoding="utf-8").startswith('"outbox_id"')
    assert problems.show(engine, problem.id).problem.reporters_told == first.queued


def test_a_refusing_mail_server_is_counted_and_nothing_is_lost(
    world: tuple[Engine, Settings, str], smtp: tuple[_Inbox, int]
) -> None:
    engine, settings, _ = world
    inbox, port = smtp
    problem = _by_step(engine, settings)[plants.PLANTS[3].step]
    clock = FixedClock(NOW)
    result = problems.notify(engine, clock, settings, problem.id, "workaround", "Vraag naar uw dossiernummer.")
    with engine.begin() as conn:
        o = schema.outbox
        queued = update(o).where(o.c.status == "queued", o.c.channel == "email")
        conn.execute(queued.values(recipient="x@refused.example"))
    counts = problems.deliver(engine, clock, replace(settings, smtp_url=f"smtp://127.0.0.1:{port}"))
    assert counts.get("failed", 0) >= 1 and not inbox.mails
    with engine.connect() as conn:
        o = schema.outbox
        failed = conn.execute(select(o.c.last_error).where(o.c.status == "failed")).scalars().all()
    assert failed and all("550" in e for e in failed)
    assert result.queued >= len(failed)
    unreachable = replace(settings, smtp_url="smtp://127.0.0.1:9")
    assert set(problems.deliver(engine, clock, unreachable)) <= {"queued"}


def test_the_api_lists_problems_and_lets_an_owner_move_one_on(world: tuple[Engine, Settings, str]) -> None:
    from fastapi.testclient import TestClient

    from klantstem.users import service as users
    from klantstem.web.app import create_app

    engine, settings, _ = world
    manager = users.add_user(engine, "probleem.eigenaar@example.nl", "Eigenaar", "manager", "a long password 1")
    token = users.create_api_token(engine, manager.id, "t").secret
    with TestClient(create_app(settings)) as client:
        headers = {"Authorization": f"Bearer {token}"}
        listed = client.get("/api/problems?kind=structural", headers=headers).json()["problems"]
        assert {p["step"] for p in listed} >= {plant.step for plant in plants.PLANTS}
        target = next(p for p in listed if p["step"] == plants.PLANTS[3].step and p["status"] == "new")
        moved = client.post(f"/api/problems/{target['id']}/status", json={"status": "acknowledged"}, headers=headers)
        assert moved.status_code == 200 and moved.json()["status"] == "acknowledged"
        skipped = client.post(f"/api/problems/{target['id']}/status", json={"status": "fixed"}, headers=headers)
        assert skipped.status_code == 400
        detail = client.get(f"/api/problems/{target['id']}", headers=headers).json()
        assert detail["journal"][-1]["staff"] == "Eigenaar" and detail["reports"]


def test_a_mapping_to_a_step_or_facet_that_does_not_exist_is_one_line_and_writes_nothing(
    world: tuple[Engine, Settings, str], capsys: Any
) -> None:
    engine, _, url = world
    before = problems.mappings(engine)
    assert main(["problems", "map", "Nergens", "--facet", "price", "--db", url]) == 2
    assert main(["problems", "map", plants.OUTAGE_STEP, "--facet", "prijs", "--db", url]) == 2
    assert main(["problems", "map", plants.OUTAGE_STEP, "--department", "Marketing", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("error: ") == 3 and "Traceback" not in err
    assert "unknown step 'Nergens'" in err and "unknown facet 'prijs'" in err
    assert problems.mappings(engine) == before
    assert main(["problems", "map", "Brief verstuurd", "--facet", "communication", "--db", url]) == 0
    assert len(problems.mappings(engine)) == len(before) + 1


def test_complaints_that_sound_like_an_open_problem_are_suggested_for_it(world: tuple[Engine, Settings, str]) -> None:
    engine, settings, _ = world
    problem = _by_step(engine, settings)[plants.PLANTS[3].step]
    suggested = [r for r in problems.show(engine, problem.id).reports if (r.reason or "").startswith("similar words")]
    assert suggested and all(r.link == "suggested" for r in suggested)
    assert (
        sum(("uitleggen" in r.quote or "opnieuw" in r.quote or "again" in r.quote) for r in suggested)
        >= len(suggested) / 2
    )


def test_a_reporter_without_an_address_of_their_own_hears_back_through_their_delegate(
    world: tuple[Engine, Settings, str],
) -> None:
    from klantstem.customers import service as customers

    engine, settings, _ = world
    problem = _by_step(engine, settings)[plants.PLANTS[3].step]
    reporter = next(r.customer_id for r in problems.show(engine, problem.id).reports if r.link == "detected")
    assert reporter is not None
    with engine.begin() as conn:
        conn.execute(delete(schema.customer_identities).where(schema.customer_identities.c.customer_id == reporter))
        conn.execute(delete(schema.delegates).where(schema.delegates.c.customer_id == reporter))
    customers.authorise_delegate(engine, FixedClock(NOW - timedelta(days=1)), reporter, "Kees Partner",
                        email="kees.partner@example.nl", relation="partner")  # fmt: skip
    problems.notify(
        engine, FixedClock(NOW), settings, problem.id, "fix", "Uw dossier is nu na elke overdracht compleet."
    )
    with engine.connect() as conn:
        o = schema.outbox
        sent_to = conn.execute(select(o.c.recipient).where(o.c.customer_id == reporter, o.c.channel == "email"))
        assert "kees.partner@example.nl" in sent_to.scalars().all()


def test_a_fix_that_holds_is_verified(world: tuple[Engine, Settings, str]) -> None:
    engine, settings, _ = world
    outage = _by_step(engine, settings)[plants.OUTAGE_STEP]
    after_the_day = FixedClock(datetime.combine(plants.OUTAGE_DAY + timedelta(days=4), datetime.min.time(), UTC))
    for status in ("acknowledged", "cause_known", "fix_underway", "fixed"):
        problems.set_status(engine, after_the_day, outage.id, status)
    problems.detect(engine, FixedClock(after_the_day.now() + timedelta(days=10)), settings, read_texts=False)
    assert problems.show(engine, outage.id).problem.status == "fixed"  # too early to tell
    problems.detect(engine, FixedClock(NOW), settings, read_texts=False)
    verified = problems.show(engine, outage.id)
    assert verified.problem.status == "verified" and verified.problem.verified_at is not None
    assert verified.journal[-1].action == "verified" and verified.journal[-1].detail["rate_after"] < 0.01

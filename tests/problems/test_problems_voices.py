"""Both voices read from the database and placed in SQL: at the activity the case was at (with a minute's grace for
two systems' clocks, or the case's first activity when the voice came first), else by the mapping; repeat
contacts within the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from sqlalchemy import Engine, insert

from klantstem.db import schema
from klantstem.problems.model import Rules
from klantstem.problems.voices import gather

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
_ids = count(1)


def _world(engine: Engine) -> dict[str, int]:
    with engine.begin() as conn:
        customer = conn.execute(insert(schema.customers).values(created_at=T0)).inserted_primary_key[0]
        other = conn.execute(insert(schema.customers).values(created_at=T0)).inserted_primary_key[0]
        case = conn.execute(insert(schema.cases).values(customer_id=customer)).inserted_primary_key[0]
        conn.execute(insert(schema.process_events), [
            {"log_name": "log", "case_key": "Z1", "case_id": case, "activity": activity, "occurred_at": at,
             "fingerprint": f"e{next(_ids)}"}
            for activity, at in (("Aanvraag", T0), ("Brief verstuurd", T0 + timedelta(hours=2)))
        ])  # fmt: skip
        conn.execute(insert(schema.step_mappings).values(facet="price", department_id=None, step="Factuur"))
    return {"customer": customer, "other": other, "case": case}


def _contact(engine: Engine, customer: int, case: int | None, at: datetime, level: str, *facets: str) -> int:
    with engine.begin() as conn:
        contact = conn.execute(insert(schema.contacts).values(
            customer_id=customer, case_id=case, channel="phone", direction="inbound", occurred_at=at,
            text="...", fingerprint=f"c{next(_ids)}",
        )).inserted_primary_key[0]  # fmt: skip
        rows = [{"kind": "appraisal", "value": {"level": level, "score": -1.0}}]
        rows += [{"kind": "facet", "value": {"facet": f, "appraisal": level}} for f in facets]
        conn.execute(insert(schema.annotations), [
            {"target": "contact", "target_id": contact, "model_version": "test", "created_at": at, **r} for r in rows
        ])  # fmt: skip
    return int(contact)


def test_complaints_go_to_the_activity_their_case_was_at_else_to_the_mapping(engine: Engine) -> None:
    w = _world(engine)
    later = _contact(engine, w["customer"], w["case"], T0 + timedelta(hours=3), "bad", "waiting_time")
    between = _contact(engine, w["other"], w["case"], T0 + timedelta(hours=1), "bad")
    early = _contact(engine, w["other"], w["case"], T0 - timedelta(days=1), "bad")
    clocks = _contact(engine, w["other"], w["case"], T0 + timedelta(hours=2) - timedelta(seconds=30), "bad")
    loose = _contact(engine, w["other"], None, T0, "bad", "price")
    _contact(engine, w["other"], None, T0, "normal", "price")  # not a complaint
    with engine.connect() as conn:
        found = {v.source_id: v for v in gather(conn, Rules()) if v.source == "contact"}
    assert set(found) == {later, between, early, clocks, loose}
    assert found[later].step == "Brief verstuurd" and found[later].facets == ("waiting_time",)
    assert found[between].step == "Aanvraag" and found[early].step == "Aanvraag"
    assert found[clocks].step == "Brief verstuurd"  # 30 s before the event: the other system's clock
    assert (found[loose].step, found[loose].placed_by) == ("Factuur", "mapping")


def test_a_customer_back_on_the_same_case_within_the_window_is_a_repeat_contact(engine: Engine) -> None:
    w = _world(engine)
    _contact(engine, w["customer"], w["case"], T0, "normal")
    again = _contact(engine, w["customer"], w["case"], T0 + timedelta(days=13), "normal")
    _contact(engine, w["customer"], w["case"], T0 + timedelta(days=30), "normal")  # 17 days later: not a repeat
    _contact(engine, w["other"], w["case"], T0 + timedelta(days=14), "normal")  # someone else's first
    with engine.connect() as conn:
        repeats = [v for v in gather(conn, Rules(repeat_days=14)) if v.source == "repeat_contact"]
    assert [v.source_id for v in repeats] == [again]
    assert repeats[0].step == "Brief verstuurd"

"""Promises as the cases played them out: kept on time, kept late (broken), never kept, cancelled, or still open
at the end of the period. Who answers for it: a person, a department or a third party."""

from __future__ import annotations

import random

from klantstem.demo import fingerprints
from klantstem.demo.contacts import promise_contact
from klantstem.demo.model import CasePlan, PlannedPromise, Row
from klantstem.demo.organisation import Organisation
from klantstem.demo.period import Period, to_utc
from klantstem.demo.phrases_messages import PROMISES_EN


def case_promises(rng: random.Random, plan: CasePlan, org: Organisation, period: Period, first_id: int) -> list[Row]:
    rows: list[Row] = []
    for promised in plan.promises:
        staff_id, department_id, third_party_id = _responsible(plan, promised, org)
        status, resolved = _status(rng, promised, period)
        description = promised.spec.text.replace("uw behandelaar", plan.context["owner"])
        if plan.language == "en":
            description = PROMISES_EN.get(promised.spec.text, description)
        made, due = to_utc(promised.made.at), to_utc(promised.due)
        row: Row = {
            "id": first_id + len(rows), "customer_id": plan.customer_id, "case_id": plan.case_id,
            "contact_id": promise_contact(plan, promised), "kind": promised.spec.kind, "description": description,
            "staff_id": staff_id, "department_id": department_id, "third_party_id": third_party_id,
            "made_at": made, "due_at": due, "status": status, "resolved_at": resolved,
        }  # fmt: skip
        keys = ("customer_id", "kind", "description", "made_at", "due_at", "staff_id", "department_id",
                "third_party_id")  # fmt: skip
        row["fingerprint"] = fingerprints.of_promise([row[k] for k in keys])
        rows.append(row)
    return rows


def _responsible(
    plan: CasePlan, promised: PlannedPromise, org: Organisation
) -> tuple[int | None, int | None, int | None]:
    by = promised.spec.by
    made = promised.made
    if by == "staff":
        return made.staff_id or plan.owner_id, made.department_id, None
    if by.startswith("department"):
        name = by.split(":", 1)[1] if ":" in by else None
        return None, org.departments[name] if name else (made.department_id or plan.department_id), None
    key = plan.context["dealer_key"] if by == "tp:dealer" else by[3:]
    return None, None, org.third_parties[key][0]


def _status(rng: random.Random, promised: PlannedPromise, period: Period) -> tuple[str, object]:
    fulfilled = promised.fulfilled
    if promised.outcome == "cancelled":
        cancelled_at = promised.made.at + (promised.due - promised.made.at) * rng.uniform(0.1, 0.8)
        if cancelled_at <= period.end:
            return "cancelled", to_utc(cancelled_at.replace(microsecond=0))
    if fulfilled is not None:
        return ("kept" if fulfilled.at <= promised.due else "broken"), to_utc(fulfilled.at)
    if promised.due <= period.end:
        return "broken", None
    return "open", None


def outreach_rows(plans: list[CasePlan]) -> list[Row]:
    """Who was asked what, when and how: surveys and after-sales calls (the same question twice, seed 003)."""
    topics = {"gen.survey": "tevredenheid", "survey.call1": "installatie-ervaring",
              "survey.call2": "installatie-ervaring", "proef.aftersales1": "proefrit-ervaring",
              "proef.aftersales2": "proefrit-ervaring"}  # fmt: skip
    rows: list[Row] = []
    for plan in plans:
        for planned in plan.beats:
            topic = topics.get(planned.beat.key)
            if topic is None:
                continue
            rows.append({
                "id": len(rows) + 1, "customer_id": plan.customer_id, "topic": topic, "channel": planned.channel,
                "asked_at": to_utc(planned.at), "staff_id": planned.staff_id,
                "outcome": "answered" if planned.channel == "phone" else "sent",
            })  # fmt: skip
    return rows

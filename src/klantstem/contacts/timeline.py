"""Assembling "the story so far" from one customer's rows: the timeline and the summary. Pure: no database."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from klantstem.contacts.model import StorySoFar, Summary, TimelineEntry, ToldUs
from klantstem.customers.service import Customer, Delegate, Merge
from klantstem.dates import shown_local
from klantstem.outreach.service import OutreachRecord
from klantstem.promises.service import BROKEN, OPEN, Promise
from klantstem.stories.service import NOTE_SOURCE

CLOSED_CASE_STATUSES = ("closed", "resolved", "cancelled", "done", "gesloten", "afgehandeld")
APPRAISAL_ORDER = ("bad", "normal", "excellent")  # worse first: ties lean to the worse feeling
RECENT_TOLD = 5
ABOUT_CHARS = 160


@dataclass(frozen=True)
class History:
    """Everything held about one customer, as read from the database."""

    customer: Customer
    merged_from: list[int]
    contacts: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    cases: list[dict[str, Any]]
    events: list[dict[str, Any]]
    promises: list[Promise]
    outreach: list[OutreachRecord]
    delegates: list[Delegate]
    merges: list[Merge]
    feelings: dict[int, Any]
    timezone: str  # for the times written in titles (the organisation's, from settings)


def story_so_far(history: History, asked_for: int, now: datetime, limit: int | None = None) -> StorySoFar:
    steps_by_story: dict[int, list[dict[str, Any]]] = {}
    for step in history.steps:
        steps_by_story.setdefault(int(step["story_id"]), []).append(step)
    promise_dicts = {p.id: p.as_dict(now) for p in history.promises}  # each promise described once
    entries = _entries(history, steps_by_story, now, promise_dicts)
    entries.sort(key=lambda e: (e.at, e.kind, e.detail.get("id") or 0))
    shown = entries if limit is None else entries[-limit:] if limit > 0 else []
    summary = _summary(history, steps_by_story, now, promise_dicts)
    return StorySoFar(history.customer.id, asked_for, now, summary, shown, len(entries))


def _entries(
    history: History, steps: dict[int, list[dict[str, Any]]], now: datetime, described: dict[int, dict[str, Any]]
) -> list[TimelineEntry]:
    zone = ZoneInfo(history.timezone)
    entries = [_contact_entry(c) for c in history.contacts]
    entries += [_story_entry(s, steps.get(int(s["id"]), [])) for s in history.stories]
    entries += [TimelineEntry(e["occurred_at"], "event", _event_title(e), e) for e in history.events]
    for promise in history.promises:
        entries.extend(_promise_entries(promise, now, zone, described[promise.id]))
    entries += [
        TimelineEntry(
            o.asked_at, "outreach", f"asked about {o.topic!r} by {o.channel}: {o.outcome or 'sent'}", o.as_dict()
        )
        for o in history.outreach
    ]
    for d in history.delegates:
        scope = "all topics" if "all" in d.scope else "; ".join(d.scope)
        relation = f" ({d.relation})" if d.relation else ""
        entries.append(
            TimelineEntry(
                d.valid_from, "delegate", f"{d.name}{relation} may act for the customer on {scope}", d.as_dict()
            )
        )
    for m in history.merges:
        merged = {**m.as_dict(), "what": "merged"}
        by = f" by {m.merged_by_name}" if m.merged_by_name else ""
        entries.append(
            TimelineEntry(m.merged_at, "merge", f"customer {m.source_id} merged into {m.target_id}{by}", merged)
        )
        if m.undone_at:
            undone = {**m.as_dict(), "what": "undone"}
            by = f" by {m.undone_by_name}" if m.undone_by_name else ""
            entries.append(TimelineEntry(m.undone_at, "merge", f"merge of customer {m.source_id} undone{by}", undone))
    return entries


def _contact_entry(contact: dict[str, Any]) -> TimelineEntry:
    who = contact.get("third_party") or contact.get("staff") or contact.get("department")
    title = f"{contact['direction']} {contact['channel']}" + (f" ({who})" if who else "")
    if contact.get("on_behalf"):
        title += f", for the customer by {contact['on_behalf']}"
    if contact.get("subject"):
        title += f": {contact['subject']}"
    return TimelineEntry(contact["occurred_at"], "contact", title, contact)


def _story_entry(story: dict[str, Any], steps: list[dict[str, Any]]) -> TimelineEntry:
    if story["source"] == NOTE_SOURCE:
        by = f" by {story['staff']}" if story.get("staff") else ""
        return TimelineEntry(story["told_at"], "note", f"note{by}: {_short(story.get('text') or '')}", story)
    about = story.get("title") or _short(story.get("summary") or story.get("text") or "")
    title = f"{story['perspective']} story ({story['source']})" + (f": {about}" if about else "")
    detail = {**story, "steps": [{k: v for k, v in s.items() if k != "story_id"} for s in steps]}
    return TimelineEntry(story["told_at"], "story", title, detail)


def _event_title(event: dict[str, Any]) -> str:
    by = " / ".join(str(event[k]) for k in ("resource", "team") if event.get(k))
    return f"case {event['case_id']}: {event['activity']}" + (f" ({by})" if by else "")


def _promise_entries(promise: Promise, now: datetime, zone: ZoneInfo, detail: dict[str, Any]) -> list[TimelineEntry]:
    made = TimelineEntry(
        promise.made_at,
        "promise",
        f"promise ({promise.kind}) by {promise.responsible}, due {shown_local(promise.due_at, zone)}: "
        f"{_short(promise.description)}",
        detail,
    )
    status = promise.status_at(now)
    if status == OPEN:
        return [made]
    at = promise.resolved_at or promise.due_at
    return [made, TimelineEntry(at, "promise", f"promise {promise.id} {status}", detail)]


def _summary(
    history: History, steps: dict[int, list[dict[str, Any]]], now: datetime, described: dict[int, dict[str, Any]]
) -> Summary:
    promises = sorted(history.promises, key=lambda p: p.due_at)
    inbound = [c for c in history.contacts if c["direction"] == "inbound"]
    return Summary(
        customer=history.customer.as_dict(),
        merged_from=history.merged_from,
        open_cases=[_case(c) for c in history.cases if _is_open(c)],
        open_promises=[described[p.id] for p in promises if p.status_at(now) == OPEN],
        broken_promises=[described[p.id] for p in reversed(promises) if p.status_at(now) == BROKEN],
        told_us=_told_us(history, steps),
        delegates=[d.as_dict() for d in history.delegates if d.active_at(now)],
        contacts={
            "total": len(history.contacts),
            "inbound": len(inbound),
            "outbound": len(history.contacts) - len(inbound),
            "first_at": history.contacts[0]["occurred_at"].isoformat() if history.contacts else None,
            "last_at": history.contacts[-1]["occurred_at"].isoformat() if history.contacts else None,
            "per_channel": dict(Counter(str(c["channel"]) for c in history.contacts).most_common()),
        },
        last_outreach=history.outreach[-1].as_dict() if history.outreach else None,
    )


def _told_us(history: History, steps: dict[int, list[dict[str, Any]]]) -> list[ToldUs]:
    told: list[ToldUs] = []
    for story in history.stories:
        if story["perspective"] != "customer":
            continue
        own = steps.get(int(story["id"]), [])
        about = story.get("summary") or story.get("title") or story.get("text") or ""
        told.append(
            ToldUs(
                story["told_at"],
                f"story ({story['source']})",
                _short(about),
                _overall([s["appraisal"] for s in own if s.get("appraisal")]),
                tuple(_short(s["description"]) for s in own if s.get("appraisal") == "bad"),
                tuple(_short(s["description"]) for s in own if s.get("appraisal") == "excellent"),
            )
        )
    inbound = [c for c in history.contacts if c["direction"] == "inbound"][-RECENT_TOLD:]
    for contact in inbound:
        about = contact.get("subject") or contact.get("text") or ""
        feeling = _feeling(history.feelings.get(int(contact["id"])))
        told.append(ToldUs(contact["occurred_at"], str(contact["channel"]), _short(about), feeling))
    told.sort(key=lambda t: (t.source.startswith("story"), t.at), reverse=True)  # stories first, newest first
    return told


def _overall(appraisals: list[str]) -> str | None:
    """The most frequent appraisal of the steps; a tie leans to the worse one."""
    counts = Counter(a for a in appraisals if a in APPRAISAL_ORDER)
    if not counts:
        return None
    return max(APPRAISAL_ORDER, key=lambda a: (counts[a], -APPRAISAL_ORDER.index(a)))


def _feeling(value: Any) -> str | None:
    """The level of a contact's appraisal annotation (as the text pipeline writes it: {"level": ..., ...})."""
    level = value.get("level") if isinstance(value, dict) else None
    return level if level in APPRAISAL_ORDER else None


def _is_open(case: dict[str, Any]) -> bool:
    return case.get("closed_at") is None and str(case.get("status") or "open").lower() not in CLOSED_CASE_STATUSES


def _case(case: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in case.items()}


def _short(text: str) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= ABOUT_CHARS else flat[: ABOUT_CHARS - 1] + "…"

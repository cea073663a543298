"""Problems as people read them: rows with owner and reporters, and one problem with its reports (and their
words), actions, journal, messages and outbox."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from klantstem.dates import to_utc, utc_or_none
from klantstem.problems import store
from klantstem.problems.model import Action, JournalEntry, ProblemDetail, ProblemRow, Report

QUOTE_CHARS = 240


def _row(r: Any, counts: tuple[int, int, int]) -> ProblemRow:
    return ProblemRow(
        id=int(r.id), step=r.step, facet=r.facet, kind=r.kind, status=r.status, owner_id=r.owner_id, owner=r.owner,
        signal=r.signal, explanation=dict(r.explanation or {}), rate=r.rate, baseline=r.baseline,
        customers=int(r.customers), reports=int(r.reports), channels=list(r.channels or []),
        first_seen=to_utc(r.first_seen), last_seen=to_utc(r.last_seen), opened_at=to_utc(r.opened_at),
        progress_at=to_utc(r.progress_at), fixed_at=utc_or_none(r.fixed_at), verified_at=utc_or_none(r.verified_at),
        review_at=utc_or_none(r.review_at), reopened=int(r.reopened), reporters=counts[0], reporters_told=counts[1],
        suggested=counts[2],
    )  # fmt: skip


def problem_rows(conn: Connection, ids: list[int] | None = None) -> list[ProblemRow]:
    counts = store.reporter_counts(conn)
    return [_row(r, counts.get(int(r.id), (0, 0, 0))) for r in store.problems(conn, ids)]


def detail(conn: Connection, problem_id: int, now: datetime | None = None) -> ProblemDetail | None:
    found = problem_rows(conn, [problem_id])
    if not found:
        return None
    moment = now or datetime.now(UTC)
    reports = store.reports_of(conn, problem_id)
    by_source: dict[str, list[int]] = defaultdict(list)
    for r in reports:
        by_source[r.source].append(int(r.source_id))
    words = {source: store.quotes(conn, source, ids) for source, ids in by_source.items()}
    told = _told(conn, problem_id)
    listed = [
        Report(int(r.id), r.source, int(r.source_id), r.customer_id, r.customer, r.channel, to_utc(r.occurred_at),
               r.link, r.reason, _quote(words[r.source].get(int(r.source_id), "")), told.get(r.customer_id))
        for r in reports
    ]  # fmt: skip
    actions = [
        Action(int(a.id), int(a.problem_id), a.description, int(a.owner_id), a.owner, to_utc(a.created_at),
               to_utc(a.due_at), utc_or_none(a.done_at), a.done_at is None and to_utc(a.due_at) < moment)
        for a in store.actions_of(conn, problem_id)
    ]  # fmt: skip
    journal = [
        JournalEntry(to_utc(j.at), j.staff_id, j.staff, j.action, dict(j.detail or {}))
        for j in store.journal_of(conn, problem_id)
    ]
    messages = [
        {"id": m.id, "kind": m.kind, "body": m.body, "created_at": to_utc(m.created_at).isoformat()}
        for m in store.messages_of(conn, problem_id)
    ]
    return ProblemDetail(found[0], listed, actions, journal, messages, store.outbox_counts(conn, problem_id))


def _told(conn: Connection, problem_id: int) -> dict[int | None, datetime]:
    """Customer id -> when the first message about this problem went out to them."""
    found: dict[int | None, datetime] = {}
    for row in store.outbox_rows(conn, limit=1_000_000, problem_id=problem_id):
        if row.status in ("queued", "sent", "exported"):
            at = to_utc(row.sent_at or row.created_at)
            found[row.customer_id] = min(found.get(row.customer_id, at), at)
    return found


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1] + "…"

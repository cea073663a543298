"""Closing the loop: one message about a problem, written once, fanned out to every customer who reported it,
through the channel they used and through the contact guard (never twice, opt-outs respected), recorded on their
timeline, and put in the outbox. The outbox is delivered by SMTP when KLANTSTEM_SMTP_URL names a mail server,
and can be exported for another system to send.

Nothing is sent twice: a message goes to a customer once (one outbox row per message and customer, and the guard's
topic); a row is marked "sending" in its own transaction before the mail server is asked, so a crash in between
leaves it visible as "sending" for a person to check, never silently sent again.
"""

from __future__ import annotations

import csv
import io
import os
import smtplib
import tempfile
from collections import Counter
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import Connection, Engine

from klantstem.clock import Clock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db.engine import reading
from klantstem.errors import ConfigurationError, NotFoundError, UserInputError
from klantstem.outreach import service as outreach
from klantstem.problems import store
from klantstem.problems.model import NotifyResult
from klantstem.settings import Settings

KINDS = ("workaround", "fix")
MAX_BODY = 5000
EVER = 36500  # days: a customer hears each kind of news about a problem once
SMTP_TIMEOUT = 15
MAX_ATTEMPTS = 5
BY_MAIL = ("email", "web_form", "review_site", "social_media")
SUBJECT = {"nl": "Over uw melding", "en": "About your report"}
ONE_OF = {
    "nl": "Uw melding was een van {n} over hetzelfde onderwerp. Dank dat u het ons liet weten.",
    "en": "Your report was one of {n} about the same thing. Thank you for telling us.",
}
GREETING = {"nl": "Beste {name},", "en": "Dear {name},"}


def notify(
    engine: Engine, clock: Clock, settings: Settings, problem_id: int, kind: str, body: str, by: int | None = None
) -> NotifyResult:
    """Queue the message for every reporter not told it yet; all in one transaction."""
    text = body.strip()
    if kind not in KINDS:
        raise UserInputError(f"a message is a {' or a '.join(KINDS)}", code="message_kind")
    if not text or len(text) > MAX_BODY:
        raise UserInputError(f"write the message (at most {MAX_BODY} characters)", code="message_length")
    now = clock.now()
    rules = outreach.GuardRules(same_topic_days=EVER, max_contacts=1, period_days=0)
    with engine.begin() as conn:
        if store.problem(conn, problem_id) is None:
            raise NotFoundError(f"problem {problem_id} does not exist", code="problem_not_found", id=problem_id)
        message_id = _message(conn, problem_id, kind, text, by, now)
        reporters = _reporters(conn, problem_id)
        people = store.contact_identities(conn, list(reporters))
        queued = already = 0
        blocked: list[tuple[int, str]] = []
        no_address: list[int] = []
        for customer_id, used in sorted(reporters.items()):
            if store.outbox_exists(conn, message_id, customer_id):
                already += 1
                continue
            who = people.get(customer_id, {})
            channel, recipient = _route(used, who)
            if channel in (None, "letter"):  # no address of their own: their delegate, when they have one
                channel, recipient = _delegate_route(conn, customer_id, now) or (channel, recipient)
            if channel is None:
                no_address.append(customer_id)
                continue
            topic = f"probleem {problem_id} {kind}"
            logged = outreach.record(conn, clock, customer_id, topic, channel, rules, staff_id=by, answering=True,
                                     timezone=settings.timezone)  # fmt: skip
            if not logged.decision.allowed:
                blocked.append((customer_id, "; ".join(logged.decision.reasons)))
                continue
            language = "en" if who.get("language") == "en" else "nl"
            subject, letter = SUBJECT[language], _letter(language, who.get("name", ""), text, len(reporters))
            store.insert_outbox(conn, {"message_id": message_id, "customer_id": customer_id, "channel": channel,
                                       "recipient": recipient, "subject": subject, "body": letter,
                                       "status": "queued", "created_at": now})  # fmt: skip
            contacts.record_message(conn, customer_id, channel, now, subject, letter, f"{message_id}:{customer_id}")
            queued += 1
        store.journal(conn, problem_id, now, by, "notified", message_id=message_id, kind=kind, queued=queued,
                      already=already, blocked=len(blocked), no_address=len(no_address))  # fmt: skip
    return NotifyResult(problem_id, message_id, queued, already, blocked, no_address)


def _message(conn: Connection, problem_id: int, kind: str, text: str, by: int | None, now: Any) -> int:
    for m in store.messages_of(conn, problem_id):
        if (m.kind, m.body) == (kind, text):
            return int(m.id)  # the same message again (a retry): its outbox rows say who has it
    return store.insert_message(conn, {"problem_id": problem_id, "kind": kind, "body": text, "created_by": by,
                                       "created_at": now})  # fmt: skip


def _reporters(conn: Connection, problem_id: int) -> dict[int, str | None]:
    """Customer id -> the channel of their latest report (detected or confirmed)."""
    found: dict[int, str | None] = {}
    for r in store.reports_of(conn, problem_id):
        if r.customer_id is not None and r.link in ("detected", "confirmed"):
            found[int(r.customer_id)] = r.channel or found.get(int(r.customer_id))
    return found


def _route(used: str | None, who: dict[str, str]) -> tuple[str | None, str | None]:
    """The channel the customer used, where we can answer on it; else e-mail, else a letter when we know where
    they live, else nothing."""
    if used in ("whatsapp", "phone") and who.get("phone"):
        return used, who["phone"]
    if (used in BY_MAIL or used is None or not who.get("phone")) and who.get("email"):
        return "email", who["email"]
    if who.get("phone"):
        return "phone", who["phone"]
    return ("letter", None) if who.get("name") else (None, None)


def _delegate_route(conn: Connection, customer_id: int, now: Any) -> tuple[str, str] | None:
    """The e-mail address or phone of someone the customer authorised for everything, active now."""
    for delegate in customers.delegates_of(conn, customer_id):
        if delegate.active_at(now) and "all" in delegate.scope:
            if delegate.email:
                return "email", delegate.email
            if delegate.phone:
                return "phone", delegate.phone
    return None


def _letter(language: str, name: str, text: str, reporters: int) -> str:
    greeting = GREETING[language].format(name=name or ("klant" if language == "nl" else "customer"))
    return f"{greeting}\n\n{text}\n\n{ONE_OF[language].format(n=reporters)}"


# --- delivery -------------------------------------------------------------------------------------------------


def _server(url: str) -> tuple[str, str, int, str | None, str | None]:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps", "smtp+starttls") or not parts.hostname:
        raise ConfigurationError("KLANTSTEM_SMTP_URL must look like smtp://user:password@host:25")
    default = {"smtp": 25, "smtps": 465, "smtp+starttls": 587}[parts.scheme]
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    return parts.scheme, parts.hostname, parts.port or default, user, password


def deliver(engine: Engine, clock: Clock, settings: Settings, limit: int = 1000) -> dict[str, int]:
    """Send the queued e-mails through the mail server; counts per outcome (sent, queued again after a
    temporary failure, failed when refused)."""
    if not settings.smtp_url:
        raise ConfigurationError("no mail server: set KLANTSTEM_SMTP_URL, or export the outbox for another system")
    scheme, host, port, user, password = _server(settings.smtp_url)
    with reading(engine) as conn:
        rows = store.outbox_rows(conn, "queued", "email", limit)
    counts: Counter[str] = Counter()
    for row in rows:
        with engine.begin() as conn:
            if not store.claim_outbox(conn, int(row.id)):
                continue
        status, error = _send(scheme, host, port, user, password, settings.mail_from, row)
        if status == "queued" and row.attempts + 1 >= MAX_ATTEMPTS:
            status = "failed"
        with engine.begin() as conn:
            store.finish_outbox(conn, int(row.id), status, clock.now() if status == "sent" else None, error)
        counts[status] += 1
    return dict(counts)


def _send(
    scheme: str, host: str, port: int, user: str | None, password: str | None, sender: str, row: Any
) -> tuple[str, str | None]:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, row.recipient, row.subject
    mail["Message-ID"] = make_msgid(f"klantstem-outbox-{row.id}")
    mail.set_content(row.body)
    try:
        factory = smtplib.SMTP_SSL if scheme == "smtps" else smtplib.SMTP
        with factory(host, port, timeout=SMTP_TIMEOUT) as server:
            if scheme == "smtp+starttls":
                server.starttls()
            if user:
                server.login(user, password or "")
            server.send_message(mail)
    except smtplib.SMTPResponseException as exc:
        kind = "queued" if 400 <= exc.smtp_code < 500 else "failed"
        said = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return kind, f"{exc.smtp_code} {said}"[:300]
    except smtplib.SMTPRecipientsRefused as exc:
        return "failed", f"recipient refused: {list(exc.recipients.values())[:1]}"[:300]
    except (TimeoutError, OSError, smtplib.SMTPException) as exc:
        return "queued", f"{type(exc).__name__}: {exc}"[:300]
    return "sent", None


def export_outbox(engine: Engine, clock: Clock, path: Path, channel: str | None = None) -> int:
    """Write the queued messages (of one channel, or all) to a CSV file for another system to send, and mark them
    exported; the file is written whole or not at all, and the rows are marked only with it."""
    with engine.begin() as conn:
        rows = store.outbox_rows(conn, "queued", channel, 1_000_000)
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(["outbox_id", "problem_id", "customer_id", "channel", "recipient", "subject", "body"])
        for r in rows:
            writer.writerow([r.id, r.problem_id, r.customer_id, r.channel, r.recipient or "",
                             _cell(r.subject), _cell(r.body)])  # fmt: skip
            store.finish_outbox(conn, int(r.id), "exported", clock.now(), None)
        _write_whole(path, buffer.getvalue())
    return len(rows)


def _cell(value: str) -> str:
    """A spreadsheet does not read the cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _write_whole(path: Path, text: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".klantstem-", suffix=".csv")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(name, path)
    except OSError as exc:
        raise UserInputError(f"{path}: cannot write the export ({exc.strerror})") from None

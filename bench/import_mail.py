"""Benchmark: import an mbox of 100,000 messages into a fresh SQLite file through the CLI, as a whole command.

Generates (seeded, once) a Dutch and English customer-service mailbox under bench/out/: threads of one to four
messages (the customer's complaint, the organisation's reply quoting it and often promising a call back, the
customer's answer quoting both), a quarter of the messages as HTML with a plain-text alternative and some with a
PDF attachment, some in Windows-1252 with encoded-word names and subjects. Then runs
`klantstem import mail FILE --db DB --format json` in a child process and reports the wall time of the whole
command (Python start-up included), the import's own time, and the child's CPU seconds.

    .venv/bin/python bench/import_mail.py [--messages 100000] [--seed 28] [--runs 1] [--baseline 5000]

`--baseline N` also times the plain standard-library way on the first N messages, in this process: every message
read with `mailbox.mbox` and parsed with `email.policy.default`, its From, To and Date headers and its body
taken from the policy's header objects, to show where the time of a naive reader goes.

Figures go to stdout and to bench/out/import_mail.json; docs/benchmarks.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import mailbox
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from email.utils import format_datetime
from pathlib import Path

from klantstem.db.engine import open_database
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
KLANTSTEM = Path(sys.executable).parent / "klantstem"
OWN = "@autohuis-jansen.nl"

FIRST = ["Jan", "Piet", "Els", "Fatima", "Mohamed", "Sanne", "Daan", "Emma", "Lucas", "Noor", "José", "Zoë"]
LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz", "Müller"]
STAFF = ["Piet Jansen", "Karin de Wit", "Service Autohuis Jansen", "Ahmed Bakker"]
SUBJECTS = ["Proefrit", "Factuur", "Levering", "Reparatie", "Afspraak werkplaats", "Invoice", "Delivery"]
COMPLAINTS = [
    "Na de proefrit zou de dealer mij terugbellen, maar ik heb niets gehoord.",
    "Ik heb al drie keer gebeld en niemand kan de agenda zien.",
    "De factuur klopt niet: ik heb nooit een offerte gekregen.",
    "My car was supposed to be ready yesterday and nobody called me.",
    "De monteur kwam op tijd en alles werkt weer, dank u wel!",
    "I was kept on hold for 47 minutes and then the line dropped.",
]
REPLIES = [
    "Excuses voor het lange wachten. Wij bellen u binnen 2 werkdagen terug.",
    "Dank voor uw bericht. Wij sturen u morgen een nieuwe factuur.",
    "We are sorry. We will call you back within 2 hours.",
    "Dank u wel voor uw reactie, fijn dat alles weer werkt.",
]


def generate(path: Path, messages: int, seed: int) -> None:
    """Write the mbox (From lines, as Python's mailbox writes them)."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    tmp = path.with_suffix(".tmp")
    written = 0
    with tmp.open("wb") as out:
        while written < messages:
            thread = _thread(rng, written, start + timedelta(seconds=rng.randrange(600 * 86400)))
            for message in thread[: messages - written]:
                out.write(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n" + message + b"\n")
                written += 1
    tmp.replace(path)


def _thread(rng: random.Random, number: int, moment: datetime) -> list[bytes]:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    address = f"klant{rng.randrange(40_000)}@example.nl"
    staff = rng.choice(STAFF)
    staff_address = f"{staff.split()[0].lower()}{OWN}"
    subject = f"{rng.choice(SUBJECTS)} {number}"
    complaint, reply = rng.choice(COMPLAINTS), rng.choice(REPLIES)
    root = f"<t{number}.1@example.nl>"
    first = _message(rng, (name, address), (staff, staff_address), subject, moment, root, [], complaint, "")
    thread = [first]
    length = rng.choice((1, 2, 2, 3, 3, 4))
    references = [root]
    quoted = complaint
    for step in range(1, length):
        moment += timedelta(minutes=rng.randrange(5, 3000))
        own = step % 2 == 1
        sender, to = ((staff, staff_address), (name, address)) if own else ((name, address), (staff, staff_address))
        text = reply if own else "Er is nog steeds niemand geweest. Daarover staat niks in het systeem."
        message_id = f"<t{number}.{step + 1}@{'autohuis-jansen.nl' if own else 'example.nl'}>"
        thread.append(_message(rng, sender, to, f"Re: {subject}", moment, message_id, references, text, quoted))
        references = [*references, message_id]
        quoted = f"{text}\n\n> {quoted}"
    return thread


def _message(
    rng: random.Random, sender: tuple[str, str], to: tuple[str, str], subject: str, moment: datetime,
    message_id: str, references: list[str], text: str, quoted: str,
) -> bytes:  # fmt: skip
    body = f"Goedemiddag,\n\n{text}\n\nMet vriendelijke groet,\n{sender[0]}\n"
    if quoted:
        body += f"\nOp {moment:%d-%m-%Y} om 10:00 schreef {to[0]} <{to[1]}>:\n\n" + "".join(
            f"> {line}\n" for line in quoted.split("\n")
        )
    head = [f"From: {sender[0]} <{sender[1]}>", f"To: {to[0]} <{to[1]}>", f"Subject: {subject}",
            f"Date: {format_datetime(moment.astimezone(datetime.now().astimezone().tzinfo))}",
            f"Message-ID: {message_id}", "MIME-Version: 1.0"]  # fmt: skip
    if references:
        head += [f"In-Reply-To: {references[-1]}", f"References: {' '.join(references)}"]
    kind = rng.random()
    if kind < 0.15:  # Windows-1252, 8-bit
        head += ["Content-Type: text/plain; charset=windows-1252", "Content-Transfer-Encoding: 8bit"]
        return ("\n".join(head) + "\n\n").encode("ascii", "replace") + body.encode("cp1252", "replace")
    if kind < 0.40:  # HTML with a plain alternative, sometimes with an attachment
        html = "".join(f"<p>{line}</p>" for line in body.split("\n") if line and not line.startswith(">"))
        parts = [("text/plain; charset=utf-8", body), ("text/html; charset=utf-8", f"<html><body>{html}</body></html>")]
        alternative = _multipart("alternative", "alt", parts)
        if kind < 0.30:
            attachment = (
                'application/pdf; name="offerte.pdf"\nContent-Disposition: attachment; filename="offerte.pdf"\n'
                "Content-Transfer-Encoding: base64", "JVBERi0xLjQKJcOkw7zDtsOfCg==\n",
            )  # fmt: skip
            inner = alternative.split("\n", 1)
            mixed = _multipart("mixed", "mix", [(inner[0].removeprefix("Content-Type: "), inner[1]), attachment])
            return ("\n".join(head) + "\n" + mixed).encode("utf-8")
        return ("\n".join(head) + "\n" + alternative).encode("utf-8")
    head += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    return ("\n".join(head) + "\n\n" + body).encode("utf-8")


def _multipart(subtype: str, boundary: str, parts: list[tuple[str, str]]) -> str:
    text = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\n\n'
    for content_type, body in parts:
        text += f"--{boundary}\nContent-Type: {content_type}\n\n{body}\n"
    return text + f"--{boundary}--\n"


def run_import(mbox: Path, db_path: Path) -> dict[str, object]:
    db_path.unlink(missing_ok=True)
    open_database(Settings().with_database(str(db_path)), create=True).dispose()  # create and migrate it beforehand
    command = [str(KLANTSTEM), "import", "mail", str(mbox), "--db", str(db_path), "--format", "json"]
    env = {**os.environ, "KLANTSTEM_ORGANISATION_SENDERS": OWN}
    before = os.times()
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    if finished.returncode != 0:
        raise SystemExit(f"import failed: {finished.stderr.strip()}")
    report = json.loads(finished.stdout)
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {
        "whole_command_s": round(wall, 2), "import_s": report["seconds"], "messages": report["rows"],
        "added": report["added"], "customers_added": report["customers_added"],
        "promises_found": report["promises_found"], "warnings": len(report["warnings"]),
        "messages_per_s_whole_command": round(report["rows"] / wall), "cpu_s_children": round(cpu, 2),
    }  # fmt: skip


def baseline(mbox: Path, count: int) -> dict[str, object]:
    """The plain standard-library way on the first `count` messages (see the module's docstring)."""
    parser = BytesParser(policy=policy.default)
    box = mailbox.mbox(str(mbox), factory=None, create=False)
    started, cpu = time.perf_counter(), time.process_time()
    done = 0
    for key in box.iterkeys():
        message = parser.parsebytes(box.get_bytes(key))
        _ = (message["from"].addresses, message["to"].addresses, message["date"].datetime)
        body = message.get_body(("plain", "html"))
        if body is not None:
            body.get_content()
        done += 1
        if done >= count:
            break
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "messages": done, "seconds": round(seconds, 2), "cpu_s": round(cpu, 2),
        "cpu_ms_per_message": round(1000 * cpu / done, 3),
    }  # fmt: skip


def reader_cpu(mbox: Path, count: int) -> dict[str, object]:
    """klantstem's own mail reader (parsing, new text, checks and fingerprints; no database) on the first
    `count` messages, in this process (without the worker processes the import uses), for the same figure as
    `baseline`."""
    from itertools import islice

    from klantstem.imports.conversations import ConversationRequest
    from klantstem.imports.mail import read_mail
    from klantstem.imports.mail_sources import MailSource

    survey = time.process_time()
    MailSource(mbox).survey()  # the whole file once: SHA-256, message count, the ids that replies name
    survey = time.process_time() - survey
    request = ConversationRequest(str(mbox), False, "Europe/Amsterdam", "NL", 1000, OWN)
    cpu = time.process_time()
    # in this process alone (no workers), for a CPU figure comparable with the baseline's
    read = sum(1 for _ in islice(read_mail(request, parallel_from=10**9), 1 + count // 1000))  # the batches
    cpu = time.process_time() - cpu - survey
    return {
        "messages": 1000 * (read - 1), "survey_cpu_s_whole_file": round(survey, 2), "cpu_s": round(cpu, 2),
        "cpu_ms_per_message": round(1000 * cpu / count, 3),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=28)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--baseline", type=int, default=0, help="also time the naive reader on N messages")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    mbox = OUT / f"mail_{args.messages}_{args.seed}.mbox"
    if not mbox.exists():
        generate(mbox, args.messages, args.seed)
    print(f"mbox: {mbox} ({mbox.stat().st_size / 2**20:.1f} MiB, {args.messages:,} messages)")
    results: dict[str, object] = {"cores": os.cpu_count(), "load_before": os.getloadavg()[0], "runs": []}
    for run in range(args.runs):
        figures = run_import(mbox, OUT / "import_mail.db")
        print(f"run {run + 1}: {json.dumps(figures)}")
        results["runs"].append(figures)  # type: ignore[attr-defined]
    results["load_after"] = os.getloadavg()[0]
    if args.baseline:
        results["baseline"] = baseline(mbox, args.baseline)
        print(f"naive reader (mailbox + policy.default header objects): {json.dumps(results['baseline'])}")
        results["reader"] = reader_cpu(mbox, args.baseline)
        print(f"klantstem's reader, same messages: {json.dumps(results['reader'])}")
    (OUT / "import_mail.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

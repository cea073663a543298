"""Benchmark: the web application under a bounded load of concurrent signed-in users on loopback.

Builds the demo organisation at --scale (10: 20,000 customers, 100,000 contacts, 15,000 stories, 500,000 events,
the largest the generator builds in one go), analyses its stories, copies them onto other customers
--story-copies times (so there are ten times as many stories, with their steps and labels), tops the contacts
up to --contacts with generated ones spread over the demo's customers (SQLite), starts `klantstem serve` in a
child process, signs in --users users, warms the figures, then lets every user request the dashboard (filters
varied) and customer pages (random customers) as fast as the server answers, for --seconds. Reports latency
percentiles per page and requests per second.

    .venv/bin/python bench/web_load.py [--contacts 1000000] [--users 20] [--seconds 60] [--reuse]

Figures go to stdout and to bench/out/web_load.json (--out); docs/benchmarks.md ("Web") quotes them.
--deferred-reads serves with SQLite transactions begun DEFERRED rather than IMMEDIATE (see DEFERRED_LAUNCHER).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from klantstem.clock import SystemClock
from klantstem.db.engine import open_database
from klantstem.demo.service import DemoSize, build_demo
from klantstem.insights import service as insights
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
KLANTSTEM = Path(sys.executable).parent / "klantstem"
EMAIL, PASSWORD = "bench@example.nl", "bench password 123"
DASHBOARDS = ["", "?period=90d", "?period=30d", "?channel=phone", "?channel=email", "?period=all"]


def build(db: Path, contacts: int, scale: float, story_copies: int, seed: int) -> dict[str, Any]:
    """The demo at `scale` (the largest the generator builds in one go), its stories analysed and then copied
    onto other customers `story_copies` times (steps and labels with them), and contacts topped up to
    `contacts` with generated ones spread over the demo's customers."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    engine = open_database(Settings().with_database(db))
    started = time.perf_counter()
    report = build_demo(engine, size=DemoSize().scaled(scale))
    built = time.perf_counter() - started
    started = time.perf_counter()
    analysed = insights.analyse_stories(engine, SystemClock())
    analyse_s = time.perf_counter() - started
    engine.dispose()
    started = time.perf_counter()
    with sqlite3.connect(db) as conn:
        _copy_stories(conn, story_copies)
        added = _top_up_contacts(conn, contacts, seed)
    return {"demo": report.counts, "demo_build_s": round(built, 1), "analysed": analysed,
            "analyse_s": round(analyse_s, 1), "copied_and_topped_up_s": round(time.perf_counter() - started, 1),
            "contacts_added": added}  # fmt: skip


def _copy_stories(conn: sqlite3.Connection, copies: int) -> None:
    """Every story again on another customer, with its steps and labels (ids stay contiguous per copy)."""
    last = conn.execute("SELECT max(id) FROM stories").fetchone()[0]
    customers = conn.execute("SELECT max(id) FROM customers").fetchone()[0]
    story_cols = "case_id, staff_id, perspective, source, channel, told_at, title, text, summary, " \
                 "summary_confirmed, confirmed_at"  # fmt: skip
    for n in range(1, copies + 1):
        offset = conn.execute("SELECT max(id) FROM stories").fetchone()[0]
        conn.execute(
            f"INSERT INTO stories (id, customer_id, {story_cols}, fingerprint) SELECT id + {offset}, "
            f"(customer_id + {n * 7919}) % {customers} + 1, {story_cols}, fingerprint || ':copy{n}' "
            f"FROM stories WHERE id <= {last} ORDER BY id"
        )
        conn.execute(
            "INSERT INTO story_steps (story_id, position, description, happened_at, appraisal, department_id) "
            f"SELECT story_id + {offset}, position, description, happened_at, appraisal, department_id "
            f"FROM story_steps WHERE story_id <= {last}"
        )
        conn.execute(
            "INSERT INTO annotations (target, target_id, kind, value, model_version, created_at) "
            f"SELECT target, target_id + {offset}, kind, value, model_version, created_at FROM annotations "
            f"WHERE target = 'story' AND target_id <= {last}"
        )
    conn.execute("UPDATE stories SET case_id = NULL WHERE fingerprint LIKE '%:copy%'")


SUBJECTS = ["Vraag over mijn factuur", "Storing", "Levering", "Afspraak", "Klacht", "Terugbelverzoek", None]
TEXTS = [
    "Ik heb al twee keer gebeld en wacht nog op een reactie.",
    "Wanneer komt de monteur?",
    "Bedankt voor de snelle hulp!",
    "De brief is mij niet duidelijk.",
    "Could you call me back please?",
]
CHANNELS = ["phone", "email", "whatsapp", "web_form", "letter", "visit", "social_media", "review_site"]


def _top_up_contacts(conn: sqlite3.Connection, target: int, seed: int) -> int:
    have = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    customers = conn.execute("SELECT max(id) FROM customers").fetchone()[0]
    rng = random.Random(seed)
    start = datetime.fromisoformat("2025-11-01T08:00:00+00:00")

    def rows() -> Iterator[tuple[Any, ...]]:
        for n in range(target - have):
            moment = start + timedelta(seconds=rng.randrange(365 * 86400))
            yield (rng.randint(1, customers), rng.choice(CHANNELS), rng.choice(("inbound", "inbound", "outbound")),
                   moment.strftime("%Y-%m-%d %H:%M:%S.%f"), rng.choice(SUBJECTS), rng.choice(TEXTS), "bench",
                   f"bench-{seed}-{n}")  # fmt: skip

    conn.executemany(
        "INSERT INTO contacts (customer_id, channel, direction, occurred_at, subject, text, source, fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
    return max(0, target - have)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# For --deferred-reads: `klantstem serve` with SQLite transactions begun DEFERRED instead of IMMEDIATE, to measure
# what readers gain when they no longer take the write lock (a proposed change to klantstem.db.engine).
DEFERRED_LAUNCHER = """
import sys
from sqlalchemy import event
import klantstem.db.engine as eng
configure = eng._configure_sqlite
def deferred(engine, busy_timeout_ms):
    configure(engine, busy_timeout_ms)
    for listener in list(engine.dispatch.begin):
        event.remove(engine, "begin", listener)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
eng._configure_sqlite = deferred
from klantstem.cli.main import run
run()
"""


def start_server(db: Path, deferred_reads: bool, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    subprocess.run([str(KLANTSTEM), "users", "add", EMAIL, "--name", "Bench", "--role", "admin",
                    "--password-stdin", "--db", str(db)], input=(PASSWORD + "\n").encode(),
                   check=False, capture_output=True)  # fmt: skip
    port = _free_port()
    command = [sys.executable, "-c", DEFERRED_LAUNCHER] if deferred_reads else [str(KLANTSTEM)]
    server = subprocess.Popen([*command, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def signed_in(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=120, follow_redirects=True)
    page = client.get("/signin").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    response = client.post("/signin", data={"email": EMAIL, "password": PASSWORD, "csrf": csrf.group(1)})
    assert response.status_code == 200 and "/dashboard" in str(response.url), response.status_code
    return client


def warm(client: httpx.Client) -> dict[str, float]:
    """First (cold) computation of every dashboard variant, then wait for the background process analysis."""
    cold: dict[str, float] = {}
    for variant in DASHBOARDS:
        started = time.perf_counter()
        client.get("/dashboard" + variant).raise_for_status()
        cold[variant or "(default)"] = round((time.perf_counter() - started) * 1000, 1)
    started = time.perf_counter()
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline:
        pending = [v for v in DASHBOARDS if client.get("/api/dashboard" + v).json().get("process") is None]
        if not pending:
            break
        time.sleep(2)
    cold["process analyses (background)"] = round((time.perf_counter() - started) * 1000, 1)
    return cold


def load(clients: list[httpx.Client], customers: int, seconds: float, seed: int) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def user(n: int, client: httpx.Client) -> None:
        rng = random.Random(seed + n)
        mine: list[tuple[str, float, int]] = []
        while time.monotonic() < stop:
            if rng.random() < 0.5:
                kind, path = "dashboard", "/dashboard" + rng.choice(DASHBOARDS)
            else:
                kind, path = "customer", f"/customers/{rng.randint(1, customers)}"
            started = time.perf_counter()
            status = client.get(path).status_code
            mine.append((kind, time.perf_counter() - started, status))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=user, args=(n, c)) for n, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def summarise(results: list[tuple[str, float, int]], seconds: float) -> dict[str, Any]:
    def figures(times: list[float]) -> dict[str, float]:
        ordered = sorted(times)
        q = statistics.quantiles(ordered, n=100) if len(ordered) > 1 else ordered * 99
        return {"requests": len(ordered), "per_second": round(len(ordered) / seconds, 1),
                "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
                "p99_ms": round(q[98] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}  # fmt: skip

    out: dict[str, Any] = {"all": figures([t for _, t, _ in results])}
    for kind in ("dashboard", "customer"):
        out[kind] = figures([t for k, t, _ in results if k == kind])
    out["errors"] = sum(1 for _, _, status in results if status != 200)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--scale", type=float, default=10.0, help="Demo scale (10 = 20,000 customers).")
    parser.add_argument("--story-copies", type=int, default=9, help="Copies of each demo story (9: ten times).")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--db", type=Path, default=OUT / "web_load.db")
    parser.add_argument("--reuse", action="store_true", help="Use the database of an earlier run as it is.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--deferred-reads",
        action="store_true",
        help="Serve with SQLite transactions begun DEFERRED (a proposed engine change).",
    )
    parser.add_argument("--out", type=Path, default=OUT / "web_load.json")
    parser.add_argument("--workers", type=int, default=1, help="Server processes (`klantstem serve --workers`).")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    result: dict[str, Any] = {"contacts": args.contacts, "users": args.users, "seconds": args.seconds,
                              "cpus": os.cpu_count(), "load_average_before": os.getloadavg()}  # fmt: skip
    if not (args.reuse and args.db.exists()):
        result["build"] = build(args.db, args.contacts, args.scale, args.story_copies, args.seed)
        print(json.dumps(result["build"]), flush=True)
    engine = open_database(Settings().with_database(args.db))
    from klantstem.reports import service as reports

    counts = reports.database_stats(engine)["tables"]
    engine.dispose()
    result["tables"] = {k: counts[k] for k in ("customers", "contacts", "stories", "story_steps", "process_events")}
    result["deferred_reads"] = args.deferred_reads
    result["workers"] = args.workers
    server, base = start_server(args.db, args.deferred_reads, args.workers)
    try:
        clients = [signed_in(base) for _ in range(args.users)]
        result["cold_ms"] = warm(clients[0])
        print(json.dumps(result["cold_ms"]), flush=True)
        results = load(clients, counts["customers"], args.seconds, args.seed)
        result["load"] = summarise(results, args.seconds)
        result["load_average_after"] = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

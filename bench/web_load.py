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
The load comes from Debian's wrk (`apt-get install wrk`; one process per page kind, so each has its own
latency figures) when it is installed, else from Python threads (--client python), which on a 2-core machine
take CPU from the server they measure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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
    engine = open_database(Settings().with_database(db), create=True)
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its threads, from /proc (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(pid: int) -> float:
    """CPU time of the server process and its worker processes (its children)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += [int(c) for c in task.read_text().split()]
    return cpu_seconds(pid) + sum(cpu_seconds(c) for c in children)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, workers: int, wait_s: float = 120) -> tuple[subprocess.Popen[bytes], str]:
    subprocess.run([str(KLANTSTEM), "users", "add", EMAIL, "--name", "Bench", "--role", "admin",
                    "--password-stdin", "--db", str(db)], input=(PASSWORD + "\n").encode(),
                   check=False, capture_output=True)  # fmt: skip
    port = _free_port()
    command = [str(KLANTSTEM), "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait_s
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
    """First (cold) computation of every dashboard variant, then wait for the background process analysis and
    themes, then the same in every other server process."""
    cold: dict[str, float] = {}
    for variant in DASHBOARDS:
        started = time.perf_counter()
        client.get("/dashboard" + variant).raise_for_status()
        cold[variant or "(default)"] = round((time.perf_counter() - started) * 1000, 1)
    started = time.perf_counter()
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline:
        pending = [v for v in DASHBOARDS if not _background_done(client.get("/api/dashboard" + v).json())]
        if not pending:
            break
        time.sleep(2)
    cold["process analyses (background)"] = round((time.perf_counter() - started) * 1000, 1)
    started = time.perf_counter()
    cold["rounds until every worker answers fast"] = _warm_every_worker(client)
    cold["other workers (ms)"] = round((time.perf_counter() - started) * 1000, 1)
    return cold


def _background_done(dashboard: dict[str, Any]) -> bool:
    """The dashboard's process analysis and themes, computed in the background, are there (not null)."""
    return dashboard.get("process") is not None and dashboard.get("themes") is not None


def _warm_every_worker(signed: httpx.Client, fast_s: float = 1.0, connections: int = 8) -> int:
    """Each server process keeps its own figures: ask for every dashboard variant over several new connections
    at once (the kernel spreads them over the processes) until a whole round answers within `fast_s`."""
    cookies = dict(signed.cookies.items())

    def slowest(variant: str) -> float:
        with httpx.Client(base_url=str(signed.base_url), cookies=cookies, timeout=1800) as fresh:
            started = time.perf_counter()
            fresh.get("/dashboard" + variant).raise_for_status()
            while not _background_done(fresh.get("/api/dashboard" + variant).json()):
                time.sleep(1)
            return time.perf_counter() - started

    asks = [v for v in DASHBOARDS for _ in range(connections)]
    for rounds in range(1, 30):
        with ThreadPoolExecutor(len(asks)) as pool:
            if max(pool.map(slowest, asks)) < fast_s:
                return rounds
    return -1


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


# wrk's Lua script for one page kind: every request a random dashboard variant or a random customer, with the
# session cookie of a signed-in user; any answer but 200 counts as an error.
WRK_SCRIPT = """
math.randomseed(%(seed)d)
local dashboards = {%(dashboards)s}
local threads = {}
bad = 0
function setup(thread) table.insert(threads, thread) end
function request()
  local path
  if "%(kind)s" == "dashboard" then path = "/dashboard" .. dashboards[math.random(#dashboards)]
  else path = "/customers/" .. math.random(%(customers)d) end
  return wrk.format("GET", path, {["Cookie"] = "%(cookie)s"})
end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + thread:get("bad") end
  local e = summary.errors
  errors = errors + e.connect + e.read + e.write + e.timeout
  io.write(string.format('{"requests": %%d, "duration_s": %%.3f, "p50_ms": %%.1f, "p95_ms": %%.1f, ' ..
    '"p99_ms": %%.1f, "max_ms": %%.1f, "errors": %%d}\\n', summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, errors))
end
"""


def load_wrk(
    base: str, clients: list[httpx.Client], users: int, customers: int, seconds: float, seed: int
) -> dict[str, Any]:
    """Half the users on dashboards, half on customer pages: one wrk process each (one thread, users / 2
    connections), run side by side, so each page kind has its own latency distribution."""
    runs: dict[str, subprocess.Popen[str]] = {}
    for n, kind in enumerate(("dashboard", "customer")):
        script = OUT / f"web_load_{kind}.lua"
        values = {"seed": seed + n, "kind": kind, "customers": customers, "cookie": _cookie(clients[n]),
                  "dashboards": ", ".join(json.dumps(v) for v in DASHBOARDS)}  # fmt: skip
        script.write_text(WRK_SCRIPT % values)
        command = ["wrk", "-t1", f"-c{users // 2}", f"-d{int(seconds)}s", "--timeout", "30s", "-s", str(script), base]
        runs[kind] = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    out: dict[str, Any] = {}
    for kind, run in runs.items():
        lines = [line for line in run.communicate()[0].splitlines() if line.startswith("{")]
        figures = json.loads(lines[-1])
        figures["per_second"] = round(figures["requests"] / figures["duration_s"], 1)
        out[kind] = figures
    out["all"] = {"requests": sum(out[k]["requests"] for k in runs),
                  "per_second": round(sum(out[k]["per_second"] for k in runs), 1)}  # fmt: skip
    out["errors"] = sum(out[k]["errors"] for k in runs)
    return out


def _cookie(client: httpx.Client) -> str:
    return "; ".join(f"{name}={value}" for name, value in client.cookies.items())


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
        "--client",
        choices=("wrk", "python"),
        default="wrk" if shutil.which("wrk") else "python",
        help="Load generator: wrk (Debian's, in C, with a Lua script; the default when installed) or Python "
        "threads with httpx (which take CPU from the server on a small machine).",
    )
    parser.add_argument("--out", type=Path, default=OUT / "web_load.json")
    parser.add_argument("--workers", type=int, default=2, help="Server processes (`klantstem serve --workers`).")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    result: dict[str, Any] = {"contacts": args.contacts, "users": args.users, "seconds": args.seconds,
                              "cpus": os.cpu_count(), "load_average_before": os.getloadavg()}  # fmt: skip
    if not (args.reuse and args.db.exists()):
        result["build"] = build(args.db, args.contacts, args.scale, args.story_copies, args.seed)
        print(json.dumps(result["build"]), flush=True)
    engine = open_database(Settings().with_database(args.db), create=True)
    from klantstem.reports import service as reports

    counts = reports.database_stats(engine)["tables"]
    engine.dispose()
    result["tables"] = {k: counts[k] for k in ("customers", "contacts", "stories", "story_steps", "process_events")}
    result["workers"] = args.workers
    result["client"] = args.client
    server, base = start_server(args.db, args.workers)
    try:
        clients = [signed_in(base) for _ in range(args.users if args.client == "python" else 2)]
        result["cold_ms"] = warm(clients[0])
        print(json.dumps(result["cold_ms"]), flush=True)
        cpu_before = server_cpu_seconds(server.pid)
        if args.client == "wrk":
            result["load"] = load_wrk(base, clients, args.users, counts["customers"], args.seconds, args.seed)
        else:
            results = load(clients, counts["customers"], args.seconds, args.seed)
            result["load"] = summarise(results, args.seconds)
        # The server's CPU time per answer (both page kinds): on a shared machine it varies far less than latency.
        cpu = server_cpu_seconds(server.pid) - cpu_before
        result["load"]["server_cpu_s"] = round(cpu, 1)
        result["load"]["server_cpu_ms_per_request"] = round(cpu * 1000 / max(1, result["load"]["all"]["requests"]), 2)
        result["load_average_after"] = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

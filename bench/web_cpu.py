"""Benchmark: server CPU time per request of one page kind, the figure that holds on a shared machine.

Starts `klantstem serve` with one worker process on a database that bench/web_load.py built, signs in
(without opening the dashboard, whose first computation takes seconds of CPU in the background), asks for a
few pages to warm up, then lets wrk ask for one page kind (random customers, or the dashboard variants) over
--connections connections for --seconds, and divides the server process's CPU time (user + system, from
/proc) by the number of answers. Wall-time latency on a busy machine varies with the load; CPU per request does
far less.

    .venv/bin/python bench/web_cpu.py --db /tmp/klantstem_web_load/web_load.db [--page customer] [--seconds 20]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import web_load  # noqa: E402 - the sibling bench script: server start, wrk script, sign-in details


def signed_in_cookie(base: str) -> str:
    client = httpx.Client(base_url=base, timeout=60)
    page = client.get("/signin").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    data = {"email": web_load.EMAIL, "password": web_load.PASSWORD, "csrf": csrf.group(1)}
    response = client.post("/signin", data=data)
    assert response.status_code == 303, response.status_code
    return "; ".join(f"{name}={value}" for name, value in client.cookies.items())


def measure(
    base: str, pid: int, page: str, customers: int, connections: int, seconds: float, seed: int
) -> dict[str, Any]:
    script = web_load.OUT / f"web_cpu_{page}.lua"
    values = {"seed": seed, "kind": page, "customers": customers, "cookie": signed_in_cookie(base),
              "dashboards": ", ".join(json.dumps(v) for v in web_load.DASHBOARDS)}  # fmt: skip
    script.write_text(web_load.WRK_SCRIPT % values)

    def run(duration: float) -> dict[str, Any]:
        command = ["wrk", "-t1", f"-c{connections}", f"-d{int(duration)}s", "--timeout", "60s", "-s", str(script), base]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return dict(json.loads([line for line in out.splitlines() if line.startswith("{")][-1]))

    run(3)  # warm: templates compiled, connections opened, statements cached
    before, started = web_load.cpu_seconds(pid), time.perf_counter()
    figures = run(seconds)
    cpu, wall = web_load.cpu_seconds(pid) - before, time.perf_counter() - started
    figures["server_cpu_s"] = round(cpu, 2)
    figures["cpu_ms_per_request"] = round(cpu * 1000 / max(1, figures["requests"]), 2)
    figures["server_cpu_share"] = round(cpu / wall, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="A database built by bench/web_load.py.")
    parser.add_argument("--page", choices=("customer", "dashboard"), default="customer")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    web_load.OUT.mkdir(exist_ok=True)
    import sqlite3

    with sqlite3.connect(args.db) as conn:
        customers = int(conn.execute("SELECT max(id) FROM customers").fetchone()[0])
    server, base = web_load.start_server(args.db, 1)
    try:
        result: dict[str, Any] = {"page": args.page, "load_average_before": os.getloadavg()}
        if args.page == "dashboard":
            web_load.warm(web_load.signed_in(base))
        result.update(measure(base, server.pid, args.page, customers, args.connections, args.seconds, args.seed))
        result["load_average_after"] = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

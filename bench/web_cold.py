"""Benchmark: 20 users against a cold server. Builds the demo organisation (its stories not yet analysed),
starts `klantstem serve --workers 2`, signs the users in and, at once, lets each request the heavy pages (the
dashboard with its filter variants, the process page, themes, the promises board and the dashboard's JSON) as
fast as the answers come, for --seconds. Counts errors (a 5xx other than the API's "being computed" 503, or a
broken connection such as "Server disconnected"), the answers that said "being computed", and latencies.

    .venv/bin/python bench/web_cold.py [--scale 1] [--users 20] [--seconds 60] [--workers 2] [--demo PATH]

--demo keeps the freshly built demo at PATH (built there when missing) and runs on a copy of it, so that a second
run does not build it again; the copy is as cold as a new build. Per route the bench prints p50 / p95 / max, and
the CPU seconds (user + sys) the server and its workers spent.

Figures go to stdout and bench/out/web_cold.json; docs/benchmarks.md ("Web: a cold server") quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_load import KLANTSTEM, OUT, signed_in, start_server  # noqa: E402

PAGES = ["/dashboard", "/dashboard?period=90d", "/dashboard?period=30d", "/dashboard?channel=phone",
         "/dashboard?department=2", "/process", "/process?period=90d", "/themes", "/promises",
         "/api/dashboard", "/api/dashboard?department=2"]  # fmt: skip


def _user(client: httpx.Client, seconds: float, seed: int, out: list[dict[str, Any]], lock: threading.Lock) -> None:
    rng = random.Random(seed)
    stop = time.monotonic() + seconds
    mine = []
    while time.monotonic() < stop:
        path = rng.choice(PAGES)
        started = time.perf_counter()
        try:
            response = client.get(path)
            status, computing = response.status_code, 'id="computing"' in response.text or (
                response.status_code == 503 and "computing" in response.text)
            error = status >= 500 and not computing
            note = ""
        except httpx.HTTPError as exc:
            status, computing, error, note = 0, False, True, type(exc).__name__
        mine.append({"path": path, "s": time.perf_counter() - started, "status": status, "computing": computing,
                     "error": error, "note": note})  # fmt: skip
    with lock:
        out.extend(mine)


def _children_cpu() -> float:
    """User + system CPU seconds of the children waited for (the server, which waits for its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _per_route(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    routes: dict[str, dict[str, float]] = {}
    for path in PAGES:
        times = sorted(r["s"] for r in results if r["path"] == path)
        if times:
            routes[path] = {"requests": len(times), "p50_ms": round(times[len(times) // 2] * 1000, 1),
                            "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 1),
                            "max_ms": round(times[-1] * 1000, 1),
                            "computing": sum(r["computing"] for r in results if r["path"] == path)}  # fmt: skip
    return routes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Demo scale (1 = 2,000 customers).")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT / "web_cold.json")
    parser.add_argument("--demo", type=Path, help="Keep the built demo here and run on a copy of it.")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "cold.db"
        started = time.perf_counter()
        built = args.demo if args.demo is not None else db
        if not built.exists():
            subprocess.run([str(KLANTSTEM), "demo", "--db", str(built), "--scale", str(args.scale)], check=True,
                           capture_output=True)  # fmt: skip
        if built != db:
            shutil.copyfile(built, db)
        built_s = time.perf_counter() - started
        cpu_before = _children_cpu()
        server, base = start_server(db, args.workers, wait_s=900)  # a loaded 2-core machine starts slowly
        try:
            clients = [signed_in(base) for _ in range(args.users)]
            results: list[dict[str, Any]] = []
            lock = threading.Lock()
            threads = [threading.Thread(target=_user, args=(c, args.seconds, n, results, lock))
                       for n, c in enumerate(clients)]  # fmt: skip
            load_before = os.getloadavg()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
            load_after = os.getloadavg()
            server_cpu_s = _children_cpu() - cpu_before
    times = sorted(r["s"] for r in results)
    summary = {
        "scale": args.scale, "users": args.users, "seconds": args.seconds, "workers": args.workers,
        "demo_built_s": round(built_s, 1), "load_average_before": load_before, "requests": len(results),
        "errors": sum(r["error"] for r in results), "computing_answers": sum(r["computing"] for r in results),
        "error_kinds": sorted({f"{r['status']} {r['note']}".strip() for r in results if r["error"]}),
        "p50_ms": round(times[len(times) // 2] * 1000, 1), "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 1),
        "max_ms": round(times[-1] * 1000, 1),
        "figures_shown": sum(r["status"] == 200 and not r["computing"] for r in results),
        "load_average_after": load_after, "server_cpu_s": round(server_cpu_s, 1), "routes": _per_route(results),
    }  # fmt: skip
    args.out.write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()

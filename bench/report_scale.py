"""The management report on a scaled demo organisation: wall time and peak memory of `klantstem report` for a
month and a year, as fresh processes measured from outside.

    nice .venv/bin/python bench/report_scale.py --scale 10 --periods 2026-10,2026 --formats html,pdf
    .venv/bin/python bench/report_scale.py --db /tmp/big/ps-full.db --periods 2026 --formats json

The demo is built once per scale into bench/out/report-scale-<scale>.db (git-ignored) and reused; `--db` reports
on a database built before instead (for the issue's size: bench/problems_scale.py's copies of the demo). The first
report on a new database also labels its stories (as the dashboard does); that run is reported separately.
Each run gives its wall time, its CPU time (user + system, all threads), its peak memory and the load average
before it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
# The command in a child process, which says its own peak memory on its last line: VmHWM of /proc/self/status
# (getrusage's ru_maxrss would carry the parent's peak across fork and exec).
CHILD = (
    "import json, re, sys\n"
    "from klantstem.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1)\n"
    "print(json.dumps({'peak_kb': int(peak)}), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def build(scale: float, db: Path) -> dict[str, object]:
    from klantstem.db.engine import open_database
    from klantstem.demo.service import DemoSize, build_demo
    from klantstem.settings import Settings

    started = time.perf_counter()
    engine = open_database(Settings().with_database(str(db)), create=True)
    report = build_demo(engine, size=DemoSize().scaled(scale))
    engine.dispose()
    return {"seconds": round(time.perf_counter() - started, 1), **report.counts}


def run_report(db: Path, period: str, fmt: str) -> dict[str, object]:
    """One `klantstem report` in a child process: wall and CPU time, the child's peak RSS, the load before."""
    out = OUT / f"report-{period}.{fmt}"
    load = round(os.getloadavg()[0], 1)
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, "report", "--db", str(db), "--period", period,
                           "--format", fmt, "-o", str(out)], capture_output=True, text=True)  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    peak_kb = json.loads(done.stderr.strip().splitlines()[-1])["peak_kb"]
    return {"period": period, "format": fmt, "seconds": round(seconds, 1),
            "cpu_seconds": round(_children_cpu() - cpu_before, 1), "peak_mb": round(peak_kb / 1024),
            "load_before": load, "bytes": out.stat().st_size}  # fmt: skip


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=10.0, help="Demo scale (10 = 100,000 contacts).")
    parser.add_argument("--periods", default="2026-10,2026")
    parser.add_argument("--formats", default="html,pdf")
    parser.add_argument("--db", type=Path, help="Report on this database (built before) instead of a demo.")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or OUT / f"report-scale-{args.scale:g}.db"
    if args.db is None and not db.exists():
        print(json.dumps({"built": build(args.scale, db)}), flush=True)
    print(json.dumps({"load_average": os.getloadavg()}), flush=True)
    if args.db is None:  # a database given has its stories labelled before (problems_scale.py does)
        first = run_report(db, args.periods.split(",")[0], "json")
        print(json.dumps({"first_run_labels_stories": first}), flush=True)
    for period in args.periods.split(","):
        for fmt in args.formats.split(","):
            print(json.dumps(run_report(db, period, fmt)), flush=True)
    print(json.dumps({"load_average": os.getloadavg()}), flush=True)


if __name__ == "__main__":
    main()

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
# (getrusage's ru_maxrss would carry the parent's peak across fork and exec), and the largest peak of the processes
# it starts (the SQLite reader of db/arrow_child.py), looked for every 0.2 s; their sum bounds what it held at once.
CHILD = (
    "import json, os, re, sys, threading, time\n"
    "from pathlib import Path\n"
    "from klantstem.cli.main import main\n"
    "def hwm(status):\n"
    "    return int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))\n"
    "readers = [0]\n"
    "def watch():\n"
    "    while True:\n"
    "        for proc in Path('/proc').iterdir():\n"
    "            try:\n"
    "                status = (proc / 'status').read_text() if proc.name.isdigit() else ''\n"
    "                if re.search(rf'PPid:\\s+{os.getpid()}\\n', status):\n"
    "                    readers[0] = max(readers[0], hwm(status))\n"
    "            except (OSError, AttributeError):\n"
    "                pass\n"
    "        time.sleep(0.2)\n"
    "threading.Thread(target=watch, daemon=True).start()\n"
    "code = main(sys.argv[1:])\n"
    "peak = hwm(open('/proc/self/status').read())\n"
    "print(json.dumps({'peak_kb': peak, 'child_peak_kb': readers[0]}), file=sys.stderr)\n"
    "sys.exit(code)\n"
)
# With --sections, the child first wraps the report's parts so that each says its calls, wall time and CPU time
# of the thread that ran it (DuckDB's own threads are not in a part's CPU, only in the whole run's).
SECTIONS = (
    "import json, sys, threading, time\n"
    "from importlib import import_module\n"
    "spent = {}\n"
    "lock = threading.Lock()\n"
    "def timed(module, name):\n"
    "    owner = import_module(module)\n"
    "    work = getattr(owner, name)\n"
    "    def wrapper(*args, **kwargs):\n"
    "        wall, cpu = time.perf_counter(), time.thread_time()\n"
    "        try:\n"
    "            return work(*args, **kwargs)\n"
    "        finally:\n"
    "            with lock:\n"
    "                row = spent.setdefault(f'{module.rsplit(\".\", 1)[1]}.{name}', [0, 0.0, 0.0])\n"
    "                row[0] += 1\n"
    "                row[1] += time.perf_counter() - wall\n"
    "                row[2] += time.thread_time() - cpu\n"
    "    setattr(owner, name, wrapper)\n"
    "for part in PARTS:\n"
    "    timed(*part.rsplit('.', 1))\n"
    "import atexit\n"
    "atexit.register(lambda: print(json.dumps({'sections': {k: [v[0], round(v[1], 2), round(v[2], 2)]\n"
    "    for k, v in sorted(spent.items(), key=lambda kv: -kv[1][1])}}), file=sys.stderr))\n"
)
PARTS = [
    "klantstem.reports.store.period_counts",
    "klantstem.insights.service.analyse_stories",
    "klantstem.reports.figures.process_figures",
    "klantstem.reports.figures.facet_figures",
    "klantstem.reports.figures.promise_figures",
    "klantstem.reports.figures.step_figures",
    "klantstem.insights.service.story_totals",
    "klantstem.reports.store.repeat_contacts",
    "klantstem.reports.management.step_quotes",
    "klantstem.reports.figures.trend_point",
    "klantstem.reports.problems_section.problem_figures",
    "klantstem.events.service.analysis_events_of",
    "klantstem.events.service.logs_covered",
    "klantstem.process.service.analyze_table",
    "klantstem.reports.service.render_report",
    "klantstem.reports.service.management_report",
]


def build(scale: float, db: Path) -> dict[str, object]:
    from klantstem.db.engine import open_database
    from klantstem.demo.service import DemoSize, build_demo
    from klantstem.settings import Settings

    started = time.perf_counter()
    engine = open_database(Settings().with_database(str(db)), create=True)
    report = build_demo(engine, size=DemoSize().scaled(scale))
    engine.dispose()
    return {"seconds": round(time.perf_counter() - started, 1), **report.counts}


def run_report(db: Path, period: str, fmt: str, sections: bool = False) -> dict[str, object]:
    """One `klantstem report` in a child process: wall and CPU time, the child's peak RSS, the load before (and
    with `sections` each part's calls, wall and thread CPU seconds)."""
    out = OUT / f"report-{period}.{fmt}"
    load = round(os.getloadavg()[0], 1)
    cpu_before = _children_cpu()
    started = time.perf_counter()
    code = f"PARTS = {PARTS!r}\n{SECTIONS}{CHILD}" if sections else CHILD
    done = subprocess.run([sys.executable, "-c", code, "report", "--db", str(db), "--period", period,
                           "--format", fmt, "-o", str(out)], capture_output=True, text=True)  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    said = [json.loads(line) for line in done.stderr.strip().splitlines()[-2:] if line.startswith("{")]
    peak_kb, reader_kb = next((d["peak_kb"], d["child_peak_kb"]) for d in said if "peak_kb" in d)
    parts = next((d for d in said if "sections" in d), {})
    return parts | {"period": period, "format": fmt, "seconds": round(seconds, 1),
            "cpu_seconds": round(_children_cpu() - cpu_before, 1), "peak_mb": round(peak_kb / 1024),
            "reader_peak_mb": round(reader_kb / 1024),
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
    parser.add_argument("--sections", action="store_true", help="Also time each part of the report (calls, wall, CPU).")
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
            print(json.dumps(run_report(db, period, fmt, args.sections)), flush=True)
    print(json.dumps({"load_average": os.getloadavg()}), flush=True)


if __name__ == "__main__":
    main()

"""Benchmark: structural-problem detection (`klantstem problems detect`) as a whole command from a cold start, on
the demo organisation scaled up by a factor (1 = the default demo: 10,448 contacts, 1,500 stories, 50,010 events;
the issue's target, 1 million contacts, 100,000 stories and 10 million events, is a factor of about 100-200).

Builds the scaled demo into a fresh SQLite file (not timed), then runs the command twice in child processes:
the first run also reads every contact and story step with the text rules (as a first run after a large import
does), the second finds everything read and only detects. Reports seconds and the child's peak memory.

    .venv/bin/python bench/problems_scale.py --factor 10 [--folder /tmp]

Figures go to stdout and to bench/out/problems_scale.json; docs/benchmarks.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from klantstem.db.engine import open_database
from klantstem.demo.model import DemoSize
from klantstem.demo.service import build_demo
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
KLANTSTEM = Path(sys.executable).parent / "klantstem"


def timed_detect(db: str) -> dict[str, object]:
    """One whole `klantstem problems detect` in a child, with its wall time and peak memory (GNU time)."""
    command = ["/usr/bin/time", "-f", "%M", str(KLANTSTEM), "problems", "detect", "--format", "json", "--db", db]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"detect failed: {done.stderr.strip()[-500:]}")
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    found = json.loads(done.stdout)
    kinds = [p["kind"] for p in found["problems"]]
    return {"seconds": round(seconds, 1), "peak_mib": round(peak_kib / 1024), "voices": found["voices"],
            "structural": kinds.count("structural"), "incidents": kinds.count("incident")}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=float, default=10.0)
    parser.add_argument("--folder", default=tempfile.gettempdir())
    args = parser.parse_args()
    size = DemoSize().scaled(args.factor)
    db = os.path.join(args.folder, f"problems-scale-{args.factor:g}.db")
    if os.path.exists(db):
        os.remove(db)
    engine = open_database(Settings().with_database(db))
    started = time.perf_counter()
    report = build_demo(engine, size=size)
    built = time.perf_counter() - started
    engine.dispose()
    result = {
        "factor": args.factor, "counts": report.counts, "build_s": round(built, 1),
        "first_run_reads_texts": timed_detect(db), "second_run_detects_only": timed_detect(db),
        "cpus": os.cpu_count(), "load_at_end": os.getloadavg()[0],
    }  # fmt: skip
    print(json.dumps(result, indent=2))
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "problems_scale.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

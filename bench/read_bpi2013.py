"""Reading the BPI Challenge 2013 incidents log: klantstem's XES reader and pm4py's read_xes, same run.

    .venv/bin/python bench/read_bpi2013.py [--runs 5]

pm4py runs from its own venv (bench/.venv-pm4py, see bench/pm4py_peer.py); without it only our figures are
printed. The data is read from ../shared/data and never copied.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping
from klantstem.process.xes import XesReader

ROOT = Path(__file__).resolve().parent.parent
_RELATIVE = Path("shared", "data", "bpi2013", "bpi_challenge_2013_incidents.xes.gz")
# ../shared beside the checkout, or further up (a worktree such as /work/wt/NAME)
LOG = next((p / _RELATIVE for p in ROOT.parents if (p / _RELATIVE).exists()), ROOT.parent / _RELATIVE)
PM4PY = ROOT / "bench" / ".venv-pm4py" / "bin" / "python"


def ours(workers: int, runs: int) -> dict[str, float | int]:
    """Best and median wall time over `runs` reads, with the CPU time of this process."""
    walls: list[float] = []
    cpus: list[float] = []
    table = pa.table({})
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        reader = XesReader(LOG, ColumnMapping(), workers=workers)
        table = pa.Table.from_batches(list(reader.batches()), schema=EVENT_SCHEMA)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    walls.sort()
    return {
        "events": table.num_rows,
        "cases": len(pc.unique(table.column("case"))),
        "best_s": walls[0],
        "median_s": walls[len(walls) // 2],
        "cpu_main_s": min(cpus),
    }


def pm4py_read() -> dict[str, float | int | str] | None:
    if not PM4PY.exists():
        return None
    done = subprocess.run(
        [str(PM4PY), str(ROOT / "bench" / "pm4py_peer.py"), "read", str(LOG)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not LOG.exists():
        print(f"skipped: {LOG} is not there (the shared data is not on this machine)")
        return 0
    serial = ours(1, args.runs)
    parallel = ours(2, args.runs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"klantstem, 1 process : {serial['events']:,} events, {serial['cases']:,} cases, "
        f"best {serial['best_s']:.3f} s, median {serial['median_s']:.3f} s"
    )
    print(
        f"klantstem, default (2 workers from 64 MB of XML): best {parallel['best_s']:.3f} s, "
        f"median {parallel['median_s']:.3f} s "
        f"(main process CPU {parallel['cpu_main_s']:.3f} s); peak RSS {peak:.0f} MB"
    )
    peer = pm4py_read()
    if peer is None:
        print("pm4py: not installed in bench/.venv-pm4py; skipped")
        return 0
    fastest = min(serial["best_s"], parallel["best_s"])
    print(
        f"pm4py {peer['pm4py']} read_xes: {peer['read_s']:.3f} s, {peer['events']:,} events, "
        f"{peer['cases']:,} cases, peak RSS {peer['peak_mb']:.0f} MB"
    )
    print(f"ratio: pm4py / klantstem (best) = {float(peer['read_s']) / fastest:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Does the XES reader's parallel path pay? Each log read into Arrow with one worker and with two (the parallel
path forced on, whatever the file's size), the two alternated in one run.

    .venv/bin/python bench/xes_parallel.py [--runs 7]

On a shared machine the load changes from one read to the next; two reads next to each other meet nearly the
same load, so the gain is taken per pair (one worker's wall time over two workers' in the same pair) and its
median and range are reported, beside the CPU both spend.

The logs are BPI 2013 incidents (40 MB of XML) and the two BPI 2014 logs (65 and 99 MB of XML, above the
64 MB from which the reader goes parallel by itself), read from ../shared/data and never copied. Wall time and
CPU (this process and its worker processes) per read, best and median.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import pyarrow as pa

from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping
from klantstem.process.xes import XesReader

ROOT = Path(__file__).resolve().parent.parent
LOGS = {
    "BPI 2013 incidents": Path("shared", "data", "bpi2013", "bpi_challenge_2013_incidents.xes.gz"),
    "BPI 2014 detail change": Path("shared", "data", "bpi2014", "BPI_2014_Detail_Change.xes.gz"),
    "BPI 2014 (BPIC14_f)": Path("shared", "data", "bpi2014", "BPIC14_f.xes.gz"),
}


def _found(relative: Path) -> Path | None:
    """../shared beside the checkout, or further up (a worktree such as /work/wt-N)."""
    return next((p / relative for p in ROOT.parents if (p / relative).exists()), None)


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _read(path: Path, workers: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, events) of one read."""
    cpu, wall = _cpu(), time.perf_counter()
    reader = XesReader(path, ColumnMapping(), workers=workers, parallel_from_bytes=0)
    table = pa.Table.from_batches(list(reader.batches()), schema=EVENT_SCHEMA)
    return time.perf_counter() - wall, _cpu() - cpu, table.num_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}; runs: {args.runs}")
    print("| log | events | 1 worker: wall best / median (CPU) | 2 workers: wall best / median (CPU) | "
          "gain per pair: median (range) |")  # fmt: skip
    print("|---|---|---|---|---|")
    for name, relative in LOGS.items():
        path = _found(relative)
        if path is None:
            print(f"| {name} | skipped: not on this machine | | | |")
            continue
        _read(path, 1)  # the first read warms the file cache
        runs: dict[int, list[tuple[float, float, int]]] = {1: [], 2: []}
        for _ in range(args.runs):
            for workers in (1, 2):
                runs[workers].append(_read(path, workers))
        cells = []
        for workers in (1, 2):
            walls = [w for w, _, _ in runs[workers]]
            cpus = [c for _, c, _ in runs[workers]]
            cells.append(f"{min(walls):.2f} s / {statistics.median(walls):.2f} s ({statistics.median(cpus):.2f} s)")
        gains = [one[0] / two[0] for one, two in zip(runs[1], runs[2], strict=True)]
        print(f"| {name} | {runs[1][0][2]:,} | {cells[0]} | {cells[1]} | "
              f"{statistics.median(gains):.2f}x ({min(gains):.2f}x to {max(gains):.2f}x) |")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

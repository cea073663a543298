"""Start-up of the command line as a user meets it: `klantstem --help` and `klantstem stats` as whole commands
(a new Python process each time, Python's own start included), wall time and CPU, best and median.

    .venv/bin/python bench/cli_start.py --runs 10

`stats` runs on a demo database built first (scale 0.1) so that it counts real tables; Python's bare start
(`python -c pass`) is measured beside them as the floor."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KLANTSTEM = [sys.executable, "-c", "from klantstem.cli.main import run; run()"]


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        subprocess.run([*KLANTSTEM, "demo", "--db", db, "--scale", "0.1"], check=True, stdout=subprocess.DEVNULL)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "klantstem --help": [*KLANTSTEM, "--help"],
            "klantstem stats": [*KLANTSTEM, "stats", "--db", db],
        }
        print(f"load average before: {os.getloadavg()[0]:.1f}; runs: {args.runs}")
        print("| command | wall best / median | CPU best / median |")
        print("|---|---|---|")
        for name, command in commands.items():
            _timed(command)  # the first run warms the file cache
            runs = [_timed(command) for _ in range(args.runs)]
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(f"| `{name}` | {min(walls):.3f} s / {statistics.median(walls):.3f} s | "
                  f"{min(cpus):.3f} s / {statistics.median(cpus):.3f} s |")  # fmt: skip
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

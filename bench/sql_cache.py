"""Does keeping the compiled SQL in a folder (KLANTSTEM_SQL_CACHE) pay? The whole command
`klantstem process analyze LOG --format json -o FILE` with the SQL kept from an earlier run against the same
command compiling it again (KLANTSTEM_SQL_CACHE=off), alternated in one run, each a fresh process.

    .venv/bin/python bench/sql_cache.py --logs bpi2013,bpi2014 --runs 5

The logs are those of bench/process_speed.py (BPI 2013 XES from ../shared/data; BPI 2014 as a CSV with Dutch
dates, written into bench/out/ when missing). Wall and CPU (user + system) of each child process.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from process_speed import KLANTSTEM, OUT, prepare, run  # noqa: E402


def measure(name: str, runs: int) -> dict[str, list[tuple[float, float, float]]]:
    path, _ = prepare(name)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        command = [str(KLANTSTEM), "process", "analyze", str(path), "--format", "json", "-o", f"{folder}/r.json"]
        envs = {
            "kept": os.environ | {"KLANTSTEM_SQL_CACHE": f"{folder}/sql"},
            "compiled": os.environ | {"KLANTSTEM_SQL_CACHE": "off"},
        }
        run(command, envs["kept"])  # fills the folder, as any earlier run on this machine would have
        found: dict[str, list[tuple[float, float, float]]] = {who: [] for who in envs}
        for _ in range(runs):
            for who, env in envs.items():
                found[who].append(run(command, env))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", default="bpi2013,bpi2014")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| log | SQL kept: wall best / median, CPU median | compiled each run: the same | CPU saved (median) "
          "| load before → after |")  # fmt: skip
    print("|---|---|---|---|---|")
    for name in args.logs.split(","):
        before = os.getloadavg()[0]
        found = measure(name, args.runs)
        cells = {
            who: f"{min(w for w, _, _ in rows):.2f} / {median(w for w, _, _ in rows):.2f} s, "
            f"CPU {median(c for _, c, _ in rows):.2f} s"
            for who, rows in found.items()
        }
        saved = median(c for _, c, _ in found["compiled"]) - median(c for _, c, _ in found["kept"])
        print(f"| {name} | {cells['kept']} | {cells['compiled']} | {saved:.2f} s | "
              f"{before:.1f} → {os.getloadavg()[0]:.1f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

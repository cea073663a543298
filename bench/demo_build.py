"""Benchmark: build the default demo organisation (`klantstem demo`) on SQLite and, when given, PostgreSQL.

Runs the command in a child process, end to end (migrations, generating, writing in one transaction), and
reports seconds and the child's peak memory; then times the two phases in this process: generating the rows in
memory, and writing them. PostgreSQL is only written to when it is empty or holds nothing but a previous demo
(the command refuses anything else).

    .venv/bin/python bench/demo_build.py [--seed 2026] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/NAME]

Figures go to stdout and to bench/out/demo_build.json; docs/benchmarks.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from klantstem.db.engine import open_database
from klantstem.demo.service import build_demo, generate_rows
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
KLANTSTEM = Path(sys.executable).parent / "klantstem"


def run_cli(db: str, seed: int) -> dict[str, object]:
    command = [str(KLANTSTEM), "demo", "--db", db, "--seed", str(seed)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode == 2 and "already holds the demo" in done.stderr:
        started = time.perf_counter()
        done = subprocess.run([*command, "--force"], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"klantstem demo failed on {db}: {done.stderr.strip()}")
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "peak_rss_mib_so_far": round(peak_mib)}


def phases(seed: int) -> dict[str, object]:
    """Generating alone, then the whole build in this process; writing is the difference."""
    started = time.perf_counter()
    rows = generate_rows(seed)
    generated = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(Settings().with_database(os.path.join(folder, "phases.db")), create=True)
        started = time.perf_counter()
        build_demo(engine, seed=seed)
        built = time.perf_counter() - started
        engine.dispose()
    counts = {name: len(table) for name, table in rows.items()}
    return {"generate_s": round(generated, 2), "build_sqlite_s": round(built, 2),
            "write_sqlite_s": round(built - generated, 2), "rows": sum(counts.values()), "counts": counts}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pg", default="", help="an empty (or demo-only) PostgreSQL database URL")
    args = parser.parse_args()
    result: dict[str, object] = {"seed": args.seed, "load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory() as folder:
        result["sqlite_cli"] = run_cli(os.path.join(folder, "demo.db"), args.seed)
    if args.pg:
        result["postgresql_cli"] = run_cli(args.pg, args.seed)
    result["phases"] = phases(args.seed)
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "demo_build.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

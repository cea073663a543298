"""The whole command `klantstem process analyze LOG --format json -o FILE`, from starting Python to the written
report, against pm4py (read + discover_performance_dfg + get_variants, in its own venv) and a hand-written DuckDB
query set (the floor), alternated in one run, each a fresh process.

    .venv/bin/python bench/process_speed.py --logs bpi2013,bpi2014,1m-csv,1m-parquet --runs 3
    .venv/bin/python bench/process_speed.py --logs 10m-csv,10m-parquet --runs 1
    .venv/bin/python bench/process_speed.py --logs 100m-parquet --runs 1 --skip pm4py --memory-limit 8GB

From a worktree, run it with PYTHONPATH=$PWD/src: the `klantstem` script of the venv imports the main checkout.

Logs: BPI 2013 incidents (XES, ../shared/data), BPI 2014 written as CSV with Dutch dates ("23-11-2013 14:05:00",
local time) from its XES, and generated logs of 1M and 10M events (bench/generate_log.py) as Parquet and as CSV.
Everything written goes to bench/out/ (git-ignored). Wall time, CPU time (user + system) and peak RSS are those
of each child process (os.wait4). The floor reads the same file with DuckDB and computes the directly-follows
graph with times, hand-overs, ping-pong, case durations and variants in hand-written SQL (no business hours,
no JSON), so it shows what the engine itself needs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DATA = ROOT.parent / "shared" / "data"
PM4PY = ROOT / "bench" / ".venv-pm4py" / "bin" / "python"
KLANTSTEM = Path(sys.executable).parent / "klantstem"
DUTCH = "%d-%m-%Y %H:%M:%S"
CASES = {"1m": 50_000, "10m": 500_000, "100m": 5_000_000}

FLOOR = """
import sys, duckdb
path, form, limit = sys.argv[1], sys.argv[2], sys.argv[3]
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
if limit:
    con.execute(f"SET memory_limit = '{limit}'; SET temp_directory = '{sys.argv[4]}'")
if path.endswith(".parquet"):
    columns = '"case", activity, team, timestamp AS ts, file_row_number AS seq'
    source = f"SELECT {columns} FROM read_parquet('{path}', file_row_number = true)"
else:
    ts = f"strptime(timestamp, '{form}')" if form else "CAST(timestamp AS TIMESTAMPTZ)"
    raw = f"read_csv('{path}', all_varchar = true)"
    team = "team" if "team" in con.sql(f"SELECT * FROM {raw} LIMIT 0").columns else "NULL"
    source = f'SELECT "case", activity, {team} AS team, {ts} AS ts, row_number() OVER () AS seq FROM {raw}'
con.execute(f'''CREATE TABLE e AS SELECT "case", activity, team, epoch(ts) AS t,
    row_number() OVER w AS pos, lead(activity) OVER w AS na, lead(epoch(ts)) OVER w AS nt,
    lead(team) OVER w AS nteam, lead(team, 2) OVER w AS n2team
    FROM ({source}) WINDOW w AS (PARTITION BY "case" ORDER BY ts, seq)''')
queries = [
    "SELECT activity, na, count(*), median(nt - t), quantile_cont(nt - t, 0.9), avg(nt - t) FROM e "
    "WHERE na IS NOT NULL GROUP BY ALL",
    'SELECT team, nteam, count(*), count(DISTINCT "case") FROM e '
    "WHERE nteam IS NOT NULL AND team <> nteam GROUP BY ALL",
    "SELECT team, nteam, count(*) FROM e WHERE team = n2team AND team <> nteam GROUP BY ALL",
    'SELECT median(d), avg(d), quantile_cont(d, 0.9) FROM (SELECT max(t) - min(t) AS d FROM e GROUP BY "case")',
    "SELECT v, count(*) AS n FROM (SELECT string_agg(activity, ',' ORDER BY pos) AS v FROM e "
    'GROUP BY "case") GROUP BY v ORDER BY n DESC LIMIT 20',
]
for q in queries:
    con.sql(q).fetchall()
print("ok")
"""


def prepare(name: str) -> tuple[Path, str]:
    """(the log's file, the strptime format of its timestamps or "" for ISO / typed), written when missing."""
    OUT.mkdir(parents=True, exist_ok=True)  # the runs' scratch folders live there too, for every log
    if name == "bpi2013":
        return DATA / "bpi2013" / "bpi_challenge_2013_incidents.xes.gz", ""
    if name == "bpi2014":
        path = OUT / "bpi2014.csv"
        if not path.exists():
            _bpi2014_csv(path)
        return path, DUTCH
    size, kind = name.split("-")
    parquet = OUT / f"log_{size}.parquet"
    if not parquet.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from generate_log import generate

        generate(parquet, CASES[size])
    if kind == "parquet":
        return parquet, ""
    path = OUT / f"log_{size}.csv"
    if not path.exists():
        _csv_from_parquet(parquet, path)
    return path, ""


def _bpi2014_csv(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    from klantstem.process.eventlog import ColumnMapping, read_table

    table, _ = read_table(DATA / "bpi2014" / "BPIC14_f.xes.gz", ColumnMapping(), default_timezone="UTC")
    local = pc.local_timestamp(table.column("timestamp").cast(pa.timestamp("s", tz="Europe/Amsterdam")))
    written = pa.table(
        {
            "case": table.column("case"),
            "activity": table.column("activity"),
            "timestamp": pc.strftime(local, format=DUTCH),
            "lifecycle": table.column("lifecycle"),
        }
    )
    pacsv.write_csv(written, path)


def _csv_from_parquet(parquet: Path, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    source = pq.ParquetFile(parquet)
    writer = None
    for batch in source.iter_batches(batch_size=1 << 20):
        plain = pa.record_batch([c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c
                                 for c in batch.columns], names=batch.schema.names)  # fmt: skip
        if writer is None:
            writer = pacsv.CSVWriter(path, plain.schema)
        writer.write_batch(plain)
    if writer is not None:
        writer.close()


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of a child process; raises when it fails."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed: {errors.decode(errors='replace')[-1500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def commands(path: Path, form: str, report: Path, limit: str = "") -> dict[str, list[str]]:
    """The three commands; `limit` (e.g. "8GB") caps klantstem's and the floor's DuckDB memory alike, both spilling
    into the report's folder."""
    spill = str(report.parent / "spill")
    peer = ["once", str(path)] if path.name.endswith(".xes.gz") else ["once-table", str(path), form]
    found = {
        "klantstem": [str(KLANTSTEM), "process", "analyze", str(path), "--format", "json", "-o", str(report)],
        "pm4py": [str(PM4PY), str(ROOT / "bench" / "pm4py_peer.py"), *peer],
    }
    if not path.name.endswith(".xes.gz"):
        found["floor"] = [sys.executable, "-c", FLOOR, str(path), form, limit, spill]
    if limit:
        found["klantstem"] += ["--memory-limit", limit, "--spill-dir", spill]
    return found


def measure(name: str, runs: int, skip: set[str], limit: str = "") -> dict[str, list[tuple[float, float, float]]]:
    path, form = prepare(name)
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        env = os.environ | {"KLANTSTEM_SQL_CACHE": folder}
        todo = {k: v for k, v in commands(path, form, Path(folder) / "report.json", limit).items() if k not in skip}
        if not name.startswith("100m"):  # at 100M a run takes minutes: its own compiling (about 1 s) is left in
            run(todo["klantstem"], env)  # fills the SQL folder, as any earlier run on this machine would have
        found: dict[str, list[tuple[float, float, float]]] = {k: [] for k in todo}
        for _ in range(runs):
            for who, command in todo.items():
                found[who].append(run(command, env))
    return found


def row(name: str, found: dict[str, list[tuple[float, float, float]]], load: str) -> str:
    def cell(who: str) -> str:
        if who not in found:
            return "-"
        walls = [w for w, _, _ in found[who]]
        peak = max(m for _, _, m in found[who])
        cpu = min(c for _, c, _ in found[who])
        return f"{min(walls):.2f} / {median(walls):.2f} s, CPU {cpu:.2f} s, {peak:,.0f} MiB"

    def ratio(a: str, b: str, digits: int) -> str:
        """Median wall of `a` over that of `b`, and (in brackets) the best CPU of `a` over that of `b`."""
        if a not in found or b not in found:
            return "-"
        wall = median(w for w, _, _ in found[a]) / median(w for w, _, _ in found[b])
        cpu = min(c for _, c, _ in found[a]) / min(c for _, c, _ in found[b])
        return f"{wall:.{digits}f} ({cpu:.{digits}f})"

    return (
        f"| {name} | {cell('klantstem')} | {cell('pm4py')} | {ratio('pm4py', 'klantstem', 1)} | {cell('floor')} "
        f"| {ratio('klantstem', 'floor', 2)} | {load} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--logs", default="bpi2013,bpi2014,1m-csv,1m-parquet")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma-separated: pm4py, floor")
    parser.add_argument("--memory-limit", default="", help="e.g. 8GB: klantstem's and the floor's alike (100M)")
    args = parser.parse_args()
    print("| log | klantstem (best / median) | pm4py (best / median) | pm4py / klantstem: wall (CPU) "
          "| DuckDB floor | klantstem / floor: wall (CPU) | load before → after |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name in args.logs.split(","):
        before = os.getloadavg()[0]
        found = measure(name, args.runs, set(filter(None, args.skip.split(","))), args.memory_limit)
        print(row(name, found, f"{before:.1f} → {os.getloadavg()[0]:.1f}"), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

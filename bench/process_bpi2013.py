"""BPI Challenge 2013 incidents: klantstem's full process report against pm4py, in one run.

    .venv/bin/python bench/process_bpi2013.py [--runs 3]

Speed: klantstem from the file to the full JSON report (read + every analysis), against pm4py's read_xes +
discover_performance_dfg + get_variants on the same file (pm4py runs from bench/.venv-pm4py, see
bench/pm4py_peer.py). The runs alternate (klantstem, pm4py, klantstem, pm4py, ...) so that both meet the
same load; best and median are given for both, and klantstem's CPU time. Three comparisons, each like with
like: in a running process (klantstem's reports after its first, which compiles the SQL and is shown apart;
pm4py's analysis timed a second time in its process); the first report in a new process after the imports
(klantstem imports first what the report would load on first use: pandas through pyarrow, the holidays
package's countries; its compiled SQL comes from a folder, KLANTSTEM_SQL_CACHE, which the run's first new
process fills and which is shown apart); and the whole command from starting Python to the end
(`klantstem process analyze LOG --format json` against a Python process that imports pm4py and runs the same
three calls). Correctness: case and event counts, every case duration, every directly-follows count and
median time, and every variant must equal pm4py's; the script prints each comparison and exits 1 when one
differs.
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
from typing import Any

from klantstem.process.compiled import query
from klantstem.process.dfg import all_variants, directly_follows, pair_rows
from klantstem.process.engine_duckdb import connect
from klantstem.process.eventlog import read_table
from klantstem.process.frame import prepare, standard_arrow
from klantstem.process.leadtimes import case_table
from klantstem.process.options import AnalysisOptions
from klantstem.process.report import analyze_file
from klantstem.process.stats import rows

ROOT = Path(__file__).resolve().parent.parent
_RELATIVE = Path("shared", "data", "bpi2013", "bpi_challenge_2013_incidents.xes.gz")
# ../shared beside the checkout, or further up (a worktree such as /work/wt/NAME)
LOG = next((p / _RELATIVE for p in ROOT.parents if (p / _RELATIVE).exists()), ROOT.parent / _RELATIVE)
PM4PY = ROOT / "bench" / ".venv-pm4py" / "bin" / "python"
KLANTSTEM = Path(sys.executable).parent / "klantstem"
ARROW = "\u2192"


def ours_timed() -> tuple[float, float, dict[str, Any]]:
    """One run: wall and CPU seconds, and the report."""
    cpu, start = time.process_time(), time.perf_counter()
    report = analyze_file(LOG)
    json.dumps(report)
    return time.perf_counter() - start, time.process_time() - cpu, report


def ours_new_process(folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the first report in a new process, after the imports; compiled SQL is kept in
    `folder` (KLANTSTEM_SQL_CACHE), as the command keeps it between runs."""
    done = subprocess.run(
        [sys.executable, __file__, "--new-process", str(folder)], capture_output=True, text=True, check=True
    )
    wall, cpu = json.loads(done.stdout.strip().splitlines()[-1])
    return float(wall), float(cpu)


def whole_command(argv: list[str], folder: Path | None = None) -> float:
    """Wall seconds of a command from starting Python to its end."""
    env = {**os.environ, "KLANTSTEM_SQL_CACHE": str(folder)} if folder else None
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True, env=env)
    return time.perf_counter() - start


def _one_report() -> None:
    # imports, done before timing as pm4py's is: what the report would otherwise load on first use
    import holidays.countries  # noqa: F401
    import ibis.backends.duckdb  # noqa: F401
    import pandas  # noqa: F401  (pyarrow loads it when it first builds an array from Python objects)

    from klantstem.process import xes_scan  # noqa: F401

    options = AnalysisOptions(sql_cache=sys.argv[-1])  # the folder given by ours_new_process
    cpu, start = time.process_time(), time.perf_counter()
    json.dumps(analyze_file(LOG, options=options))
    print(json.dumps([time.perf_counter() - start, time.process_time() - cpu]))


def _durations(events: Any) -> Any:
    return case_table(events).select("duration")


def ours_figures() -> dict[str, Any]:
    """Everything pm4py gives, from klantstem's own tables (not timed)."""
    table, _ = read_table(LOG)
    options = AnalysisOptions()
    con = connect(options)
    prepared = prepare(con, standard_arrow(table), options)
    cases = rows(query(con, _durations, prepared))
    dfg = directly_follows(pair_rows(con, prepared))
    return {
        "cases": len(cases),
        "events": table.num_rows,
        "case_durations_s": sorted(float(c["duration"]) for c in cases),
        "dfg": {f"{d['from']}{ARROW}{d['to']}": d["count"] for d in dfg},
        "dfg_median_s": {f"{d['from']}{ARROW}{d['to']}": d["median_s"] for d in dfg},
        "variants": {",".join(k): v for k, v in all_variants(con, prepared).items()},
        # the report's own top variants (grouped by fingerprint, sequences built for the top ones only)
        "top_variants": [(",".join(v["activities"]), v["cases"]) for v in analyze_file(LOG)["variants"]["top"]],
    }


def pm4py_figures(out: Path) -> dict[str, Any]:
    done = subprocess.run(
        [str(PM4PY), str(ROOT / "bench" / "pm4py_peer.py"), "analyze", str(LOG), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def compare(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    problems = []
    for key in ("cases", "events", "dfg", "variants"):
        same = ours[key] == theirs[key]
        size = len(ours[key]) if isinstance(ours[key], dict) else ours[key]
        print(f"  {key:17} {'equal' if same else 'DIFFERENT'} ({size:,})")
        if not same:
            problems.append(key)
    ranked = sorted(theirs["variants"].items(), key=lambda item: (-item[1], "\x1f".join(item[0].split(","))))
    same = ours["top_variants"] == [tuple(item) for item in ranked[: len(ours["top_variants"])]]
    print(f"  {'top variants':17} {'equal' if same else 'DIFFERENT'} ({len(ours['top_variants'])}, ties by sequence)")
    if not same:
        problems.append("top_variants")
    for key in ("case_durations_s", "dfg_median_s"):
        a, b = ours[key], theirs[key]
        pairs = zip(a, b, strict=False) if isinstance(a, list) else ((a[k], b.get(k)) for k in a)
        worst = max((abs(x - y) for x, y in pairs if y is not None), default=0.0)
        same = len(a) == len(b) and worst < 1e-3
        print(f"  {key:17} {'equal' if same else 'DIFFERENT'} ({len(a):,} values, largest difference {worst:.6f} s)")
        if not same:
            problems.append(key)
    return problems


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    return f"best {ordered[0]:.3f} s, median {ordered[len(ordered) // 2]:.3f} s"


def _ratio(theirs: list[float], ours: list[float]) -> str:
    a, b = sorted(theirs), sorted(ours)
    return f"{a[0] / b[0]:.1f}x (best / best), {a[len(a) // 2] / b[len(b) // 2]:.1f}x (median / median)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--new-process", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not LOG.exists():
        print(f"skipped: {LOG} is not there (the shared data is not on this machine)")
        return 0
    if args.new_process:
        _one_report()
        return 0
    first_wall, first_cpu, report = ours_timed()
    print(
        f"klantstem first run (compiles the SQL): {first_wall:.3f} s, CPU {first_cpu:.3f} s "
        f"({report['cases']:,} cases, {report['events']:,} events)"
    )
    walls: list[float] = []
    cpus: list[float] = []
    new_walls: list[float] = []
    commands: list[float] = []
    peer_commands: list[float] = []
    peers: list[dict[str, Any]] = []
    theirs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "pm4py.json"
        sql = Path(folder) / "sql"
        wall, _ = ours_new_process(sql)
        print(f"klantstem, first report in a new process that compiles the SQL and keeps it: {wall:.3f} s")
        for _ in range(args.runs):
            wall, cpu, report = ours_timed()
            walls.append(wall)
            cpus.append(cpu)
            if PM4PY.exists():
                peers.append(pm4py_figures(out))
                theirs = json.loads(out.read_text())
            new_walls.append(ours_new_process(sql)[0])
            commands.append(whole_command([str(KLANTSTEM), "process", "analyze", str(LOG), "--format", "json"], sql))
            if PM4PY.exists():
                peer_commands.append(
                    whole_command([str(PM4PY), str(ROOT / "bench" / "pm4py_peer.py"), "once", str(LOG)])
                )
    print(f"klantstem: file -> full JSON report, {args.runs} runs: {spread(walls)}; CPU {spread(cpus)}")
    print(f"klantstem, first report in a new process (after the imports), {args.runs} processes: {spread(new_walls)}")
    print(f"klantstem, the whole command `klantstem process analyze`, {args.runs} runs: {spread(commands)}")
    if not peers:
        print("pm4py: not installed in bench/.venv-pm4py; skipped")
        return 0
    firsts = [float(p["total_s"]) for p in peers]
    agains = [float(p["again_s"]) for p in peers]
    read = min(float(p["read_s"]) for p in peers)
    print(
        f"pm4py {peers[0]['pm4py']}: read_xes + discover_performance_dfg + get_variants, {args.runs} processes "
        f"(alternating with klantstem's runs): first in the process {spread(firsts)} (read_xes best {read:.3f} s); "
        f"again in the same process {spread(agains)}"
    )
    print(f"ratio in a running process: pm4py / klantstem = {_ratio(agains, walls)}")
    print(f"ratio of the first report in a new process: pm4py / klantstem = {_ratio(firsts, new_walls)}")
    print(f"pm4py, the whole command (Python, import pm4py, the three calls): {spread(peer_commands)}")
    print(f"ratio of the whole command: pm4py / klantstem = {_ratio(peer_commands, commands)}")
    print("correctness against pm4py:")
    problems = compare(ours_figures(), theirs)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The pm4py side of the benchmarks. Runs ONLY inside bench/.venv-pm4py (pm4py is AGPL-3: klantstem never
imports it); the bench scripts start this file as a subprocess and read one JSON object from its stdout.

    python3 -m venv bench/.venv-pm4py && bench/.venv-pm4py/bin/pip install pm4py

Commands:
    read FILE                  time pm4py.read_xes
    analyze FILE OUT.json      read_xes + discover_performance_dfg + get_variants (timed, twice: the first and
                               a second time in the process), then write the
                               figures to compare (not timed): cases, events, case durations, DFG, variants
    once FILE                  import pm4py, read_xes + discover_performance_dfg + get_variants, nothing timed
                               (a command run once; the caller times the whole process)
    frame FILE.parquet         the same analysis timed on a Parquet event table (case, activity, timestamp)
    once-table FILE [FORMAT]   `once` for a CSV or Parquet event table (case, activity, timestamp): pandas reads
                               it (timestamps by the strptime FORMAT when given), then format_dataframe + DFG +
                               variants, nothing timed
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read(path: str) -> dict[str, Any]:
    import pm4py

    start = time.perf_counter()
    log = pm4py.read_xes(path)
    seconds = time.perf_counter() - start
    return {
        "pm4py": pm4py.__version__,
        "read_s": seconds,
        "cases": int(log["case:concept:name"].nunique()),
        "events": len(log),
        "peak_mb": _peak_mb(),
    }


def _analysis(log: Any) -> tuple[Any, Any]:
    import pm4py

    dfg, _start, _end = pm4py.discover_performance_dfg(log)
    variants = pm4py.get_variants(log)
    return dfg, variants


def analyze(path: str, out: str) -> dict[str, Any]:
    import pm4py

    start = time.perf_counter()
    log = pm4py.read_xes(path)
    read_s = time.perf_counter() - start
    dfg, variants = _analysis(log)
    total_s = time.perf_counter() - start
    start = time.perf_counter()  # the same again in this process: what a process that keeps running pays
    _analysis(pm4py.read_xes(path))
    again_s = time.perf_counter() - start
    frequency, _s, _e = pm4py.discover_dfg(log)
    durations = pm4py.get_all_case_durations(log)
    figures = {
        "cases": int(log["case:concept:name"].nunique()),
        "events": len(log),
        "case_durations_s": sorted(float(d) for d in durations),
        "dfg": {f"{a}\u2192{b}": int(n) for (a, b), n in frequency.items()},
        "dfg_median_s": {f"{a}\u2192{b}": float(v["median"]) for (a, b), v in dfg.items()},
        "variants": {",".join(k): int(v) if not isinstance(v, list) else len(v) for k, v in variants.items()},
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(figures, f)
    return {
        "pm4py": pm4py.__version__,
        "read_s": read_s,
        "total_s": total_s,
        "again_s": again_s,
        "peak_mb": _peak_mb(),
    }


def frame(path: str) -> dict[str, Any]:
    import pandas as pd
    import pm4py

    start = time.perf_counter()
    table = pd.read_parquet(path, columns=["case", "activity", "timestamp"])
    log = pm4py.format_dataframe(table, case_id="case", activity_key="activity", timestamp_key="timestamp")
    read_s = time.perf_counter() - start
    _analysis(log)
    total_s = time.perf_counter() - start
    return {"pm4py": pm4py.__version__, "events": len(log), "read_s": read_s, "total_s": total_s, "peak_mb": _peak_mb()}


def once(path: str) -> dict[str, Any]:
    """A command run once: import pm4py, read, analyse, nothing more (the caller times the whole process)."""
    import pm4py

    _analysis(pm4py.read_xes(path))
    return {"pm4py": pm4py.__version__}


def once_table(path: str, form: str = "") -> dict[str, Any]:
    import pandas as pd
    import pm4py

    columns = ["case", "activity", "timestamp"]
    if path.endswith(".parquet"):
        table = pd.read_parquet(path, columns=columns)
    else:
        table = pd.read_csv(path, usecols=columns, dtype={"case": str, "activity": str, "timestamp": str})
        table["timestamp"] = pd.to_datetime(table["timestamp"], format=form or "ISO8601", utc=not form)
    log = pm4py.format_dataframe(table, case_id="case", activity_key="activity", timestamp_key="timestamp")
    _analysis(log)
    return {"pm4py": pm4py.__version__, "events": len(log)}


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    result = {"read": read, "analyze": analyze, "frame": frame, "once": once, "once-table": once_table}[command](*args)
    print(json.dumps(result))

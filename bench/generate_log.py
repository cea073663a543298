"""A generated service event log as Parquet: N cases, 20 activities, 200 teams, realistic waits.

    .venv/bin/python bench/generate_log.py --cases 5000000 --out bench/out/log_100m.parquet

Each case has 5 to 35 events (20 on average); it moves forward through 20 activities with some steps
repeated or taken back, is handled by a first-line team, passed to one of the second/third-line teams and
often back (ping-pong), waits on the customer, a supplier or the organisation now and then, and the gaps
between events are log-normal (median about an hour, a long tail; waits ten times longer). Same seed, same
log. Vectorised with numpy in blocks of cases, so 100 million events take a few minutes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ACTIVITIES = [
    "Melding ontvangen", "Intake", "Classificeren", "In wachtrij", "Toegewezen", "Onderzoek", "Klant gebeld",
    "Offerte", "Doorgezet", "Wacht op klant", "Informatie ontvangen", "Monteur gepland", "Wacht op leverancier",
    "Onderdeel geleverd", "Reparatie", "Controle", "Terugkoppeling", "Oplossing", "Afgesloten", "Enquete",
]  # fmt: skip
STATUS = {3: "Awaiting Assignment", 9: "Wait - User", 12: "Wait - Vendor"}
FIRST_LINE = 40
TEAMS = [f"T{i:03d}" for i in range(FIRST_LINE)] + [
    f"T{i:03d} {'2nd' if i < 160 else '3rd'}" for i in range(FIRST_LINE, 200)
]
START = np.datetime64("2022-01-01T00:00:00", "us").astype(np.int64)
SPAN_US = 3 * 365 * 86400 * 1_000_000


def block(rng: np.random.Generator, first_case: int, cases: int) -> pa.RecordBatch:
    sizes = rng.integers(5, 36, size=cases)
    total = int(sizes.sum())
    case = np.repeat(np.arange(cases), sizes)
    starts = np.zeros(total, dtype=bool)
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    starts[offsets] = True
    steps = rng.choice(np.array([1, 0, -1, 2]), size=total, p=[0.6, 0.1, 0.1, 0.2])
    steps[starts] = 0
    walk = np.cumsum(steps)
    walk -= np.repeat(walk[offsets], sizes)
    activity = np.clip(walk, 0, len(ACTIVITIES) - 1)
    first_team = rng.integers(0, FIRST_LINE, size=cases)[case]
    second_team = rng.integers(FIRST_LINE, len(TEAMS), size=cases)[case]
    team = np.where((activity >= 8) & (activity < 16), second_team, first_team)
    noise = rng.random(total) < 0.05
    team[noise] = rng.integers(0, len(TEAMS), size=int(noise.sum()))
    waits = np.isin(activity, list(STATUS))
    gaps = rng.lognormal(np.log(3600.0), 1.5, size=total) * np.where(waits, 10.0, 1.0)
    gaps[starts] = 0.0
    elapsed = np.cumsum(gaps)
    elapsed -= np.repeat(elapsed[offsets], sizes)
    begin = START + rng.integers(0, SPAN_US, size=cases)[case]
    moments = begin + (elapsed * 1_000_000).astype(np.int64)
    status_names = ["In Progress", *STATUS.values()]
    status_index = np.zeros(total, dtype=np.int32)
    for i, code in enumerate(STATUS, start=1):
        status_index[activity == code] = i
    names = pa.array([f"C{first_case + i:08d}" for i in range(cases)])
    customers = pa.array([f"K{i:07d}" for i in rng.integers(0, max(cases // 3, 1), size=cases)])
    return pa.record_batch(
        {
            "case": pa.DictionaryArray.from_arrays(pa.array(case, pa.int32()), names),
            "activity": pa.DictionaryArray.from_arrays(pa.array(activity, pa.int32()), pa.array(ACTIVITIES)),
            "timestamp": pa.array(moments, pa.timestamp("us", tz="UTC")),
            "team": pa.DictionaryArray.from_arrays(pa.array(team, pa.int32()), pa.array(TEAMS)),
            "status": pa.DictionaryArray.from_arrays(pa.array(status_index), pa.array(status_names)),
            "customer": pa.DictionaryArray.from_arrays(pa.array(case, pa.int32()), customers),
        }
    )


def generate(out: Path, cases: int, seed: int = 2013, per_block: int = 250_000) -> int:
    rng = np.random.default_rng(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    events = 0
    writer: pq.ParquetWriter | None = None
    try:
        for first in range(0, cases, per_block):
            batch = block(rng, first, min(per_block, cases - first))
            if writer is None:
                writer = pq.ParquetWriter(out, batch.schema, compression="zstd")
            writer.write_batch(batch, row_group_size=1 << 20)
            events += batch.num_rows
    finally:
        if writer is not None:
            writer.close()
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=5_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out/log_100m.parquet"))
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()
    started = time.perf_counter()
    events = generate(args.out, args.cases, args.seed)
    size = args.out.stat().st_size / 2**20
    print(f"{events:,} events in {args.cases:,} cases -> {args.out} ({size:,.0f} MiB) "
          f"in {time.perf_counter() - started:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()

"""Benchmark: reading 369,485 day-first local timestamps ("23-11-2026 14:05", the size of the BPI 2014 log) into UTC.

Three readers in the same run, best of three each: klantstem.process.timestamps.to_utc (vectorised, with the
rule for local times that do not exist or occur twice, and their counts), the same forms read row by row in
Python with klantstem.dates (what the event-log reader did for day-first dates before), and Arrow's bare
strptime plus assume_timezone (no rule, no counts) as the floor.

    .venv/bin/python bench/timestamps.py [--rows 369485] [--seed 14]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc

from klantstem.dates import parse_text, to_utc
from klantstem.process.timestamps import to_utc as column_to_utc

ZONE = "Europe/Amsterdam"


def best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=369_485)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    draw = random.Random(args.seed)
    texts = [
        f"{draw.randint(1, 28):02d}-{draw.randint(1, 12):02d}-{draw.choice((2013, 2014))} "
        f"{draw.randint(0, 23):02d}:{draw.randint(0, 59):02d}"
        for _ in range(args.rows)
    ]
    column = pa.array(texts)
    zone = ZoneInfo(ZONE)
    vectorised = best(lambda: column_to_utc(column, ZONE))
    by_row = best(lambda: pa.array([to_utc(parse_text(text), zone) for text in texts]))
    bare = best(
        lambda: pc.assume_timezone(
            pc.strptime(column, format="%d-%m-%Y %H:%M", unit="us"), timezone=ZONE, ambiguous="earliest",
            nonexistent="earliest",
        )
    )  # fmt: skip
    same = column_to_utc(column, ZONE).values.to_pylist() == [to_utc(parse_text(text), zone) for text in texts]
    print(f"{args.rows:,} timestamps: vectorised {vectorised:.3f} s, row by row {by_row:.3f} s "
          f"({by_row / vectorised:.1f}x slower), bare Arrow strptime {bare:.3f} s "
          f"({vectorised / bare:.1f}x of it); same results: {same}")  # fmt: skip


if __name__ == "__main__":
    main()

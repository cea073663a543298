"""Events ordered per case in Arrow, with the next event's activity, time and state and the event before's team
beside each: what frame.prepare's per-case window computes, done with numpy on the table in memory.

An event log is mostly written case by case in time order already (every XES file, most exports, the generated
logs): one pass over the case codes and times checks that, and such a log is not sorted at all. Otherwise the
rows are put in order by a stable sort of (case, time), which keeps the source order (`seq`) of equal times.
Text columns are carried as dictionaries (small integer codes and the distinct values), so ordering and
shifting move codes, not strings, and the engine reads them without a copy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from klantstem.process.arrays import from_numpy, to_numpy

_LINKS = ("case_id", "customer_id")


def arranged(standard: pa.Table) -> pa.Table | None:
    """The events of `standard` (frame.standard_arrow: one row per event, `t` epoch seconds, `seq` the source
    order) ordered per case by (t, seq), with the columns of frame._ordered: case, activity, team, customer,
    t, the links, state (status, else lifecycle), pos (1, 2, ... within the case), next_activity, next_t,
    next_state and prev_team. None when some event has no time (the engine orders those)."""
    import pyarrow.compute as pc

    if standard.column("t").null_count:
        return None

    case = _codes(standard.column("case"))
    t = _floats(standard.column("t"))
    seq = _ints(standard.column("seq"))
    order = _order(_indices(case), t, seq)
    if order is not None:
        standard = standard.take(from_numpy(order))
        case = case.take(from_numpy(order))
        t = t[order]
    codes = _indices(case)
    same = codes[1:] == codes[:-1]  # event i + 1 is of the same case as event i
    status, lifecycle = standard.column("status"), standard.column("lifecycle")
    if lifecycle.null_count == len(lifecycle) or status.null_count == 0:
        state = status
    elif status.null_count == len(status):
        state = lifecycle
    else:
        state = pc.coalesce(*(c.cast(pa.string()) for c in (status, lifecycle)))
    activity, team, state_codes = (_codes(c) for c in (standard.column("activity"), standard.column("team"), state))
    pos = _positions(same)
    next_t = np.empty_like(t)
    next_t[:-1] = t[1:]
    next_t[-1] = 0.0
    last = np.ones(len(codes), dtype=bool)  # no next event in the case
    last[:-1] = ~same
    columns: dict[str, Any] = {
        "case": case,
        "activity": activity,
        "team": team,
        "customer": _codes(standard.column("customer")),
        "t": from_numpy(t),
    }
    columns |= {name: standard.column(name) for name in _LINKS if name in standard.column_names}
    columns |= {
        "state": state_codes,
        "pos": from_numpy(pos),
        "next_activity": _shifted(activity, same, 1),
        "next_t": from_numpy(next_t, last),
        "next_state": _shifted(state_codes, same, 1),
        "prev_team": _shifted(team, same, -1),
    }
    return pa.table(columns)


def _order(case: npt.NDArray[np.int32], t: npt.NDArray[np.float64], seq: npt.NDArray[np.int64]) -> Any:
    """The row order that sorts by (case, t, seq), or None when the rows are in such an order already: each case
    one run of rows, times not decreasing within it, and `seq` rising."""
    same = case[1:] == case[:-1]
    firsts = case[np.concatenate(([True], ~same))]  # the case of each run of rows
    in_order = (
        bool((np.bincount(firsts - firsts.min()) <= 1).all())
        and bool((seq[1:] > seq[:-1]).all())
        and bool(((t[1:] >= t[:-1]) | ~same).all())
    )
    if in_order:
        return None
    by_source = np.argsort(seq, kind="stable")
    within = np.lexsort((t[by_source], case[by_source]))  # stable: equal (case, t) keep the source order
    return by_source[within]


def _positions(same: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """1, 2, ... within each run of rows of one case (`same`: row i + 1 is of the case of row i)."""
    steps = np.ones(len(same) + 1, dtype=np.int64)
    starts = np.flatnonzero(~same) + 1  # the rows that start a case, after the first
    lengths = np.diff(np.concatenate(([0], starts)))  # of each case before such a row
    steps[starts] = 1 - lengths
    return np.cumsum(steps)


def _codes(column: pa.ChunkedArray | pa.Array) -> pa.DictionaryArray:
    """A text column as one dictionary array (codes into its distinct values)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()  # dictionaries of several chunks are unified
    if pa.types.is_dictionary(column.type):
        return column
    if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
        column = column.cast(pa.string())
    return column.dictionary_encode()


def _indices(column: pa.DictionaryArray) -> npt.NDArray[np.int32]:
    """The codes of a dictionary array, nulls as -1 (read from its buffers: pyarrow's fill_null with a Python
    number would load pandas)."""
    indices = column.indices if column.indices.type == pa.int32() else column.indices.cast(pa.int32())
    validity, data = indices.buffers()
    codes = np.frombuffer(data, dtype=np.int32, count=indices.offset + len(indices))[indices.offset :]
    if not indices.null_count or validity is None:
        return codes
    bits = np.unpackbits(np.frombuffer(validity, dtype=np.uint8), bitorder="little")
    return np.where(bits[indices.offset : indices.offset + len(indices)].astype(bool), codes, np.int32(-1))


def _shifted(column: pa.DictionaryArray, same: npt.NDArray[np.bool_], by: int) -> pa.DictionaryArray:
    """The value of the next event (`by` 1) or the event before (-1) in the same case; null at the case's end."""
    codes = _indices(column)
    moved = np.full(len(codes), -1, dtype=np.int32)
    if by == 1:
        moved[:-1] = np.where(same, codes[1:], -1)
    else:
        moved[1:] = np.where(same, codes[:-1], -1)
    missing = moved < 0
    moved[missing] = 0
    return pa.DictionaryArray.from_arrays(from_numpy(moved, missing), column.dictionary)


def _floats(column: pa.ChunkedArray) -> npt.NDArray[np.float64]:
    return to_numpy(column.combine_chunks()).astype(np.float64, copy=False)


def _ints(column: pa.ChunkedArray) -> npt.NDArray[np.int64]:
    return to_numpy(column.combine_chunks().cast(pa.int64()))  # type: ignore[return-value]

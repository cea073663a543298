"""Arrow arrays made from numpy arrays and Python strings through their buffers.

pyarrow's `pa.array()` and `pa.scalar()` on Python or numpy values import pandas the first time (about 0.25 s
of CPU, more on a busy machine), although nothing here needs it; building from buffers does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

_TYPES: dict[np.dtype[Any], pa.DataType] = {
    np.dtype(np.int64): pa.int64(),
    np.dtype(np.int32): pa.int32(),
    np.dtype(np.float64): pa.float64(),
}


def from_numpy(values: npt.NDArray[np.generic], null: npt.NDArray[np.bool_] | None = None) -> pa.Array:
    """An int64, int32 or float64 Arrow array sharing the numpy array's memory; `null` marks the nulls."""
    values = np.ascontiguousarray(values)
    if values.dtype not in _TYPES:
        values = values.astype(np.int64)
    validity = None
    if null is not None and null.any():
        validity = pa.py_buffer(np.packbits(~null, bitorder="little"))
    return pa.Array.from_buffers(_TYPES[values.dtype], len(values), [validity, pa.py_buffer(values)])


def strings(texts: Sequence[str]) -> pa.Array:
    """A string array of `texts` (no nulls)."""
    encoded = [text.encode() for text in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return pa.StringArray.from_buffers(len(encoded), pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded)))


def to_numpy(values: pa.Array) -> npt.NDArray[np.generic]:
    """The values of an int64, int32 or float64 array without nulls, as a numpy view of its buffer (pyarrow's
    own `to_numpy` loads pandas)."""
    if values.null_count:
        raise ValueError("an array with nulls has no numpy view")
    dtype = next(d for d, kind in _TYPES.items() if kind == values.type)
    data = memoryview(values.buffers()[1])
    found: npt.NDArray[np.generic] = np.frombuffer(data, dtype=dtype, count=len(values) + values.offset)
    return found[values.offset :]


def moment(micros: int | None) -> datetime | None:
    """Microseconds since 1970 as an aware UTC datetime (a timestamp scalar's `as_py` loads pandas)."""
    return None if micros is None else _EPOCH + timedelta(microseconds=micros)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

"""Pure per-item work spread over the machine's cores, with the results in the order of the items.

Work that is pure Python (parsing e-mail, finding promises in texts) is bound by one core. `in_order` hands chunks of
items to worker processes and gives back each chunk's results in the order the chunks were made, so everything
that depends on order (threads, numbering, fingerprints, the batches written) stays in the importing process and
works exactly as it does without workers. Only a few chunks are out at a time, so memory stays flat however
large the source; an error while making the items (a cut-off file, say) is raised in the importing process, and
the workers are stopped whenever the caller stops reading.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
PARALLEL_FROM = 2_000  # items; for fewer, starting the worker processes costs more than it saves
CHUNK = 250  # items a worker takes at a time: few enough messages between the processes, small enough to share
_AHEAD = 3  # chunks out per worker at a time


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def in_order(
    work: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    workers: int,
    setup: Callable[..., None] | None = None,
    setup_args: tuple[Any, ...] = (),
) -> Iterator[Result]:
    """`work` over chunks of `items` in `workers` processes, each first running `setup(*setup_args)` if given; the
    results in the items' order. `work` and `setup` are module-level functions (a spawned worker imports them)."""
    context: Any = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    source = iter(items)
    with context.Pool(workers, initializer=setup, initargs=setup_args) as pool:
        pending: deque[AsyncResult[list[Result]]] = deque()
        while True:
            while len(pending) < workers * _AHEAD and (chunk := list(islice(source, CHUNK))):
                pending.append(pool.apply_async(work, (chunk,)))
            if not pending:
                return
            yield from pending.popleft().get()

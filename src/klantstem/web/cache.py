"""A small in-process cache for figures that are costly to compute and change slowly (the dashboard, the
process analysis, themes). No request computes a value itself: every computation runs on the cache's executor
(one thread shared by the caches of a process, so heavy figures are computed one at a time and never crowd out
the requests), and a request waits for it at most `sync_s` seconds; a value not there by then is None ("being
computed"). A value older than `ttl_s` is still served while its successor is computed (stale while
revalidating). After a write, `invalidate()` makes every value stale: the next request starts computing it again
and waits for the new value up to `sync_s` seconds (so people see their own change when that is quick), else it
gets the old one."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
# How long a request waits for figures being computed before its page says so: long enough for figures that are
# quick to compute (a small organisation, or after a write) to show at once, short enough that nobody waits for
# heavy ones (a cold server at scale computes those for seconds, in the background).
FIGURES_WAIT_S = 1.0
_INVALID = float("-inf")  # the moment of a value made stale by `invalidate()`


def figure_executor() -> ThreadPoolExecutor:
    """The one thread a process computes its heavy figures on."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="klantstem-figures")


class TtlCache:
    def __init__(
        self, ttl_s: float, max_items: int = 256, sync_s: float = FIGURES_WAIT_S, executor: Executor | None = None
    ) -> None:
        self.ttl_s = ttl_s
        self.executor = executor or figure_executor()
        self.max_items = max_items
        self.sync_s = sync_s
        self._items: dict[Hashable, tuple[float, Any]] = {}
        self._running: dict[Hashable, threading.Event] = {}  # refreshes under way, set when done
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        self._failed: dict[Hashable, Exception] = {}  # the last computation of a key failed: shown to the next look

    def get(self, key: Hashable, compute: Callable[[], T]) -> T | None:
        """The value for `key`: fresh, or stale while a fresher one is computed, or the one computed within
        `sync_s` seconds; None while it is still being computed."""
        return self._lookup(key, compute, self.sync_s)

    def peek(self, key: Hashable, compute: Callable[[], T]) -> T | None:
        """The value, or None at once while it is computed in the background (started here if needed)."""
        return self._lookup(key, compute, 0.0)

    def _lookup(self, key: Hashable, compute: Callable[[], T], wait_s: float) -> T | None:
        found = self._items.get(key)
        if found is not None:
            if time.monotonic() - found[0] > self.ttl_s:
                done = self._refresh_in_background(key, compute)
                if found[0] == _INVALID and wait_s and done.wait(wait_s):
                    found = self._items.get(key, found)
            return found[1]  # type: ignore[no-any-return]
        failed = self._failed.pop(key, None)
        if failed is not None:
            raise failed  # the error page says so, and the next look tries again
        done = self._refresh_in_background(key, compute)
        if wait_s and done.wait(wait_s):
            found = self._items.get(key)
            if found is None and key in self._failed:
                raise self._failed.pop(key)
        return None if found is None else found[1]

    def clear(self) -> None:
        with self._guard:
            self._items.clear()

    def invalidate(self) -> None:
        """Every value is stale from now on (see the module's note)."""
        with self._guard:
            self._items = {key: (_INVALID, value) for key, (_, value) in self._items.items()}

    def _lock(self, key: Hashable) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _compute(self, key: Hashable, compute: Callable[[], T], started: float | None = None) -> T:
        with self._lock(key):  # one computation per key; the others wait for it and then read it
            found = self._items.get(key)
            if found is not None and (started is None or found[0] >= started):
                return found[1]  # type: ignore[no-any-return]
            moment = time.monotonic()
            value = compute()
            with self._guard:
                if len(self._items) >= self.max_items and key not in self._items:
                    self._items.pop(min(self._items, key=lambda k: self._items[k][0]))
                self._items[key] = (moment, value)
            return value

    def _refresh_in_background(self, key: Hashable, compute: Callable[[], T]) -> threading.Event:
        """Start computing `key` again unless that is under way; the event is set when it is done."""
        with self._guard:
            done = self._running.get(key)
            if done is not None:
                return done
            done = self._running[key] = threading.Event()
        started = time.monotonic()

        def run() -> None:
            try:
                try:
                    self._compute(key, compute, started=started)
                except Exception as exc:  # noqa: BLE001 - kept for the next look (see _lookup)
                    self._failed[key] = exc
            finally:
                with self._guard:
                    self._running.pop(key, None)
                done.set()

        self.executor.submit(run)
        return done

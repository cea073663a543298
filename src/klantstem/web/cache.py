"""A small in-process cache for figures that are costly to compute and change slowly (the dashboard, the
process analysis, themes). Each key is computed by one request at a time. A value older than `ttl_s` is still
served while a background thread computes its successor (stale while revalidating). After a write,
`invalidate()` makes every value stale: the next request starts computing it again and waits for the new value
up to `sync_s` seconds (so people see their own change when that is quick), else it gets the old one."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
_INVALID = float("-inf")  # the moment of a value made stale by `invalidate()`


class TtlCache:
    def __init__(self, ttl_s: float, max_items: int = 256, sync_s: float = 3.0) -> None:
        self.ttl_s = ttl_s
        self.max_items = max_items
        self.sync_s = sync_s
        self._items: dict[Hashable, tuple[float, Any]] = {}
        self._running: dict[Hashable, threading.Event] = {}  # refreshes under way, set when done
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key`: fresh, or stale while a fresher one is computed, or computed now."""
        found = self._items.get(key)
        if found is not None:
            if time.monotonic() - found[0] > self.ttl_s:
                done = self._refresh_in_background(key, compute)
                if found[0] == _INVALID and done.wait(self.sync_s):
                    found = self._items.get(key, found)
            return found[1]  # type: ignore[no-any-return]
        return self._compute(key, compute)

    def peek(self, key: Hashable, compute: Callable[[], T]) -> T | None:
        """The value, or None while it is first computed in a background thread (started here if needed)."""
        found = self._items.get(key)
        if found is not None:
            if time.monotonic() - found[0] > self.ttl_s:
                self._refresh_in_background(key, compute)
            return found[1]  # type: ignore[no-any-return]
        self._refresh_in_background(key, compute)
        return None

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
                with contextlib.suppress(Exception):  # a failed refresh is tried again on the next look
                    self._compute(key, compute, started=started)
            finally:
                with self._guard:
                    self._running.pop(key, None)
                done.set()

        threading.Thread(target=run, daemon=True).start()
        return done

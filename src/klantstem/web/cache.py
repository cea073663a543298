"""A small in-process cache for figures that are costly to compute and change slowly (the dashboard, the
process analysis, themes): each key is computed by one request at a time and kept for `ttl_s` seconds."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class TtlCache:
    def __init__(self, ttl_s: float, max_items: int = 256) -> None:
        self.ttl_s = ttl_s
        self.max_items = max_items
        self._items: dict[Hashable, tuple[float, Any]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        found = self._fresh(key)
        if found is not None:
            return found[1]  # type: ignore[no-any-return]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one computation per key; the others wait for it and then read it
            found = self._fresh(key)
            if found is not None:
                return found[1]  # type: ignore[no-any-return]
            value = compute()
            with self._guard:
                if len(self._items) >= self.max_items:
                    self._items.pop(min(self._items, key=lambda k: self._items[k][0]))
                self._items[key] = (time.monotonic(), value)
            return value

    def peek(self, key: Hashable, compute: Callable[[], T]) -> T | None:
        """The cached value, or None while it is computed in a background thread (started here if needed)."""
        found = self._fresh(key)
        if found is not None:
            return found[1]  # type: ignore[no-any-return]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        if lock.locked():
            return None
        threading.Thread(target=self._compute_quietly, args=(key, compute), daemon=True).start()
        return None

    def _compute_quietly(self, key: Hashable, compute: Callable[[], T]) -> None:
        with contextlib.suppress(Exception):  # a failed background figure is computed again on the next look
            self.get(key, compute)

    def clear(self) -> None:
        with self._guard:
            self._items.clear()

    def _fresh(self, key: Hashable) -> tuple[float, Any] | None:
        found = self._items.get(key)
        if found is None or time.monotonic() - found[0] > self.ttl_s:
            return None
        return found

"""Rendered parts of pages kept for as long as what they were rendered from stays the same: the dashboard's
main part is rendered from cached figures, which are replaced (never changed) when computed again, so the part
is shown again while every one of its sources is still the same object."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from markupsafe import Markup


class KeptParts:
    def __init__(self, max_items: int = 256) -> None:
        self.max_items = max_items
        self._items: dict[Hashable, tuple[tuple[object, ...], Markup]] = {}
        self._guard = threading.Lock()

    def get(self, key: Hashable, sources: tuple[object, ...], render: Callable[[], Markup]) -> Markup:
        """The part kept under `key` when it was rendered from these very objects, else `render()` (kept)."""
        found = self._items.get(key)
        if found is not None and _same(found[0], sources):
            return found[1]
        part = render()
        with self._guard:
            if len(self._items) >= self.max_items and key not in self._items:
                self._items.clear()
            self._items[key] = (sources, part)
        return part


def _same(kept: tuple[object, ...], sources: tuple[object, ...]) -> bool:
    return len(kept) == len(sources) and all(a is b for a, b in zip(kept, sources, strict=True))

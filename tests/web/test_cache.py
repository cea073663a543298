"""The figures cache: one computation per key, stale values served while refreshed, cleared after writes."""

from __future__ import annotations

import threading
import time

from klantstem.web.cache import TtlCache


def test_one_computation_for_many_waiting_requests() -> None:
    cache = TtlCache(60)
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1


def test_a_stale_value_is_served_while_a_fresh_one_is_computed() -> None:
    cache = TtlCache(0.05)
    values = iter([1, 2, 3])
    assert cache.get("k", lambda: next(values)) == 1
    time.sleep(0.1)
    assert cache.get("k", lambda: next(values)) == 1, "stale, and a refresh starts"
    deadline = time.monotonic() + 5
    while cache.get("k", lambda: 99) != 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get("k", lambda: 99) == 2


def test_peek_computes_in_the_background_and_clear_forgets() -> None:
    cache = TtlCache(60)
    assert cache.peek("k", lambda: "ready") is None
    deadline = time.monotonic() + 5
    while cache.peek("k", lambda: "again") is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.peek("k", lambda: "again") == "ready"
    cache.clear()
    assert cache.get("k", lambda: "fresh") == "fresh"


def test_after_a_write_the_new_value_is_awaited_for_a_while_then_the_old_one_is_served() -> None:
    cache = TtlCache(60, sync_s=0.5)
    assert cache.get("quick", lambda: 1) == 1
    assert cache.get("slow", lambda: 1) == 1
    cache.invalidate()
    assert cache.get("quick", lambda: 2) == 2, "quick: the new value, waited for"

    def slow() -> int:
        time.sleep(1.5)
        return 2

    assert cache.get("slow", slow) == 1, "slow: the old value while the new one is computed"
    deadline = time.monotonic() + 5
    while cache.get("slow", lambda: 3) != 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get("slow", lambda: 3) == 2

"""klantstem.workers: pure work on every core, results in the items' order, errors where the items are made."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from klantstem import workers
from klantstem.promises.from_text import promises_in
from klantstem.promises.service import _promises_in_texts

_OFFSET: list[int] = []


def _set_offset(offset: int) -> None:
    _OFFSET[:] = [offset]


def _square_plus_offset_and_pid(chunk: list[int]) -> list[tuple[int, int]]:
    return [(item * item + _OFFSET[0], os.getpid()) for item in chunk]


def test_results_come_in_the_items_order_from_worker_processes() -> None:
    items = range(5 * workers.CHUNK + 3)
    results = list(workers.in_order(_square_plus_offset_and_pid, items, 2, _set_offset, (7,)))
    assert [value for value, _ in results] == [item * item + 7 for item in items]
    pids = {pid for _, pid in results}
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids  # which worker takes which chunk is the system's


def test_an_error_while_making_the_items_is_raised_in_the_caller() -> None:
    def items() -> Iterator[int]:
        yield from range(3 * workers.CHUNK)
        raise ValueError("the source is cut off")

    with pytest.raises(ValueError, match="cut off"):
        list(workers.in_order(_square_plus_offset_and_pid, items(), 2, _set_offset, (0,)))


def test_promises_found_on_every_core_are_those_found_in_one() -> None:
    sentences = [
        ("Wij bellen u binnen 2 werkdagen terug over de factuur.", False),
        ("De monteur komt morgen om 10:00 langs.", False),
        ("De dealer zou mij terugbellen, maar ik heb niets gehoord.", True),
        ("Ik bel u morgen terug.", True),
        ("We will send you a new invoice next week.", False),
    ]
    texts = [(f"{text} ({number})", inbound) for number in range(workers.CHUNK) for text, inbound in sentences]
    spread = list(workers.in_order(_promises_in_texts, texts, 2))
    assert spread == [promises_in(text, inbound) for text, inbound in texts]
    assert sum(len(found) for found in spread) >= 3 * workers.CHUNK

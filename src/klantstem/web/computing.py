"""Figures still being computed: a page says so and looks again; the API answers 503 with Retry-After."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")
RETRY_S = 5  # a page whose figures are being computed looks again after this many seconds


class Computing(Exception):
    """The figures a page or API call needs are being computed in the background; `title_key` names the page."""

    def __init__(self, title_key: str) -> None:
        super().__init__(title_key)
        self.title_key = title_key


def ready(value: T | None, title_key: str) -> T:
    """The value, or Computing when it is not there yet."""
    if value is None:
        raise Computing(title_key)
    return value

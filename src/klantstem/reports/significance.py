"""Which changes between two periods are more than chance: two-proportion z-tests, Holm-corrected."""

from __future__ import annotations

import math
from dataclasses import dataclass

ALPHA = 0.05
MIN_COUNT = 20  # fewer observations on either side: no test


@dataclass(frozen=True)
class Change:
    key: str  # what was measured, e.g. "bad_steps" or "kept_rate:kind:callback"
    now: float
    before: float
    n_now: int
    n_before: int
    p_value: float
    higher_is_better: bool
    significant: bool = False

    @property
    def better(self) -> bool:
        return (self.now > self.before) == self.higher_is_better


def two_proportion_p(hits_a: int, n_a: int, hits_b: int, n_b: int) -> float:
    """Two-sided p-value of the difference between hits_a/n_a and hits_b/n_b (pooled normal approximation)."""
    pooled = (hits_a + hits_b) / (n_a + n_b)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if spread == 0:
        return 1.0
    z = (hits_a / n_a - hits_b / n_b) / spread
    return math.erfc(abs(z) / math.sqrt(2))


def compare(
    key: str, now: tuple[int, int], before: tuple[int, int], higher_is_better: bool
) -> Change | None:
    """(hits, n) now and before; None when either side has too few observations to test."""
    (hits_now, n_now), (hits_before, n_before) = now, before
    if n_now < MIN_COUNT or n_before < MIN_COUNT:
        return None
    p = two_proportion_p(hits_now, n_now, hits_before, n_before)
    return Change(key, hits_now / n_now, hits_before / n_before, n_now, n_before, p, higher_is_better)


def holm(changes: list[Change], alpha: float = ALPHA) -> list[Change]:
    """The changes marked significant by the Holm-Bonferroni procedure over all of them, smallest p first."""
    ordered = sorted(changes, key=lambda c: c.p_value)
    marked: list[Change] = []
    still = True
    for rank, change in enumerate(ordered):
        still = still and change.p_value <= alpha / (len(ordered) - rank)
        marked.append(Change(**{**change.__dict__, "significant": still}))
    return marked

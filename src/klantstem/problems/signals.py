"""The statistics behind a signal, on one series of periods: reports x_i out of a base n_i (cases that passed the
step, or contacts). Pure numpy; no database.

- Laney p' chart: a p chart whose limits are widened by the spread of the z-scores between periods, so that
  large denominators with more variation than the binomial (overdispersion) do not make every period an alarm.
  sigma_z is the average moving range of the z-scores / 1.128, after screening out moving ranges above 3.267
  times their average (the usual screening, so that the very spike looked for does not widen its own limits).
  The limits are never narrower than the plain p chart's (sigma_z >= 1): hundreds of series are watched at
  once, and an underdispersed series must not raise alarms on its own.
- Change-point: the single split of the series that best explains it as two binomial rates (a likelihood-ratio
  statistic, divided by the overdispersion sigma_z^2); a sustained change of level rather than one odd period.
  ruptures (named in the design) has no cost for counts out of a base; this test is binomial, runs on every
  series at once in milliseconds, and says its figures in plain words.
- Rare but rising: a series that is a small share of all reports whose recent periods hold more than a Poisson
  variation around its earlier level allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MR_TO_SIGMA = 1.128  # average moving range of two points / sigma, for normal data
MR_SCREEN = 3.267  # moving ranges above this many times their average are left out of the estimate
MIN_SEGMENT = 3


@dataclass(frozen=True)
class Laney:
    pbar: float
    sigma_z: float
    ucl: np.ndarray
    fired: np.ndarray  # bool per period


def rates(x: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Reports per base, 0 where the base is 0; more reports than base count as the whole base."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, np.minimum(x, n) / np.maximum(n, 1), 0.0)


def laney(x: np.ndarray, n: np.ndarray, sigma: float, min_reports: int) -> Laney:
    """Laney p' limits per period; a period fires above its upper limit with at least `min_reports` reports."""
    used = n > 0
    xs = np.minimum(x, n).astype(float)
    total_n = float(n[used].sum())
    pbar = float(xs[used].sum()) / total_n if total_n else 0.0
    if pbar <= 0.0 or pbar >= 1.0 or used.sum() < 3:
        return Laney(pbar, 1.0, np.full(len(x), np.inf), np.zeros(len(x), dtype=bool))
    sigma_p = np.sqrt(pbar * (1 - pbar) / np.maximum(n, 1))
    z = (rates(x, n) - pbar) / sigma_p
    ranges = np.abs(np.diff(z[used]))
    if len(ranges):
        ranges = ranges[ranges <= MR_SCREEN * ranges.mean()] if ranges.mean() > 0 else ranges
    sigma_z = max(float(ranges.mean()) / MR_TO_SIGMA if len(ranges) else 1.0, 1.0)
    ucl = np.where(used, pbar + sigma * sigma_p * sigma_z, np.inf)
    fired = used & (rates(x, n) > ucl) & (x >= min_reports)
    return Laney(pbar, sigma_z, ucl, fired)


@dataclass(frozen=True)
class ChangePoint:
    at: int  # index of the first period after the change
    before: float
    after: float
    statistic: float  # likelihood-ratio statistic divided by the overdispersion


def _loglik(x: float, n: float) -> float:
    if n <= 0:
        return 0.0
    p = x / n
    total = 0.0
    if x > 0:
        total += x * math.log(p)
    if n - x > 0:
        total += (n - x) * math.log(1 - p)
    return total


def change_point(x: np.ndarray, n: np.ndarray, overdispersion: float) -> ChangePoint | None:
    """The best single rise in level (after > before), or None when the series is too short or flat."""
    used = np.flatnonzero(n > 0)
    if len(used) < 2 * MIN_SEGMENT:
        return None
    xs = np.minimum(x[used], n[used]).astype(float)
    ns = n[used].astype(float)
    cx, cn = np.cumsum(xs), np.cumsum(ns)
    whole = _loglik(cx[-1], cn[-1])
    best: ChangePoint | None = None
    for k in range(MIN_SEGMENT, len(used) - MIN_SEGMENT + 1):
        x1, n1 = cx[k - 1], cn[k - 1]
        x2, n2 = cx[-1] - x1, cn[-1] - n1
        before, after = x1 / n1, x2 / n2
        if after <= before:
            continue
        statistic = 2 * (_loglik(x1, n1) + _loglik(x2, n2) - whole) / max(overdispersion, 1.0)
        if best is None or statistic > best.statistic:
            best = ChangePoint(int(used[k]), before, after, statistic)
    return best


def poisson_tail(k: int, mean: float) -> float:
    """P(X >= k) for X ~ Poisson(mean)."""
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    term = math.exp(-mean)
    below = term
    for i in range(1, k):
        term *= mean / i
        below += term
    return max(0.0, 1.0 - below)


def rising(x: np.ndarray, recent: int, earlier: int) -> tuple[int, float, float]:
    """(reports in the last `recent` periods, the count the `earlier` periods before them lead to expect, the
    Poisson probability of at least that many)."""
    last = int(x[-recent:].sum())
    before = x[-(recent + earlier) : -recent]
    expected = float(before.mean()) * recent if len(before) else 0.0
    return last, expected, poisson_tail(last, max(expected, 0.5))

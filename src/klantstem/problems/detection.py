"""From placed voices and the bases of each step to signals, verdicts and candidate problems. Pure: no database.

A series is one step x facet (or the step as a whole) at one granularity (week or month). Its reports in a
period are distinct (customer, case, day) triples: the same complaint told in a contact and in a story on the
same day counts once, a customer who complains on eight days counts eight times (and stays one customer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np

from klantstem.problems import signals
from klantstem.problems.model import ALL_FACETS, UNPLACED, Candidate, Rising, Rules, Signal, Verdict, Voice

GRANULARITIES = ("week", "month")
RARE_SHARE = 0.03
SAME_REPORTS = 0.5  # two signals at a step sharing this share of reports are one problem
RISING_RECENT, RISING_EARLIER, RISING_P = 4, 12, 0.01

Bases = dict[str, dict[str, dict[date, int]]]  # granularity -> step -> period -> cases that passed the step


def period_of(moment: datetime, granularity: str, zone: ZoneInfo) -> date:
    return _period_of_day(local_day(moment, zone), granularity)


def _period_of_day(day: date, granularity: str) -> date:
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


@lru_cache(maxsize=200_000)
def _local_day_of_hour(hour: datetime, zone: ZoneInfo) -> date:
    return hour.astimezone(zone).date()


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The local date of an aware moment (zones shift by whole hours here, so one answer serves each UTC hour)."""
    return _local_day_of_hour(moment.replace(minute=0, second=0, microsecond=0), zone)


def next_period(period: date, granularity: str) -> date:
    if granularity == "week":
        return period + timedelta(days=7)
    return (period.replace(day=28) + timedelta(days=4)).replace(day=1)


def period_range(first: date, last: date, granularity: str) -> list[date]:
    out = [first]
    while out[-1] < last:
        out.append(next_period(out[-1], granularity))
    return out


@dataclass(frozen=True)
class Pool:
    """The placed voices as arrays, made once per run and shared by both granularities and the watch: per row (a
    voice under one of its facets, and under the step as a whole), the voice, its step and facet, who reported it,
    its case and its local day."""

    voices: Sequence[Voice]
    steps: list[str]
    facets: list[str]
    row_voice: np.ndarray
    row_series: np.ndarray  # step * len(facets) + facet
    row_report: np.ndarray  # (who, case) as one number: one report a day per customer and case
    row_day: np.ndarray  # local date, as an ordinal


def pool_of(voices: Sequence[Voice], zone: ZoneInfo) -> Pool:
    days: dict[int, int] = {}
    steps: dict[str, int] = {}
    facets: dict[str, int] = {ALL_FACETS: 0}
    whos: dict[object, int] = {}
    cases: dict[object, int] = {}
    rows: list[tuple[int, int, int, int, int, int]] = []
    for i, v in enumerate(voices):
        if v.step == UNPLACED:
            continue
        hour = int(v.at.timestamp()) // 3600  # zones shift by whole hours here: one local date per UTC hour
        day = days.get(hour)
        if day is None:
            day = days[hour] = datetime.fromtimestamp(hour * 3600, zone).date().toordinal()
        step = steps.setdefault(v.step, len(steps))
        who = whos.setdefault(v.customer_id if v.customer_id is not None else (v.source, v.source_id), len(whos))
        case = cases.setdefault(v.case_id, len(cases))
        rows += [(i, step, facets.setdefault(f, len(facets)), who, case, day) for f in {ALL_FACETS, *v.facets}]
    table = np.array(rows, dtype=np.int64).reshape(-1, 6)
    return Pool(
        voices, list(steps), list(facets), table[:, 0], table[:, 1] * max(len(facets), 1) + table[:, 2],
        table[:, 3] * (len(cases) + 1) + table[:, 4], table[:, 5],
    )  # fmt: skip


@dataclass
class _Series:
    step: str
    facet: str
    counts: dict[date, int]  # distinct reports per period
    rows: dict[date, np.ndarray]  # the pool's voices per period (indices)
    pool: Sequence[Voice]

    def voices(self, periods: Iterable[date]) -> tuple[Voice, ...]:
        return tuple(self.pool[int(i)] for p in sorted(periods) for i in self.rows.get(p, ()))


def series_of(pool: Pool, granularity: str) -> dict[tuple[str, str], _Series]:
    """Every step x facet (and step as a whole) with its distinct reports and its voices per period."""
    if not len(pool.row_voice):
        return {}
    period = _periods(pool.row_day, granularity)
    # distinct reports: one per (series, who and case, day)
    order = np.lexsort((pool.row_day, pool.row_report, pool.row_series))
    keys = np.stack([pool.row_series[order], pool.row_report[order], pool.row_day[order]])
    first = np.ones(len(order), dtype=bool)
    first[1:] = np.any(keys[:, 1:] != keys[:, :-1], axis=0)
    group = pool.row_series * (1 << 32) + period  # series and period as one number
    counted, counts = np.unique(group[order][first], return_counts=True)
    by_group = np.argsort(group, kind="stable")
    groups, starts = np.unique(group[by_group], return_index=True)
    ends = np.append(starts[1:], len(by_group))
    found: dict[tuple[str, str], _Series] = {}
    width = max(len(pool.facets), 1)
    for g, start, end in zip(groups.tolist(), starts.tolist(), ends.tolist(), strict=True):
        series_code, day = divmod(g, 1 << 32)
        key = (pool.steps[series_code // width], pool.facets[series_code % width])
        one = found.get(key)
        if one is None:
            one = found[key] = _Series(key[0], key[1], {}, {}, pool.voices)
        one.rows[date.fromordinal(day)] = pool.row_voice[by_group[start:end]]
    for g, n in zip(counted.tolist(), counts.tolist(), strict=True):
        series_code, day = divmod(g, 1 << 32)
        found[(pool.steps[series_code // width], pool.facets[series_code % width])].counts[date.fromordinal(day)] = n
    return found


def _periods(days: np.ndarray, granularity: str) -> np.ndarray:
    """The period (its first day, as an ordinal) of each local date (an ordinal; 1 is a Monday)."""
    if granularity == "week":
        mondays: np.ndarray = days - (days - 1) % 7
        return mondays
    known = np.unique(days)
    starts = np.array([date.fromordinal(int(d)).replace(day=1).toordinal() for d in known], dtype=np.int64)
    return starts[np.searchsorted(known, days)]


def detect(
    pool: Pool, bases: Bases, contact_bases: dict[str, dict[date, int]], rules: Rules, zone: ZoneInfo
) -> tuple[list[Candidate], list[Rising]]:
    """Candidates (one per step x facet whose signal fired, the step's own only where none of its facets fired)
    and the early warnings of rare series that rise."""
    by_key: dict[tuple[str, str], Candidate] = {}
    rising: dict[tuple[str, str], Rising] = {}
    for granularity in GRANULARITIES:
        series = series_of(pool, granularity)
        total = sum(sum(s.counts.values()) for (_, f), s in series.items() if f == ALL_FACETS)
        for key, one in series.items():
            step_bases = bases[granularity].get(one.step)
            base_kind = "cases" if step_bases else "contacts"
            periods, x, n = _arrays(one, step_bases or contact_bases[granularity], granularity)
            signal = _signal(one, periods, x, n, granularity, base_kind, rules)
            if signal is not None:
                candidate = _candidate(signal, rules, zone)
                by_key[key] = _better(by_key.get(key), candidate)
            if granularity == "week" and total:
                warning = _rising(one, x, total)
                if warning is not None and key not in by_key:
                    rising[key] = warning
    kept = _prefer_facets(by_key)
    return kept, [w for k, w in rising.items() if k not in by_key]


def _arrays(one: _Series, base: dict[date, int], granularity: str) -> tuple[list[date], np.ndarray, np.ndarray]:
    known = [p for p in base if base[p] > 0] + list(one.counts)
    periods = period_range(min(known), max(known), granularity)
    x = np.array([one.counts.get(p, 0) for p in periods], dtype=float)
    n = np.array([base.get(p, 0) for p in periods], dtype=float)
    return periods, x, n


def _signal(
    one: _Series, periods: list[date], x: np.ndarray, n: np.ndarray, granularity: str, base_kind: str, rules: Rules
) -> Signal | None:
    chart = signals.laney(x, n, rules.sigma, rules.min_reports)
    shift = signals.change_point(x, n, chart.sigma_z**2)
    shifted = (
        shift is not None
        and shift.statistic >= rules.change_llr
        and shift.after >= rules.min_rise * shift.before
        and x[shift.at :].sum() >= 2 * rules.min_reports
    )
    fired = [periods[i] for i in np.flatnonzero(chart.fired)]
    if not fired and not shifted:
        return None
    assert shift is not None or fired
    chosen = set(fired)
    if shifted and shift is not None:
        chosen |= set(periods[shift.at :])
    rule = "+".join(r for r, on in (("laney", bool(fired)), ("change_point", shifted)) if on)
    if shifted and shift is not None:
        rate, baseline, since = shift.after, shift.before, periods[shift.at]
    else:
        inside = np.array([p in chosen for p in periods])
        rate = float(np.minimum(x, n)[inside].sum() / max(n[inside].sum(), 1))
        outside = ~inside & (n > 0)
        baseline = float(np.minimum(x, n)[outside].sum() / max(n[outside].sum(), 1))
        since = min(chosen)
    voices = one.voices(chosen)
    if not voices:
        return None
    return Signal(
        one.step, one.facet, granularity, rule, since, round(rate, 4), round(baseline, 4), base_kind,
        tuple(fired), voices, round(shift.statistic, 1) if shifted and shift is not None else 0.0,
    )  # fmt: skip


def verdict(voices: tuple[Voice, ...], granularity: str, rules: Rules, zone: ZoneInfo) -> Verdict:
    """Structural only with at least k distinct customers across two periods or two channels, and not a burst
    on one day; otherwise an incident. The reasons say which rule decided, in plain words."""
    customers = {v.customer_id for v in voices if v.customer_id is not None}
    channels = tuple(sorted({v.channel for v in voices if v.channel}))
    periods = {period_of(v.at, granularity, zone) for v in voices}
    days = Counter(local_day(v.at, zone) for v in voices)
    busiest = max(days.values()) / len(voices)
    wide = len(periods) >= rules.periods or len(channels) >= rules.channels
    codes: list[tuple[str, dict[str, object]]] = []
    if len(customers) < rules.customers:
        codes.append(("few_customers", {"customers": len(customers), "needed": rules.customers}))
    if not wide:
        codes.append(("narrow", {"periods": len(periods), "channels": len(channels)}))
    if busiest >= rules.burst_share:
        codes.append(("burst", {"share": round(busiest * 100), "day": max(days, key=lambda d: days[d]).isoformat()}))
    kind = "incident" if codes else "structural"
    if not codes:
        codes.append(("broad", {"customers": len(customers), "periods": len(periods), "channels": len(channels)}))
    return Verdict(
        kind, len(customers), len(voices), channels, len(periods), round(busiest, 3),
        tuple(_reason(code, values) for code, values in codes), tuple((c, dict(v)) for c, v in codes),
    )  # fmt: skip


def _reason(code: str, values: dict[str, object]) -> str:
    if code == "few_customers":
        return f"only {values['customers']} distinct customer(s) reported it (structural needs {values['needed']})"
    if code == "narrow":
        return f"seen in {values['periods']} period(s) through {values['channels']} channel(s) only"
    if code == "burst":
        return f"{values['share']}% of the reports came on one day ({values['day']}): a burst"
    return (
        f"{values['customers']} distinct customers across {values['periods']} periods and {values['channels']} channels"
    )


def _candidate(signal: Signal, rules: Rules, zone: ZoneInfo) -> Candidate:
    judged = verdict(signal.voices, signal.granularity, rules, zone)
    moments = [v.at for v in signal.voices]
    return Candidate(signal.step, signal.facet, signal, judged, min(moments), max(moments))


def _better(old: Candidate | None, new: Candidate) -> Candidate:
    """Of the week and the month signal of one series: structural first, then the one with more customers."""
    if old is None:
        return new
    return new if _rank(new) > _rank(old) else old


def _rank(c: Candidate) -> tuple[bool, int, int]:
    return (c.verdict.kind == "structural", c.verdict.customers, c.verdict.reports)


def _prefer_facets(found: dict[tuple[str, str], Candidate]) -> list[Candidate]:
    """One candidate per problem: a step's own signal is dropped where one of its facets fired with the same
    verdict or a stronger one, and of two signals at one step made of mostly the same reports (one complaint read
    with two facets) the broader one stays."""
    out: list[Candidate] = []
    for (step, facet), candidate in found.items():
        if facet == ALL_FACETS:
            facets = [c for (s, f), c in found.items() if s == step and f != ALL_FACETS]
            if any(c.verdict.kind == "structural" or candidate.verdict.kind == "incident" for c in facets):
                continue
        out.append(candidate)
    out.sort(key=lambda c: (c.verdict.kind != "structural", -c.verdict.customers, -c.verdict.reports, c.facet))
    kept: list[Candidate] = []
    for candidate in out:
        mine = {(v.source, v.source_id) for v in candidate.signal.voices}
        if not any(k.step == candidate.step and _overlap(mine, k) >= SAME_REPORTS for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.verdict.kind != "structural", -c.verdict.customers, c.step, c.facet))


def _overlap(mine: set[tuple[str, int]], other: Candidate) -> float:
    theirs = {(v.source, v.source_id) for v in other.signal.voices}
    return len(mine & theirs) / max(min(len(mine), len(theirs)), 1)


def _rising(one: _Series, x: np.ndarray, total: int) -> Rising | None:
    share = float(x.sum()) / total
    if share >= RARE_SHARE or len(x) < RISING_RECENT + 2:
        return None
    recent, expected, p = signals.rising(x, RISING_RECENT, RISING_EARLIER)
    if recent < 3 or recent <= expected or p >= RISING_P:
        return None
    return Rising(one.step, one.facet, recent, round(expected, 2), round(share, 4))

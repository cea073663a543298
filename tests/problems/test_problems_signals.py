"""The statistics and rules behind a signal, on series and voices made up here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from klantstem.problems import detection, signals
from klantstem.problems.model import Rules, Voice
from klantstem.problems.placement import mapped_step, place

ZONE = ZoneInfo("Europe/Amsterdam")


def test_laney_does_not_alarm_on_overdispersed_noise_where_a_plain_p_chart_would() -> None:
    rng = np.random.default_rng(7)
    n = np.full(40, 20_000.0)
    p = np.clip(rng.normal(0.05, 0.004, 40), 0.01, None)  # real rates wander more than the binomial allows
    x = rng.binomial(n.astype(int), p).astype(float)
    pbar = x.sum() / n.sum()
    plain_ucl = pbar + 3 * np.sqrt(pbar * (1 - pbar) / n)
    assert (x / n > plain_ucl).sum() >= 3  # the p chart cries wolf
    chart = signals.laney(x, n, 3.0, 5)
    assert chart.sigma_z > 2
    assert not chart.fired.any()


def test_laney_fires_on_a_real_spike_and_not_below_the_minimum_of_reports() -> None:
    n = np.full(20, 100.0)
    x = np.full(20, 5.0)
    x[15] = 25
    assert list(np.flatnonzero(signals.laney(x, n, 3.0, 5).fired)) == [15]
    assert not signals.laney(x / 10, n, 3.0, 5).fired.any()


def test_change_point_finds_where_the_level_rose() -> None:
    n = np.full(30, 50.0)
    x = np.concatenate([np.full(18, 2.0), np.full(12, 12.0)])
    found = signals.change_point(x, n, 1.0)
    assert found is not None and found.at == 18
    assert found.before < 0.05 < 0.2 < found.after
    assert (
        signals.change_point(np.full(30, 3.0), n, 1.0) is None
        or signals.change_point(np.full(30, 3.0), n, 1.0).statistic < 1
    )


def _voices(customers: list[int], days: list[int], channels: list[str]) -> tuple[Voice, ...]:
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    return tuple(
        Voice("contact", i, c, None, ch, start + timedelta(days=d, minutes=i), None, ("price",), "Factuur")
        for i, (c, d, ch) in enumerate(zip(customers, days, channels, strict=True))
    )


def test_one_customer_eight_times_is_an_incident() -> None:
    judged = detection.verdict(_voices([7] * 8, list(range(0, 24, 3)), ["phone", "email"] * 4), "week", Rules(),
                               ZONE)  # fmt: skip
    assert judged.kind == "incident" and judged.customers == 1 and judged.reports == 8
    assert any("distinct customer" in r for r in judged.reasons)


def test_many_customers_on_one_day_is_a_burst_and_an_incident() -> None:
    judged = detection.verdict(_voices(list(range(30)), [0] * 30, ["phone", "social_media"] * 15), "week", Rules(),
                               ZONE)  # fmt: skip
    assert judged.kind == "incident"
    assert any("one day" in r for r in judged.reasons)


def test_many_customers_over_weeks_is_structural() -> None:
    judged = detection.verdict(_voices(list(range(12)), [i * 4 for i in range(12)], ["phone"] * 12), "week",
                               Rules(), ZONE)  # fmt: skip
    assert judged.kind == "structural" and judged.periods >= 2


def test_a_voice_without_a_case_step_goes_to_the_mapping() -> None:
    mapping = {("price", 3): "Factuur", ("", 3): "Facturatie", ("", None): "Overig"}
    assert mapped_step(mapping, ("price",), 3) == "Factuur"
    assert mapped_step(mapping, ("waiting_time",), 3) == "Facturatie"
    assert mapped_step(mapping, (), 4) == "Overig"
    assert mapped_step({}, ("price",), 3) == ""
    assert place("Aanvraag", ("price",), 3, mapping) == ("Aanvraag", "event")
    assert place(None, ("price",), 3, mapping) == ("Factuur", "mapping")
    assert place(None, ("price",), 3, {}) == ("", "")


def test_periods_are_local_weeks_and_months() -> None:
    late_sunday = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # Monday 00:30 in Amsterdam
    assert detection.period_of(late_sunday, "week", ZONE) == date(2026, 3, 2)
    assert detection.period_of(datetime(2026, 3, 31, 22, 30, tzinfo=UTC), "month", ZONE) == date(2026, 4, 1)


def test_a_report_is_one_customer_and_case_on_one_local_day_in_every_series_it_speaks_for() -> None:
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)  # a Monday
    voices = [
        Voice("contact", 1, 7, 70, "phone", t0, None, ("price",), "Factuur"),
        Voice("story_step", 2, 7, 70, None, t0 + timedelta(hours=2), None, ("price",), "Factuur"),  # same day
        Voice("contact", 3, 7, 70, "email", t0 + timedelta(days=1), None, ("waiting_time",), "Factuur"),
        # Sunday 23:00 UTC is Monday 00:00 in Amsterdam: the next week
        Voice("contact", 4, 8, None, "phone", t0 + timedelta(days=6, hours=14), None, (), "Factuur"),
        Voice("contact", 5, 9, None, "phone", t0, None, ("price",), ""),  # unplaced
    ]
    pool = detection.pool_of(voices, ZONE)
    weeks = detection.series_of(pool, "week")
    assert set(weeks) == {("Factuur", ""), ("Factuur", "price"), ("Factuur", "waiting_time")}
    assert weeks[("Factuur", "")].counts == {date(2026, 3, 2): 2, date(2026, 3, 9): 1}
    assert weeks[("Factuur", "price")].counts == {date(2026, 3, 2): 1}
    assert [v.source_id for v in weeks[("Factuur", "price")].voices([date(2026, 3, 2)])] == [1, 2]
    months = detection.series_of(pool, "month")
    assert months[("Factuur", "")].counts == {date(2026, 3, 1): 3}

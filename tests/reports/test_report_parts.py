"""The report's parts that need no database: periods, the significance test, takeaway sentences, masking."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from klantstem.errors import UserInputError
from klantstem.reports.anonymise import Masker
from klantstem.reports.period import parse_period
from klantstem.reports.significance import compare, holm, two_proportion_p
from klantstem.reports.takeaways import takeaways

NOW = datetime(2026, 12, 7, tzinfo=UTC)
TZ = "Europe/Amsterdam"


def test_periods_are_months_quarters_and_years_in_the_local_time_zone() -> None:
    month = parse_period("2026-10", TZ, NOW)
    assert (month.label, month.start, month.end) == (
        "2026-10", datetime(2026, 9, 30, 22, tzinfo=UTC), datetime(2026, 10, 31, 23, tzinfo=UTC)
    )  # fmt: skip
    assert month.previous().label == "2026-09"
    quarter = parse_period("2026-q1", TZ, NOW)
    assert quarter.label == "2026-Q1" and quarter.previous().label == "2025-Q4"
    assert quarter.end == datetime(2026, 3, 31, 22, tzinfo=UTC)  # summer time began on 29 March
    year = parse_period("2026", TZ, NOW)
    assert year.previous().label == "2025" and year.end == datetime(2026, 12, 31, 23, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "oktober", "26-10", ""])
def test_a_period_that_is_no_period_is_refused(text: str) -> None:
    with pytest.raises(UserInputError, match="give a month"):
        parse_period(text, TZ, NOW)


def test_a_period_in_the_future_is_refused() -> None:
    with pytest.raises(UserInputError, match="in the future"):
        parse_period("2027-01", TZ, NOW)
    assert parse_period("2026-12", TZ, NOW).label == "2026-12"  # the current month has begun


def test_two_proportions() -> None:
    # 60/100 against 40/100: z = 0.2 / sqrt(0.5 * 0.5 * 0.02) = 2.828, two-sided p = 0.00468
    assert two_proportion_p(60, 100, 40, 100) == pytest.approx(0.00468, abs=1e-5)
    assert two_proportion_p(50, 100, 50, 100) == pytest.approx(1.0)
    assert compare("bad_steps", (5, 10), (1, 10), False) is None  # too few to test


def test_holm_keeps_only_what_survives_the_correction() -> None:
    a = compare("bad_steps", (600, 1000), (400, 1000), False)
    b = compare("first_line", (52, 100), (40, 100), True)  # p = 0.09: not significant
    assert a is not None and b is not None
    marked = {c.key: c.significant for c in holm([a, b])}
    assert marked == {"bad_steps": True, "first_line": False}


def test_takeaways_are_sentences_with_their_figures_in_both_languages() -> None:
    now = {"bad_steps": (600, 1000), "kept_kind:callback": (90, 200), "first_line": (52, 100)}
    before = {"bad_steps": (400, 1000), "kept_kind:callback": (150, 200), "first_line": (40, 100)}
    nl = takeaways(now, before, "nl", "2026-09")
    assert nl["tests"] == 3
    sentences = [t["sentence"] for t in nl["items"]]
    assert len(sentences) == 2  # first_line changed, but not beyond chance
    assert any("steeg van 40% in 2026-09 naar 60% (1.000 stappen; p < 0,001). Dat is slechter" in s for s in sentences)
    en = takeaways(now, before, "en", "2026-09")["items"]
    assert any(t["sentence"].startswith("The share of 'callback' promises kept fell from 75% in 2026-09 to 45%")
               and not t["better"] for t in en)  # fmt: skip


def test_masking_names_mail_phones_and_postcodes() -> None:
    mask = Masker(["Sanne de Vries", "Jan Bakker"])
    text = ("Sanne de Vries (sanne.devries@example.nl, 06-12345678, +31 20 123 4567) uit 1234 AB belde; "
            "meneer Van der Berg en Jan hielpen. Om 10:30 op 12-10-2026 kostte het 45 euro.")  # fmt: skip
    masked = mask(text)
    for secret in ("Sanne", "Vries", "example.nl", "12345678", "123 4567", "1234 AB", "Berg", "Jan"):
        assert secret not in masked
    assert "10:30" in masked and "12-10-2026" in masked and "45 euro" in masked  # times, dates, amounts stay

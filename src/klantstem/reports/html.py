"""The report as one self-contained HTML page (CSS and SVG charts inside, no script, no network), which is also
the source of the PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

from klantstem.dates import shown_day
from klantstem.reports import svg, wording
from klantstem.reports.wording import number, percent

CAUSES = ("customer", "organisation", "third_party")
DAY = 86400.0

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("klantstem.reports", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(report: dict[str, Any], mask: Callable[[str], str] | None, for_print: bool) -> str:
    lang = report["lang"]

    def w(key: str, **values: object) -> str:
        return wording.word(key, lang, **values)

    now = report["now"]
    context = {
        "r": report,
        "w": w,
        "lang": lang,
        "for_print": for_print,
        "anonymised": mask is not None,
        "q": mask or (lambda text: text),
        "pct": lambda share: percent(share, lang),
        "num": lambda value, decimals=0: "–" if value is None else number(value, lang, decimals),
        "days": lambda seconds: "–" if seconds is None else number(seconds / DAY, lang, 1),
        "steps_chart": _steps_chart(now["steps"]["by_step"], w),
        "waiting_chart": _waiting_chart(now["process"], report["before"]["process"], w, report),
        "promise_charts": [c for c in (_promise_chart(now["promises"]["by_kind"], w("kind"), w),
                                       _promise_chart(now["promises"]["by_third_party"], w("third_party"), w)) if c],
        "problem_chart": _problem_chart(report["problems"], w, lang),
        "statuses": [k for k in wording.WORDS if k.startswith("status.")],
        "trend_chart": _trend_chart(report["trend"], w),
        "causes": CAUSES,
        "day": shown_day,
    }
    return _ENV.get_template("report.html").render(context)


def _steps_chart(rows: list[dict[str, Any]], w: Callable[..., str]) -> str:
    bars = [
        svg.Bar(r["step"] or w("unknown_step"), (r["bad"], r["normal"], r["excellent"]), (str(r["total"]),))
        for r in rows
    ]
    series = [(svg.COLOURS[level], w(level)) for level in ("bad", "normal", "excellent")]
    return svg.stacked(bars, series, w("steps")) if bars else ""


def _waiting_chart(now: dict[str, Any] | None, before: dict[str, Any], w: Callable[..., str], r: dict[str, Any]) -> str:
    if not now:
        return ""
    lang = r["lang"]
    waiting_now = now.get("waiting_by_cause_s") or {}
    waiting_before = before.get("waiting_by_cause_s") or {}
    bars = []
    for cause in CAUSES:
        a, b = float(waiting_now.get(cause) or 0) / DAY, float(waiting_before.get(cause) or 0) / DAY
        texts = (f"{number(a, lang)} {w('days')}", f"{number(b, lang)} {w('days')}")  # summed over all cases
        bars.append(svg.Bar(w(f"cause.{cause}"), (a, b), texts))
    series = [(svg.COLOURS["now"], r["period"]["label"]), (svg.COLOURS["before"], r["previous_period"]["label"])]
    return svg.bars(bars, series, w("waiting"))


def _promise_chart(rows: list[dict[str, Any]], title: str, w: Callable[..., str]) -> str:
    decided = [r for r in rows if r["kept"] + r["broken"] > 0]
    bars = [
        svg.Bar(r["name"], ((r["kept_rate"] or 0) * 100,), (f"{round((r['kept_rate'] or 0) * 100)}% "
                f"({r['kept'] + r['broken']})",))  # fmt: skip
        for r in sorted(decided, key=lambda r: r["kept_rate"] or 0)
    ]
    return svg.bars(bars, [(svg.COLOURS["now"], f'{title}: {w("kept_rate")}')], title, maximum=100.0) if bars else ""


def _problem_chart(problems: dict[str, Any], w: Callable[..., str], lang: str) -> str:
    rows = problems["items"]
    bars = [svg.Bar(p["title"][lang], (p["impact"],), (number(p["impact"], lang, 0),)) for p in rows[:8]]
    return svg.bars(bars, [(svg.COLOURS["bad"], w("impact"))], w("problems")) if bars else ""


def _trend_chart(points: list[dict[str, Any]], w: Callable[..., str]) -> str:
    """Bad steps and promises kept over the last periods, as percentages side by side."""
    bars = [
        svg.Bar(p["period"], ((p["bad_share"] or 0) * 100, (p["kept_rate"] or 0) * 100),
                (_share(p["bad_share"]), _share(p["kept_rate"])))  # fmt: skip
        for p in points
        if p["judged"] or p["decided"]
    ]
    series = [(svg.COLOURS["bad"], w("trend_bad")), (svg.COLOURS["now"], w("trend_kept"))]
    return svg.bars(bars, series, w("trend"), maximum=100.0) if len(bars) > 1 else ""


def _share(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"

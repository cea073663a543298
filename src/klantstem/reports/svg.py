"""Small vector charts as inline SVG (no script, no network): horizontal bars and 100% stacked bars. Labels are
escaped and shortened to fit their column, so nothing overlaps or runs off the chart."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

COLOURS = {"bad": "#b03a2e", "normal": "#a6acaf", "excellent": "#1e8449", "now": "#1f618d", "before": "#aed6f1"}
WIDTH = 640
ROW = 22
FONT = 11
CHAR = 6.3  # average width of a character at FONT px in DejaVu Sans / Helvetica (generous)


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[float, ...]  # one per series
    texts: tuple[str, ...] = ()  # what is written at the end of each bar


def _fit(text: str, room: float) -> str:
    most = max(int(room / CHAR), 4)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _text(x: float, y: float, text: str, anchor: str = "start", colour: str = "#222") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{FONT}" text-anchor="{anchor}" fill="{colour}" '
            f'font-family="DejaVu Sans, Helvetica, Arial, sans-serif">{escape(text)}</text>')  # fmt: skip


def _svg(height: float, body: list[str], title: str) -> str:
    head = f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" '
    return f'{head}style="max-width:{WIDTH}px"><title>{escape(title)}</title>{"".join(body)}</svg>'


def _legend(y: float, names: list[tuple[str, str]]) -> list[str]:
    body, x = [], 0.0
    for colour, name in names:
        body.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{colour}"/>')
        body.append(_text(x + 14, y, name))
        x += 14 + len(name) * CHAR + 18
    return body


def bars(rows: list[Bar], series: list[tuple[str, str]], title: str, maximum: float | None = None) -> str:
    """Grouped horizontal bars: one bar per series (colour, name) per row, its text at its end."""
    label_room, text_room = 190.0, 90.0
    plot = WIDTH - label_room - text_room
    top = max((v for r in rows for v in r.values), default=0.0)
    scale = plot / (maximum or top or 1.0)
    per_row = ROW * len(series) * 0.8 + 8
    body = _legend(12, series)  # with one series, its name is the chart's caption
    y = 24.0
    for row in rows:
        body.append(_text(label_room - 8, y + per_row / 2, _fit(row.label, label_room - 12), "end"))
        for i, value in enumerate(row.values):
            h = ROW * 0.8 - 3
            w = max(value * scale, 0.0)
            body.append(f'<rect x="{label_room:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                        f'fill="{series[i][0]}"/>')  # fmt: skip
            if i < len(row.texts):
                body.append(_text(label_room + w + 4, y + h - 4, _fit(row.texts[i], text_room - 6)))
            y += ROW * 0.8
        y += 8
    return _svg(y + 4, body, title)


def stacked(rows: list[Bar], series: list[tuple[str, str]], title: str) -> str:
    """100% stacked horizontal bars (shares of each row's total); shares of 8% and more are written inside."""
    label_room, total_room = 190.0, 60.0
    plot = WIDTH - label_room - total_room
    body = _legend(12, series)
    y = 24.0
    for row in rows:
        total = sum(row.values) or 1.0
        body.append(_text(label_room - 8, y + ROW / 2 + 2, _fit(row.label, label_room - 12), "end"))
        x = label_room
        for i, value in enumerate(row.values):
            w = value / total * plot
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{ROW - 4}" fill="{series[i][0]}"/>')
            if value / total >= 0.08:
                body.append(_text(x + w / 2, y + ROW / 2 + 2, f"{round(value / total * 100)}%", "middle", "#fff"))
            x += w
        if row.texts:
            body.append(_text(label_room + plot + 6, y + ROW / 2 + 2, _fit(row.texts[0], total_room - 8)))
        y += ROW + 2
    return _svg(y + 4, body, title)

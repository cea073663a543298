"""The process report as one self-contained HTML page: a process map and charts that work offline.

Plotly's JavaScript comes from the installed plotly package and is written into the page, so the page
needs no network. Every name from the log is escaped.
"""

from __future__ import annotations

import html
import math
from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

DAY = 86400.0
MAP_EDGES = 30


def render_html(report: dict[str, Any]) -> str:
    figures = [
        ("Process map (most frequent steps; arrow label: count, median wait)", process_map(report)),
        ("Lead time per month of the case's start", trend_chart(report)),
        ("Where cases wait longest (total days)", bottleneck_chart(report)),
        ("Waiting by cause (total days)", waiting_chart(report)),
        ("Hand-overs between teams", handover_chart(report)),
        ("Variants", variant_chart(report)),
    ]
    no_teams = f"<p>{html.escape(report.get('first_line_rule') or '')}.</p>"  # the only chart that may be absent
    parts = [f"<section><h2>{html.escape(title)}</h2>{no_teams if figure is None else _div(figure)}</section>"
             for title, figure in figures]  # fmt: skip
    title = html.escape(f"Process report: {report.get('source') or 'event log'}")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style><script>{get_plotlyjs()}</script></head><body>"
        f"<h1>{title}</h1>{summary_table(report)}{''.join(parts)}</body></html>"
    )


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#222}"
    "table{border-collapse:collapse;margin:1rem 0}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;"
    "text-align:left}td.n{text-align:right}section{margin-top:2rem}"
)


def _div(figure: go.Figure) -> str:
    return str(figure.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False}))


def _days(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / DAY:.2f} d"


def summary_table(report: dict[str, Any]) -> str:
    lead, business = report["case_duration_s"], report["case_duration_business_s"]
    waiting = report["waiting_by_cause_s"]
    lines = [
        ("Cases", f"{report['cases']:,}"),
        ("Events", f"{report['events']:,}"),
        ("Activities", f"{report['activities']:,}"),
        ("Variants", f"{report['variants']['count']:,}"),
        ("Lead time median / mean / p90", " / ".join(_days(lead[k]) for k in ("median", "mean", "p90"))),
        ("Same in business hours", " / ".join(_days(business[k]) for k in ("median", "mean", "p90"))),
        ("Cases with ping-pong (A → B → A)", _count(report["ping_pong_cases"], report["first_line_rule"])),
        ("Solved in the first line", f"{_share(report['first_line_share'])} ({report['first_line_rule']})"),
        ("Waiting on the customer / organisation / third party", " / ".join(_days(waiting[c]) for c in waiting)),
    ]
    lines += [(f"Warning: {kind}", f"{count:,}") for kind, count in report.get("warnings", {}).items()]
    if report.get("logs"):
        lines.insert(0, ("Logs", ", ".join(f"{name} ({n:,} events)" for name, n in report["logs"].items())))
    if report.get("mixed_sources"):
        lines.insert(1, ("Warning", report["mixed_sources"]))
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td class=n>{html.escape(v)}</td></tr>" for k, v in lines)
    return f"<table>{rows}</table>"


def _count(value: int | None, why_none: str) -> str:
    return f"— ({why_none})" if value is None else f"{value:,}"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _positions(edges: list[dict[str, Any]], starts: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Activities on a circle, start activities first, then in order of first appearance along the edges."""
    names = list(dict.fromkeys([*starts, *(n for e in edges for n in (e["from"], e["to"]))]))
    step = 2 * math.pi / max(len(names), 1)
    return {name: (math.cos(math.pi - i * step), math.sin(math.pi - i * step)) for i, name in enumerate(names)}


def process_map(report: dict[str, Any]) -> go.Figure:
    edges = report["dfg"][:MAP_EDGES]
    position = _positions(edges, report.get("start_activities", {}))
    loops = {e["from"]: e["count"] for e in edges if e["from"] == e["to"]}
    figure = go.Figure()
    biggest = max((e["count"] for e in edges), default=1)
    for edge in (e for e in edges if e["from"] != e["to"]):
        (x0, y0), (x1, y1) = position[edge["from"]], position[edge["to"]]
        width = 1 + 5 * math.log1p(edge["count"]) / math.log1p(biggest)
        figure.add_annotation(x=x1 * 0.93, y=y1 * 0.93, ax=x0 * 0.93, ay=y0 * 0.93, xref="x", yref="y", axref="x",
                              ayref="y", showarrow=True, arrowhead=2, arrowwidth=width,
                              arrowcolor="rgba(60,90,160,0.45)", text="")  # fmt: skip
        # The label sits a little to the right of the arrow, so the two directions of a pair do not overlap.
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy) or 1.0
        lx, ly = x0 + 0.55 * dx + 0.12 * dy / norm, y0 + 0.55 * dy - 0.12 * dx / norm
        label = f"{edge['count']:,} · {_days(edge['median_s'])}"
        figure.add_annotation(x=lx, y=ly, text=html.escape(label), showarrow=False, font={"size": 10})
    names = list(position)
    texts = [html.escape(n + (f" (↻ {loops[n]:,})" if n in loops else "")) for n in names]
    figure.add_trace(
        go.Scatter(
            x=[position[n][0] for n in names],
            y=[position[n][1] for n in names],
            text=texts,
            mode="markers+text",
            textposition="top center",
            marker={"size": 22, "color": "#3c5aa0"},
            hoverinfo="text",
        )
    )
    axis = {"visible": False, "range": [-1.4, 1.4]}
    figure.update_layout(showlegend=False, height=600, xaxis=axis, yaxis=axis | {"scaleanchor": "x"})
    return figure


def trend_chart(report: dict[str, Any]) -> go.Figure:
    months = report["lead_time_trend"]
    x = [m["month"] for m in months]
    figure = go.Figure()
    figure.add_trace(go.Bar(x=x, y=[m["cases"] for m in months], name="cases", yaxis="y2", opacity=0.3))
    for key, name in (("duration_s", "median (calendar)"), ("duration_business_s", "median (business hours)")):
        figure.add_trace(go.Scatter(x=x, y=[(m[key]["median"] or 0) / DAY for m in months], name=name))
    figure.update_layout(yaxis={"title": "days"}, yaxis2={"overlaying": "y", "side": "right", "title": "cases"})
    return figure


def bottleneck_chart(report: dict[str, Any]) -> go.Figure:
    moves = report["bottlenecks"]["transitions"][:15][::-1]
    labels = [html.escape(f"{m['from']} → {m['to']}") for m in moves]
    figure = go.Figure()
    figure.add_trace(go.Bar(y=labels, x=[m["total_s"] / DAY for m in moves], orientation="h", name="calendar"))
    business = [(m["total_business_s"] or 0) / DAY for m in moves]
    figure.add_trace(go.Bar(y=labels, x=business, orientation="h", name="business hours"))
    figure.update_layout(barmode="group", height=max(300, 40 * len(moves)))
    return figure


def waiting_chart(report: dict[str, Any]) -> go.Figure:
    causes = list(report["waiting_by_cause_s"])
    figure = go.Figure()
    for key, name in (("waiting_by_cause_s", "calendar"), ("waiting_by_cause_business_s", "business hours")):
        figure.add_trace(go.Bar(x=causes, y=[(report[key][c] or 0) / DAY for c in causes], name=name))
    return figure


def handover_chart(report: dict[str, Any]) -> go.Figure | None:
    """None when the log names no teams: an empty chart would suggest that no case was handed over."""
    if not report.get("cases_with_team"):
        return None
    moves = report["handovers"][:15][::-1]
    labels = [html.escape(f"{m['from_team']} → {m['to_team']}") for m in moves]
    figure = go.Figure(go.Bar(y=labels, x=[m["count"] for m in moves], orientation="h"))
    figure.update_layout(height=max(300, 30 * len(moves)), xaxis={"title": "hand-overs"})
    return figure


def variant_chart(report: dict[str, Any]) -> go.Figure:
    top = report["variants"]["top"][:10][::-1]
    labels = [html.escape(" → ".join(v["activities"][:8]) + (" …" if len(v["activities"]) > 8 else "")) for v in top]
    figure = go.Figure(go.Bar(y=labels, x=[v["share"] * 100 for v in top], orientation="h"))
    figure.update_layout(height=max(300, 35 * len(top)), xaxis={"title": "% of cases"})
    return figure

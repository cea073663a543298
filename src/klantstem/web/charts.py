"""Plotly figures as plain data for the pages (drawn by static/charts.js with the locally served plotly.js).
Words that come from customers are kept out of Plotly's pseudo-HTML by replacing angle brackets."""

from __future__ import annotations

from typing import Any

COLOURS = {"bad": "#c0392b", "normal": "#95a5a6", "excellent": "#1e8449"}
# The legend sits above the plot, so it never runs through the axis labels below it; margins grow with labels.
_LAYOUT = {"margin": {"l": 40, "r": 10, "t": 30, "b": 40}, "barmode": "stack",
           "legend": {"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
           "xaxis": {"automargin": True}, "yaxis": {"automargin": True},
           "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)"}  # fmt: skip


def plain(text: object) -> str:
    """Text safe for a Plotly label: no tags, so no links or markup from customer words."""
    return str(text).replace("<", "‹").replace(">", "›")


def appraisal_over_time(months: list[str], series: dict[str, list[int]], names: dict[str, str]) -> dict[str, Any]:
    data = [
        {"type": "bar", "name": plain(names[level]), "x": months, "y": counts,
         "marker": {"color": COLOURS[level]}}
        for level, counts in series.items()
    ]  # fmt: skip
    axes = {"xaxis": {"type": "category", "automargin": True},
            "yaxis": {"title": {"text": plain(names["steps"])}, "automargin": True}}  # fmt: skip
    return {"data": data, "layout": {**_LAYOUT, **axes}}


def horizontal_stack(labels: list[str], series: dict[str, list[int]], names: dict[str, str]) -> dict[str, Any]:
    data = [
        {"type": "bar", "orientation": "h", "name": plain(names[level]), "y": [plain(v) for v in labels],
         "x": counts, "marker": {"color": COLOURS[level]}}
        for level, counts in series.items()
    ]  # fmt: skip
    layout = {**_LAYOUT, "yaxis": {"autorange": "reversed", "automargin": True}}
    return {"data": data, "layout": layout}


def bars(labels: list[str], values: list[float], title: str, colour: str = "#0b6e99") -> dict[str, Any]:
    data = [{"type": "bar", "x": [plain(v) for v in labels], "y": values, "marker": {"color": colour}}]
    axes = {"xaxis": {"automargin": True}, "yaxis": {"title": {"text": plain(title)}, "automargin": True}}
    return {"data": data, "layout": {**_LAYOUT, **axes}}


def map_steps(dfg: list[dict[str, Any]], top: int = 25) -> tuple[list[dict[str, Any]], list[str]]:
    """The most frequent directly-follows transitions between two different steps, and their steps by name."""
    edges = sorted((e for e in dfg if e["from"] != e["to"]), key=lambda e: -e["count"])[:top]
    return edges, sorted({e["from"] for e in edges} | {e["to"] for e in edges})


def process_map(dfg: list[dict[str, Any]], top: int = 25) -> dict[str, Any]:
    """The most frequent directly-follows transitions as a Sankey diagram (the process map). Its steps are
    numbered in the diagram (their names are listed beside it, `map_steps`, and shown on hover): names of
    neighbouring columns printed over each other and were cut off at the edges, numbers fit."""
    edges, nodes = map_steps(dfg, top)
    index = {name: i for i, name in enumerate(nodes)}
    data = [{
        "type": "sankey",
        "node": {"label": [str(i + 1) for i in range(len(nodes))], "pad": 24, "thickness": 14,
                 "customdata": [plain(n) for n in nodes], "hovertemplate": "%{customdata}<extra></extra>"},
        "textfont": {"size": 12},
        "link": {"source": [index[e["from"]] for e in edges], "target": [index[e["to"]] for e in edges],
                 "value": [e["count"] for e in edges]},
    }]  # fmt: skip
    height = max(360, 30 * len(nodes))
    return {"data": data, "layout": {"margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "height": height}}

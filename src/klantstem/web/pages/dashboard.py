"""The dashboard: appraisal over time, the facets customers talk about most with quotes, the worst steps,
promises due and broken, and the worst bottlenecks and ping-pong team pairs; filtered by period, department
and channel."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup

from klantstem.db.schema import CHANNELS
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.users import service as users
from klantstem.web import charts, i18n
from klantstem.web.auth import require
from klantstem.web.computing import Computing
from klantstem.web.pages.filters import PERIODS, Chosen, chosen
from klantstem.web.state import AppState, app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_dashboard))]
ANALYSE_ON_VIEW = 500  # stories told since the last look, analysed before the figures are computed
RECENT_STORIES = 5000  # where the dashboard looks for them


def figures(state: AppState, choice: Chosen, wait: bool = True) -> insights.Dashboard | None:
    """The dashboard's figures, cached; stories told since the last look are analysed first. None while they
    are computed (in the background; a request waits a few seconds at most)."""
    filters = choice.filters(state.clock)

    def compute() -> insights.Dashboard:
        insights.analyse_stories(state.engine, state.clock, ANALYSE_ON_VIEW, RECENT_STORIES)
        return insights.dashboard(state.engine, state.clock, filters)

    key = ("dashboard", filters.key())
    return state.figures.get(key, compute) if wait else state.figures.peek(key, compute)


def process_figures(state: AppState, choice: Chosen, wait: bool = True) -> dict[str, Any] | None:
    """The process analysis for the period and department, cached; {} when there are no events. Without
    `wait`, None while it is computed in the background (the dashboard does not wait for it)."""
    filters = choice.filters(state.clock)
    key = ("process", filters.since, filters.department_id)

    def compute() -> dict[str, Any]:
        return insights.process_report(state.engine, state.settings, filters) or {}

    return state.analyses.get(key, compute) if wait else state.analyses.peek(key, compute)


def promise_lists(
    state: AppState, choice: Chosen, size: int = 5, wait: bool = True
) -> dict[str, list[promises.Promise]] | None:
    """The first promises due soon and overdue, of those made in the period by the department (as the figures
    above them count), cached with the figures."""
    filters = choice.filters(state.clock)

    def compute() -> dict[str, list[promises.Promise]]:
        _, due_ids = insights.open_promise_ids(state.engine, state.clock, insights.DUE_SOON, filters, size)
        _, late_ids = insights.overdue_promise_ids(state.engine, state.clock, filters, size)
        return {
            "due": [promises.get_promise(state.engine, i) for i in due_ids],
            "overdue": [promises.get_promise(state.engine, i) for i in late_ids],
        }

    key = ("promise lists", filters.key())
    return state.figures.get(key, compute) if wait else state.figures.peek(key, compute)


def _themes(state: AppState) -> insights.ThemeResult | None:
    return state.analyses.peek(("themes",), lambda: insights.themes(state.engine))


def departments(state: AppState) -> list[insights.Option]:
    return state.figures.get(("departments",), lambda: insights.departments(state.engine)) or []


def warm(state: AppState) -> str:
    """Start computing what the first views of the dashboard, process and themes pages show (each period, no
    other filter), so that nobody waits for them; for the web process's scheduled job."""
    for period in PERIODS:
        choice = chosen(period, None, None)
        figures(state, choice, wait=False)
        promise_lists(state, choice, wait=False)
        process_figures(state, choice, wait=False)
    _themes(state)
    return "figures of the first views are being computed"


def top_themes(state: AppState, n: int = 5) -> list[insights.ThemeSummary] | None:
    """The largest themes among the newest stories; None while they are first found (in the background)."""
    found = _themes(state)
    return None if found is None else found.themes[:n]


def _charts(board: insights.Dashboard, lang: str) -> dict[str, Any]:
    t = i18n.translator(lang)
    names = {level: t(f"appraisal.{level}") for level in insights.LEVELS} | {"steps": t("dashboard.steps")}
    facet_series = {level: [f.by_level[level] for f in board.facets] for level in insights.LEVELS}
    return {
        "appraisal": charts.appraisal_over_time(
            [i18n.month_label(lang, m) for m in board.months], board.appraisal_by_month, names
        ),
        "facets": charts.horizontal_stack([f.label.get(lang, f.facet) for f in board.facets], facet_series, names),
    }


@router.get("/dashboard")
def dashboard(
    request: Request, _user: Viewer, period: str | None = None, department: str | None = None,
    channel: str | None = None,
) -> Response:  # fmt: skip
    state = app_state(request)
    lang = i18n.language_of(request)
    choice = chosen(period, department, channel)
    board = figures(state, choice)
    # One wait per request: while the figures are computed, the promise lists are started without waiting too.
    promises_shown = promise_lists(state, choice, wait=board is not None)
    if board is None or promises_shown is None:
        raise Computing("dashboard.title")
    options = departments(state)
    process = process_figures(state, choice, wait=False)
    themes = _themes(state)

    def render() -> Markup:
        context = {
            "board": board,
            "choice": choice,
            "periods": list(PERIODS),
            "departments": options,
            "channels": CHANNELS,
            "charts": _charts(board, lang),
            "process": process,
            "promise_lists": promises_shown,
            "themes": None if themes is None else themes.themes[:5],
        }
        return state.renderer.fragment(lang, "_dashboard_main.html", context)

    # The main part comes from the cached figures and the language alone: rendered again only when one of them
    # was computed again.
    sources = (board, options, process, promises_shown, themes)
    main = state.parts.get(("dashboard", lang, choice), sources, render)
    return state.renderer.page(request, "dashboard.html", {"main": main})

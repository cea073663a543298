"""Themes and search: every story about a topic — a facet, a theme found among the stories, or words in Dutch
or English."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from klantstem.insights import service as insights
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import require
from klantstem.web.computing import ready
from klantstem.web.params import PageNumber
from klantstem.web.state import AppState, app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_themes))]
PAGE = 20


def theme_result(state: AppState) -> insights.ThemeResult:
    """The themes found among the newest stories; Computing while they are first found."""
    return ready(state.analyses.get(("themes",), lambda: insights.themes(state.engine)), "themes.title")


@router.get("/themes")
def themes(
    request: Request, _user: Viewer, q: str = "", facet: str = "", theme: int | None = None, page: PageNumber = 1
) -> Response:
    state = app_state(request)
    page = max(page, 1)
    found = theme_result(state)
    labels = insights.facet_labels()
    facet = facet if facet in labels else ""
    chosen_theme = found.summary(theme) if theme is not None else None
    if theme is not None and chosen_theme is None:
        # an unknown theme would otherwise search every story
        problem = i18n.translate(i18n.language_of(request), "themes.no_such_theme")
        context = _context(q, facet, None, found, labels, page, problem=problem)
        return state.renderer.page(request, "themes.html", context, status_code=404)
    searching = bool(q.strip() or facet or theme is not None)
    total, hits = 0, list[insights.StoryHit]()
    if searching:
        total, hits = insights.search(
            state.engine, q, facet or None, insights.Filters(), PAGE, (page - 1) * PAGE,
            story_ids=found.members.get(theme, []) if theme is not None else None,
        )  # fmt: skip
    context = _context(q, facet, chosen_theme, found, labels, page, searching=searching, total=total, hits=hits)
    return state.renderer.page(request, "themes.html", context)


def _context(
    q: str, facet: str, theme: insights.ThemeSummary | None, found: insights.ThemeResult, labels: dict[str, Any],
    page: int, *, searching: bool = False, total: int = 0, hits: list[insights.StoryHit] | None = None,
    problem: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    return {
        "q": q, "facet": facet, "theme": theme, "themes": found.themes, "facet_labels": labels, "hits": hits or [],
        "total": total, "searching": searching, "page": page, "pages": max(1, -(-total // PAGE)),
        "pager_query": _query(q, facet, theme.id if theme else None), "problem": problem,
    }  # fmt: skip


def _query(q: str, facet: str, theme: int | None) -> str:
    from urllib.parse import urlencode

    values: dict[str, object] = {"q": q, "facet": facet}
    if theme is not None:
        values["theme"] = theme
    return urlencode(values)

"""Themes and search: every story about a topic — a facet, a theme found among the stories, or words in Dutch
or English."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from klantstem.insights import service as insights
from klantstem.users import service as users
from klantstem.web.auth import require
from klantstem.web.state import AppState, app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_themes))]
PAGE = 20


def theme_result(state: AppState) -> insights.ThemeResult:
    return state.analyses.get(("themes",), lambda: insights.themes(state.engine))


@router.get("/themes")
def themes(
    request: Request, _user: Viewer, q: str = "", facet: str = "", theme: int | None = None, page: int = 1
) -> Response:
    state = app_state(request)
    page = max(page, 1)
    found = theme_result(state)
    labels = insights.facet_labels()
    facet = facet if facet in labels else ""
    members = found.members.get(theme) if theme is not None else None
    searching = bool(q.strip() or facet or theme is not None)
    total, hits = 0, list[insights.StoryHit]()
    if searching:
        total, hits = insights.search(
            state.engine, q, facet or None, insights.Filters(), PAGE, (page - 1) * PAGE,
            story_ids=members if theme is not None else None,
        )  # fmt: skip
    chosen_theme = next((t for t in found.themes if t.id == theme), None)
    context = {
        "q": q, "facet": facet, "theme": chosen_theme, "themes": found.themes, "facet_labels": labels,
        "hits": hits, "total": total, "searching": searching, "page": page, "pages": max(1, -(-total // PAGE)),
        "pager_query": _query(q, facet, theme),
    }  # fmt: skip
    return state.renderer.page(request, "themes.html", context)


def _query(q: str, facet: str, theme: int | None) -> str:
    from urllib.parse import urlencode

    values: dict[str, object] = {"q": q, "facet": facet}
    if theme is not None:
        values["theme"] = theme
    return urlencode(values)

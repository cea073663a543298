"""The dashboard, the process analysis, themes, story search and corrections as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from klantstem.db.schema import APPRAISALS, CHANNELS
from klantstem.errors import NotFoundError
from klantstem.insights import service as insights
from klantstem.users import service as users
from klantstem.web.api.fields import one_of, query_one_of
from klantstem.web.api.paging import Page, PageParams, page_of, page_params
from klantstem.web.auth import require_api
from klantstem.web.computing import ready
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.pages.dashboard import figures, process_figures, top_themes
from klantstem.web.pages.filters import PERIODS, chosen
from klantstem.web.pages.themes import theme_result
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(responses=ERROR_RESPONSES)
Paging = Annotated[PageParams, Depends(page_params)]
Dashboarder = Annotated[users.User, Depends(require_api(users.Action.view_dashboard))]
ProcessViewer = Annotated[users.User, Depends(require_api(users.Action.view_process))]
ThemeViewer = Annotated[users.User, Depends(require_api(users.Action.view_themes))]
Analyst = Annotated[users.User, Depends(require_api(users.Action.correct_labels))]
Period = Annotated[str | None, query_one_of(tuple(PERIODS), "The period the figures cover (default 365d).")]
Channel = Annotated[str | None, query_one_of(CHANNELS, "Only contacts and stories of this channel.")]
FILTER_HELP = "period: 30d, 90d, 365d (default) or all; department: a department id; channel: e.g. phone."


class Level(BaseModel):
    level: str = one_of(APPRAISALS)


class FacetLabel(BaseModel):
    facet: str
    level: str | None = Field(
        description="bad, normal or excellent; null removes the facet from the story.",
        json_schema_extra={"enum": [*APPRAISALS, None]},
    )


def _labels(labels: insights.Labels) -> dict[str, Any]:
    return {"story_id": labels.story_id, "appraisal": labels.appraisal, "facets": labels.facets,
            "corrected": labels.corrected, "model_version": labels.model_version}  # fmt: skip


@router.get("/dashboard", response_model=dict[str, Any], tags=["dashboard"], description=FILTER_HELP)
def dashboard(
    request: Request, _user: Dashboarder, period: Period = None, department: str | None = None,
    channel: Channel = None,
) -> dict[str, Any]:  # fmt: skip
    """Appraisal per month, top facets with quotes, worst steps, promises due and broken, and (once computed;
    null until then) the largest themes with quotes and the worst bottlenecks and ping-pong team pairs."""
    state = app_state(request)
    choice = chosen(period, department, channel)
    data = ready(figures(state, choice), "dashboard.title").as_dict()
    report = process_figures(state, choice, wait=False)
    data["process"] = None if report is None else {
        "bottlenecks": (report.get("bottlenecks") or {}).get("steps", [])[:5],
        "ping_pong": (report.get("ping_pong") or [])[:5],
    }  # fmt: skip
    found = top_themes(state)
    data["themes"] = None if found is None else [t.as_dict() for t in found]
    return data


@router.get("/process", response_model=dict[str, Any], tags=["process"], description=FILTER_HELP)
def process(
    request: Request, _user: ProcessViewer, period: Period = None, department: str | None = None
) -> dict[str, Any]:
    """The full process analysis of the database's events: lead times, map, bottlenecks, hand-overs,
    ping-pong, waiting by cause; {} when there are no events."""
    return ready(process_figures(app_state(request), chosen(period, department, None)), "process.title")


@router.get("/themes", response_model=list[dict[str, Any]], tags=["themes"])
def themes(request: Request, _user: ThemeViewer) -> list[dict[str, Any]]:
    """Themes found among the newest stories, largest first, with quotes."""
    return [t.as_dict() for t in theme_result(app_state(request)).themes]


@router.get("/stories", response_model=Page[dict[str, Any]], tags=["themes"])
def search(
    request: Request, _user: ThemeViewer, paging: Paging, q: str = "", facet: str | None = None,
    theme: int | None = None,
) -> Page[dict[str, Any]]:  # fmt: skip
    """Customer stories with every word of `q` (Dutch or English), about a facet, or in a theme; newest first."""
    state = app_state(request)
    found = theme_result(state)
    if theme is not None and found.summary(theme) is None:
        raise NotFoundError(f"no theme {theme} among the themes found (GET /api/themes lists them)")
    members = found.members.get(theme, []) if theme is not None else None
    total, hits = insights.search(state.engine, q, facet, insights.Filters(), paging.limit, paging.offset, members)
    return page_of([h.as_dict() for h in hits], total, paging)


@router.get("/corrections", response_model=Page[dict[str, Any]], tags=["corrections"])
def queue(request: Request, _user: Analyst, paging: Paging) -> Page[dict[str, Any]]:
    """Analysed stories, newest first, with their current labels."""
    total, hits = insights.correction_queue(app_state(request).engine, paging.limit, paging.offset)
    return page_of([h.as_dict() for h in hits], total, paging)


@router.post("/stories/{story_id}/appraisal", response_model=dict[str, Any], tags=["corrections"])
def set_appraisal(request: Request, story_id: Id, user: Analyst, body: Level) -> dict[str, Any]:
    state = app_state(request)
    labels = insights.correct_appraisal(state.engine, state.clock, story_id, body.level, user.id)
    state.changed()
    return _labels(labels)


@router.post("/stories/{story_id}/facets", response_model=dict[str, Any], tags=["corrections"])
def set_facet(request: Request, story_id: Id, user: Analyst, body: FacetLabel) -> dict[str, Any]:
    state = app_state(request)
    labels = insights.correct_facet(state.engine, state.clock, story_id, body.facet, body.level, user.id)
    state.changed()
    return _labels(labels)


@router.get("/training-examples", response_model=Page[dict[str, str]], tags=["corrections"])
def training_examples(request: Request, _user: Analyst, paging: Paging) -> Page[dict[str, str]]:
    """Every story a person corrected, as `{text, labels}` (labels `FACET=appraisal;...`)."""
    examples = insights.training_examples(app_state(request).engine)
    return page_of(paging.cut(examples), len(examples), paging)

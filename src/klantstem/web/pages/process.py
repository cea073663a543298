"""The process page: the process map, lead times, bottlenecks, hand-overs and ping-pong, and waiting by cause,
from the process events in the database."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from klantstem.db.schema import CHANNELS
from klantstem.users import service as users
from klantstem.web import charts, i18n
from klantstem.web.auth import require
from klantstem.web.computing import ready
from klantstem.web.pages.dashboard import departments, process_figures
from klantstem.web.pages.filters import PERIODS, chosen
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_process))]
CAUSES = ("customer", "organisation", "third_party")


def _charts(report: dict[str, Any], lang: str) -> dict[str, Any]:
    t = i18n.translator(lang)
    waiting = report.get("waiting_by_cause_s") or {}
    hours = [round(float(waiting.get(c) or 0) / 3600, 1) for c in CAUSES]
    return {
        "map": charts.process_map(report.get("dfg") or []),
        "map_steps": charts.map_steps(report.get("dfg") or [])[1],
        "waiting": charts.bars([t(f"cause.{c}") for c in CAUSES], hours, t("unit.hours")),
    }


@router.get("/process")
def process_page(request: Request, _user: Viewer, period: str | None = None, department: str | None = None) -> Response:
    state = app_state(request)
    choice = chosen(period, department, None)
    report = ready(process_figures(state, choice), "process.title")
    context = {
        "report": report,
        "choice": choice,
        "periods": list(PERIODS),
        "departments": departments(state),
        "channels": CHANNELS,
        "show_channel": False,
        "charts": _charts(report, i18n.language_of(request)) if report else None,
    }
    return state.renderer.page(request, "process.html", context)

"""The management report's page: choose a period and department, then open the report (the same self-contained
HTML as `klantstem report`) or download it as PDF."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from klantstem.insights import service as insights
from klantstem.reports import service as reports
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import require
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_report))]


@router.get("/report")
def report_page(request: Request, _user: Viewer) -> Response:
    state = app_state(request)
    context = {
        "default_period": reports.last_month(state.settings, state.clock),
        "departments": insights.departments(state.engine),
    }
    return state.renderer.page(request, "report.html", context)


@router.get("/report/view")
def report_file(
    request: Request, _user: Viewer, period: str, department: str | None = None, format: str = "html",
    anonymise: bool = False,
) -> Response:  # fmt: skip
    """The report itself: an HTML page, or a PDF to download (anonymised unless asked otherwise)."""
    state = app_state(request)
    found = reports.management_report(
        state.engine, state.settings, state.clock, period, department or None, i18n.language_of(request)
    )
    content = reports.render_report(state.engine, found, format, anonymise or None)
    if format == "pdf":
        name = f"klantstem-{found['period']['label']}.pdf"
        return Response(content, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip
    if format == "json":
        return Response(content, media_type="application/json")
    return HTMLResponse(content.decode("utf-8"))

"""The management report as JSON."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from klantstem.reports import service as reports
from klantstem.users import service as users
from klantstem.web.api.fields import query_one_of
from klantstem.web.auth import require_api
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.state import app_state

router = APIRouter(responses=ERROR_RESPONSES)
Viewer = Annotated[users.User, Depends(require_api(users.Action.view_report))]


@router.get("/report", response_model=dict[str, Any], tags=["report"])
def report(
    request: Request,
    _user: Viewer,
    period: Annotated[str, Query(description="A month (2026-10), a quarter (2026-Q3) or a year (2026).")],
    department: Annotated[str | None, Query(description="A department's name or id.")] = None,
    lang: Annotated[str, query_one_of(("nl", "en"), "The language of the takeaways and labels.")] = "nl",
    anonymise: Annotated[bool, Query(description="Mask names, e-mail, phone numbers and postcodes in quotes.")] = False,
) -> dict[str, Any]:
    """Key takeaways (significant changes against the previous period), the judgements per step, the voice of
    the process, promises, repeat contacts and the structural problems, as figures with quotes."""
    state = app_state(request)
    found = reports.management_report(state.engine, state.settings, state.clock, period, department, lang)
    data: dict[str, Any] = json.loads(reports.render_report(state.engine, found, "json", anonymise))
    return data

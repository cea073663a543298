"""The structural-problem pages: the list by impact with owner and age, one problem with both voices side by side
and its reporters, and the registry of step owners. Owners act here: status, owner, confirm or split a report,
tell every reporter."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.errors import KlantstemError
from klantstem.insights import service as insights
from klantstem.problems import service as problems
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, require
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Viewer = Annotated[users.User, Depends(require(users.Action.view_problems))]
Owner = Annotated[users.User, Depends(require(users.Action.manage_problems))]
SHOWN_REPORTS = 20
NEXT = {
    "new": ("acknowledged", "risk_accepted"),
    "acknowledged": ("cause_known", "risk_accepted"),
    "cause_known": ("fix_underway", "risk_accepted"),
    "fix_underway": ("fixed", "risk_accepted"),
    "risk_accepted": ("acknowledged",),
}


@router.get("/problems")
def listed(request: Request, _user: Viewer) -> Response:
    state = app_state(request)
    rows = problems.list_problems(state.engine, state.clock, state.settings)
    context = {"rows": rows, "facets": insights.facet_labels(), "now": state.clock.now()}
    return state.renderer.page(request, "problems.html", context)


@router.get("/problems/owners")
def owners(request: Request, _user: Viewer, problem: str | None = None, status: int = 200) -> Response:
    state = app_state(request)
    context = {"owners": problems.owners(state.engine), "problem": problem}
    return state.renderer.page(request, "problem_owners.html", context, status_code=status)


@router.post("/problems/owners", dependencies=[Depends(check_csrf)])
def register_owner(
    request: Request,
    _user: Owner,
    step: Annotated[str, Form(max_length=300)],
    owner: Annotated[str, Form(max_length=320)],
) -> Response:
    state = app_state(request)
    try:
        problems.set_owner(state.engine, state.clock, step, owner)
    except KlantstemError as exc:
        return owners(request, _user, i18n.explain(i18n.language_of(request), exc), 400)
    return RedirectResponse("/problems/owners", status_code=303)


def _reasons(lang: str, codes: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Why it is (or is not) structural, in the reader's words: counts as the reader writes numbers, a day as
    dd-mm-yyyy."""
    shown = []
    for code, values in codes:
        written = {k: i18n.day(v) if k == "day" else i18n.number(lang, v) for k, v in values.items()}
        shown.append(i18n.translate(lang, f"problems.code.{code}", **written))
    return shown


def _page(
    request: Request, problem_id: int, problem: str | None = None, notice: str | None = None, status: int = 200
) -> Response:
    state = app_state(request)
    found = problems.show(state.engine, problem_id)
    explanation = found.problem.explanation
    context: dict[str, Any] = {
        "reasons": _reasons(i18n.language_of(request), explanation.get("codes") or []),
        "since": i18n.day(explanation.get("since")),
        "p": found.problem,
        "detail": found,
        "reports": found.reports[::-1][:SHOWN_REPORTS],
        "more": max(0, len(found.reports) - SHOWN_REPORTS),
        "facets": insights.facet_labels(),
        "process": explanation.get("process") or {},
        "next": NEXT.get(found.problem.status, ()),
        "problem": problem,
        "notice": notice,
        "now": state.clock.now(),
    }
    return state.renderer.page(request, "problem.html", context, status_code=status)


@router.get("/problems/{problem_id}")
def one(request: Request, problem_id: Id, _user: Viewer) -> Response:
    return _page(request, problem_id)


def _acted(request: Request, problem_id: int, act: Any) -> Response:
    """Do it, then show the problem again: with the reason in the reader's language when it was refused."""
    try:
        act()
    except KlantstemError as exc:
        if exc.exit_code == 3:
            raise
        return _page(request, problem_id, problem=i18n.explain(i18n.language_of(request), exc), status=400)
    return RedirectResponse(f"/problems/{problem_id}", status_code=303)


@router.post("/problems/{problem_id}/status", dependencies=[Depends(check_csrf)])
def status(
    request: Request,
    problem_id: Id,
    user: Owner,
    status: Annotated[str, Form(max_length=20)],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    state = app_state(request)
    return _acted(
        request,
        problem_id,
        lambda: problems.set_status(state.engine, state.clock, problem_id, status, user.id, note=note),
    )


@router.post("/problems/{problem_id}/owner", dependencies=[Depends(check_csrf)])
def owner(request: Request, problem_id: Id, user: Owner, owner: Annotated[str, Form(max_length=320)]) -> Response:
    state = app_state(request)
    return _acted(request, problem_id, lambda: problems.assign(state.engine, state.clock, problem_id, owner, user.id))


@router.post("/problems/{problem_id}/reports/{report_id}", dependencies=[Depends(check_csrf)])
def link(
    request: Request, problem_id: Id, report_id: Id, user: Owner, decision: Annotated[str, Form(max_length=10)]
) -> Response:
    state = app_state(request)
    return _acted(
        request, problem_id, lambda: problems.link(state.engine, state.clock, problem_id, report_id, decision, user.id)
    )


@router.post("/problems/{problem_id}/notify", dependencies=[Depends(check_csrf)])
def notify(
    request: Request,
    problem_id: Id,
    user: Owner,
    kind: Annotated[str, Form(max_length=20)],
    message: Annotated[str, Form(max_length=5000)],
) -> Response:
    state = app_state(request)
    lang = i18n.language_of(request)
    try:
        result = problems.notify(state.engine, state.clock, state.settings, problem_id, kind, message, user.id)
    except KlantstemError as exc:
        if exc.exit_code == 3:
            raise
        return _page(request, problem_id, problem=i18n.explain(lang, exc), status=400)
    notice = i18n.translate(
        lang,
        "problems.notified",
        queued=result.queued,
        already=result.already,
        blocked=len(result.blocked),
        no_address=len(result.no_address),
    )
    return _page(request, problem_id, notice=notice)

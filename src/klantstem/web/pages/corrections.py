"""Corrections: an analyst sets a story's appraisal or a facet in one click; each correction becomes a training
example (downloadable as the labelled CSV that `klantstem text train` reads)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.delimited import spreadsheet_csv
from klantstem.errors import UserInputError
from klantstem.insights import service as insights
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, require
from klantstem.web.params import FormPageNumber, Id, PageNumber
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Analyst = Annotated[users.User, Depends(require(users.Action.correct_labels))]
PAGE = 20


def queue(request: Request, page: int = 1, problem: str | None = None, status: int = 200) -> Response:
    state = app_state(request)
    page = max(page, 1)
    insights.analyse_stories(state.engine, state.clock, 200, 5000)
    total, hits = insights.correction_queue(state.engine, PAGE, (page - 1) * PAGE)
    context = {"hits": hits, "total": total, "page": page, "pages": max(1, -(-total // PAGE)), "problem": problem,
               "facet_labels": insights.facet_labels(), "levels": insights.LEVELS,
               "person_version": insights.PERSON_VERSION}  # fmt: skip
    return state.renderer.page(request, "corrections.html", context, status_code=status)


@router.get("/corrections")
def corrections(request: Request, _user: Analyst, page: PageNumber = 1) -> Response:
    return queue(request, page)


@router.post("/corrections/{story_id}/appraisal", dependencies=[Depends(check_csrf)])
def set_appraisal(
    request: Request, story_id: Id, user: Analyst, level: Annotated[str, Form()], page: FormPageNumber = 1
) -> Response:
    state = app_state(request)
    try:
        insights.correct_appraisal(state.engine, state.clock, story_id, level, user.id)
    except UserInputError as exc:
        return queue(request, page, i18n.explain(i18n.language_of(request), exc), 400)
    state.changed()
    return RedirectResponse(f"/corrections?page={page}#story-{story_id}", status_code=303)


@router.post("/corrections/{story_id}/facet", dependencies=[Depends(check_csrf)])
def set_facet(
    request: Request,
    story_id: Id,
    user: Analyst,
    facet: Annotated[str, Form()],
    level: Annotated[str, Form()] = "remove",
    page: FormPageNumber = 1,
) -> Response:
    state = app_state(request)
    try:
        insights.correct_facet(state.engine, state.clock, story_id, facet, None if level == "remove" else level,
                               user.id)  # fmt: skip
    except UserInputError as exc:
        return queue(request, page, i18n.explain(i18n.language_of(request), exc), 400)
    state.changed()
    return RedirectResponse(f"/corrections?page={page}#story-{story_id}", status_code=303)


@router.get("/corrections/training.csv")
def training_csv(request: Request, _user: Analyst) -> Response:
    examples = insights.training_examples(app_state(request).engine)
    text = spreadsheet_csv([("text", "labels"), *((example["text"], example["labels"]) for example in examples)])
    headers = {"Content-Disposition": 'attachment; filename="klantstem-training.csv"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)

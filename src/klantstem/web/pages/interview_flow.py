"""The steps of a guided interview, shared by the interviewer's pages and the customer's personal link:
show the interview at its stage, take the next step and the answers, read the summary back, confirm it."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from klantstem.errors import UserInputError
from klantstem.stories import service as stories
from klantstem.web import i18n
from klantstem.web.pages.forms import field
from klantstem.web.state import app_state


def show(request: Request, interview: stories.Interview, base: str, staff_id: int | None,
         problem: str | None = None, status: int = 200) -> Response:  # fmt: skip
    """The interview at its stage. `staff_id`: the signed-in interviewer (None: the customer's own link); the
    forms show only to whoever may record the story."""
    engine = app_state(request).engine
    may = staff_id is None or (interview.story_id > 0 and stories.may_record(engine, interview.story_id, staff_id))
    context = {
        "interview": interview,
        "base": base,
        "public": staff_id is None,
        "may_record": may,
        "problem": problem,
        "appraisals": stories.APPRAISALS,
        "opinions": {s.id: interview.opinion_of(s.id) for s in interview.steps},
    }
    return app_state(request).renderer.page(request, "interview.html", context, status_code=status)


def _happened_at(raw: object, timezone: str) -> datetime | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        raise UserInputError("the date of the step is not a date", code="step_date") from None
    return datetime.combine(day, time(12, 0), ZoneInfo(timezone))


def carry_on(request: Request, story_id: int, form: FormData, base: str, staff_id: int | None) -> Response:
    """Save the answers to the open questions, then add the next step or go to the summary."""
    state = app_state(request)
    lang = i18n.language_of(request)
    interview = stories.get_interview(state.engine, story_id)
    try:
        for question in interview.open_questions:
            given = field(form, f"answer-{question.id}")
            if given.strip():
                interview = stories.answer(state.engine, story_id, question.id, given, staff_id)
        description = field(form, "description")
        if description.strip() or field(form, "action") == "step":
            missing = _missing(form, lang)
            if missing:
                return show(request, stories.get_interview(state.engine, story_id), base, staff_id, missing, 400)
            interview = stories.add_step(
                state.engine,
                state.clock,
                story_id,
                description=description,
                appraisal=field(form, "appraisal"),
                opinion=field(form, "opinion"),
                happened_at=_happened_at(form.get("happened_on"), state.settings.timezone),
                lang=lang,
                staff_id=staff_id,
            )
        if field(form, "action") == "finish":
            interview = stories.finish(state.engine, story_id, lang, staff_id)
    except UserInputError as exc:
        interview = stories.get_interview(state.engine, story_id)
        return show(request, interview, base, staff_id, problem=i18n.explain(lang, exc), status=400)
    state.changed()
    anchor = "#summary" if interview.stage == "summary" else "#next-step"
    return RedirectResponse(f"{base}{anchor}", status_code=303)


def _missing(form: FormData, lang: str) -> str | None:
    """What the step form still needs, in the reader's language."""
    if not field(form, "description").strip():
        return i18n.translate(lang, "interview.need_description")
    if field(form, "appraisal") not in stories.APPRAISALS:
        return i18n.translate(lang, "interview.need_appraisal")
    return None


def confirm(request: Request, story_id: int, form: FormData, base: str, staff_id: int | None) -> Response:
    state = app_state(request)
    corrected = field(form, "summary") if field(form, "action") == "correct" else None
    try:
        stories.confirm(state.engine, state.clock, story_id, corrected, staff_id)
    except UserInputError as exc:
        problem = i18n.explain(i18n.language_of(request), exc)
        return show(request, stories.get_interview(state.engine, story_id), base, staff_id, problem, 400)
    state.changed()
    return RedirectResponse(base, status_code=303)

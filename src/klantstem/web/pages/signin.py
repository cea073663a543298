"""Signing in and out, the start page, and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import check_csrf, current_user, sign_in, sign_out
from klantstem.web.pages.navigation import landing_page, safe_next
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request) -> Response:
    user = current_user(request)
    target = landing_page(user.role) if user else "/signin"
    return RedirectResponse(target, status_code=303)


@router.get("/signin")
def signin_form(request: Request, next: str | None = None) -> Response:
    user = current_user(request)
    if user is not None:
        return RedirectResponse(safe_next(next, landing_page(user.role)), status_code=303)
    context = {"next": safe_next(next, ""), "email": "", "failure": None}
    return app_state(request).renderer.page(request, "signin.html", context)


@router.post("/signin", dependencies=[Depends(check_csrf)])
def signin(
    request: Request,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    state = app_state(request)
    try:
        user = users.authenticate(state.engine, email, password, state.clock)
    except users.AccountLockedError:
        failure = "signin.locked"
    except users.SignInError:
        failure = "signin.failed"
    else:
        sign_in(request, user)
        return RedirectResponse(safe_next(next, landing_page(user.role)), status_code=303)
    context = {"next": safe_next(next, ""), "email": email, "failure": failure}
    return state.renderer.page(request, "signin.html", context, status_code=401)


@router.post("/signout", dependencies=[Depends(check_csrf)])
def signout(request: Request) -> Response:
    sign_out(request)
    return RedirectResponse("/signin", status_code=303)


@router.get("/lang/{code}")
def switch_language(code: str, next: str | None = None) -> Response:
    """Remember the chosen language in a cookie and go back to the page."""
    response = RedirectResponse(safe_next(next, "/"), status_code=303)
    if code in i18n.LANGUAGES:
        response.set_cookie(i18n.LANGUAGE_COOKIE, code, max_age=365 * 24 * 3600, httponly=True, samesite="lax")
    return response

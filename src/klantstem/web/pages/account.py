"""The account page (my API tokens) and, for admins, the staff users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from klantstem.errors import UserInputError
from klantstem.users import service as users
from klantstem.web import i18n
from klantstem.web.auth import NotSignedIn, check_csrf, current_user, require
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(include_in_schema=False)
Action = users.Action


def _signed_in(request: Request) -> users.User:
    user = current_user(request)
    if user is None:
        raise NotSignedIn()
    return user


def _account_page(request: Request, user: users.User, new_secret: str | None = None, status: int = 200) -> Response:
    state = app_state(request)
    may_tokens = users.can(user.role, Action.use_api_tokens)
    tokens = users.list_api_tokens(state.engine, user.id) if may_tokens else []
    context = {"tokens": tokens, "may_tokens": may_tokens, "new_secret": new_secret}
    return state.renderer.page(request, "account.html", context, status_code=status)


@router.get("/account")
def account(request: Request, user: Annotated[users.User, Depends(_signed_in)]) -> Response:
    return _account_page(request, user)


@router.post("/account/tokens", dependencies=[Depends(check_csrf)])
def make_token(
    request: Request,
    name: Annotated[str, Form()],
    user: Annotated[users.User, Depends(require(Action.use_api_tokens))],
    lifetime_days: Annotated[str, Form()] = "",
) -> Response:
    state = app_state(request)
    days = int(lifetime_days) if lifetime_days.strip().isdigit() else None
    made = users.create_api_token(state.engine, user.id, name, state.clock, days)
    return _account_page(request, user, new_secret=made.secret, status=201)


@router.post("/account/tokens/{token_id}/revoke", dependencies=[Depends(check_csrf)])
def revoke_token(
    request: Request, token_id: Id, user: Annotated[users.User, Depends(require(Action.use_api_tokens))]
) -> Response:
    state = app_state(request)
    users.revoke_api_token(state.engine, user.id, token_id, state.clock)
    return RedirectResponse("/account", status_code=303)


def _users_page(request: Request, problem: str | None = None, status: int = 200) -> Response:
    state = app_state(request)
    context = {"people": users.list_users(state.engine), "roles": users.ROLES, "problem": problem}
    return state.renderer.page(request, "users.html", context, status_code=status)


@router.get("/users", dependencies=[Depends(require(Action.manage_users))])
def list_users(request: Request) -> Response:
    return _users_page(request)


@router.post("/users", dependencies=[Depends(require(Action.manage_users)), Depends(check_csrf)])
def add_user(
    request: Request,
    email: Annotated[str, Form()],
    name: Annotated[str, Form()],
    role: Annotated[str, Form()],
    password: Annotated[str, Form()],
) -> Response:
    try:
        users.add_user(app_state(request).engine, email, name, role, password)
    except UserInputError as exc:
        return _users_page(request, problem=i18n.explain(i18n.language_of(request), exc), status=400)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}", dependencies=[Depends(require(Action.manage_users)), Depends(check_csrf)])
def change_user(
    request: Request, user_id: Id, role: Annotated[str, Form()], active: Annotated[str | None, Form()] = None
) -> Response:
    try:
        state = app_state(request)
        users.update_user(state.engine, user_id, role=role, active=active == "on", clock=state.clock)
    except UserInputError as exc:
        return _users_page(request, problem=i18n.explain(i18n.language_of(request), exc), status=400)
    return RedirectResponse("/users", status_code=303)

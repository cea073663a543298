"""Who am I, my API tokens, and (for admins) the staff users."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from klantstem.users import service as users
from klantstem.web.api.fields import one_of
from klantstem.web.api.paging import Page, PageParams, page_from_list, page_params
from klantstem.web.auth import require_api, require_signed_in_api
from klantstem.web.errors import ERROR_RESPONSES
from klantstem.web.params import Id
from klantstem.web.state import app_state

router = APIRouter(tags=["account"], responses=ERROR_RESPONSES)
Action = users.Action


class UserOut(BaseModel):
    id: int
    name: str
    email: str
    role: str = one_of(users.ROLES)
    active: bool


class Me(UserOut):
    may: list[str] = Field(description="The actions this user's role allows.")


class TokenOut(BaseModel):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    expires_at: datetime | None = Field(description="When the token stops working; null: when it is revoked.")


class NewToken(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    lifetime_days: int | None = Field(
        default=None, ge=1, le=users.MAX_TOKEN_DAYS, description="Days the token works; omitted: until revoked."
    )


class NewTokenOut(BaseModel):
    secret: str = Field(description="Shown once: keep it safe. Send it as `Authorization: Bearer <secret>`.")
    token: TokenOut


class NewUser(BaseModel):
    email: str
    name: str
    role: str = one_of(users.ROLES)
    password: str = Field(min_length=10)


class UserChange(BaseModel):
    role: str | None = one_of(users.ROLES, default=None)
    active: bool | None = None


def _user_out(user: users.User) -> UserOut:
    return UserOut(id=user.id, name=user.name, email=user.email, role=user.role, active=user.active)


def _token_out(token: users.ApiToken) -> TokenOut:
    return TokenOut(**token.__dict__)


@router.get("/me", response_model=Me)
def me(user: Annotated[users.User, Depends(require_signed_in_api)]) -> Me:
    """The signed-in user (or the token's owner) and what their role allows."""
    return Me(**_user_out(user).model_dump(), may=users.actions_of(user.role))


@router.get("/me/tokens", response_model=Page[TokenOut])
def my_tokens(
    request: Request,
    paging: Annotated[PageParams, Depends(page_params)],
    user: Annotated[users.User, Depends(require_api(Action.use_api_tokens))],
) -> Page[TokenOut]:
    tokens = users.list_api_tokens(app_state(request).engine, user.id)
    return page_from_list([_token_out(t) for t in tokens], paging)


@router.post("/me/tokens", response_model=NewTokenOut, status_code=201)
def make_token(
    request: Request, body: NewToken, user: Annotated[users.User, Depends(require_api(Action.use_api_tokens))]
) -> NewTokenOut:
    """A new API token with the same rights as its owner's role."""
    state = app_state(request)
    made = users.create_api_token(state.engine, user.id, body.name, state.clock, body.lifetime_days)
    return NewTokenOut(secret=made.secret, token=_token_out(made.token))


@router.delete("/me/tokens/{token_id}", status_code=204)
def revoke_token(
    request: Request, token_id: Id, user: Annotated[users.User, Depends(require_api(Action.use_api_tokens))]
) -> Response:
    state = app_state(request)
    users.revoke_api_token(state.engine, user.id, token_id, state.clock)
    return Response(status_code=204)


@router.get("/users", response_model=Page[UserOut])
def list_users(
    request: Request,
    paging: Annotated[PageParams, Depends(page_params)],
    _user: Annotated[users.User, Depends(require_api(Action.manage_users))],
) -> Page[UserOut]:
    return page_from_list([_user_out(u) for u in users.list_users(app_state(request).engine)], paging)


@router.post("/users", response_model=UserOut, status_code=201)
def add_user(
    request: Request, body: NewUser, _user: Annotated[users.User, Depends(require_api(Action.manage_users))]
) -> UserOut:
    made = users.add_user(app_state(request).engine, body.email, body.name, body.role, body.password)
    return _user_out(made)


@router.patch("/users/{user_id}", response_model=UserOut)
def change_user(
    request: Request,
    user_id: Id,
    body: UserChange,
    _user: Annotated[users.User, Depends(require_api(Action.manage_users))],
) -> UserOut:
    return _user_out(
        users.update_user(
            app_state(request).engine, user_id, role=body.role, active=body.active, clock=app_state(request).clock
        )
    )

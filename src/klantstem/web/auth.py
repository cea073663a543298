"""Who is asking, and may they? Signed-in users (session cookie) and API tokens (Authorization: Bearer),
the role check before every page and API call, and the CSRF check on every form and cookie-based API write."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from klantstem.users import service as users
from klantstem.web import sessions
from klantstem.web.state import app_state

bearer = HTTPBearer(auto_error=False, description="An API token made on the account page: `ks_...`")
CSRF_HEADER = "X-CSRF-Token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class NotSignedIn(Exception):
    """No session and no valid token: pages redirect to sign-in, the API answers 401."""


class Forbidden(Exception):
    """Signed in, but the role may not do this: 403."""


class CsrfFailed(Exception):
    """A form or cookie-based API write without the session's CSRF token: 403."""


def current_user(request: Request) -> users.User | None:
    """The signed-in user (cached on the request), or None. An API token counts only under /api."""
    if hasattr(request.state, "user"):
        user: users.User | None = request.state.user
        return user
    state = app_state(request)
    user = None
    session = sessions.session_id(request)
    if session is not None:
        idle = timedelta(minutes=state.settings.session_idle_minutes)
        user = users.session_user(state.engine, session, state.clock.now(), idle)
        if user is None:
            sessions.forget(request)  # signed out, idle, revoked, or the user was switched off
    request.state.user = user
    request.state.via_token = False
    return user


def _token_user(request: Request, credentials: HTTPAuthorizationCredentials | None) -> users.User | None:
    if credentials is None or credentials.scheme.lower() != "bearer":
        return None
    user = users.user_for_token(app_state(request).engine, credentials.credentials, app_state(request).clock)
    if user is None:
        raise NotSignedIn()
    request.state.user = user
    request.state.via_token = True
    return user


def require(action: users.Action) -> Callable[..., users.User]:
    """A dependency for a page: the signed-in user, who must be allowed `action`."""

    def dependency(request: Request) -> users.User:
        user = current_user(request)
        if user is None:
            raise NotSignedIn()
        if not users.can(user.role, action):
            raise Forbidden()
        return user

    return dependency


def require_api(action: users.Action) -> Callable[..., users.User]:
    """A dependency for an API route: a token or a session; writes with a session need the CSRF header."""

    def dependency(
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> users.User:
        user = _token_user(request, credentials) or current_user(request)
        if user is None:
            raise NotSignedIn()
        writes = not request.state.via_token and request.method not in _SAFE_METHODS
        if writes and not sessions.csrf_matches(request, request.headers.get(CSRF_HEADER)):
            raise CsrfFailed()
        if not users.can(user.role, action):
            raise Forbidden()
        return user

    return dependency


def require_signed_in_api(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> users.User:
    """Any signed-in user or token holder (for /api/me)."""
    user = _token_user(request, credentials) or current_user(request)
    if user is None:
        raise NotSignedIn()
    return user


async def check_csrf(request: Request) -> None:
    """A dependency for every form post: the hidden `csrf` field must match the session's token."""
    form = await request.form()
    submitted = form.get("csrf")
    if not sessions.csrf_matches(request, submitted if isinstance(submitted, str) else None):
        raise CsrfFailed()


def sign_in(request: Request, user: users.User) -> None:
    """Start a server-side session for this user and carry it in the cookie."""
    state = app_state(request)
    sessions.sign_in(request, users.start_session(state.engine, user.id, state.clock.now()))


def sign_out(request: Request) -> None:
    """End the server-side session (the old cookie reads nothing any more) and empty the cookie."""
    session = sessions.session_id(request)
    if session is not None:
        state = app_state(request)
        users.end_session(state.engine, session, state.clock.now())
    sessions.forget(request)

"""The signed session cookie's contents: who is signed in, when, and the CSRF token of their forms.

The cookie itself is written by Starlette's SessionMiddleware (signed with itsdangerous, HttpOnly,
SameSite=Lax); the signing key lives in the database so every worker shares it.
"""

from __future__ import annotations

import secrets
import time

from fastapi import Request

SESSION_COOKIE = "ks_session"
SESSION_MAX_AGE_S = 12 * 3600  # one working day; signing in again starts a new session


def csrf_token(request: Request) -> str:
    """The CSRF token of this session, made when the first form is shown."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def csrf_matches(request: Request, submitted: str | None) -> bool:
    expected = request.session.get("csrf")
    return isinstance(expected, str) and bool(submitted) and secrets.compare_digest(expected, str(submitted))


def user_id(request: Request) -> int | None:
    value = request.session.get("uid")
    return value if isinstance(value, int) else None


def sign_in(request: Request, uid: int) -> None:
    """A fresh session for this user: the old contents and CSRF token are dropped (no session fixation)."""
    request.session.clear()
    request.session["uid"] = uid
    request.session["at"] = int(time.time())
    request.session["csrf"] = secrets.token_urlsafe(32)


def sign_out(request: Request) -> None:
    request.session.clear()

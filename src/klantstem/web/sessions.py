"""The signed session cookie and its contents: the id of the server-side session (see users.sessions) and the
CSRF token of its forms.

The cookie itself is written by Starlette's SessionMiddleware (signed with itsdangerous, HttpOnly,
SameSite=Lax, Secure as the `secure_cookies` setting says); the signing key lives in the database so every
worker shares it.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import Request
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

SESSION_COOKIE = "ks_session"
SESSION_MAX_AGE_S = 12 * 3600  # one working day; signing in again starts a new session


class SessionCookies:
    """Starlette's session middleware, writing the cookie with the Secure flag always (`secure="yes"`), never
    ("no"), or when the request came over HTTPS ("auto"; behind a proxy uvicorn takes the scheme from
    X-Forwarded-Proto)."""

    def __init__(self, app: ASGIApp, /, *, secure: str, **options: Any) -> None:
        self.secure = secure
        self._plain = SessionMiddleware(app, https_only=False, **options)
        self._https = SessionMiddleware(app, https_only=True, **options)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        https = self.secure == "yes" or (self.secure == "auto" and scope.get("scheme") in ("https", "wss"))
        await (self._https if https else self._plain)(scope, receive, send)


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


def session_id(request: Request) -> str | None:
    value = request.session.get("sid")
    return value if isinstance(value, str) else None


def sign_in(request: Request, session: str) -> None:
    """Carry this new server-side session: the old contents and CSRF token are dropped (no session fixation)."""
    request.session.clear()
    request.session["sid"] = session
    request.session["csrf"] = secrets.token_urlsafe(32)


def forget(request: Request) -> None:
    """Empty the cookie (the server-side session is ended by the caller)."""
    request.session.clear()

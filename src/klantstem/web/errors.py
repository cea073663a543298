"""One error shape for the API and readable error pages for people; each exception is translated once here.

API errors are `{"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}`.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from klantstem.errors import ConfigurationError, KlantstemError, NotFoundError, UserInputError
from klantstem.web.auth import CsrfFailed, Forbidden, NotSignedIn
from klantstem.web.computing import RETRY_S, Computing
from klantstem.web.i18n import explain, language_of, translate
from klantstem.web.state import app_state

_log = logging.getLogger(__name__)
_CODES = {400: "bad_request", 401: "not_signed_in", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          500: "server_error"}  # fmt: skip


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    """The shape of every error the API returns."""

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 401, 403, 404, 422, 500, 503)
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def api_error(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(status=status, code=code, message=message, details=details or []))
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _page_error(request: Request, status: int, key: str) -> Response:
    lang = language_of(request)
    context = {"status": status, "message": translate(lang, key)}
    return app_state(request).renderer.page(request, "error.html", context, status_code=status)


def _status_of(exc: KlantstemError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, UserInputError):
        return 400, "bad_request"
    if isinstance(exc, ConfigurationError):
        return 500, "configuration"
    return 409, "conflict"


def install(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into API errors or error pages."""

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, _exc: NotSignedIn) -> Response:
        if _is_api(request):
            return api_error(401, "not_signed_in", "sign in or send an API token (Authorization: Bearer ks_...)")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/signin?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, _exc: Forbidden) -> Response:
        if _is_api(request):
            return api_error(403, "forbidden", "your role may not do this")
        return _page_error(request, 403, "error.forbidden")

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, _exc: CsrfFailed) -> Response:
        if _is_api(request):
            return api_error(403, "csrf", "a write with a session cookie needs the X-CSRF-Token header")
        return _page_error(request, 403, "error.csrf")

    @app.exception_handler(KlantstemError)
    async def domain_error(request: Request, exc: KlantstemError) -> Response:
        status, code = _status_of(exc)
        if _is_api(request):
            # A client acts on the most specific code there is: the error's own ("contact_empty"), else its kind's.
            return api_error(status, exc.code or code, str(exc))
        lang = language_of(request)
        # The detail in the reader's language: a core error that names its message is translated; an English-only
        # one is shown to English readers only (the Dutch page keeps its general Dutch sentence).
        detail = explain(lang, exc) if exc.code or lang == "en" else None
        context = {"status": status, "message": translate(lang, f"error.{code}"), "detail": detail}
        return app_state(request).renderer.page(request, "error.html", context, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"field": ".".join(str(p) for p in err.get("loc", ())), "message": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        if details and all(tuple(err.get("loc", ("",)))[:1] == ("path",) for err in exc.errors()):
            # an id in the path that is no number, or too large to be one: that record cannot exist
            if _is_api(request):
                return api_error(404, "not_found", "no such record: the id in the path cannot exist", details)
            return _page_error(request, 404, "error.not_found")
        if _is_api(request):
            return api_error(422, "invalid_request", "the request has invalid or missing values", details)
        return _page_error(request, 400, "error.bad_request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "error")
        if _is_api(request):
            response: Response = api_error(exc.status_code, code, str(exc.detail))
        else:
            key = "error.not_found" if exc.status_code == 404 else "error.bad_request"
            response = _page_error(request, exc.status_code, key)
        response.headers.update(exc.headers or {})  # e.g. the Allow header of a 405
        return response

    @app.exception_handler(Computing)
    async def computing(request: Request, exc: Computing) -> Response:
        headers = {"Retry-After": str(RETRY_S)}
        if _is_api(request):
            message = f"the figures are being computed: ask again in {RETRY_S} s"
            response: Response = api_error(503, "computing", message)
        else:
            context = {"title_key": exc.title_key, "retry_s": RETRY_S}
            response = app_state(request).renderer.page(request, "computing.html", context)
        response.headers.update(headers)
        return response

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        """Anything unforeseen: the error page or the API's error shape, never a bare text. The exception is
        logged by its type and place only (customer data may be in its message)."""
        _log.error("server error %s on %s %s", type(exc).__name__, request.method, request.url.path)
        if _is_api(request):
            return api_error(500, "server_error", "something went wrong on the server; it has been logged")
        try:
            return _page_error(request, 500, "error.server")
        except Exception:  # noqa: BLE001 - the error page itself failed: the plainest page in both languages
            text = f"<!doctype html><title>500</title><p>{translate('nl', 'error.server')}</p>"
            return HTMLResponse(text + f"<p lang='en'>{translate('en', 'error.server')}</p>", status_code=500)

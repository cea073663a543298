"""Jinja2 templates with autoescape always on: customer text is untrusted and is never marked safe."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import FunctionType
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.runtime import Context
from markupsafe import Markup

from klantstem.users import service as users
from klantstem.web import i18n, sessions

TEMPLATES = Path(__file__).parent / "templates"


def json_for_script(value: Any) -> Markup:
    """JSON for a `<script type="application/json">` block: `<`, `>` and `&` are escaped as \\u003c and so on,
    so no text inside it can close the block."""
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # noqa: S704 - every markup character is escaped above


def local_time(value: object, timezone: str, pattern: str = "%d-%m-%Y %H:%M") -> str:
    """A stored moment (UTC; naive from SQLite, or ISO 8601 text) in the organisation's time zone."""
    if value is None or value == "":
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(timezone)).strftime(pattern)


class _Context(Context):
    """Jinja's context, calling a plain Python function (such as the translator `t`, called a hundred times on
    a page) at once: Jinja's own `call` first looks for its pass-context markers on the function and on its
    `__call__`, which costs more than the translation. Anything else (macros, marked functions, callable
    objects) goes through Jinja's `call` as before."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's own signature
        if __obj.__class__ is FunctionType and "jinja_pass_arg" not in __obj.__dict__:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined("value was undefined because a callable raised a StopIteration")
        return super().call(__obj, *args, **kwargs)


class Renderer:
    def __init__(self, timezone: str) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # templates are part of the package: never stat them on every page
        )
        self.env.context_class = _Context
        self.env.filters["script_json"] = json_for_script
        self.env.filters["when"] = lambda value, pattern="%d-%m-%Y %H:%M": local_time(value, timezone, pattern)

    def page(self, request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
        lang = i18n.language_of(request)
        user = getattr(request.state, "user", None)
        values = {
            "request": request,
            "lang": lang,
            "t": i18n.translator(lang),
            "tv": i18n.labeller(lang),
            "num": i18n.numberer(lang),
            "csrf": sessions.csrf_token(request) if "session" in request.scope else "",  # none on a server error
            "user": user,
            "may": frozenset(users.actions_of(user.role)) if user is not None else frozenset(),
            "languages": i18n.LANGUAGES,
            **context,
        }
        html = self.env.get_template(name).render(values)
        return HTMLResponse(html, status_code=status_code)

    def fragment(self, lang: str, name: str, context: dict[str, Any]) -> Markup:
        """A part of a page from `context` and the language alone: no request, user or session token (a
        template that asks for them fails), so the part can be kept and shown to anyone allowed the page."""
        values = {
            "lang": lang, "t": i18n.translator(lang), "tv": i18n.labeller(lang), "num": i18n.numberer(lang), **context
        }  # fmt: skip
        return Markup(self.env.get_template(name).render(values))  # noqa: S704 - rendered with autoescape

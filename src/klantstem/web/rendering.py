"""Jinja2 templates with autoescape always on: customer text is untrusted and is never marked safe."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
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


class Renderer:
    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["script_json"] = json_for_script

    def page(self, request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
        lang = i18n.language_of(request)
        user = getattr(request.state, "user", None)
        values = {
            "request": request,
            "lang": lang,
            "t": i18n.translator(lang),
            "csrf": sessions.csrf_token(request),
            "user": user,
            "may": frozenset(users.actions_of(user.role)) if user is not None else frozenset(),
            "languages": i18n.LANGUAGES,
            **context,
        }
        html = self.env.get_template(name).render(values)
        return HTMLResponse(html, status_code=status_code)

"""Every router of the app, in one place: the JSON API under /api and the pages."""

from __future__ import annotations

from fastapi import FastAPI

from klantstem.web.api import account as account_api
from klantstem.web.api import health
from klantstem.web.pages import account as account_pages
from klantstem.web.pages import signin


def install(app: FastAPI) -> None:
    for api in (health.router, account_api.router):
        app.include_router(api, prefix="/api")
    for pages in (signin.router, account_pages.router):
        app.include_router(pages)

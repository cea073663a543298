"""Every router of the app, in one place: the JSON API under /api and the pages."""

from __future__ import annotations

from fastapi import FastAPI

from klantstem.web.api import account as account_api
from klantstem.web.api import customers as customer_api
from klantstem.web.api import health
from klantstem.web.api import insights as insight_api
from klantstem.web.api import interviews as interview_api
from klantstem.web.api import problems as problem_api
from klantstem.web.api import promises as promise_api
from klantstem.web.api import report as report_api
from klantstem.web.pages import account as account_pages
from klantstem.web.pages import (
    corrections,
    customer_actions,
    dashboard,
    personal_data,
    process,
    promises,
    public_interview,
    signin,
    themes,
)
from klantstem.web.pages import customers as customer_pages
from klantstem.web.pages import interviews as interview_pages
from klantstem.web.pages import problems as problem_pages
from klantstem.web.pages import report as report_pages

API_ROUTERS = (
    health.router,
    account_api.router,
    insight_api.router,
    customer_api.router,
    interview_api.router,
    promise_api.router,
    problem_api.router,
    report_api.router,
)
PAGE_ROUTERS = (
    signin.router,
    account_pages.router,
    dashboard.router,
    customer_pages.router,
    customer_actions.router,
    personal_data.router,
    interview_pages.router,
    public_interview.router,
    promises.router,
    process.router,
    themes.router,
    corrections.router,
    problem_pages.router,
    report_pages.router,
)


def install(app: FastAPI) -> None:
    for api in API_ROUTERS:
        app.include_router(api, prefix="/api")
    for pages in PAGE_ROUTERS:
        app.include_router(pages)

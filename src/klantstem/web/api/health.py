"""`GET /api/health`: answers without signing in; says whether the database is reachable and migrated."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError

import klantstem
from klantstem.db import migrations
from klantstem.db.engine import schema_revision
from klantstem.web.state import app_state

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    version: str
    schema_revision: str | None
    schema_up_to_date: bool


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(request: Request) -> Health | JSONResponse:
    """Is the service up and its database reachable and at the newest schema? No sign-in needed."""
    try:
        revision = schema_revision(app_state(request).engine)
    except SQLAlchemyError:
        body = Health(
            status="unavailable", version=klantstem.__version__, schema_revision=None, schema_up_to_date=False
        )
        return JSONResponse(body.model_dump(), status_code=503)
    return Health(
        status="ok",
        version=klantstem.__version__,
        schema_revision=revision,
        schema_up_to_date=revision == migrations.head_revision(),
    )

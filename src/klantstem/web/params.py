"""The whole numbers a request may carry, bounded once here so that none reaches the database too large for it.

SQLite and PostgreSQL store at most a signed 64-bit integer; a larger number in a path, query, form or body is
refused before any query runs. An id in the path that cannot exist is answered as not found (see `errors`); any
other number out of range is a bad request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Path, Query
from pydantic import Field

DB_INT_MIN = -(2**63)
DB_INT_MAX = 2**63 - 1
MAX_PAGE = 10**9  # times any page size, still far inside DB_INT_MAX

Id = Annotated[int, Path(ge=1, le=DB_INT_MAX)]
"""A record's id in the path: ids start at 1."""

OptionalQueryId = Annotated[int | None, Query(ge=1, le=DB_INT_MAX)]
"""A record's id in the query string, when given."""

PageNumber = Annotated[int, Query(le=MAX_PAGE)]
"""A page number in the query string (a page before the first shows the first page)."""

FormPageNumber = Annotated[int, Form(le=MAX_PAGE)]
"""A page number a form sends back."""

StoredInt = Annotated[int, Field(ge=DB_INT_MIN, le=DB_INT_MAX)]
"""A whole number in a JSON body that is stored or looked up in the database."""


def fits(value: int) -> bool:
    """Whether `value` can be stored in (or compared with) a database integer."""
    return DB_INT_MIN <= value <= DB_INT_MAX

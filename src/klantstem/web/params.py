"""The whole numbers a request may carry, bounded once here so that none reaches the database too large for it.

The tables' ids and references are INTEGER columns, a signed 32-bit integer on PostgreSQL (SQLite stores 64 bits):
a larger id in a path, query, form or body is refused before any query runs, and page offsets stay within a signed
64-bit integer (LIMIT and OFFSET take one). An id in the path that cannot exist is answered as not found (see
`errors`); any other number out of range is a bad request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Path, Query
from pydantic import Field

DB_INT_MIN = -(2**63)
DB_INT_MAX = 2**63 - 1  # LIMIT and OFFSET
ID_MIN = -(2**31)
ID_MAX = 2**31 - 1  # an INTEGER column on PostgreSQL
MAX_PAGE = 10**9  # times any page size, still far inside DB_INT_MAX

Id = Annotated[int, Path(ge=1, le=ID_MAX)]
"""A record's id in the path: ids start at 1."""

OptionalQueryId = Annotated[int | None, Query(ge=1, le=ID_MAX)]
"""A record's id in the query string, when given."""

PageNumber = Annotated[int, Query(le=MAX_PAGE)]
"""A page number in the query string (a page before the first shows the first page)."""

FormPageNumber = Annotated[int, Form(le=MAX_PAGE)]
"""A page number a form sends back."""

StoredInt = Annotated[int, Field(ge=ID_MIN, le=ID_MAX)]
"""A whole number in a JSON body that is stored in or looked up by an INTEGER column (an id)."""


def fits(value: int) -> bool:
    """Whether `value` can be stored in (or compared with) an INTEGER column."""
    return ID_MIN <= value <= ID_MAX

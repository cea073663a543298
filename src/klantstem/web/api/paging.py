"""Pagination for every API list: `limit` and `offset` in, `{items, total, limit, offset, next_offset}` out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from klantstem.web.params import DB_INT_MAX

T = TypeVar("T")

MAX_LIMIT = 200
MAX_OFFSET = DB_INT_MAX - MAX_LIMIT  # offset + limit still fits a database integer


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int

    def cut(self, items: list[T]) -> list[T]:
        return items[self.offset : self.offset + self.limit]


def page_params(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="How many items (at most 200)."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="How many items to skip."),
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None


def page_of(items: list[T], total: int, params: PageParams) -> Page[T]:
    """A page whose `items` were already cut to `params` by the service."""
    following = params.offset + params.limit
    return Page[T](
        items=items,
        total=total,
        limit=params.limit,
        offset=params.offset,
        next_offset=following if following < total else None,
    )


def page_from_list(items: list[T], params: PageParams) -> Page[T]:
    """A page cut from a whole (small) list."""
    return page_of(params.cut(items), len(items), params)

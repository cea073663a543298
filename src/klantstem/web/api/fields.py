"""Request fields whose values come from a fixed list: the schema names the allowed values (`enum`), so that a
generated client checks them; the services check them again and name what is wrong."""

from __future__ import annotations

from typing import Any

from fastapi import Query
from pydantic import Field


def one_of(values: tuple[str, ...], description: str = "", **options: Any) -> Any:
    """A pydantic field (or query parameter extra) listing `values` as the allowed ones."""
    listed = ", ".join(values)
    text = f"{description} One of: {listed}." if description else f"One of: {listed}."
    return Field(description=text, json_schema_extra={"enum": list(values)}, **options)


def query_one_of(values: tuple[str, ...], description: str = "") -> Any:
    """A query parameter listing `values` as the allowed ones (in the schema; the route reads the value itself)."""
    listed = ", ".join(values)
    text = f"{description} One of: {listed}." if description else f"One of: {listed}."
    return Query(description=text, json_schema_extra={"enum": list(values)})

"""Placing each piece of customer voice on a step of the service process. Pure: no database.

1. A voice in a case with process events is placed at the activity the case was at when the voice happened: the
   last event at or before that moment (a minute's grace for clocks of two systems), or the case's first event
   when the voice came before any (voices.py finds that activity in SQL). A broken promise is placed where it
   was made.
2. Otherwise the mapping from facet and department to step decides: (facet, department), then (facet, any
   department), then (any facet, department), then (any facet, any department).
3. What neither places stays unplaced, is counted, and takes part in no signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from klantstem.problems.model import ALL_FACETS, UNPLACED

GRACE = timedelta(minutes=1)
Mappings = dict[tuple[str, int | None], str]  # (facet or "", department id or None) -> step


def mapped_step(mappings: Mappings, facets: Iterable[str], department_id: int | None) -> str:
    for facet in (*facets, ALL_FACETS):
        for department in (department_id, None):
            step = mappings.get((facet, department))
            if step:
                return step
    return UNPLACED


def place(
    case_step: str | None, facets: tuple[str, ...], department_id: int | None, mappings: Mappings
) -> tuple[str, str]:
    """A voice's step and how it was placed (`case_step`: the activity its case was at, if any)."""
    if case_step:
        return case_step, "event"
    step = mapped_step(mappings, facets, department_id)
    return step, "mapping" if step != UNPLACED else ""

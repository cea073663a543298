"""Key takeaways: the changes against the previous period that pass a significance test, as sentences."""

from __future__ import annotations

from typing import Any

from klantstem.reports import wording
from klantstem.reports.significance import Change, compare, holm

# key prefix -> (unit of n, higher is better)
KINDS: dict[str, tuple[str, bool]] = {
    "bad_steps": ("steps", False),
    "excellent_steps": ("steps", True),
    "bad_step": ("steps", False),
    "kept_rate": ("promises", True),
    "kept_kind": ("promises", True),
    "kept_third_party": ("promises", True),
    "kept_department": ("promises", True),
    "first_line": ("cases", True),
    "ping_pong": ("cases", False),
    "came_back": ("customers", False),
    "reopened": ("cases", False),
    "told_again": ("stories", False),
}

Counts = dict[str, tuple[int, int]]  # key -> (hits, n)


def counts(figures: dict[str, Any]) -> Counts:
    """Every proportion the report can test, as (hits, n), keyed '<kind>' or '<kind>:<name>'."""
    found: Counts = {}
    steps = figures["steps"]
    found["bad_steps"] = (steps["totals"]["bad"], steps["judged"])
    found["excellent_steps"] = (steps["totals"]["excellent"], steps["judged"])
    for row in steps["by_step"]:
        if row["step"] is not None:
            found[f"bad_step:{row['step']}"] = (row["bad"], row["total"])
    promises = figures["promises"]
    found["kept_rate"] = (promises["kept"], promises["kept"] + promises["broken"])
    for dimension in ("kind", "third_party", "department"):
        for row in promises[f"by_{dimension}"]:
            found[f"kept_{dimension}:{row['name']}"] = (row["kept"], row["kept"] + row["broken"])
    process = figures["process"]
    if process:
        with_team = int(process["cases_with_team"] or 0)
        found["first_line"] = (round((process["first_line_share"] or 0) * with_team), with_team)
        if process["ping_pong_cases"] is not None:  # None: the log names no teams
            found["ping_pong"] = (int(process["ping_pong_cases"]), int(process["cases"] or 0))
        repeats = process["repeats"] or {}
        back = repeats.get("within_days") or {}
        found["came_back"] = (int(back.get("customers_who_came_back") or 0), int(back.get("customers") or 0))
        same = repeats.get("same_case") or {}
        found["reopened"] = (int(same.get("reopened_cases") or 0), int(same.get("closed_cases") or 0))
    told = figures["repeats"]["told_again"]
    found["told_again"] = (told["stories"], told["of"])
    return found


def significant_changes(now: Counts, before: Counts) -> tuple[list[Change], int]:
    """The significant changes (Holm-corrected over every test made), most significant first; and how many
    tests were made."""
    tested = []
    for key, value in now.items():
        if key in before:
            change = compare(key, value, before[key], KINDS[key.split(":")[0]][1])
            if change is not None:
                tested.append(change)
    return [c for c in holm(tested) if c.significant], len(tested)


def sentence(change: Change, lang: str, period_before: str) -> str:
    kind, _, name = change.key.partition(":")
    unit, _ = KINDS[kind]
    return wording.SENTENCE[lang].format(
        subject=wording.SUBJECTS[kind][lang].format(name=name),
        moved=wording.MOVED[lang][change.now > change.before],
        before=wording.percent(change.before, lang),
        now=wording.percent(change.now, lang),
        period_before=period_before,
        n=wording.number(change.n_now, lang),
        unit=wording.UNITS[unit][lang],
        p=wording.p_value(change.p_value, lang),
        verdict=wording.VERDICT[lang][change.better],
    ).strip()


def takeaways(now: Counts, before: Counts, lang: str, period_before: str, limit: int = 8) -> dict[str, Any]:
    changes, tests = significant_changes(now, before)
    return {
        "tests": tests,
        "items": [
            {"key": c.key, "now": round(c.now, 4), "before": round(c.before, 4), "n_now": c.n_now,
             "n_before": c.n_before, "p_value": c.p_value, "better": c.better,
             "sentence": sentence(c, lang, period_before)}  # fmt: skip
            for c in changes[:limit]
        ],
    }

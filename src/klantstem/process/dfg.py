"""The directly-follows graph (how often one activity follows another, and the time between them), start
and end activities, and the variants (a case's whole sequence of activities) with their share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantstem.process.compiled import query
from klantstem.process.stats import rounded, rows, share, summary

if TYPE_CHECKING:
    import ibis.expr.types as ir

SEPARATOR = "\x1f"


def transitions(events: ir.Table) -> ir.Table:
    """Every pair of consecutive events in a case, with the calendar and business time between them."""
    pairs = events.filter(events.next_activity.notnull())
    return pairs.mutate(wait=pairs.next_t - pairs.t, business_wait=pairs.next_b - pairs.b)


def pair_rows(con: Any, events: ir.Table, exact: bool = True) -> list[dict[str, Any]]:
    """One row per directly-follows pair with count, total and summary times (calendar and business)."""
    return rows(query(con, _pairs, events, exact=exact))


def _pairs(events: ir.Table, exact: bool) -> ir.Table:
    pairs = transitions(events)
    grouped = pairs.group_by([pairs.activity, pairs.next_activity]).aggregate(
        count=pairs.count(),
        total=pairs.wait.sum(),
        business=pairs.business_wait.sum(),
        **summary(pairs.wait, "cal", exact),
        **summary(pairs.business_wait, "bus", exact),
    )
    return grouped.order_by([grouped["count"].desc(), grouped.activity, grouped.next_activity])


def directly_follows(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "from": row["activity"],
            "to": row["next_activity"],
            "count": int(row["count"]),
            "median_s": rounded(row["cal_median"]),
            "p90_s": rounded(row["cal_p90"]),
            "mean_s": rounded(row["cal_mean"]),
            "median_business_s": rounded(row["bus_median"]),
            "p90_business_s": rounded(row["bus_p90"]),
        }
        for row in pairs
    ]


def start_and_end(con: Any, events: ir.Table) -> dict[str, dict[str, int]]:
    found = rows(query(con, _starts_and_ends, events))
    result: dict[str, dict[str, int]] = {}
    for key in ("starts", "ends"):
        ranked = sorted((r for r in found if r[key]), key=lambda r: (-int(r[key]), r["activity"]))
        result[f"{key[:-1]}_activities"] = {r["activity"]: int(r[key]) for r in ranked}
    return result


def _starts_and_ends(events: ir.Table) -> ir.Table:
    ends = events.filter((events.pos == 1) | events.next_activity.isnull())
    return ends.group_by("activity").aggregate(starts=(ends.pos == 1).sum(), ends=ends.next_activity.isnull().sum())


def variant_table(events: ir.Table) -> ir.Table:
    """One row per variant: its activities joined by SEPARATOR, and the number of cases. A case's activities
    are collected as (position, activity) pairs and sorted, which every backend can do (Spark has no ordered
    string aggregate)."""
    import ibis

    steps = ibis.struct({"pos": events.pos, "activity": events.activity})
    per_case = events.group_by(events.case).aggregate(steps=steps.collect())
    variant = per_case.steps.sort().map(lambda step: step.activity).join(SEPARATOR)
    joined = per_case.select(variant=variant)
    return joined.group_by(joined.variant).aggregate(cases=joined.count())


def variants(con: Any, events: ir.Table, top: int) -> dict[str, Any]:
    found = rows(query(con, _top_variants, events, top=top))
    return {
        "count": int(found[0]["n"]) if found else 0,
        "top": [
            {
                "activities": row["variant"].split(SEPARATOR),
                "cases": int(row["cases"]),
                "share": share(row["cases"], row["all_cases"]),
            }
            for row in found
        ],
    }


def _top_variants(events: ir.Table, top: int) -> ir.Table:
    import ibis

    table = variant_table(events)
    everything = ibis.window()
    counted = table.mutate(n=table.count().over(everything), all_cases=table.cases.sum().over(everything))
    return counted.order_by([counted.cases.desc(), counted.variant]).limit(top)


def all_variants(con: Any, events: ir.Table) -> dict[tuple[str, ...], int]:
    """Every variant with its number of cases (for comparisons)."""
    found = rows(query(con, variant_table, events))
    return {tuple(row["variant"].split(SEPARATOR)): int(row["cases"]) for row in found}

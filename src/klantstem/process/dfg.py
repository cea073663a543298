"""The directly-follows graph (how often one activity follows another, and the time between them), start
and end activities, and the variants (a case's whole sequence of activities) with their share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from klantstem.process.arrays import from_numpy, strings
from klantstem.process.compiled import Engine, Named, named, query
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


# The quantiles of each pair that an approximation reports: (column of pair_rows, the time it is of, its rank).
_APPROXIMATED = (("cal_median", "wait", 0.5), ("cal_p90", "wait", 0.9), ("bus_median", "business_wait", 0.5),
                 ("bus_p90", "business_wait", 0.9))  # fmt: skip


def quantile_error(con: Engine, events: Named, pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """How far the approximate quantiles of `pairs` (pair_rows with exact=False) are from true ones, measured:
    for every pair and quantile the shares of the pair's times below and at or below the reported value are
    counted exactly; a true quantile's rank (0.5, 0.9) lies between the two, and the largest distance by
    which a reported value misses it is given (0 when every value is a true quantile), with its pair."""
    reported = pa.table(
        {
            "activity": strings([str(p["activity"]) for p in pairs]),
            "next_activity": strings([str(p["next_activity"]) for p in pairs]),
            **{column: _floats([p[column] for p in pairs]) for column, _, _ in _APPROXIMATED},
        }
    )
    values = named(con.register("reported_quantiles", reported), reported.schema)
    worst: dict[str, Any] = {"largest_rank_error": 0.0, "pair": None, "quantile": None}
    for row in rows(query(con, _ranks, events, values)):
        for column, _, rank in _APPROXIMATED:
            below, up_to = row[f"{column}_below"], row[f"{column}_up_to"]
            if below is None or up_to is None:
                continue
            error = max(0.0, float(below) - rank, rank - float(up_to))  # equal times share one rank interval
            if error > worst["largest_rank_error"]:
                worst = {
                    "largest_rank_error": round(error, 4),
                    "pair": [row["activity"], row["next_activity"]],
                    "quantile": column,
                }
    method = _METHODS.get(con.dialect, con.dialect)
    return {"exact": False, "method": method, "measured_on": "every directly-follows pair", **worst}


_METHODS = {"duckdb": "t-digest", "pyspark": "Greenwald-Khanna (percentile_approx)"}


def _floats(values: list[Any]) -> pa.Array:
    missing = np.array([v is None for v in values], dtype=bool)
    return from_numpy(np.array([0.0 if v is None else float(v) for v in values], dtype=np.float64), missing)


def _ranks(events: ir.Table, values: ir.Table) -> ir.Table:
    moves = transitions(events)
    joined = moves.join(values, ["activity", "next_activity"])
    shares = {}
    for column, time, _ in _APPROXIMATED:
        shares[f"{column}_below"] = (joined[time] < joined[column]).mean()
        shares[f"{column}_up_to"] = (joined[time] <= joined[column]).mean()
    return joined.group_by(["activity", "next_activity"]).aggregate(**shares)


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


def start_and_end(profile: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Start and end activities with their cases, from the profile rows (report._profile: per activity and
    state, `starts` and `ends`)."""
    totals: dict[str, dict[str, int]] = {"starts": {}, "ends": {}}
    for row in profile:
        for key in totals:
            if row[key]:
                totals[key][row["activity"]] = totals[key].get(row["activity"], 0) + int(row[key])
    return {
        f"{key[:-1]}_activities": dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))
        for key, found in totals.items()
    }


def sequences(events: ir.Table) -> ir.Table:
    """One row per case: its activities in order joined by SEPARATOR (`variant`). A case's activities are
    collected as (position, activity) pairs and sorted, which every backend can do (Spark has no ordered string
    aggregate)."""
    import ibis

    steps = ibis.struct({"pos": events.pos, "activity": events.activity})
    per_case = events.group_by(events.case).aggregate(steps=steps.collect())
    return per_case.select("case", variant=per_case.steps.sort().map(lambda step: step.activity).join(SEPARATOR))


def variant_table(events: ir.Table) -> ir.Table:
    """One row per variant: its activities joined by SEPARATOR, and the number of cases."""
    joined = sequences(events)
    return joined.group_by(joined.variant).aggregate(cases=joined.count())


# A case's variant fingerprint is two sums over its events of a pseudo-random number of (position, activity),
# each below 2**31 (so the sums never overflow): two cases with the same sequence have the same sums; two
# different sequences of the same length have both sums equal by chance only (about one in 2**31 for each sum).
# Two numbers as each backend's hash gives them; the moduli are primes, the positions keep the order.
_FINGERPRINT_MODULI = (2147483647, 2147483629)


def fingerprint(events: ir.Table) -> dict[str, ir.Scalar]:
    """The per-case aggregates (`h1`, `h2`) that, with the number of events, stand for a case's sequence of
    activities (dfg.variants): an order-dependent sum, no sequence built."""
    found = {}
    for number, modulus in enumerate(_FINGERPRINT_MODULI, start=1):
        # 2**31 exceeds every modulus (so the pair is one number) and is a 64-bit literal on every backend
        element = ((events.activity.hash() % modulus) + events.pos * 2**31).hash() % modulus
        found[f"h{number}"] = element.sum()
    return found


def variants(con: Any, cases: Named, events: Named, top: int) -> dict[str, Any]:
    """The number of variants and the `top` ones with their cases and share. Cases are grouped by their length
    and fingerprint (case_table's h1, h2), and the sequence is built only for one case of each group that can be
    among the top ones (ties at the last place included), so the ranking and its order of ties (by the
    sequence) are those of grouping by the whole sequence, as long as no two sequences share a fingerprint."""
    found = rows(query(con, _top_variants, cases, events, top=top))
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


def _top_variants(cases: ir.Table, events: ir.Table, top: int) -> ir.Table:
    import ibis

    groups = cases.group_by([cases.events, cases.h1, cases.h2]).aggregate(
        cases=cases.count(), representative=cases.case.min()
    )
    everything = ibis.window()
    ranked = groups.mutate(
        n=groups.count().over(everything),
        all_cases=groups.cases.sum().over(everything),
        place=ibis.rank().over(order_by=groups.cases.desc()),  # tied groups share the first place they take
    )
    chosen = ranked.filter(ranked.place < top)
    texts = sequences(events.semi_join(chosen, events.case == chosen.representative))
    named_groups = chosen.join(texts, chosen.representative == texts.case)
    found = named_groups.select("variant", "cases", "n", "all_cases")
    return found.order_by([found.cases.desc(), found.variant]).limit(top)


def all_variants(con: Any, events: ir.Table) -> dict[tuple[str, ...], int]:
    """Every variant with its number of cases (for comparisons)."""
    found = rows(query(con, variant_table, events))
    return {tuple(row["variant"].split(SEPARATOR)): int(row["cases"]) for row in found}

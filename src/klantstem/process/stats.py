"""Summary statistics as Ibis aggregates, in calendar and in business seconds, and turning results into
plain data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

if TYPE_CHECKING:
    import ibis.expr.types as ir


def summary(values: ir.NumericColumn, prefix: str, exact: bool = True) -> dict[str, ir.Scalar]:
    """median, mean and p90 of a column, named `<prefix>_<stat>`. Exact quantiles keep every value of a group
    in memory; `exact=False` uses a t-digest instead, for very large logs."""
    if not exact:
        return {
            f"{prefix}_median": values.approx_quantile(0.5),
            f"{prefix}_mean": values.mean(),
            f"{prefix}_p90": values.approx_quantile(0.9),
        }
    both = values.quantile([0.5, 0.9])  # one sort of the group's values for the two (the engine computes it once)
    return {
        f"{prefix}_median": both[0],
        f"{prefix}_mean": values.mean(),
        f"{prefix}_p90": both[1],
    }


def pick(row: dict[str, Any], prefix: str) -> dict[str, float | None]:
    """{median, mean, p90} from a row made by `summary`."""
    return {stat: rounded(row.get(f"{prefix}_{stat}")) for stat in ("median", "mean", "p90")}


def rounded(value: Any, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()  # type: ignore[no-any-return]


def share(part: int | float, whole: int | float) -> float:
    return 0.0 if not whole else round(float(part) / float(whole), 4)

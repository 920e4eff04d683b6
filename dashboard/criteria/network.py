"""Criterion family `network`: internal collaboration, read from who engaged with whom.

Everything comes from `Context.interactions` (actions aimed at a colleague counted,
already grouped by actor, target and action), so the log is never scanned again here.
"""

from __future__ import annotations

import polars as pl

from dashboard.criteria.base import Measure, family, reads_log, records
from dashboard.criteria.context import Context
from dashboard.criteria.people import needs_roster, needs_targets, not_measured, reason
from dashboard.messages import msg

COLLABORATION = [
    "collaboration.cross_department_share",
    "collaboration.department_pair_coverage",
    "collaboration.reciprocity",
]
NO_INTERACTIONS = msg("measure.missing.no_interactions")


def department_matrix(ctx: Context) -> pl.DataFrame:
    """Interactions between colleagues counted, from the actor's department to the target's.

    One row per (from_department, to_department) with at least one interaction, the
    diagonal included (within a department); sorted by n, largest first.
    """
    interactions = ctx.interactions
    if "target_department" not in interactions.columns:  # no action log: an untyped empty frame
        return pl.DataFrame(
            schema={"from_department": pl.String, "to_department": pl.String, "n": pl.Int64}
        )
    return (
        interactions.group_by(
            from_department=pl.col("department"), to_department=pl.col("target_department")
        )
        .agg(n=pl.col("n").sum().cast(pl.Int64))
        .sort(["n", "from_department", "to_department"], descending=[True, False, False])
    )


@family("collaboration")
@reads_log
def collaboration(ctx: Context) -> dict[str, Measure]:
    missing = reason(needs_targets(ctx), needs_roster(ctx))
    if missing:
        return not_measured(COLLABORATION, missing)

    matrix = department_matrix(ctx)
    departments = ctx.per_employee["department"].unique().sort()
    crossing = matrix.filter(pl.col("from_department") != pl.col("to_department"))
    connected = pl.concat([crossing["from_department"], crossing["to_department"]]).unique()
    isolated = departments.filter(~departments.is_in(connected.implode())).to_list()
    evidence = {
        "isolated_departments": isolated[:20],
        "matrix": records(
            matrix.select(
                pl.col("from_department").alias("from"), pl.col("to_department").alias("to"), "n"
            ),
            20,
        ),
    }

    total, across = int(matrix["n"].sum()), int(crossing["n"].sum())
    n = departments.len()
    if n < 2:
        coverage = Measure.not_measured(msg("measure.missing.few_departments"))
    else:
        pairs = crossing.select(
            low=pl.min_horizontal("from_department", "to_department"),
            high=pl.max_horizontal("from_department", "to_department"),
        ).unique()
        coverage = Measure.ratio(pairs.height, n * (n - 1) // 2, evidence)
    return {
        "collaboration.cross_department_share": Measure.ratio(
            across, total, evidence, empty=NO_INTERACTIONS
        ),
        "collaboration.department_pair_coverage": coverage,
        "collaboration.reciprocity": _reciprocity(ctx),
    }


def _reciprocity(ctx: Context) -> Measure:
    """Unordered pairs of colleagues who engaged with each other both ways ÷ pairs with any."""
    a, b = pl.col("code"), pl.col("target_code")
    # Interactions hold one row per (actor, target): each unordered pair has one row per
    # direction. The pair as one 64-bit number groups 4× faster than as two columns.
    low, high = pl.min_horizontal(a, b).cast(pl.UInt64), pl.max_horizontal(a, b)
    pairs = (
        ctx.interactions.lazy().group_by(pair=low * 2**32 + high).agg(directions=pl.len()).collect()
    )
    both = int((pairs["directions"] == 2).sum())
    return Measure.ratio(
        both,
        pairs.height,
        {"pairs": pairs.height, "reciprocal_pairs": both, "one_way_pairs": pairs.height - both},
        empty=NO_INTERACTIONS,
    )

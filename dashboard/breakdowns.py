"""Each criterion's main breakdown — by department, month or platform — as plain numbers.

The deliverables chart one breakdown per criterion. Every number here comes from the
engine's own aggregates for the period (the `Context` the scorecard was computed from
and the criteria families' public helpers), so a chart in a report shows the same
figures the metrics were computed from. Pure functions; nothing here formats text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

import polars as pl

from dashboard.criteria.context import Context
from dashboard.criteria.network import department_matrix
from dashboard.criteria.page import monthly_posts, platform_conversation, weekly_posts
from dashboard.criteria.people import participation_by_department

Kind = Literal["departments", "months", "platforms"]
Unit = Literal["rate", "count", "hours"]
MAX_CATEGORIES = 12  # more bars than this do not read on a slide


@dataclass(frozen=True)
class Series:
    """One series of a breakdown: `key` names it (a text key), one value per category."""

    key: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Breakdown:
    """Categories (departments, months, platforms) and one or more series over them.

    `total` is how many categories there were before the `MAX_CATEGORIES` cut (the
    lowest rates, or the largest counts, are kept: those are where the story is)."""

    criterion: str
    kind: Kind
    unit: Unit
    categories: tuple[str | date, ...]
    series: tuple[Series, ...]
    total: int

    @property
    def empty(self) -> bool:
        """Nothing to draw: no category, or no value (counts that are all 0 say nothing
        happened, which the metrics already say; rates of 0 are a finding and stay)."""
        values = [v for s in self.series for v in s.values if v is not None]
        return not values or (self.unit == "count" and not any(values))


def _values(frame: pl.DataFrame, column: str) -> tuple[float | None, ...]:
    return tuple(None if v is None else float(v) for v in frame[column].to_list())


def _build(
    criterion: str, kind: Kind, unit: Unit, frame: pl.DataFrame, category: str, **series: str
) -> Breakdown:
    total = frame.height
    frame = frame.head(MAX_CATEGORIES)
    return Breakdown(
        criterion,
        kind,
        unit,
        tuple(frame[category].to_list()),
        tuple(Series(key, _values(frame, column)) for key, column in series.items()),
        total,
    )


def _participation(ctx: Context, criterion: str) -> Breakdown:
    """Share of each department's employees who acted in the period, lowest first."""
    frame = participation_by_department(ctx).sort("rate", "department")
    return _build(criterion, "departments", "rate", frame, "department", bd_participation="rate")


def _managers(ctx: Context) -> Breakdown:
    """Share of each department's managers who acted in the period, lowest first."""
    frame = (
        participation_by_department(ctx)
        .filter(pl.col("managers") > 0)
        .with_columns(rate=pl.col("managers_active") / pl.col("managers"))
        .sort("rate", "department")
    )
    return _build(
        "managers", "departments", "rate", frame, "department", bd_manager_participation="rate"
    )


def _collaboration(ctx: Context) -> Breakdown:
    """Interactions each department's employees aimed at colleagues in other departments."""
    matrix = department_matrix(ctx)
    frame = (
        matrix.filter(pl.col("from_department") != pl.col("to_department"))
        .group_by("from_department")
        .agg(n=pl.col("n").sum())
        .sort("n", "from_department", descending=[True, False])
    )
    return _build(
        "collaboration", "departments", "count", frame, "from_department", bd_cross_interactions="n"
    )


def _months(ctx: Context, criterion: str, *, employees: bool) -> Breakdown:
    """Page posts per month, with employees' company-related actions beside them when asked."""
    posts = monthly_posts(ctx)
    series = {"bd_page_posts": "posts"}
    if employees and not ctx.monthly_activity.is_empty():
        posts = posts.join(
            ctx.monthly_activity.select("month", "actions"), on="month", how="left"
        ).with_columns(pl.col("actions").fill_null(0))
        series["bd_employee_actions"] = "actions"
    if posts.height > MAX_CATEGORIES:  # the latest months: the period's end is what is audited
        posts = posts.tail(MAX_CATEGORIES)
    return _build(criterion, "months", "count", posts, "month", **series)


def _employee_months(ctx: Context) -> Breakdown:
    """Employees' company-related actions per month."""
    frame = ctx.monthly_activity
    if frame.height > MAX_CATEGORIES:
        frame = frame.tail(MAX_CATEGORIES)
    return _build("voice", "months", "count", frame, "month", bd_employee_actions="actions")


def _reply_rates(ctx: Context) -> Breakdown:
    """The page's reply rate per platform."""
    frame = platform_conversation(ctx).sort("platform")
    return _build(
        "conversation", "platforms", "rate", frame, "platform", bd_reply_rate="reply_rate"
    )


def _platform_posts(ctx: Context) -> Breakdown:
    """Page posts per platform over the period, expected platforms with none included."""
    frame = (
        weekly_posts(ctx)
        .group_by("platform")
        .agg(posts=pl.col("posts").sum())
        .sort("posts", "platform", descending=[True, False])
    )
    return _build("presence", "platforms", "count", frame, "platform", bd_page_posts="posts")


BREAKDOWNS: dict[str, Callable[[Context], Breakdown]] = {
    "involvement": lambda ctx: _participation(ctx, "involvement"),
    "managers": _managers,
    "collaboration": _collaboration,
    "voice": _employee_months,
    "amplification": lambda ctx: _months(ctx, "amplification", employees=True),
    "consistency": lambda ctx: _months(ctx, "consistency", employees=False),
    "conversation": _reply_rates,
    "integration": lambda ctx: _participation(ctx, "integration"),
    "presence": _platform_posts,
}


def breakdown(ctx: Context, criterion: str) -> Breakdown | None:
    """The criterion's main breakdown for the context's period; None when it has none
    (its chart is then its metrics' scores) or when the inputs it needs are missing."""
    function = BREAKDOWNS.get(criterion)
    if function is None:
        return None
    result = function(ctx)
    return None if result.empty else result

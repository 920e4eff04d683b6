"""The engine's drill-down tables for one period, as the pandas frames the charts take.

Each function calls a public helper of a criteria family (or a `Context` table) and
converts it at the view edge; the numbers are the ones the metrics were computed from.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts
from dashboard.criteria.context import Context
from dashboard.criteria.managers import managers_vs_others
from dashboard.criteria.network import department_matrix
from dashboard.criteria.page import monthly_posts, platform_conversation, weekly_posts
from dashboard.criteria.people import activity_concentration, participation_by_department
from dashboard.i18n import Lang
from dashboard.scoring import CriterionResult, Scorecard

# Criteria whose chart needs the page's full width (departments, weeks, months, platforms).
WIDE = frozenset(
    {"involvement", "integration", "collaboration", "consistency", "conversation", "amplification"}
)


def departments(ctx: Context) -> pd.DataFrame:
    return participation_by_department(ctx).to_pandas()


def company_rate(scorecard: Scorecard) -> float | None:
    metric = scorecard.metric("involvement.participation_rate")
    return metric.value if metric.measured else None


def managers(ctx: Context) -> pd.DataFrame:
    return managers_vs_others(ctx.per_employee).to_pandas()


def concentration(ctx: Context) -> pd.DataFrame:
    return activity_concentration(ctx.per_employee["actions"]).to_pandas()


def matrix(ctx: Context) -> pd.DataFrame:
    return department_matrix(ctx).to_pandas()


def matrix_departments(ctx: Context) -> list[str]:
    """Every department with employees counted: the matrix shows the silent ones too."""
    return sorted(ctx.employees["department"].drop_nulls().unique().to_list())


def weeks(ctx: Context) -> pd.DataFrame:
    return weekly_posts(ctx).to_pandas()


def months(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Page posts and employees' actions per month."""
    return monthly_posts(ctx).to_pandas(), ctx.monthly_activity.to_pandas()


def conversation(ctx: Context) -> pd.DataFrame:
    return platform_conversation(ctx).to_pandas()


def criterion_figure(
    criterion: CriterionResult, scorecard: Scorecard, ctx: Context, lang: Lang
) -> go.Figure:
    """The chart that tells a criterion's story; its metrics' scores when it has none of its own."""
    cid = criterion.id
    if cid in ("involvement", "integration"):
        target = scorecard.metric("involvement.participation_rate").target
        return charts.department_participation_figure(
            departments(ctx), lang, company_rate(scorecard), target
        )
    if cid == "managers":
        return charts.managers_figure(managers(ctx), lang)
    if cid == "collaboration":
        return charts.collaboration_heatmap_figure(matrix(ctx), lang, matrix_departments(ctx))
    if cid == "consistency":
        return charts.weeks_calendar_figure(weeks(ctx), lang)
    if cid == "conversation":
        return charts.platform_conversation_figure(conversation(ctx), lang)
    if cid == "amplification":
        page, employees = months(ctx)
        return charts.monthly_activity_figure(page, employees, lang)
    return charts.metrics_figure(criterion, lang)

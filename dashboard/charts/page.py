"""The company page against its employees: posts and actions by month, the calendar of
weeks with and without posts, and the conversation on each platform."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.style import BLUE, ORANGE, SKY, VERMILLION, empty, layout, plain
from dashboard.i18n import Lang, format_value, percent_suffix, t
from dashboard.labels import platform_label


def monthly_activity_figure(
    page: pd.DataFrame, employees: pd.DataFrame, lang: Lang, height: int = 380
) -> go.Figure:
    """Page posts per month (bars, left axis) against employees' actions (line, right axis).

    `page`: columns `month`, `posts`. `employees`: columns `month`, `actions`, `active`.
    """
    if page.empty and employees.empty:
        return empty(t("chart.no_data", lang), height)
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    if not page.empty:
        fig.add_trace(
            go.Bar(
                x=page["month"],
                y=page["posts"],
                name=t("chart.page_posts", lang),
                marker_color=SKY,
                hovertemplate="%{x|%m/%Y}: %{y}<extra></extra>",
            ),
            secondary_y=False,
        )
    if not employees.empty:
        fig.add_trace(
            go.Scatter(
                x=employees["month"],
                y=employees["actions"],
                name=t("chart.employee_actions", lang),
                mode="lines+markers",
                line={"color": VERMILLION, "width": 3},
                marker={"size": 8, "symbol": "diamond"},
                hovertemplate="%{x|%m/%Y}: %{y}<extra></extra>",
            ),
            secondary_y=True,
        )
    fig.update_yaxes(title_text=t("chart.page_posts", lang), secondary_y=False, rangemode="tozero")
    fig.update_yaxes(
        title_text=t("chart.employee_actions", lang),
        secondary_y=True,
        rangemode="tozero",
        showgrid=False,
        tickmode="auto",
        nticks=6,
    )
    fig.update_xaxes(dtick="M1", tickformat="%m/%y")
    return layout(
        fig,
        height=height,
        lang=lang,
        legend={"orientation": "h", "y": 1.12, "x": 0},
        bargap=0.3,
    )


def weeks_calendar_figure(weekly: pd.DataFrame, lang: Lang, height: int | None = None) -> go.Figure:
    """A calendar of ISO weeks: one row per platform plus all platforms, silent weeks marked.

    `weekly`: columns `week` (the Monday), `platform`, `posts` — every week of the period,
    zeros included (the shape of `criteria.page.weekly_posts`).
    """
    if weekly.empty:
        return empty(t("chart.no_data", lang), 200)
    wide = weekly.pivot_table(
        index="platform", columns="week", values="posts", aggfunc="sum", fill_value=0
    )
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=True).index]
    wide.index = [platform_label(p, lang) for p in wide.index]
    total = wide.sum(axis=0).to_frame().T
    total.index = [t("chart.all_platforms", lang)]
    grid = pd.concat([wide, total])
    z = grid.to_numpy(dtype=float)
    top = max(float(z.max()), 1.0)
    edge = 0.5 / top
    colorscale = [
        [0.0, "#F6D5C2"],
        [edge, "#F6D5C2"],
        [edge, "#D8ECF8"],
        [1.0, BLUE],
    ]
    weeks = [pd.Timestamp(w) for w in grid.columns]
    text = [[t("chart.silent_week", lang) if v == 0 else str(int(v)) for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=weeks,
            y=[plain(p) for p in grid.index],
            colorscale=colorscale,
            zmin=0,
            zmax=top,
            xgap=2,
            ygap=3,
            text=text,
            hovertemplate="%{y}, %{x|%d/%m/%Y}: %{text}<extra></extra>",
            # Posts are counted in whole numbers: so is the colour bar.
            colorbar={
                "title": {"text": t("chart.posts", lang)},
                "thickness": 12,
                "tickformat": "d",
                "dtick": max(1, math.ceil(top / 5)),
            },
        )
    )
    fig.update_xaxes(tickformat="%d/%m/%y", showgrid=False)
    fig.update_yaxes(showgrid=False, automargin=True)
    rows = len(grid.index)
    return layout(fig, height=height or 120 + 34 * rows, lang=lang)


def platform_conversation_figure(frame: pd.DataFrame, lang: Lang, height: int = 360) -> go.Figure:
    """Reply rate and median first-response time per platform, side by side.

    `frame`: columns `platform`, `reply_rate` (0–1 or null), `median_response_hours`
    (or null) — the shape of `criteria.page.platform_conversation`.
    """
    if frame.empty:
        return empty(t("chart.no_data", lang), height)
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(t("chart.reply_rate", lang), t("chart.response_hours", lang)),
        horizontal_spacing=0.14,
    )
    platforms = [plain(platform_label(p, lang)) for p in frame["platform"]]
    rate = pd.to_numeric(frame["reply_rate"], errors="coerce")
    hours = pd.to_numeric(frame["median_response_hours"], errors="coerce")
    for col, values, shown, colour, unit in (
        (1, rate * 100, rate, BLUE, "rate"),
        (2, hours, hours, ORANGE, "hours"),
    ):
        fig.add_trace(
            go.Bar(
                x=platforms,
                y=values,
                marker_color=colour,
                text=[format_value(v, unit, lang) if pd.notna(v) else "—" for v in shown],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{text}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=col,
        )
    fig.update_yaxes(range=[0, 115], ticksuffix=percent_suffix(lang), row=1, col=1)
    top = float(hours.max()) if hours.notna().any() else 1.0
    fig.update_yaxes(range=[0, top * 1.25 or 1], row=1, col=2)
    return layout(fig, height=height, lang=lang, margin={"l": 10, "r": 10, "t": 50, "b": 10})

"""People: participation by department, managers against everyone else, how activity spreads,
and who interacts with whom across departments."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.charts.style import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    TEXT,
    VERMILLION,
    empty,
    layout,
    plain,
    vline,
)
from dashboard.i18n import Lang, format_value, number, percent, percent_suffix, t


def department_participation_figure(
    frame: pd.DataFrame,
    lang: Lang,
    company_rate: float | None = None,
    target: float | None = None,
    height: int | None = None,
) -> go.Figure:
    """Participation rate per department as horizontal bars, lowest first at the top.

    `frame`: columns `department`, `employees`, `active`, `rate` (the shape of
    `criteria.people.participation_by_department`). Lines mark the company rate and
    the target when given.
    """
    if frame.empty:
        return empty(t("chart.no_data", lang), 220)
    rows = frame.iloc[::-1]  # the first row (lowest rate) ends on top
    labels = [
        f"{format_value(r, 'rate', lang)} ({number(a, lang)} {t('audit.of', lang)} {number(e, lang)})"
        for r, a, e in zip(rows["rate"], rows["active"], rows["employees"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["rate"] * 100,
            y=[plain(d) for d in rows["department"]],
            orientation="h",
            marker_color=[
                VERMILLION if company_rate is not None and r < company_rate / 2 else BLUE
                for r in rows["rate"]
            ],
            text=labels,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    # Reference lines sit under the bars' labels; their names go above the plot area,
    # the lower value's to the left of its line, the higher's to the right.
    lines = []
    if company_rate is not None:
        lines.append((company_rate, TEXT, "dash", t("chart.company", lang)))
    if target is not None:
        lines.append((target, GREEN, "dot", t("audit.target", lang)))
    lines.sort(key=lambda line: line[0])
    shapes, notes = [], []
    for i, (value, color, dash, name) in enumerate(lines):
        shapes.append(vline(value * 100, {"color": color, "width": 2, "dash": dash}))
        left = i == 0 and len(lines) > 1
        notes.append(
            {
                "x": value * 100,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "right" if left else "left",
                "text": f"{name} {format_value(value, 'rate', lang)}",
                "showarrow": False,
                "font": {"color": color, "size": 14},
            }
        )
    top = max(float(rows["rate"].max()) * 100, (target or 0) * 100, 10.0)
    ticks = [v for v in range(0, 101, 10 if top <= 50 else 20) if v <= top * 1.1 or v == 100]
    fig.update_xaxes(
        range=[0, top * 1.45],
        tickvals=ticks,
        ticktext=[percent(v / 100, lang) for v in ticks],
        title=t("chart.participation", lang),
    )
    fig.update_yaxes(automargin=True)
    return layout(
        fig,
        height=height or 110 + 36 * len(rows),
        lang=lang,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        shapes=shapes,
        annotations=notes,
    )


def managers_figure(frame: pd.DataFrame, lang: Lang, height: int = 300) -> go.Figure:
    """Managers against everyone else: participation rate bars labelled with the counts."""
    if frame.empty:
        return empty(t("chart.no_data", lang), height)
    names = {"managers": t("chart.managers", lang), "others": t("chart.others", lang)}
    fig = go.Figure(
        go.Bar(
            x=[names.get(g, g) for g in frame["group"]],
            y=frame["rate"] * 100,
            marker_color=[ORANGE if g == "managers" else BLUE for g in frame["group"]],
            text=[
                f"{format_value(r, 'rate', lang)} ({number(a, lang)} {t('audit.of', lang)} {number(e, lang)})"
                for r, a, e in zip(frame["rate"], frame["active"], frame["employees"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
            width=0.5,
        )
    )
    top = max(float(frame["rate"].max()) * 100, 10.0)
    fig.update_yaxes(
        range=[0, top * 1.3], ticksuffix=percent_suffix(lang), title=t("chart.participation", lang)
    )
    return layout(fig, height=height, lang=lang)


def activity_distribution_figure(curve: pd.DataFrame, lang: Lang, height: int = 360) -> go.Figure:
    """How the actions spread across employees: the concentration curve against equal shares."""
    if curve.empty or curve["actions_share"].max() <= 0:
        return empty(t("chart.no_data", lang), height)
    x, y = curve["employees_share"] * 100, curve["actions_share"] * 100
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 100],
            y=[0, 100],
            mode="lines",
            name=t("chart.equal_share", lang),
            line={"color": GREY, "dash": "dash", "width": 2},
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            name=t("chart.actual_share", lang),
            line={"color": BLUE, "width": 4},
            fill="tonexty",
            fillcolor="rgba(0,114,178,0.12)",
            # A Plotly template as written: its %{x} fields are Plotly's, not ours.
            hovertemplate=i18n.text("chart.lorenz_hover", lang) + "<extra></extra>",
        )
    )
    ten = float(np.interp(10, x, y))
    fig.add_trace(
        go.Scatter(
            x=[10],
            y=[ten],
            mode="markers",
            marker={"color": VERMILLION, "size": 12, "symbol": "diamond"},
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.add_annotation(
        x=98,
        y=4,
        xref="x",
        yref="y",
        xanchor="right",
        yanchor="bottom",
        text=t("chart.top10_note", lang, share=percent(ten / 100, lang)),
        showarrow=False,
        font={"size": 15, "color": VERMILLION},
        bgcolor="rgba(255,255,255,0.9)",
    )
    fig.update_xaxes(
        range=[0, 101], ticksuffix=percent_suffix(lang), title=t("chart.employees_axis", lang)
    )
    fig.update_yaxes(
        range=[0, 102],
        tickvals=[20, 40, 60, 80, 100],  # the origin's 0 is the x axis's alone ("0 %", once)
        ticksuffix=percent_suffix(lang),
        title=t("chart.actions_axis", lang),
    )
    # At the figure's foot, clear of the axis title whatever the width.
    legend = {"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0}
    return layout(fig, height=height, lang=lang, legend=legend)


def collaboration_heatmap_figure(
    matrix: pd.DataFrame,
    lang: Lang,
    departments: Sequence[str] = (),
    height: int | None = None,
) -> go.Figure:
    """Interactions between departments: rows are who acts, columns whose content they touch.

    `matrix`: long form with `from_department`, `to_department`, `n` (the shape of
    `criteria.network.department_matrix`); every department appears on both axes, and
    so does every one of `departments` (the roster's) that had no interaction at all:
    an empty row and column are what the recommendation asks the reader to look for.
    """
    if matrix.empty:
        return empty(t("chart.no_interactions", lang), 240)
    departments = sorted(
        set(matrix["from_department"]) | set(matrix["to_department"]) | set(departments)
    )
    wide = (
        matrix.pivot_table(
            index="from_department", columns="to_department", values="n", aggfunc="sum"
        )
        .reindex(index=departments, columns=departments)
        .fillna(0)
    )
    z = wide.to_numpy(dtype=float)
    labels = [plain(d) for d in departments]
    text = [["" if v == 0 else number(v, lang) for v in row] for row in z]
    # Colour by the square root, so the few busy cells (usually the diagonal) do not
    # wash out every other pair; the true counts are written in the cells. The darkest
    # blue stays light enough for dark text.
    fig = go.Figure(
        go.Heatmap(
            z=np.sqrt(z),
            x=labels,
            y=labels,
            colorscale=[[0.0, "#F7F9FB"], [0.0001, "#E3F0F9"], [1.0, "#4F9FD6"]],
            customdata=z,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 14, "color": TEXT},
            xgap=2,
            ygap=2,
            hovertemplate=i18n.text("chart.matrix_hover", lang) + "<extra></extra>",
            showscale=False,
        )
    )
    fig.update_xaxes(title=t("chart.to_department", lang), tickangle=-35, side="bottom")
    fig.update_yaxes(title=t("chart.from_department", lang), autorange="reversed", automargin=True)
    size = len(departments)
    return layout(fig, height=height or max(380, 160 + 42 * size), lang=lang)

"""The scorecard drawn: the overall index as a gauge, the twelve criteria, one criterion's metrics."""

from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from dashboard.charts.style import (
    GREY,
    LEVEL_COLORS,
    LIGHT,
    TEXT,
    empty,
    fade,
    layout,
    level_color,
    plain,
    vline,
)
from dashboard.i18n import Lang, format_value, number, t
from dashboard.scoring import LEVELS

if TYPE_CHECKING:
    from dashboard.scoring import CriterionResult, Scorecard


def overall_figure(
    scorecard: Scorecard, lang: Lang, height: int = 300, *, show_number: bool = True
) -> go.Figure:
    """The overall index as a gauge banded by maturity level, the level named under it.

    Without the number (`show_number=False`, when the page writes it beside the gauge)
    the level's name sits inside the arc instead, and the gauge fits a phone's width.
    """
    if scorecard.score is None:
        return empty(f"{t('audit.overall', lang)}: {t('audit.not_measured', lang)}", height)
    steps = [
        {"range": [low, LEVELS[i + 1] if i + 1 < len(LEVELS) else 100], "color": fade(color)}
        for i, (low, color) in enumerate(zip(LEVELS, LEVEL_COLORS, strict=True))
    ]
    level = scorecard.level_name(lang) or ""
    # The arc above, the number and the level below it: never the number on the arc,
    # whatever the width (a 1280×720 projector, a phone).
    fig = go.Figure(
        go.Indicator(
            mode="gauge",
            value=round(scorecard.score),
            gauge={
                "axis": {"range": [0, 100], "tickvals": [0, 20, 40, 60, 80, 100]},
                "bar": {"color": TEXT, "thickness": 0.28},
                "bgcolor": "white",
                "steps": steps,
                "threshold": {
                    "line": {"color": TEXT, "width": 4},
                    "thickness": 0.9,
                    "value": scorecard.score,
                },
            },
            domain={"x": [0, 1], "y": [0.34 if show_number else 0.2, 1]},
        )
    )
    if show_number:
        fig.add_annotation(
            text=f"{round(scorecard.score)}/100",
            x=0.5,
            y=0.13,
            xref="paper",
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            font={"size": 46, "color": TEXT},
        )
    fig.add_annotation(
        text=f"<b>{plain(level)}</b>",
        x=0.5,
        y=0.0,
        xref="paper",
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        font={"size": 26 if show_number else 22, "color": LEVEL_COLORS[scorecard.level or 0]},
    )
    return layout(
        fig, height=height, font_size=18, lang=lang, margin={"l": 45, "r": 45, "t": 25, "b": 5}
    )


LABEL_WIDTH = 22  # characters of an axis label per line: long titles wrap, never get cut


def wrapped(text: str, width: int = LABEL_WIDTH) -> str:
    """A label on as many lines as it needs (Plotly cuts an axis label that does not fit)."""
    lines: list[str] = []
    for word in plain(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def criteria_figure(
    scorecard: Scorecard, lang: Lang, height: int = 480, font_size: int = 17
) -> go.Figure:
    """The twelve criteria as horizontal bars on 0–100, coloured by maturity band.

    A criterion that was not measured keeps its row, labelled "not measured", so the
    reader sees what is missing instead of a silently shorter chart.
    """
    rows = list(reversed(scorecard.criteria))  # Plotly draws the first category at the bottom
    titles = [wrapped(c.spec.title[lang] or c.id) for c in rows]
    scores = [c.score if c.score is not None else 0 for c in rows]
    labels = [
        number(c.score, lang) if c.score is not None else t("audit.not_measured", lang)
        for c in rows
    ]
    fig = go.Figure(
        go.Bar(
            x=scores,
            y=titles,
            orientation="h",
            marker={"color": [level_color(c.score) for c in rows]},
            text=labels,
            textposition="outside",
            cliponaxis=False,
            textfont={"size": font_size, "color": [TEXT if c.measured else GREY for c in rows]},
            hovertemplate="%{y}: %{text}<extra></extra>",
            showlegend=False,
        )
    )
    # The key to the colours, in the chart's own colours: one entry per maturity level,
    # each a bar of length 0 on the top row (an entry without data would add a category).
    for i, color in enumerate(LEVEL_COLORS):
        fig.add_trace(
            go.Bar(
                x=[0],
                y=titles[-1:],
                orientation="h",
                marker={"color": color},
                name=t(f"level.{i}", lang),
                hoverinfo="skip",
            )
        )
    fig.update_xaxes(range=[0, 112], tickvals=[0, 20, 40, 60, 80, 100], title=None)
    fig.update_yaxes(automargin=True, title=None)
    return layout(
        fig,
        height=height,
        font_size=font_size,
        lang=lang,
        margin={"l": 10, "r": 20, "t": 10, "b": 10},
        shapes=[vline(low, {"color": LIGHT, "width": 1, "dash": "dot"}) for low in LEVELS[1:]],
        barmode="overlay",
        showlegend=True,
        legend={
            "orientation": "h",
            "x": 0,
            "y": -0.08,
            "yanchor": "top",
            "font": {"size": font_size - 2},
            "itemclick": False,
            "itemdoubleclick": False,
        },
    )


def metrics_figure(criterion: CriterionResult, lang: Lang, height: int | None = None) -> go.Figure:
    """One criterion's metrics as 0–100 score bars, each labelled with its value and target."""
    rows = list(reversed(criterion.metrics))
    if not any(m.measured for m in rows):
        return empty(t("audit.not_measured", lang), 160)
    labels = []
    for m in rows:
        if m.measured:
            value = format_value(m.value, m.spec.unit, lang)
            target = format_value(m.target, m.spec.unit, lang)
            labels.append(f"{value}<br>({t('audit.target', lang)} {target})")
        else:
            labels.append(t("audit.not_measured", lang))
    fig = go.Figure(
        go.Bar(
            x=[m.score if m.score is not None else 0 for m in rows],
            y=[wrapped(m.spec.title[lang] or m.id) for m in rows],
            orientation="h",
            marker={"color": [level_color(m.score) for m in rows]},
            text=labels,  # value and target: ours, already plain
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 150], tickvals=[0, 50, 100], title=t("chart.score_axis", lang))
    fig.update_yaxes(automargin=True)
    return layout(fig, height=height or 90 + 55 * len(rows), lang=lang)

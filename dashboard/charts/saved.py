"""Saved audits: the overall index and every criterion across the audits of a workspace."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import plotly.graph_objects as go

from dashboard.charts.style import (
    BLUE,
    GREEN,
    GREY,
    LEVEL_COLORS,
    ORANGE,
    PURPLE,
    SKY,
    TEXT,
    VERMILLION,
    empty,
    layout,
    level_color,
    plain,
)
from dashboard.criteria import registry
from dashboard.i18n import Lang, month_text, number, t
from dashboard.period import Period
from dashboard.scoring import LEVELS

# Twelve criterion lines: six palette colours (yellow is too pale for a thin line on
# white, black is the overall's), solid then dotted.
TREND_COLORS = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE)
TREND_DASHES = ("solid", "dot", "dash")
TICK_LENGTH = 20


class TrendPoint(Protocol):
    """What the trend draws of one saved audit (`report.compare.TrendPoint` has it)."""

    @property
    def name(self) -> str: ...

    @property
    def period(self) -> Period: ...

    @property
    def is_current(self) -> bool: ...

    @property
    def overall(self) -> float | None: ...

    @property
    def scores(self) -> Mapping[str, float | None]:  # criterion id → 0–100, None: not measured
        ...


def _audit_tick(point: TrendPoint, lang: Lang) -> str:
    """An audit on the time axis: its name, or its months in the reader's format when the
    name is the period as saved by default ("2026-01-01 – 2026-06-30" → "01/2026–06/2026")."""
    name = point.name
    start, end = point.period.start, point.period.end
    if name == point.period.label():
        first, last = month_text(start, lang), month_text(end, lang)
        return first if first == last else f"{first}–<br>{last}"  # two short lines
    if len(name) > TICK_LENGTH:
        name = name[: TICK_LENGTH - 1].rstrip() + "…"
    return plain(name)


def _gap(score: float | None) -> float:
    """A score on a line; not measured is a gap in it (NaN), never 0."""
    return float("nan") if score is None else score


def build_trend_figure(
    points: Sequence[TrendPoint],
    lang: Lang,
    height: int = 440,
    *,
    criteria: Sequence[str] | None = None,
) -> go.Figure:
    """The overall index and every criterion's score across the saved audits, oldest first.

    `points`: one per audit (`report.compare.trend`), each with a 0–100 score per
    criterion id, None where it was not measured (the line breaks there rather than
    dropping to 0). The overall index is the thick dark line, labelled; criteria are
    thinner, one colour and dash each; the maturity bands shade the background and the
    current audit is marked. Audits sit at even steps, so two with the same period (or
    the same name) stay apart. `criteria` draws only those criterion ids (None: all).
    """
    if not points:
        return empty(t("chart.trend_empty", lang), height)
    # A category per audit, its tick text as the label (the unified hover shows it);
    # invisible suffixes keep two audits with the same label apart.
    x: list[str] = []
    seen: dict[str, int] = {}
    for point in points:
        tick = _audit_tick(point, lang)
        seen[tick] = seen.get(tick, -1) + 1
        x.append(tick + "\u200b" * seen[tick])
    titles = {c.id: c.title[lang] for c in registry.criteria()}
    columns = list(dict.fromkeys(cid for point in points for cid in point.scores))
    drawn = [c for c in columns if criteria is None or c in criteria]
    fig = go.Figure()
    for i, low in enumerate(LEVELS):
        high = LEVELS[i + 1] if i + 1 < len(LEVELS) else 100
        fig.add_hrect(
            y0=low, y1=high, fillcolor=LEVEL_COLORS[i], opacity=0.07, line_width=0, layer="below"
        )
    for i, cid in enumerate(drawn):
        scores = [_gap(point.scores.get(cid)) for point in points]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=scores,
                name=plain(titles.get(cid, cid)),
                mode="lines+markers",
                line={
                    "color": TREND_COLORS[i % len(TREND_COLORS)],
                    "width": 2,
                    "dash": TREND_DASHES[(i // len(TREND_COLORS)) % len(TREND_DASHES)],
                },
                marker={"size": 6},
                opacity=0.85,
                hovertemplate="%{y:.0f}",
            )
        )
    overall = [_gap(point.overall) for point in points]
    fig.add_trace(
        go.Scatter(
            x=x,
            y=overall,
            name=f"<b>{plain(t('audit.overall', lang))}</b>",
            mode="lines+markers+text",
            line={"color": TEXT, "width": 5},
            marker={
                "size": 12,
                "color": [level_color(p.overall) for p in points],
            },
            text=["" if p.overall is None else number(p.overall, lang) for p in points],
            textposition="top center",
            textfont={"size": 18, "color": TEXT},
            cliponaxis=False,
            hovertemplate="%{y:.1f}",
        )
    )
    current = [i for i, point in enumerate(points) if point.is_current]
    for i in current:
        fig.add_vline(x=i, line={"color": GREY, "width": 2, "dash": "dot"}, layer="below")
        fig.add_annotation(
            x=i,
            y=1,
            xref="x",
            yref="paper",
            yanchor="bottom",
            text=t("chart.current_audit", lang),
            showarrow=False,
            font={"size": 14, "color": GREY},
        )
    # Half a category of room each side, so the first and last tick labels are never cut.
    fig.update_xaxes(type="category", range=[-0.6, len(x) - 0.4], showgrid=False, tickangle=0)
    fig.update_yaxes(
        range=[0, 108], tickvals=[0, 20, 40, 60, 80, 100], title=t("chart.score_axis", lang)
    )
    return layout(
        fig,
        height=height,
        lang=lang,
        # Room above the plot for the toolbar, clear of the "current audit" label.
        margin={"l": 10, "r": 10, "t": 64, "b": 10},
        hovermode="x unified",
        # At the figure's foot (container-referenced): placed in the plot's units, it sat
        # on the second line of the months' tick labels.
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "x": 0,
            "font": {"size": 13},
        },
    )

"""Pure Plotly figure builders: scorecard and aggregated tables → figures, no Streamlit.

Every function takes data that is already aggregated (a row per criterion, month, week,
department…) and a language, and returns a `plotly.graph_objects.Figure`, so tests and
the reports can call them without a running app. Colours come from the Okabe–Ito
palette, which stays distinguishable with every common colour-vision deficiency; the
maturity levels run from vermillion to blue, the colour-blind-safe diverging pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from dashboard.criteria import registry
from dashboard.i18n import TEXTS, Lang, format_value, number, t
from dashboard.report.tables import platform_label
from dashboard.scoring import LEVELS, level_index

if TYPE_CHECKING:
    from dashboard.scoring import CriterionResult, Scorecard

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"
GREY = "#8C8C8C"
LIGHT = "#EDEFF2"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK)
# Absent → Social business: vermillion, orange, sky, blue, dark blue.
LEVEL_COLORS = (VERMILLION, ORANGE, SKY, BLUE, "#004A75")
# Streamlit's bundled font (served by the app, never by a font CDN), then system fallbacks.
FONT = '"Source Sans", "Source Sans 3", "Source Sans Pro", "Segoe UI", Roboto, Arial, sans-serif'
TEXT = "#1B1F24"

# The Plotly toolbar shows only what a presenter needs: no logo, no edit links.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


# Plotly's white template, with trace defaults for the trace types drawn here only (the
# full one doubled the size of every figure sent to the browser). It is Plotly's default
# in this process, so every figure starts from it: a default template is taken as it is,
# where one given to a figure is copied and checked whole, which cost a third of the
# time to draw a chart. Every figure of the product is drawn here, in this style.
HOUSE_TEMPLATE = go.layout.Template(
    layout=pio.templates["plotly_white"].layout,
    data={kind: pio.templates["plotly_white"].data[kind] for kind in ("bar", "heatmap", "scatter")},
)
pio.templates["presenza"] = HOUSE_TEMPLATE
pio.templates.default = "presenza"


def _template(key: str, lang: Lang) -> str:
    """A Plotly hover template text as written (its %{x} fields are Plotly's, not ours)."""
    return TEXTS[key][lang]


def level_color(score: float | None) -> str:
    """The colour of the maturity band a 0–100 score falls in (grey when not measured)."""
    return GREY if score is None else LEVEL_COLORS[level_index(score)]


def _layout(
    fig: go.Figure,
    *,
    height: int,
    lang: Lang = "en",
    font_size: int = 15,
    margin: dict[str, int] | None = None,
    **extra: object,
) -> go.Figure:
    """The house style: white template, large readable type, the palette, local separators.

    The builders leave these layout properties unset, so each is set as a whole, one at a
    time: `update_layout` merges them into the figure and costs five times as much."""
    style = {
        "height": height,
        "font": {"family": FONT, "size": font_size, "color": TEXT},
        "margin": margin or {"l": 10, "r": 10, "t": 40, "b": 10},
        "colorway": list(PALETTE),
        "hoverlabel": {"font": {"size": font_size}},
        "separators": ",." if lang == "it" else ".,",
        **extra,
    }
    for key, value in style.items():
        fig.layout[key] = value
    if any(trace.type != "indicator" for trace in fig.data):
        # Room for tick labels and axis titles however long the department names are.
        fig.update_xaxes(automargin=True)
        fig.update_yaxes(automargin=True)
    return fig


def _vline(x: float, line: dict[str, object]) -> dict[str, object]:
    """A vertical line at `x` across the plot, under the data: the shape `add_vline` adds,
    given with the layout at once (`add_vline` costs a few milliseconds a line)."""
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "y domain",
        "line": line,
        "layer": "below",
    }


def _empty(message: str, height: int = 260) -> go.Figure:
    """A figure that says there is nothing to draw, instead of empty axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 18, "color": GREY},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, height=height)


# --- the scorecard ------------------------------------------------------------


def overall_figure(
    scorecard: Scorecard, lang: Lang, height: int = 300, *, show_number: bool = True
) -> go.Figure:
    """The overall index as a gauge banded by maturity level, the level named under it.

    Without the number (`show_number=False`, when the page writes it beside the gauge)
    the level's name sits inside the arc instead, and the gauge fits a phone's width.
    """
    if scorecard.score is None:
        return _empty(f"{t('overall', lang)}: {t('not_measured', lang)}", height)
    steps = [
        {"range": [low, LEVELS[i + 1][0] if i + 1 < len(LEVELS) else 100], "color": color}
        for i, ((low, _), color) in enumerate(zip(LEVELS, LEVEL_COLORS, strict=True))
    ]
    level = scorecard.level_name(lang) or ""
    fig = go.Figure(
        go.Indicator(
            mode="gauge+number" if show_number else "gauge",
            value=round(scorecard.score),
            number={"suffix": "/100", "font": {"size": 64, "color": TEXT}},
            gauge={
                "axis": {"range": [0, 100], "tickvals": [0, 20, 40, 60, 80, 100]},
                "bar": {"color": TEXT, "thickness": 0.28},
                "bgcolor": "white",
                "steps": [{**s, "color": _fade(s["color"])} for s in steps],
                "threshold": {
                    "line": {"color": TEXT, "width": 4},
                    "thickness": 0.9,
                    "value": scorecard.score,
                },
            },
            domain={"x": [0, 1], "y": [0.12, 1]},
        )
    )
    fig.add_annotation(
        text=f"<b>{_plain(level)}</b>",
        x=0.5,
        y=0.0 if show_number else 0.14,
        xref="paper",
        yref="paper",
        yanchor="bottom" if not show_number else "auto",
        showarrow=False,
        font={"size": 30 if show_number else 24, "color": LEVEL_COLORS[scorecard.level or 0]},
    )
    return _layout(
        fig, height=height, font_size=18, lang=lang, margin={"l": 45, "r": 45, "t": 25, "b": 5}
    )


def _fade(color: str, alpha: float = 0.35) -> str:
    """A hex colour as a translucent rgba (gauge bands stay readable under the needle)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _plain(text: object) -> str:
    """Text shown inside a Plotly label: Plotly reads a few HTML tags, so escape < and >."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def criteria_figure(
    scorecard: Scorecard, lang: Lang, height: int = 480, font_size: int = 17
) -> go.Figure:
    """The twelve criteria as horizontal bars on 0–100, coloured by maturity band.

    A criterion that was not measured keeps its row, labelled "not measured", so the
    reader sees what is missing instead of a silently shorter chart.
    """
    rows = list(reversed(scorecard.criteria))  # Plotly draws the first category at the bottom
    titles = [_plain(c.spec.title[lang] or c.id) for c in rows]
    scores = [c.score if c.score is not None else 0 for c in rows]
    labels = [
        number(c.score, lang) if c.score is not None else t("not_measured", lang) for c in rows
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
        )
    )
    fig.update_xaxes(range=[0, 112], tickvals=[0, 20, 40, 60, 80, 100], title=None)
    fig.update_yaxes(automargin=True, title=None)
    return _layout(
        fig,
        height=height,
        font_size=font_size,
        lang=lang,
        margin={"l": 10, "r": 20, "t": 10, "b": 10},
        shapes=[_vline(low, {"color": LIGHT, "width": 1, "dash": "dot"}) for low, _ in LEVELS[1:]],
    )


def metrics_figure(criterion: CriterionResult, lang: Lang, height: int | None = None) -> go.Figure:
    """One criterion's metrics as 0–100 score bars, each labelled with its value and target."""
    rows = list(reversed(criterion.metrics))
    if not any(m.measured for m in rows):
        return _empty(t("not_measured", lang), 160)
    labels = []
    for m in rows:
        if m.measured:
            value = format_value(m.value, m.spec.unit, lang)
            target = format_value(m.target, m.spec.unit, lang)
            labels.append(f"{value} ({t('target', lang)} {target})")
        else:
            labels.append(t("not_measured", lang))
    fig = go.Figure(
        go.Bar(
            x=[m.score if m.score is not None else 0 for m in rows],
            y=[_plain(m.spec.title[lang] or m.id) for m in rows],
            orientation="h",
            marker={"color": [level_color(m.score) for m in rows]},
            text=[_plain(s) for s in labels],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 150], tickvals=[0, 50, 100], title=t("chart_score_axis", lang))
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=height or 90 + 55 * len(rows), lang=lang)


# --- the page against employees -------------------------------------------------


def monthly_activity_figure(
    page: pd.DataFrame, employees: pd.DataFrame, lang: Lang, height: int = 380
) -> go.Figure:
    """Page posts per month (bars, left axis) against employees' actions (line, right axis).

    `page`: columns `month`, `posts`. `employees`: columns `month`, `actions`, `active`.
    """
    if page.empty and employees.empty:
        return _empty(t("chart_no_data", lang), height)
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    if not page.empty:
        fig.add_trace(
            go.Bar(
                x=page["month"],
                y=page["posts"],
                name=t("chart_page_posts", lang),
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
                name=t("chart_employee_actions", lang),
                mode="lines+markers",
                line={"color": VERMILLION, "width": 3},
                marker={"size": 8, "symbol": "diamond"},
                hovertemplate="%{x|%m/%Y}: %{y}<extra></extra>",
            ),
            secondary_y=True,
        )
    fig.update_yaxes(title_text=t("chart_page_posts", lang), secondary_y=False, rangemode="tozero")
    fig.update_yaxes(
        title_text=t("chart_employee_actions", lang),
        secondary_y=True,
        rangemode="tozero",
        showgrid=False,
        tickmode="auto",
        nticks=6,
    )
    fig.update_xaxes(dtick="M1", tickformat="%m/%y")
    return _layout(
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
        return _empty(t("chart_no_data", lang), 200)
    wide = weekly.pivot_table(
        index="platform", columns="week", values="posts", aggfunc="sum", fill_value=0
    )
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=True).index]
    wide.index = [platform_label(p, lang) for p in wide.index]
    total = wide.sum(axis=0).to_frame().T
    total.index = [t("chart_all_platforms", lang)]
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
    text = [[t("chart_silent_week", lang) if v == 0 else str(int(v)) for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=weeks,
            y=[_plain(p) for p in grid.index],
            colorscale=colorscale,
            zmin=0,
            zmax=top,
            xgap=2,
            ygap=3,
            text=text,
            hovertemplate="%{y}, %{x|%d/%m/%Y}: %{text}<extra></extra>",
            colorbar={"title": {"text": t("chart_posts", lang)}, "thickness": 12},
        )
    )
    fig.update_xaxes(tickformat="%d/%m/%y", showgrid=False)
    fig.update_yaxes(showgrid=False, automargin=True)
    rows = len(grid.index)
    return _layout(fig, height=height or 120 + 34 * rows, lang=lang)


def platform_conversation_figure(frame: pd.DataFrame, lang: Lang, height: int = 360) -> go.Figure:
    """Reply rate and median first-response time per platform, side by side.

    `frame`: columns `platform`, `reply_rate` (0–1 or null), `median_response_hours`
    (or null) — the shape of `criteria.page.platform_conversation`.
    """
    if frame.empty:
        return _empty(t("chart_no_data", lang), height)
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(t("chart_reply_rate", lang), t("chart_response_hours", lang)),
        horizontal_spacing=0.14,
    )
    platforms = [_plain(platform_label(p, lang)) for p in frame["platform"]]
    rate = pd.to_numeric(frame["reply_rate"], errors="coerce")
    hours = pd.to_numeric(frame["median_response_hours"], errors="coerce")
    fig.add_trace(
        go.Bar(
            x=platforms,
            y=rate * 100,
            marker_color=BLUE,
            text=[format_value(v, "rate", lang) if pd.notna(v) else "—" for v in rate],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
            showlegend=False,
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Bar(
            x=platforms,
            y=hours,
            marker_color=ORANGE,
            text=[format_value(v, "hours", lang) if pd.notna(v) else "—" for v in hours],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
            showlegend=False,
        ),
        row=1,
        col=2,
    )
    fig.update_yaxes(range=[0, 115], ticksuffix=" %", row=1, col=1)
    top = float(hours.max()) if hours.notna().any() else 1.0
    fig.update_yaxes(range=[0, top * 1.25 or 1], row=1, col=2)
    return _layout(fig, height=height, lang=lang, margin={"l": 10, "r": 10, "t": 50, "b": 10})


# --- people ---------------------------------------------------------------------


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
        return _empty(t("chart_no_data", lang), 220)
    rows = frame.iloc[::-1]  # the first row (lowest rate) ends on top
    labels = [
        f"{format_value(r, 'rate', lang)} ({number(a, lang)} {t('of', lang)} {number(e, lang)})"
        for r, a, e in zip(rows["rate"], rows["active"], rows["employees"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["rate"] * 100,
            y=[_plain(d) for d in rows["department"]],
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
        lines.append((company_rate, TEXT, "dash", t("chart_company", lang)))
    if target is not None:
        lines.append((target, GREEN, "dot", t("target", lang)))
    lines.sort(key=lambda line: line[0])
    shapes, notes = [], []
    for i, (value, color, dash, name) in enumerate(lines):
        shapes.append(_vline(value * 100, {"color": color, "width": 2, "dash": dash}))
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
        ticktext=[f"{v} %" for v in ticks],
        title=t("chart_participation", lang),
    )
    fig.update_yaxes(automargin=True)
    return _layout(
        fig,
        height=height or 110 + 36 * len(rows),
        lang=lang,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        shapes=shapes,
        annotations=notes,
    )


def managers_figure(frame: pd.DataFrame, lang: Lang, height: int = 300) -> go.Figure:
    """Managers against everyone else: participation rate bars labelled with the counts.

    `frame`: columns `group`, `employees`, `active`, `rate` (the shape of
    `criteria.managers.managers_against_others`)."""
    if frame.empty:
        return _empty(t("chart_no_data", lang), height)
    names = {"managers": t("chart_managers", lang), "others": t("chart_others", lang)}
    fig = go.Figure(
        go.Bar(
            x=[names.get(g, g) for g in frame["group"]],
            y=frame["rate"] * 100,
            marker_color=[ORANGE if g == "managers" else BLUE for g in frame["group"]],
            text=[
                f"{format_value(r, 'rate', lang)} ({number(a, lang)} {t('of', lang)} {number(e, lang)})"
                for r, a, e in zip(frame["rate"], frame["active"], frame["employees"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
            width=0.5,
        )
    )
    top = max(float(frame["rate"].max()) * 100, 10.0)
    fig.update_yaxes(range=[0, top * 1.3], ticksuffix=" %", title=t("chart_participation", lang))
    return _layout(fig, height=height, lang=lang)


def activity_distribution_figure(curve: pd.DataFrame, lang: Lang, height: int = 360) -> go.Figure:
    """How the actions spread across employees: the concentration curve against equal shares.

    `curve`: columns `employees_share`, `actions_share` (the shape of
    `criteria.people.activity_curve`)."""
    if curve.empty or curve["actions_share"].max() <= 0:
        return _empty(t("chart_no_data", lang), height)
    x, y = curve["employees_share"] * 100, curve["actions_share"] * 100
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 100],
            y=[0, 100],
            mode="lines",
            name=t("chart_equal_share", lang),
            line={"color": GREY, "dash": "dash", "width": 2},
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            name=t("chart_actual_share", lang),
            line={"color": BLUE, "width": 4},
            fill="tonexty",
            fillcolor="rgba(0,114,178,0.12)",
            hovertemplate=_template("chart_lorenz_hover", lang) + "<extra></extra>",
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
        text=t("chart_top10_note", lang, share=number(ten, lang)),
        showarrow=False,
        font={"size": 15, "color": VERMILLION},
        bgcolor="rgba(255,255,255,0.9)",
    )
    fig.update_xaxes(range=[0, 101], ticksuffix=" %", title=t("chart_employees_axis", lang))
    fig.update_yaxes(range=[0, 102], ticksuffix=" %", title=t("chart_actions_axis", lang))
    return _layout(fig, height=height, lang=lang, legend={"orientation": "h", "y": -0.25, "x": 0})


def collaboration_heatmap_figure(
    matrix: pd.DataFrame, lang: Lang, height: int | None = None
) -> go.Figure:
    """Interactions between departments: rows are who acts, columns whose content they touch.

    `matrix`: long form with `from_department`, `to_department`, `n` (the shape of
    `criteria.network.department_matrix`); every department appears on both axes.
    """
    if matrix.empty:
        return _empty(t("chart_no_interactions", lang), 240)
    departments = sorted(set(matrix["from_department"]) | set(matrix["to_department"]))
    wide = (
        matrix.pivot_table(
            index="from_department", columns="to_department", values="n", aggfunc="sum"
        )
        .reindex(index=departments, columns=departments)
        .fillna(0)
    )
    z = wide.to_numpy(dtype=float)
    labels = [_plain(d) for d in departments]
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
            hovertemplate=_template("chart_matrix_hover", lang) + "<extra></extra>",
            showscale=False,
        )
    )
    fig.update_xaxes(title=t("chart_to_department", lang), tickangle=-35, side="bottom")
    fig.update_yaxes(title=t("chart_from_department", lang), autorange="reversed", automargin=True)
    size = len(departments)
    return _layout(fig, height=height or max(380, 160 + 42 * size), lang=lang)


# --- saved audits ------------------------------------------------------------------

# Twelve criterion lines: six palette colours (yellow is too pale for a thin line on
# white, black is the overall's), solid then dotted.
TREND_COLORS = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE)
TREND_DASHES = ("solid", "dot", "dash")
TICK_LENGTH = 20


def _month(day: date, lang: Lang) -> str:
    return day.strftime("%m/%Y") if lang == "it" else day.strftime("%Y-%m")


def _audit_tick(row: pd.Series, lang: Lang) -> str:
    """An audit on the time axis: its name, or its months in the reader's format when the
    name is the period as saved by default ("2026-01-01 – 2026-06-30" → "01/2026–06/2026")."""
    name = str(row["name"])
    start, end = pd.Timestamp(row["period_start"]).date(), pd.Timestamp(row["period_end"]).date()
    if name == f"{start.isoformat()} – {end.isoformat()}":
        first, last = _month(start, lang), _month(end, lang)
        return first if first == last else f"{first}–{last}"
    if len(name) > TICK_LENGTH:
        name = name[: TICK_LENGTH - 1].rstrip() + "…"
    return _plain(name)


def build_trend_figure(
    trend_frame: pd.DataFrame,
    lang: Lang,
    height: int = 440,
    *,
    criteria: Sequence[str] | None = None,
) -> go.Figure:
    """The overall index and every criterion's score across the saved audits, oldest first.

    `trend_frame`: the shape of `dashboard.store.trend` — one row per audit (`name`,
    `period_start`, `period_end`, `is_current`, `overall`, …) and a 0–100 column per
    criterion id, null where it was not measured (the line breaks there rather than
    dropping to 0). The overall index is the thick dark line, labelled; criteria are
    thinner, one colour and dash each; the maturity bands shade the background and the
    current audit is marked. Audits sit at even steps, so two with the same period (or
    the same name) stay apart. `criteria` draws only those criterion ids (None: all).
    """
    from dashboard.store.compare import TREND_COLUMNS  # the store's own table shape

    if trend_frame.empty:
        return _empty(t("chart_trend_empty", lang), height)
    frame = trend_frame.reset_index(drop=True)
    # A category per audit, its tick text as the label (the unified hover shows it);
    # invisible suffixes keep two audits with the same label apart.
    x, seen = [], {}
    for _, row in frame.iterrows():
        tick = _audit_tick(row, lang)
        seen[tick] = seen.get(tick, -1) + 1
        x.append(tick + "\u200b" * seen[tick])
    titles = {c.id: c.title[lang] for c in registry.criteria()}
    columns = [c for c in frame.columns if c not in TREND_COLUMNS]
    drawn = [c for c in columns if criteria is None or c in criteria]
    fig = go.Figure()
    for i, (low, _) in enumerate(LEVELS):
        high = LEVELS[i + 1][0] if i + 1 < len(LEVELS) else 100
        fig.add_hrect(
            y0=low, y1=high, fillcolor=LEVEL_COLORS[i], opacity=0.07, line_width=0, layer="below"
        )
    for i, cid in enumerate(drawn):
        scores = pd.to_numeric(frame[cid], errors="coerce")
        fig.add_trace(
            go.Scatter(
                x=x,
                y=scores,
                name=_plain(titles.get(cid, cid)),
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
    overall = pd.to_numeric(frame["overall"], errors="coerce")
    fig.add_trace(
        go.Scatter(
            x=x,
            y=overall,
            name=f"<b>{_plain(t('overall', lang))}</b>",
            mode="lines+markers+text",
            line={"color": TEXT, "width": 5},
            marker={
                "size": 12,
                "color": [level_color(v if pd.notna(v) else None) for v in overall],
            },
            text=[number(v, lang) if pd.notna(v) else "" for v in overall],
            textposition="top center",
            textfont={"size": 18, "color": TEXT},
            cliponaxis=False,
            hovertemplate="%{y:.1f}",
        )
    )
    current = [i for i, flag in enumerate(frame["is_current"]) if bool(flag)]
    for i in current:
        fig.add_vline(x=i, line={"color": GREY, "width": 2, "dash": "dot"}, layer="below")
        fig.add_annotation(
            x=i,
            y=1,
            xref="x",
            yref="paper",
            yanchor="bottom",
            text=t("chart_current_audit", lang),
            showarrow=False,
            font={"size": 14, "color": GREY},
        )
    fig.update_xaxes(type="category", range=[-0.4, len(x) - 0.6], showgrid=False)
    fig.update_yaxes(
        range=[0, 108], tickvals=[0, 20, 40, 60, 80, 100], title=t("chart_score_axis", lang)
    )
    return _layout(
        fig,
        height=height,
        lang=lang,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "font": {"size": 13}},
    )

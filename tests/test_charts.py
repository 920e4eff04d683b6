"""The Plotly figure builders, called without Streamlit on the sample and on edge cases."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts
from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.charts import style
from dashboard.criteria import registry
from dashboard.criteria.network import department_matrix
from dashboard.criteria.page import monthly_posts, platform_conversation, weekly_posts
from dashboard.criteria.people import participation_by_department
from dashboard.i18n import LANGS, t
from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.report.compare import TrendPoint, trend
from dashboard.settings import Settings


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor(load_sample())


@pytest.fixture(scope="module")
def scorecard(auditor):
    return auditor.scorecard()


@pytest.fixture(scope="module")
def ctx(auditor):
    return auditor.context()


def _texts(fig: go.Figure) -> str:
    """Every label a figure shows: traces' names and texts, axis titles, annotations."""
    parts = [str(a.text) for a in fig.layout.annotations]
    for trace in fig.data:
        parts += [str(trace.name or "")]
        for attr in ("text", "y", "x"):
            values = getattr(trace, attr, None)
            if values is not None and not isinstance(values, str):
                parts += [str(v) for v in values]
    for axis in ("xaxis", "yaxis", "yaxis2"):
        layout_axis = getattr(fig.layout, axis, None)
        if layout_axis is not None and layout_axis.title.text:
            parts.append(layout_axis.title.text)
    return " ".join(parts)


def test_overall_gauge_shows_score_and_level(scorecard) -> None:
    for lang in LANGS:
        fig = charts.overall_figure(scorecard, lang)
        indicator = fig.data[0]
        assert indicator.value == round(scorecard.score)
        number = next(a for a in fig.layout.annotations if a.text.endswith("/100"))
        assert number.text == f"{round(scorecard.score)}/100"
        # Below the arc, never on it (it sat inside the arc at 1280×720 and on phones).
        assert indicator.mode == "gauge" and number.y < indicator.domain.y[0]
        assert scorecard.level_name(lang) in _texts(fig)
        assert len(indicator.gauge.steps) == 5


def test_criteria_bars_keep_every_criterion_in_framework_order(scorecard) -> None:
    fig = charts.criteria_figure(scorecard, "it")
    bar = fig.data[0]
    assert len(bar.y) == 12
    # Plotly draws the first category at the bottom: reversed, the order is the framework's.
    # Long titles wrap onto two lines (at 1024 px they were cut), every word kept.
    shown = [label.replace("<br>", " ") for label in reversed(bar.y)]
    assert shown == [c.spec.title["it"] for c in scorecard.criteria]
    assert all(len(line) <= 22 for label in bar.y for line in label.split("<br>"))
    assert list(fig.layout.xaxis.range) == [0, 112]


def test_the_criteria_key_shows_each_level_in_the_colour_of_its_bars(scorecard) -> None:
    """The key is drawn in the chart's own colours (a key in other colours explains
    nothing), one entry per level, and adds no row and no length to any bar."""
    fig = charts.criteria_figure(scorecard, "it")
    bars, *key = fig.data
    assert not bars.showlegend and fig.layout.showlegend
    assert [k.name for k in key] == [t(f"level.{i}", "it") for i in range(5)]
    assert [k.marker.color for k in key] == list(style.LEVEL_COLORS)
    assert {c for c in bars.marker.color} <= set(style.LEVEL_COLORS)
    assert all(list(k.x) == [0] and k.y[0] in bars.y for k in key)


def test_unmeasured_criterion_is_labelled_not_zero() -> None:
    empty = Auditor(Dataset()).scorecard(Settings(), Period(date(2026, 1, 1), date(2026, 3, 31)))
    fig = charts.criteria_figure(empty, "en")
    assert set(fig.data[0].text) == {"not measured"}
    assert "not measured" in _texts(charts.overall_figure(empty, "en"))


def test_level_colors_are_the_colour_blind_safe_bands() -> None:
    assert charts.level_color(None) == style.GREY
    assert charts.level_color(0) == style.VERMILLION
    assert charts.level_color(19.99) == style.VERMILLION
    assert charts.level_color(20) == style.ORANGE
    assert charts.level_color(100) == style.LEVEL_COLORS[-1]
    assert set(style.LEVEL_COLORS[:4]) <= {*style.PALETTE}


def test_department_participation_marks_company_rate_and_target(ctx, scorecard) -> None:
    frame = participation_by_department(ctx).to_pandas()
    rate = scorecard.metric("involvement.participation_rate").value
    fig = charts.department_participation_figure(frame, "it", rate, 0.3)
    assert len(fig.data[0].y) == len(frame)
    labels = _texts(fig)
    assert "azienda" in labels and "obiettivo 30%" in labels
    assert " su " in labels  # "12 % (1 su 8)": counts in Italian
    assert len(fig.layout.shapes) == 2


def test_collaboration_heatmap_is_square_over_every_department(ctx) -> None:
    matrix = department_matrix(ctx).to_pandas()
    fig = charts.collaboration_heatmap_figure(matrix, "en")
    heat = fig.data[0]
    departments = set(matrix["from_department"]) | set(matrix["to_department"])
    assert len(heat.x) == len(heat.y) == len(departments)
    assert heat.customdata.sum() == matrix["n"].sum()


def test_collaboration_heatmap_shows_departments_with_no_interactions(ctx) -> None:
    matrix = department_matrix(ctx).to_pandas()
    fig = charts.collaboration_heatmap_figure(matrix, "en", ["Zeta silent department"])
    heat = fig.data[0]
    assert "Zeta silent department" in heat.x and "Zeta silent department" in heat.y
    row = list(heat.y).index("Zeta silent department")
    assert not heat.customdata[row].any()  # an empty row, drawn, not left out


def test_weeks_calendar_colour_bar_counts_whole_posts(ctx) -> None:
    fig = charts.weeks_calendar_figure(weekly_posts(ctx).to_pandas(), "en")
    bar = fig.data[0].colorbar
    assert bar.tickformat == "d" and float(bar.dtick).is_integer() and bar.dtick >= 1


def test_the_concentration_curve_writes_its_origin_once(ctx) -> None:
    from dashboard.criteria.people import activity_concentration

    curve = activity_concentration(ctx.per_employee["actions"]).to_pandas()
    fig = charts.activity_distribution_figure(curve, "it")
    assert 0 not in fig.layout.yaxis.tickvals  # "0 %0 %" at the origin, before


def test_weeks_calendar_has_a_row_per_platform_and_all(ctx) -> None:
    weekly = weekly_posts(ctx).to_pandas()
    fig = charts.weeks_calendar_figure(weekly, "en")
    heat = fig.data[0]
    assert list(heat.y)[-1] == "All"
    assert "YouTube" in heat.y and "youtube" not in heat.y  # labels, not raw ids
    assert len(heat.x) == weekly["week"].nunique()
    silent = sum(row.count("no post") for row in heat.text)
    assert silent == int(
        (weekly.groupby("platform")["posts"].apply(lambda s: (s == 0).sum())).sum()
    ) + int((weekly.groupby("week")["posts"].sum() == 0).sum())


def test_monthly_activity_has_page_and_employee_series(ctx) -> None:
    page, employees = monthly_posts(ctx).to_pandas(), ctx.monthly_activity.to_pandas()
    fig = charts.monthly_activity_figure(page, employees, "it")
    assert [trace.name for trace in fig.data] == ["Post della pagina", "Azioni dei dipendenti"]
    assert fig.data[0].y.sum() == page["posts"].sum()


def test_platform_conversation_has_reply_rate_and_response_time(ctx) -> None:
    frame = platform_conversation(ctx).to_pandas()
    fig = charts.platform_conversation_figure(frame, "en")
    assert len(fig.data) == 2
    assert "Reply rate to comments" in _texts(fig)
    assert all(p in {"LinkedIn", "Facebook", "Instagram", "X", "YouTube"} for p in fig.data[0].x)


def test_managers_figure_names_the_groups() -> None:
    frame = pd.DataFrame(
        [
            {"group": "managers", "employees": 2, "active": 1, "rate": 0.5},
            {"group": "others", "employees": 4, "active": 2, "rate": 0.5},
        ]
    )
    fig = charts.managers_figure(frame, "it")
    assert list(fig.data[0].x) == ["Manager", "Altri dipendenti"]


def test_empty_inputs_give_a_message_not_empty_axes() -> None:
    empty = pd.DataFrame(columns=["month", "posts"])
    fig = charts.monthly_activity_figure(empty, pd.DataFrame(columns=["month", "actions"]), "it")
    assert "Nessun dato" in fig.layout.annotations[0].text
    fig = charts.collaboration_heatmap_figure(
        pd.DataFrame(columns=["from_department", "to_department", "n"]), "en"
    )
    assert "No interactions" in fig.layout.annotations[0].text
    assert charts.department_participation_figure(pd.DataFrame(), "en").layout.annotations


def test_uploaded_text_cannot_inject_markup() -> None:
    frame = pd.DataFrame(
        {"department": ["<b>Sales</b><img src=x>"], "employees": [2], "active": [1], "rate": [0.5]}
    )
    fig = charts.department_participation_figure(frame, "en")
    assert fig.data[0].y[0] == "&lt;b&gt;Sales&lt;/b&gt;&lt;img src=x&gt;"


def test_italian_figures_use_italian_separators(scorecard) -> None:
    assert charts.criteria_figure(scorecard, "it").layout.separators == ",."
    assert charts.criteria_figure(scorecard, "en").layout.separators == ".,"


# --- saved audits: the trend -------------------------------------------------------------


def _trend(rows: list[dict]) -> list[TrendPoint]:
    """Trend points (`report.compare.trend`): audits oldest first, a score per criterion."""
    points = []
    for r in rows:
        scores = {c.id: None for c in registry.criteria()}
        scores.update({k: v for k, v in r.items() if k in scores})
        points.append(
            TrendPoint(
                audit_id=r["audit_id"],
                name=r["name"],
                period=Period(r["period_start"], r["period_end"]),
                saved_at=datetime(2026, 7, 1),
                is_current=r["is_current"],
                overall=r["overall"],
                level=None,
                measured=sum(v is not None for v in scores.values()),
                scores=scores,
            )
        )
    return points


TREND = [
    {
        "audit_id": 1,
        "name": "2025-11-01 – 2026-04-30",
        "period_start": date(2025, 11, 1),
        "period_end": date(2026, 4, 30),
        "is_current": False,
        "overall": 58.4,
        "involvement": 40.0,
        "presence": 80.0,
    },
    {
        "audit_id": 2,
        "name": "Giugno <b>chiusura</b>",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 6, 30),
        "is_current": True,
        "overall": 63.9,
        "involvement": None,  # not measured in this audit: the line breaks, it does not drop
        "presence": 60.0,
    },
    {
        "audit_id": 3,
        "name": "Giugno <b>chiusura</b>",  # the same name again: still its own step
        "period_start": date(2026, 5, 1),
        "period_end": date(2026, 10, 31),
        "is_current": False,
        "overall": 71.0,
        "involvement": 55.0,
        "presence": 60.0,
    },
]


def test_trend_draws_the_overall_over_every_criterion_in_both_languages() -> None:
    frame = _trend(TREND)
    for lang in LANGS:
        fig = charts.build_trend_figure(frame, lang)
        assert len(fig.data) == 12 + 1
        overall = fig.data[-1]
        assert overall.line.width > max(trace.line.width for trace in fig.data[:-1])
        assert list(overall.y) == [58.4, 63.9, 71.0]
        names = [trace.name for trace in fig.data[:-1]]
        assert names[0] == ("Gestione interna" if lang == "it" else "In-house management")
        assert fig.layout.separators == (",." if lang == "it" else ".,")
        assert list(fig.layout.yaxis.range) == [0, 108]
    labels = list(charts.build_trend_figure(frame, "it").data[-1].text)
    assert labels == ["58", "64", "71"]


def test_trend_keeps_audits_apart_and_marks_the_current_one() -> None:
    fig = charts.build_trend_figure(_trend(TREND), "en")
    x = list(fig.data[-1].x)
    assert len(set(x)) == 3  # two audits with one name are two steps, not one
    assert x[0] == "2025-11–<br>2026-04"  # a default name reads as its months, two lines
    assert "&lt;b&gt;" in x[1] and "<b>" not in x[1]  # a name is text, never markup
    assert fig.layout.xaxis.type == "category"
    assert [a.text for a in fig.layout.annotations] == ["current"]
    assert len(fig.layout.shapes) == 5 + 1  # the maturity bands and the current audit
    involvement = next(trace for trace in fig.data if trace.name == "Employee involvement")
    assert np.isnan(involvement.y[1])  # not measured: a gap in the line, never 0


def test_trend_draws_only_the_criteria_asked_for() -> None:
    fig = charts.build_trend_figure(_trend(TREND), "en", criteria=["presence"])
    assert [trace.name for trace in fig.data] == ["Platform presence", "<b>Overall index</b>"]
    only_overall = charts.build_trend_figure(_trend(TREND), "en", criteria=[])
    assert len(only_overall.data) == 1


def test_trend_with_one_audit_and_with_none() -> None:
    one = charts.build_trend_figure(_trend(TREND[:1]), "en")
    assert list(one.data[-1].y) == [58.4] and "markers" in one.data[-1].mode
    empty = charts.build_trend_figure(_trend([]), "it")
    assert "Nessun audit salvato" in _texts(empty)
    assert not empty.data


def test_trend_from_the_store_shape(tmp_path) -> None:
    from dashboard.store import authorize, history, open_store

    engine = open_store(f"sqlite:///{tmp_path / 'trend.db'}")
    points = trend(history(engine, authorize(engine, "esempio", None)))
    fig = charts.build_trend_figure(points, "en")
    assert len(fig.data) == 13 and len(fig.data[-1].x) == 2
    engine.dispose()


def test_gauge_without_its_number_keeps_the_level() -> None:
    card = Auditor(load_sample()).scorecard()
    fig = charts.overall_figure(card, "it", show_number=False)
    assert fig.data[0].mode == "gauge"
    assert card.level_name("it") in _texts(fig)

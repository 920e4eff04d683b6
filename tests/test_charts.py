"""The Plotly figure builders, called without Streamlit on the sample and on edge cases."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts
from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria.network import department_matrix
from dashboard.criteria.page import monthly_posts, platform_conversation, weekly_posts
from dashboard.criteria.people import participation_by_department
from dashboard.i18n import LANGS
from dashboard.ingest import Dataset
from dashboard.period import Period
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
        assert indicator.number.suffix == "/100"
        assert scorecard.level_name(lang) in _texts(fig)
        assert len(indicator.gauge.steps) == 5


def test_criteria_bars_keep_every_criterion_in_framework_order(scorecard) -> None:
    fig = charts.criteria_figure(scorecard, "it")
    bar = fig.data[0]
    assert len(bar.y) == 12
    # Plotly draws the first category at the bottom: reversed, the order is the framework's.
    assert list(reversed(bar.y)) == [c.spec.title["it"] for c in scorecard.criteria]
    assert list(fig.layout.xaxis.range) == [0, 112]


def test_unmeasured_criterion_is_labelled_not_zero() -> None:
    empty = Auditor(Dataset()).scorecard(Settings(), Period(date(2026, 1, 1), date(2026, 3, 31)))
    fig = charts.criteria_figure(empty, "en")
    assert set(fig.data[0].text) == {"not measured"}
    assert "not measured" in _texts(charts.overall_figure(empty, "en"))


def test_level_colors_are_the_colour_blind_safe_bands() -> None:
    assert charts.level_color(None) == charts.GREY
    assert charts.level_color(0) == charts.VERMILLION
    assert charts.level_color(19.99) == charts.VERMILLION
    assert charts.level_color(20) == charts.ORANGE
    assert charts.level_color(100) == charts.LEVEL_COLORS[-1]
    assert set(charts.LEVEL_COLORS[:4]) <= {*charts.PALETTE}


def test_department_participation_marks_company_rate_and_target(ctx, scorecard) -> None:
    frame = participation_by_department(ctx).to_pandas()
    rate = scorecard.metric("involvement.participation_rate").value
    fig = charts.department_participation_figure(frame, "it", rate, 0.3)
    assert len(fig.data[0].y) == len(frame)
    labels = _texts(fig)
    assert "azienda" in labels and "obiettivo 30 %" in labels
    assert " su " in labels  # "12 % (1 su 8)": counts in Italian
    assert len(fig.layout.shapes) == 2


def test_collaboration_heatmap_is_square_over_every_department(ctx) -> None:
    matrix = department_matrix(ctx).to_pandas()
    fig = charts.collaboration_heatmap_figure(matrix, "en")
    heat = fig.data[0]
    departments = set(matrix["from_department"]) | set(matrix["to_department"])
    assert len(heat.x) == len(heat.y) == len(departments)
    assert heat.customdata.sum() == matrix["n"].sum()


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


def test_managers_vs_others_counts_each_group() -> None:
    people = pd.DataFrame(
        {
            "is_manager": [True, True, False, False, False, None],
            "active": [True, False, True, False, False, True],
        }
    )
    frame = charts.managers_vs_others(people)
    assert frame.to_dict("records") == [
        {"group": "managers", "employees": 2, "active": 1, "rate": 0.5},
        {"group": "others", "employees": 4, "active": 2, "rate": 0.5},
    ]
    fig = charts.managers_figure(frame, "it")
    assert list(fig.data[0].x) == ["Manager", "Altri dipendenti"]


@pytest.mark.parametrize(
    ("actions", "top10"),
    [
        ([10] + [0] * 9, 1.0),  # one of ten does everything
        ([1] * 10, 0.1),  # everyone the same
        ([0, 0, 0], 0.0),  # nobody active
    ],
)
def test_activity_concentration_curve(actions, top10) -> None:
    curve = charts.activity_concentration(actions)
    assert curve["employees_share"].iloc[0] == 0 and curve["employees_share"].iloc[-1] == 1
    at_ten = np.interp(0.1, curve["employees_share"], curve["actions_share"])
    assert at_ten == pytest.approx(top10)


def test_activity_concentration_is_bounded_for_big_companies() -> None:
    curve = charts.activity_concentration(range(233_000))
    assert len(curve) == 101
    assert curve["actions_share"].is_monotonic_increasing


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

"""Ramps, criterion and overall means, maturity levels, weakest link, gap priorities."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.criteria import registry
from dashboard.criteria.base import NOTHING_TO_COUNT as NOT_GIVEN
from dashboard.criteria.base import Measure
from dashboard.criteria.context import empty_data
from dashboard.document import to_document
from dashboard.gaps import gap_list
from dashboard.period import Period
from dashboard.report.tables import gaps_table
from dashboard.scoring import level_index, ramp, score
from dashboard.settings import Settings

PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))


@pytest.mark.parametrize(
    ("value", "floor", "target", "expected"),
    [
        (0.30, 0.0, 0.30, 100.0),  # exactly at target
        (0.15, 0.0, 0.30, 50.0),  # halfway
        (0.0, 0.0, 0.30, 0.0),  # at the floor
        (0.60, 0.0, 0.30, 100.0),  # above target: clipped
        (-1.0, 0.0, 0.30, 0.0),  # below floor: clipped
        (7.0, 60.0, 7.0, 100.0),  # lower is better, at target
        (33.5, 60.0, 7.0, 50.0),  # lower is better, halfway: (33.5 − 60) ÷ (7 − 60) = 0.5
        (90.0, 60.0, 7.0, 0.0),  # lower is better, past the floor
        (1.0, 1.0, 1.0, 100.0),  # degenerate ramp: meets target
    ],
)
def test_ramp(value: float, floor: float, target: float, expected: float) -> None:
    assert ramp(value, floor, target) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("overall", "level"),
    [(0, 0), (19.99, 0), (20, 1), (39.9, 1), (40, 2), (60, 3), (79.99, 3), (80, 4), (100, 4)],
)
def test_level_bands(overall: float, level: int) -> None:
    assert level_index(overall) == level


def measures_with(values: dict[str, float]) -> dict[str, Measure]:
    """Every metric not measured except those given."""
    return {
        m: Measure(values[m]) if m in values else Measure.not_measured(NOT_GIVEN)
        for m in registry.metrics()
    }


def test_criterion_is_weighted_mean_of_measured_metrics_and_overall_of_measured_criteria() -> None:
    # involvement: participation 0.15 (weight 2, ramp 0.05→0.30 → 40) and regular 0.15 (weight 1 → 100)
    # criterion = (40·2 + 100·1) ÷ 3 = 60; presence 0.5 → 50; overall = (60·1.5 + 50·1) ÷ 2.5 = 56
    values = {
        "involvement.participation_rate": 0.15,
        "involvement.regular_rate": 0.15,
        "presence.platform_coverage": 0.5,
    }
    card = score(empty_data(), PERIOD, Settings(), measures_with(values))
    assert card.criterion("involvement").score == pytest.approx(60.0)
    assert card.criterion("presence").score == pytest.approx(50.0)
    assert card.score == pytest.approx(56.0)
    assert (card.measured, card.total) == (2, 12)
    assert card.level_name("it") == "Strutturata" and card.level_name("en") == "Structured"
    assert card.criterion("voice").score is None
    assert card.criterion("voice").missing == [NOT_GIVEN]


def test_nothing_measured_gives_no_overall_score() -> None:
    card = score(empty_data(), PERIOD, Settings(), measures_with({}))
    assert card.score is None and card.level is None and card.measured == 0


def test_weakest_link_caps_the_level() -> None:
    values = {"involvement.participation_rate": 0.30, "presence.platform_coverage": 0.1}
    plain = score(empty_data(), PERIOD, Settings(), measures_with(values))
    weakest = score(empty_data(), PERIOD, Settings(weakest_link=True), measures_with(values))
    # overall = (100·1.5 + 10·1) ÷ 2.5 = 64 → Integrated; weakest criterion 10 → Absent
    assert plain.score == pytest.approx(64.0) and plain.level == 3
    assert weakest.level == 0


def test_gap_priority_is_criterion_weight_times_metric_weight_times_shortfall() -> None:
    values = {
        "involvement.participation_rate": 0.15,
        "presence.platform_coverage": 0.5,
        "voice.commentary_share": 0.6,
    }
    card = score(empty_data(), PERIOD, Settings(), measures_with(values))
    gaps = gap_list(card)
    # participation: 1.5 × 2 × (100 − 40) = 180; presence: 1 × 1 × (100 − 50) = 50; voice meets target: no gap
    assert [(g.metric.id, round(g.priority)) for g in gaps] == [
        ("involvement.participation_rate", 180),
        ("presence.platform_coverage", 50),
    ]
    row = to_document(card)["gaps"][0]
    assert row["recommendation"]["it"] and row["recommendation"]["en"]
    assert row["seed"] == registry.criterion("involvement").seed
    assert list(gaps_table(card, "it")["rank"]) == [1, 2]


def test_exactly_at_target_is_not_a_gap() -> None:
    card = score(
        empty_data(), PERIOD, Settings(), measures_with({"involvement.participation_rate": 0.30})
    )
    assert gap_list(card) == []


def test_lower_is_better_gap() -> None:
    card = score(
        empty_data(), PERIOD, Settings(), measures_with({"consistency.longest_silence_days": 33.5})
    )
    (gap,) = gap_list(card)
    assert gap.metric.score == pytest.approx(50.0)


def test_settings_change_the_score() -> None:
    values = {"involvement.participation_rate": 0.15}
    default = score(empty_data(), PERIOD, Settings(), measures_with(values))
    easier = Settings().with_metric("involvement.participation_rate", target=0.15)
    assert default.score == pytest.approx(40.0)
    assert score(empty_data(), PERIOD, easier, measures_with(values)).score == pytest.approx(100.0)

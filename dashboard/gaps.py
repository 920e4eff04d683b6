"""Scorecard → the prioritised gap list: what to fix first.

A gap is a measured metric that misses its target. Its priority is
`criterion weight × metric weight × (100 − metric score)` (AUDIT_FRAMEWORK.md), so a
heavily weighted metric far from target comes first. Tables, the JSON document and
the deliverables all read this one ranking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.scoring import CriterionResult, MetricResult, Scorecard


@dataclass(frozen=True)
class Gap:
    criterion: CriterionResult
    metric: MetricResult
    priority: float
    value: float  # the metric's value and score: a gap is always measured
    score: float


def gap_list(scorecard: Scorecard) -> list[Gap]:
    """Every metric below target, highest priority first (ties: framework order)."""
    gaps = [
        Gap(c, m, c.weight * m.weight * (100.0 - m.score), m.value, m.score)
        for c in scorecard.criteria
        for m in c.metrics
        if m.is_gap and m.value is not None and m.score is not None
    ]
    return sorted(gaps, key=lambda g: -g.priority)

"""Scorecard → the prioritised gap list: what to fix first, with its evidence and its argument.

A gap is a measured metric that misses its target. Its priority is
`criterion weight × metric weight × (100 − metric score)` (AUDIT_FRAMEWORK.md), so a
heavily weighted metric far from target comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.scoring import CriterionResult, MetricResult, Scorecard


@dataclass(frozen=True)
class Gap:
    criterion: CriterionResult
    metric: MetricResult
    priority: float

    def to_dict(self) -> dict[str, Any]:
        spec = self.metric.spec
        return {
            "criterion": self.criterion.id,
            "metric": self.metric.id,
            "value": self.metric.value,
            "target": self.metric.target,
            "score": round(self.metric.score, 2),
            "priority": round(self.priority, 2),
            "evidence": self.metric.measure.evidence,
            "recommendation": dict(spec.recommendation),
            "seed": self.criterion.spec.seed,
            "reference": dict(spec.reference) if spec.reference["en"] else None,
        }


def gap_list(scorecard: Scorecard) -> list[Gap]:
    """Every metric below target, highest priority first (ties: framework order)."""
    gaps = [
        Gap(c, m, c.weight * m.weight * (100.0 - m.score))
        for c in scorecard.criteria
        for m in c.metrics
        if m.is_gap
    ]
    return sorted(gaps, key=lambda g: -g.priority)


def gaps_frame(scorecard: Scorecard, lang: str = "en") -> pd.DataFrame:
    """The gap list as a table for views and downloads, in one language."""
    import pandas as pd  # here: the terminal's audit never needs pandas

    rows = []
    for rank, gap in enumerate(gap_list(scorecard), start=1):
        spec = gap.metric.spec
        rows.append(
            {
                "rank": rank,
                "priority": round(gap.priority, 1),
                "criterion": gap.criterion.spec.title[lang],
                "metric": spec.title[lang],
                "metric_id": spec.id,
                "value": gap.metric.value,
                "target": gap.metric.target,
                "score": round(gap.metric.score, 1),
                "unit": spec.unit,
                "recommendation": spec.recommendation[lang],
                "seed": gap.criterion.spec.seed,
                "reference": spec.reference[lang],
            }
        )
    columns = [
        "rank",
        "priority",
        "criterion",
        "metric",
        "metric_id",
        "value",
        "target",
        "score",
        "unit",
    ]
    return pd.DataFrame(rows, columns=[*columns, "recommendation", "seed", "reference"])

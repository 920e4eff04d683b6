"""Tables + settings + period → the `Scorecard`: every metric scored, criteria, overall index, level.

Scoring follows AUDIT_FRAMEWORK.md: a linear ramp from floor (0) to target (100),
clipped; a criterion is the weighted mean of its measured metrics; the overall index
the weighted mean of measured criteria; unmeasured things are left out and counted,
never scored as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dashboard.criteria import registry
from dashboard.criteria.advice import advice_for
from dashboard.criteria.base import Measure
from dashboard.criteria.context import AuditData, Context
from dashboard.criteria.families import FAMILIES
from dashboard.criteria.registry import CriterionSpec, MetricSpec
from dashboard.i18n import t
from dashboard.messages import Msg, Ref
from dashboard.period import Period
from dashboard.settings import Settings

# The lower bound of each maturity level, Absent to Social business (names: `level.<i>`).
LEVELS = (0, 20, 40, 60, 80)


def level_index(score: float) -> int:
    """0–4: which maturity band a 0–100 score falls in (a boundary belongs to the band above)."""
    return max(i for i, low in enumerate(LEVELS) if score >= low)


def level_name(index: int, lang: str) -> str:
    return t(f"level.{index}", lang)


def ramp(value: float, floor: float, target: float) -> float:
    """0 at the floor, 100 at the target, linear between, clipped; works both directions."""
    if target == floor:
        return 100.0 if value >= target else 0.0
    return max(0.0, min(100.0, (value - floor) / (target - floor) * 100.0))


def meets_target(value: float, floor: float, target: float) -> bool:
    return value <= target if floor > target else value >= target


@dataclass(frozen=True)
class MetricResult:
    spec: MetricSpec
    measure: Measure
    floor: float
    target: float
    weight: float
    score: float | None
    advice: str | None = None  # the recommendation's case (`criteria.advice`); None: its own

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def value(self) -> float | None:
        return self.measure.value

    @property
    def measured(self) -> bool:
        return self.measure.measured

    @property
    def is_gap(self) -> bool:
        """Below target by more than rounding: 24.99 % against 25 % is not worth a line."""
        value, score = self.measure.value, self.score
        if value is None or score is None or meets_target(value, self.floor, self.target):
            return False
        return round(score, 1) < 100.0


@dataclass(frozen=True)
class CriterionResult:
    spec: CriterionSpec
    weight: float
    metrics: tuple[MetricResult, ...]
    score: float | None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def measured(self) -> bool:
        return self.score is not None

    @property
    def missing(self) -> list[Msg | Ref | str]:
        """Why metrics were not measured (the inputs that would measure them)."""
        return list(
            dict.fromkeys(
                m.measure.missing for m in self.metrics if not m.measured and m.measure.missing
            )
        )


@dataclass(frozen=True)
class Scorecard:
    """The audit of one period: what every page, export and the CLI present."""

    period: Period
    criteria: tuple[CriterionResult, ...]
    score: float | None
    level: int | None  # index into LEVELS
    weakest_link: bool
    computed_at: datetime = field(default_factory=datetime.now)

    @property
    def measured(self) -> int:
        return sum(c.measured for c in self.criteria)

    @property
    def total(self) -> int:
        return len(self.criteria)

    def criterion(self, cid: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == cid)

    def metric(self, mid: str) -> MetricResult:
        return next(m for c in self.criteria for m in c.metrics if m.id == mid)

    def level_name(self, lang: str) -> str | None:
        return None if self.level is None else level_name(self.level, lang)


def weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """Σ w·x ÷ Σ w over (x, w) pairs; None when nothing is weighted."""
    total = sum(w for _, w in pairs)
    return sum(x * w for x, w in pairs) / total if total > 0 else None


def score_criterion(
    spec: CriterionSpec,
    measures: dict[str, Measure],
    settings: Settings,
    answers: Mapping[str, Any] | None = None,
) -> CriterionResult:
    results = []
    for m in spec.metrics:
        measure = measures[m.id]
        floor, target, weight = settings.floor(m.id), settings.target(m.id), settings.weight(m.id)
        score = ramp(measure.value, floor, target) if measure.value is not None else None
        advice = advice_for(m, score, measure.evidence, answers) if measure.measured else None
        results.append(MetricResult(m, measure, floor, target, weight, score, advice))
    score = weighted_mean([(r.score, r.weight) for r in results if r.score is not None])
    return CriterionResult(spec, settings.criterion_weight(spec.id), tuple(results), score)


def measure_criterion(spec: CriterionSpec, context: Context) -> dict[str, Measure]:
    """Run one criterion's family; it must return exactly the metrics the registry declares."""
    computed = FAMILIES[spec.id](context)
    declared = {m.id for m in spec.metrics}
    if set(computed) != declared:
        raise RuntimeError(
            f"{spec.id} computed {sorted(computed)}, registry declares {sorted(declared)}"
        )
    return computed


def measure_all(context: Context) -> dict[str, Measure]:
    """Run every criterion family."""
    measures: dict[str, Measure] = {}
    for spec in registry.criteria():
        measures.update(measure_criterion(spec, context))
    return measures


def score(
    data: AuditData,
    period: Period,
    settings: Settings,
    measures: dict[str, Measure] | None = None,
    questionnaire: Mapping[str, Any] | None = None,
) -> Scorecard:
    """The scorecard of one period under these answers. Pass `measures` to re-score new
    weights without recomputing."""
    if measures is None:
        measures = measure_all(Context(data, period, settings, questionnaire))
    criteria = tuple(
        score_criterion(spec, measures, settings, questionnaire) for spec in registry.criteria()
    )
    overall = weighted_mean([(c.score, c.weight) for c in criteria if c.score is not None])
    level = None if overall is None else level_index(overall)
    if level is not None and settings.weakest_link:
        level = min(level, *(level_index(c.score) for c in criteria if c.score is not None))
    return Scorecard(period, criteria, overall, level, settings.weakest_link)

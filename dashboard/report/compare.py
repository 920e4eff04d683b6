"""How a company moved: two audits side by side, and every saved audit of a workspace in a row.

Pure functions over what the store hands out (scorecards rebuilt from their documents,
`AuditInfo` headlines), returning records: `report.changes` lays the comparison out as
a table in one language, the executive view and its trend chart read the points.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from dashboard.criteria import registry
from dashboard.period import Period

if TYPE_CHECKING:
    from dashboard.scoring import CriterionResult, MetricResult, Scorecard
    from dashboard.store.records import AuditInfo

Level = Literal["overall", "criterion", "metric"]
SAME = 0.005  # scores are stored to two decimals: anything smaller is rounding


@dataclass(frozen=True)
class Change:
    """One line of a comparison: the overall index, a criterion or a metric, before (a) and
    after (b). A side that lacks the item (not measured, or not in that audit) is None."""

    level: Level
    id: str  # "overall", a criterion id or a metric id: unique, the key to titles
    criterion: str | None  # the criterion a line belongs to (None for the overall index)
    value_a: float | None = None
    value_b: float | None = None
    score_a: float | None = None
    score_b: float | None = None
    target_a: float | None = None
    target_b: float | None = None

    @property
    def delta(self) -> float | None:
        """score_b − score_a in points of the 0–100 scale: it reads the same way for
        lower-is-better metrics (a shorter silence is a positive delta)."""
        if self.score_a is None or self.score_b is None:
            return None
        return self.score_b - self.score_a

    @property
    def value_delta(self) -> float | None:
        """The raw difference of the values."""
        if self.value_a is None or self.value_b is None:
            return None
        return self.value_b - self.value_a

    @property
    def change(self) -> str:
        """The one-word verdict: better, worse, same, newly / no longer / not measured."""
        delta = self.delta
        if delta is not None:
            return "same" if abs(delta) < SAME else ("better" if delta > 0 else "worse")
        if self.score_b is not None:
            return "newly measured"
        return "no longer measured" if self.score_a is not None else "not measured"

    @property
    def target_moved(self) -> bool:
        """The target changed between the audits: the score moved for that reason too."""
        a, b = self.target_a, self.target_b
        return a is not None and b is not None and a != b


def compare(before: Scorecard, after: Scorecard) -> list[Change]:
    """Audit `before` against audit `after`: the overall index, then each criterion followed
    by its metrics, in the newer audit's order (then any only the older one had)."""
    changes = [Change("overall", "overall", None, score_a=before.score, score_b=after.score)]
    criteria_a = {c.id: c for c in before.criteria}
    criteria_b = {c.id: c for c in after.criteria}
    for cid in _union(criteria_b, criteria_a):
        ca, cb = criteria_a.get(cid), criteria_b.get(cid)
        changes.append(Change("criterion", cid, cid, score_a=_score(ca), score_b=_score(cb)))
        metrics_a = {m.id: m for m in (ca.metrics if ca else ())}
        metrics_b = {m.id: m for m in (cb.metrics if cb else ())}
        for mid in _union(metrics_b, metrics_a):
            changes.append(_metric_change(mid, cid, metrics_a.get(mid), metrics_b.get(mid)))
    return changes


def tally(changes: Sequence[Change], level: Level = "criterion") -> dict[str, int]:
    """How many criteria (or metrics) got better, worse or stayed the same, by verdict."""
    verdicts = [c.change for c in changes if c.level == level]
    return {verdict: verdicts.count(verdict) for verdict in CHANGES}


CHANGES = ("better", "worse", "same", "newly measured", "no longer measured", "not measured")


def _union(first: Mapping[str, object], then: Mapping[str, object]) -> list[str]:
    return [*first, *(k for k in then if k not in first)]


def _score(result: CriterionResult | MetricResult | None) -> float | None:
    return None if result is None else result.score


def _metric_change(mid: str, cid: str, a: MetricResult | None, b: MetricResult | None) -> Change:
    return Change(
        "metric",
        mid,
        cid,
        value_a=None if a is None else a.value,
        value_b=None if b is None else b.value,
        score_a=_score(a),
        score_b=_score(b),
        target_a=None if a is None else a.target,
        target_b=None if b is None else b.target,
    )


# --- the trend --------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    """One saved audit on the trend: its headline and every criterion's score (None where
    it was not measured, for every criterion of today's registry)."""

    audit_id: int
    name: str
    period: Period
    saved_at: datetime
    is_current: bool
    overall: float | None
    level: int | None
    measured: int
    scores: Mapping[str, float | None] = field(default_factory=dict)


def trend(history: Sequence[tuple[AuditInfo, Scorecard]]) -> list[TrendPoint]:
    """One point per audit, in the order given (the store gives the data's calendar)."""
    points = []
    for info, scorecard in history:
        scores: dict[str, float | None] = {c.id: None for c in registry.criteria()}
        scores.update({c.id: c.score for c in scorecard.criteria})
        points.append(
            TrendPoint(
                info.id,
                info.name,
                info.period,
                info.saved_at,
                info.is_current,
                info.overall_score,
                info.level,
                info.measured,
                scores,
            )
        )
    return points

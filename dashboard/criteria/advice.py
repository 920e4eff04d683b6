"""Which recommendation a gap reads: nearly there, a variant for the case the registry
declares (the questionnaire's answers, what the evidence lists), or the metric's own.

A recommendation that contradicts what the company already answered ("unblock access"
when access is open) or the numbers ("bring publishing in-house" at 79 % against 80 %)
costs the reader's trust in every other line, so the case is chosen at scoring time,
with the answers in hand, and the views only read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from dashboard.criteria import registry
from dashboard.criteria.base import Measure
from dashboard.i18n import format_value, t

NEAR = "near"


class Scored(Protocol):
    """A scored metric as `scoring.MetricResult` holds it (named here without importing
    the scoring, which imports this module); read-only, as the frozen result is."""

    @property
    def spec(self) -> registry.MetricSpec: ...

    @property
    def measure(self) -> Measure: ...

    @property
    def target(self) -> float: ...

    @property
    def advice(self) -> str | None: ...

    @property
    def value(self) -> float | None: ...


def advice_for(
    spec: registry.MetricSpec,
    score: float | None,
    evidence: Mapping[str, Any],
    answers: Mapping[str, Any] | None,
) -> str | None:
    """The case a gap is in: `NEAR`, a variant's id, or None for the metric's own text."""
    if score is not None and score >= registry.near_score():
        return NEAR
    for variant in spec.variants:
        if variant.holds(answers or {}, evidence):
            return variant.id
    return None


def recommendation(metric: Scored, lang: str) -> str:
    """The recommendation of a gap in `lang`, for the case it is in."""
    spec = metric.spec
    if metric.advice == NEAR:
        return t(
            "advice.near",
            lang,
            value=format_value(metric.value, spec.unit, lang),
            target=format_value(metric.target, spec.unit, lang),
        )
    variant = next((v for v in spec.variants if v.id == metric.advice), None)
    if variant is None:
        return spec.recommendation[lang]
    if variant.evidence:  # the listed items, named in the reader's words
        items = metric.measure.evidence.get(variant.evidence) or []
        named = ", ".join(t(f"advice.item.{item}", lang) for item in items)
        return variant.text(spec.id, lang, items=named)
    return variant.text(spec.id, lang)

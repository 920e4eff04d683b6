"""The audit document: a scorecard and its gaps as plain JSON, and the scorecard back from it.

The one definition of an audit outside the process. `audit --format json` prints it, a
saved audit stores it, and every view and deliverable renders a saved audit from the
scorecard rebuilt here, exactly as if it had just been computed. The fields are the
JSON contract: a reason or a note keeps its English sentence (`missing`, `note`) with
its stable code and parameters beside it (`missing_msg`, `note_msg`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from dashboard.criteria import registry
from dashboard.criteria.advice import recommendation
from dashboard.criteria.base import Measure
from dashboard.criteria.registry import CriterionSpec
from dashboard.gaps import Gap, gap_list
from dashboard.i18n import LANGS, MessageError, english
from dashboard.messages import Msg, Ref, from_json, msg, to_json
from dashboard.period import Period
from dashboard.scoring import LEVELS, CriterionResult, MetricResult, Scorecard, level_name


class DocumentError(MessageError, ValueError):
    """A document this version cannot rebuild (it names a metric no longer in the registry)."""


def to_document(scorecard: Scorecard) -> dict[str, Any]:
    """The scorecard, its criteria and metrics, and its prioritised gaps, as plain JSON values."""
    document = {
        "period": {
            "start": scorecard.period.start.isoformat(),
            "end": scorecard.period.end.isoformat(),
        },
        "overall": {
            "score": _rounded(scorecard.score),
            "level": scorecard.level_name("en"),
            "level_it": scorecard.level_name("it"),
            "measured": scorecard.measured,
            "total": scorecard.total,
            "weakest_link": scorecard.weakest_link,
        },
        "criteria": [_criterion(c) for c in scorecard.criteria],
        "gaps": [_gap(g) for g in gap_list(scorecard)],
    }
    # Evidence may hold dates or numpy numbers: the document holds only JSON's own types.
    plain: dict[str, Any] = json.loads(json.dumps(document, ensure_ascii=False, default=str))
    return plain


def from_document(data: Mapping[str, Any], computed_at: datetime | None = None) -> Scorecard:
    """A document as a `Scorecard` again, so every view renders it as if just computed.

    Scores come back rounded to two decimals (as stored) and the gaps are ranked again
    from them; specs come from today's registry, so a document naming a metric that no
    longer exists cannot be rebuilt (`DocumentError`).
    """
    specs = {c.id: c for c in registry.criteria()}
    try:
        criteria = tuple(_read_criterion(specs[c["id"]], c) for c in data["criteria"])
    except KeyError as error:
        raise DocumentError(msg("document.error.unknown_id", id=repr(error.args[0]))) from None
    overall = data["overall"]
    names = [level_name(i, "en") for i in range(len(LEVELS))]
    level = names.index(overall["level"]) if overall["level"] is not None else None
    period = Period(
        date.fromisoformat(data["period"]["start"]), date.fromisoformat(data["period"]["end"])
    )
    extra = {"computed_at": computed_at} if computed_at else {}
    return Scorecard(period, criteria, overall["score"], level, overall["weakest_link"], **extra)


# --- writing --------------------------------------------------------------------------------


def _rounded(score: float | None) -> float | None:
    return None if score is None else round(score, 2)


def _said(message: Msg | Ref | str | None) -> dict[str, Any] | None:
    """A reason's or a note's code; none for a sentence kept from an older document."""
    return to_json(message) if isinstance(message, Msg | Ref) else None


def _metric(m: MetricResult) -> dict[str, Any]:
    measure = m.measure
    return {
        "id": m.id,
        "value": measure.value,
        "score": _rounded(m.score),
        "floor": m.floor,
        "target": m.target,
        "weight": m.weight,
        "numerator": measure.numerator,
        "denominator": measure.denominator,
        "measured": measure.measured,
        "missing": english(measure.missing) or None,
        "missing_msg": _said(measure.missing),
        "note": english(measure.note),
        "note_msg": _said(measure.note),
        "evidence": measure.evidence,
        "advice": m.advice,
    }


def _criterion(c: CriterionResult) -> dict[str, Any]:
    return {
        "id": c.id,
        "score": _rounded(c.score),
        "weight": c.weight,
        "measured": c.measured,
        "missing": [english(m) for m in c.missing],
        "missing_msg": [_said(m) for m in c.missing],
        "metrics": [_metric(m) for m in c.metrics],
    }


def _gap(gap: Gap) -> dict[str, Any]:
    spec = gap.metric.spec
    reference = {lang: spec.reference[lang] for lang in LANGS}
    return {
        "criterion": gap.criterion.id,
        "metric": gap.metric.id,
        "value": gap.metric.value,
        "target": gap.metric.target,
        "score": _rounded(gap.metric.score),
        "priority": round(gap.priority, 2),
        "evidence": gap.metric.measure.evidence,
        "recommendation": {lang: recommendation(gap.metric, lang) for lang in LANGS},
        "seed": gap.criterion.spec.seed,
        "reference": reference if reference["en"] else None,
    }


# --- reading --------------------------------------------------------------------------------


def _read_criterion(spec: CriterionSpec, data: Mapping[str, Any]) -> CriterionResult:
    metrics = tuple(_read_metric(m) for m in data["metrics"])
    return CriterionResult(spec, data["weight"], metrics, data["score"])


def _read_metric(data: Mapping[str, Any]) -> MetricResult:
    measure = Measure(
        data["value"],
        data["numerator"],
        data["denominator"],
        data["evidence"],
        _read_said(data, "missing"),
        _read_said(data, "note"),
    )
    spec = registry.metrics()[data["id"]]
    return MetricResult(
        spec,
        measure,
        data["floor"],
        data["target"],
        data["weight"],
        data["score"],
        data.get("advice"),  # documents saved before recommendations had cases: none
    )


def _read_said(data: Mapping[str, Any], field: str) -> Msg | Ref | str | None:
    """A reason or a note by its code; a document written before codes existed keeps its
    English sentence, shown as written."""
    coded = data.get(f"{field}_msg")
    if coded is not None:
        return from_json(coded)
    return data.get(field) or None

"""Run the engine and the reference on one dataset and period, and list where they differ."""

from __future__ import annotations

import math
from datetime import date

from dashboard.audit import Auditor
from dashboard.criteria.base import Measure
from dashboard.period import Period
from dashboard.scoring import measure_all
from dashboard.settings import Settings
from reference.db import Ref, reference_measures

TOLERANCE = 1e-9


def engine_measures(dataset, start: date, end: date) -> dict[str, Measure]:
    """The engine's measures, through the same path as the app and the CLI (Auditor)."""
    return measure_all(Auditor(dataset).context(Settings(), Period(start, end)))


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def differences(engine: Measure, reference: Ref | None) -> str | None:
    """Why the two disagree on one metric, or None when they agree."""
    if reference is None:
        return None if not engine.measured else f"engine measured {engine.value}, reference not"
    if not engine.measured:
        return f"reference measured {reference}, engine not ({engine.missing})"
    pairs = {"value": (engine.value, reference.value)}
    if reference.denominator is not None:
        pairs["numerator"] = (engine.numerator, reference.numerator)
        pairs["denominator"] = (engine.denominator, reference.denominator)
    wrong = [f"{k} {e} ≠ {r}" for k, (e, r) in pairs.items() if not _same(e, r)]
    return "; ".join(wrong) or None


def disagreements(dataset, start: date, end: date) -> dict[str, str]:
    """metric id → how the engine and the reference differ (empty when they all agree)."""
    engine = engine_measures(dataset, start, end)
    reference = reference_measures(dataset, start, end)
    assert set(engine) == set(reference), set(engine) ^ set(reference)
    found = {mid: differences(engine[mid], reference[mid]) for mid in sorted(engine)}
    return {mid: why for mid, why in found.items() if why}

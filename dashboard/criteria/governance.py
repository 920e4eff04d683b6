"""Criterion family `governance`: placeholder until implemented (every metric not measured)."""

from __future__ import annotations

from dashboard.criteria import registry
from dashboard.criteria.base import Measure, family
from dashboard.criteria.context import Context


@family("governance")
def governance(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("governance").metrics
    }

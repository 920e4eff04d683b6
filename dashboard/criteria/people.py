"""Criterion family `people`: placeholder until implemented (every metric not measured)."""

from __future__ import annotations

from dashboard.criteria import registry
from dashboard.criteria.base import Measure, family
from dashboard.criteria.context import Context


@family("involvement")
def involvement(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("involvement").metrics
    }


@family("managers")
def managers(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("managers").metrics
    }


@family("voice")
def voice(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("voice").metrics
    }


@family("amplification")
def amplification(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("amplification").metrics
    }


@family("integration")
def integration(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("integration").metrics
    }

"""Criterion family `page`: placeholder until implemented (every metric not measured)."""

from __future__ import annotations

from dashboard.criteria import registry
from dashboard.criteria.base import Measure, family
from dashboard.criteria.context import Context


@family("in_house")
def in_house(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("in_house").metrics
    }


@family("consistency")
def consistency(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("consistency").metrics
    }


@family("conversation")
def conversation(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("conversation").metrics
    }


@family("ecosystem")
def ecosystem(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("ecosystem").metrics
    }


@family("presence")
def presence(ctx: Context) -> dict[str, Measure]:
    return {
        m.id: Measure.not_measured("not implemented yet")
        for m in registry.criterion("presence").metrics
    }

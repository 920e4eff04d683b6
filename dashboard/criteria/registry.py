"""The registry of criteria and metrics, read from `registry.toml` (the one place they are declared).

The TOML file holds everything a consultant may quote or tune — titles, formulas,
targets, weights, seed references, recommendations in Italian and English — and the
computing functions are attached by id from the criterion family modules.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal

Unit = Literal["rate", "ratio", "days", "hours", "number"]
Lang = Literal["it", "en"]


@dataclass(frozen=True)
class MetricSpec:
    """A metric as declared: what it means, its default ramp and weight, what it needs."""

    id: str  # "criterion.metric"
    criterion: str
    title: dict[str, str]
    description: dict[str, str]
    formula: str
    of: dict[str, str]
    unit: Unit
    floor: float
    target: float
    weight: float
    inputs: tuple[str, ...]
    recommendation: dict[str, str]
    reference: dict[
        str, str
    ]  # a public figure beside the target, with source and year ("" if none)
    references: tuple[str, ...] = ()  # those figures' ids in dashboard/report/citations.toml

    @property
    def lower_is_better(self) -> bool:
        return self.floor > self.target


@dataclass(frozen=True)
class CriterionSpec:
    """A criterion as declared: the seed argument it rests on and its metrics."""

    id: str
    title: dict[str, str]
    seed: str
    argument: dict[str, str]
    weight: float
    metrics: tuple[MetricSpec, ...]


def _pair(entry: dict, field: str) -> dict[str, str]:
    return {"it": entry.get(f"{field}_it", ""), "en": entry.get(f"{field}_en", "")}


@cache
def criteria() -> tuple[CriterionSpec, ...]:
    """Every criterion in framework order, as declared in registry.toml."""
    raw = tomllib.loads(files("dashboard.criteria").joinpath("registry.toml").read_text("utf-8"))
    out = []
    for cid, entry in raw["criteria"].items():
        metrics = tuple(
            MetricSpec(
                id=f"{cid}.{mid}",
                criterion=cid,
                title=_pair(m, "title"),
                description=_pair(m, "description"),
                formula=m["formula"],
                of=_pair(m, "of"),
                unit=m["unit"],
                floor=float(m["floor"]),
                target=float(m["target"]),
                weight=float(m["weight"]),
                inputs=tuple(m["inputs"]),
                recommendation=_pair(m, "recommendation"),
                reference=_pair(m, "reference"),
                references=tuple(m.get("references", ())),
            )
            for mid, m in entry["metrics"].items()
        )
        out.append(
            CriterionSpec(
                id=cid,
                title=_pair(entry, "title"),
                seed=entry["seed"],
                argument=_pair(entry, "argument"),
                weight=float(entry["weight"]),
                metrics=metrics,
            )
        )
    return tuple(out)


@cache
def metrics() -> dict[str, MetricSpec]:
    """Every metric by id."""
    return {m.id: m for c in criteria() for m in c.metrics}


def criterion(cid: str) -> CriterionSpec:
    return next(c for c in criteria() if c.id == cid)


def criteria_table_markdown() -> str:
    """The README's criteria table, generated so documentation cannot drift from the registry."""
    lines = [
        "| metric id | metric | formula | floor → target | weight | seed |",
        "|---|---|---|---|---|---|",
    ]
    for c in criteria():
        for m in c.metrics:
            lines.append(
                f"| `{m.id}` | {m.title['en']} / {m.title['it']} | {m.formula} | "
                f"{m.floor:g} → {m.target:g} ({m.unit}) | {c.weight:g} × {m.weight:g} | {c.seed} |"
            )
    return "\n".join(lines)

"""The registry of criteria and metrics, read from `registry.toml` (the one place they are declared).

The TOML file holds what a consultant may quote or tune — formulas, targets, weights,
seed references — and the computing functions are attached by id from the criterion
family modules. What people read about each criterion and metric (titles,
recommendations…) is in the catalogs, reached through `Texts`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal

from dashboard import i18n

Unit = Literal["rate", "ratio", "days", "hours", "number"]


@dataclass(frozen=True)
class Texts(Mapping[str, str]):
    """One text of the registry in every language: `spec.title["it"]`, read from the
    catalogs (`criterion.<id>.title`, `metric.<id>.recommendation`…). An optional text
    (a reference figure) reads "" where the catalog has none."""

    code: str

    def __getitem__(self, lang: str) -> str:
        return i18n.text(self.code, lang) if i18n.has(self.code, lang) else ""

    def __iter__(self) -> Iterator[str]:
        return iter(i18n.LANGS)

    def __len__(self) -> int:
        return len(i18n.LANGS)


@dataclass(frozen=True)
class Variant:
    """A recommendation for a case (registry.toml `variants`): when an answer of the
    questionnaire has a value, or when an evidence list of the metric is not empty."""

    id: str
    answer: str | None = None  # "section.key" of the questionnaire
    equals: object = None
    evidence: str | None = None

    def holds(self, answers: Mapping[str, object], evidence: Mapping[str, object]) -> bool:
        if self.answer is not None:
            section, _, key = self.answer.partition(".")
            given = answers.get(section)
            return isinstance(given, Mapping) and given.get(key) == self.equals
        return bool(self.evidence and evidence.get(self.evidence))

    def text(self, metric_id: str, lang: str, **params: object) -> str:
        return i18n.t(f"metric.{metric_id}.variant.{self.id}", lang, **params)


@dataclass(frozen=True)
class MetricSpec:
    """A metric as declared: what it means, its default ramp and weight, what it needs."""

    id: str  # "criterion.metric"
    criterion: str
    title: Texts
    description: Texts
    formula: str
    of: Texts
    unit: Unit
    floor: float
    target: float
    weight: float
    inputs: tuple[str, ...]
    recommendation: Texts
    reference: Texts  # a public figure beside the target, with source and year ("" if none)
    variants: tuple[Variant, ...] = ()  # recommendations for a case, tried in order
    references: tuple[str, ...] = ()  # those figures' ids in dashboard/report/citations.toml

    @property
    def lower_is_better(self) -> bool:
        return self.floor > self.target


@dataclass(frozen=True)
class CriterionSpec:
    """A criterion as declared: the seed argument it rests on and its metrics."""

    id: str
    title: Texts
    seed: str
    argument: Texts
    weight: float
    metrics: tuple[MetricSpec, ...]


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
                title=Texts(f"metric.{cid}.{mid}.title"),
                description=Texts(f"metric.{cid}.{mid}.description"),
                formula=m["formula"],
                of=Texts(f"metric.{cid}.{mid}.of"),
                unit=m["unit"],
                floor=float(m["floor"]),
                target=float(m["target"]),
                weight=float(m["weight"]),
                inputs=tuple(m["inputs"]),
                recommendation=Texts(f"metric.{cid}.{mid}.recommendation"),
                reference=Texts(f"metric.{cid}.{mid}.reference"),
                variants=tuple(Variant(**v) for v in m.get("variants", ())),
                references=tuple(m.get("references", ())),
            )
            for mid, m in entry["metrics"].items()
        )
        out.append(
            CriterionSpec(
                id=cid,
                title=Texts(f"criterion.{cid}.title"),
                seed=entry["seed"],
                argument=Texts(f"criterion.{cid}.argument"),
                weight=float(entry["weight"]),
                metrics=metrics,
            )
        )
    return tuple(out)


@cache
def near_score() -> float:
    """A gap scoring at least this is nearly at its target ([advice] near_score)."""
    raw = tomllib.loads(files("dashboard.criteria").joinpath("registry.toml").read_text("utf-8"))
    return float(raw["advice"]["near_score"])


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

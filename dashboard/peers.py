"""Peer benchmarks: where a client stands among the consultant's other clients, as aggregates.

A workspace may say its sector and size band; its peers are the other workspaces that
share either and have not opted out, each counted once through its latest audit. A
metric's figure (the client's percentile, the peers' quartiles) exists only when at
least `MIN_PEERS` peers measured it, so no single client can be read back from it; no
name, slug or audit of a peer ever leaves this module's inputs.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dashboard.criteria import registry

MIN_PEERS = 5
SECTORS = (
    "manufacturing",
    "retail",
    "finance",
    "professional_services",
    "technology",
    "health",
    "public",
    "education",
    "energy",
    "hospitality",
    "logistics",
    "media",
    "other",
)
SIZE_BANDS = ("1-49", "50-249", "250-999", "1000-4999", "5000+")
OVERALL = "overall"  # the overall index, benchmarked like a metric (higher is better)


@dataclass(frozen=True)
class PeerFigure:
    """One metric among peers: how many measured it, the client's percentile, their quartiles."""

    peers: int
    percentile: float  # 0–100: the share of peers the client does better than (ties count half)
    low: float  # first quartile of the peers' values
    median: float
    high: float  # third quartile


@dataclass(frozen=True)
class Benchmark:
    """A client's standing among its peers: the figures that may be shown, and why others not."""

    sector: str | None
    size_band: str | None
    opted_out: bool
    peers: int  # peer workspaces with at least one audit
    figures: Mapping[str, PeerFigure]  # metric id (or OVERALL) → figure, ≥ MIN_PEERS only

    @property
    def shown(self) -> bool:
        return bool(self.figures)


def document_values(document: Mapping[str, Any]) -> dict[str, float]:
    """Measured metric values of an audit document, and its overall index under OVERALL."""
    values = {
        m["id"]: float(m["value"])
        for c in document.get("criteria", ())
        for m in c.get("metrics", ())
        if m.get("measured") and m.get("value") is not None
    }
    score = document.get("overall", {}).get("score")
    if score is not None:
        values[OVERALL] = float(score)
    return values


def percentile(value: float, others: Iterable[float], lower_is_better: bool = False) -> float:
    """The share of `others` that `value` beats, ties counted half, as 0–100."""
    others = list(others)
    sign = -1 if lower_is_better else 1
    beaten = sum(1 for o in others if sign * (value - o) > 0)
    tied = sum(1 for o in others if o == value)
    return 100 * (beaten + tied / 2) / len(others)


def _lower_is_better(metric: str) -> bool:
    spec = registry.metrics().get(metric)
    return spec is not None and spec.lower_is_better


def benchmark(
    client: Mapping[str, Any] | None,
    peers: Iterable[Mapping[str, Any]],
    *,
    sector: str | None,
    size_band: str | None,
    opted_out: bool = False,
) -> Benchmark:
    """The figures for the client's audit document among its peers' latest documents.

    A metric the client did not measure, or that fewer than MIN_PEERS peers measured,
    has no figure; an opted-out client gets none at all.
    """
    peer_values = [document_values(p) for p in peers]
    if opted_out or client is None:
        return Benchmark(sector, size_band, opted_out, len(peer_values), {})
    figures = {}
    for metric, value in document_values(client).items():
        others = [v[metric] for v in peer_values if metric in v]
        if len(others) < MIN_PEERS:
            continue
        low, median, high = statistics.quantiles(others, n=4, method="inclusive")
        figures[metric] = PeerFigure(
            len(others), percentile(value, others, _lower_is_better(metric)), low, median, high
        )
    return Benchmark(sector, size_band, opted_out, len(peer_values), figures)

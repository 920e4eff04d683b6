"""How a company moved: two audits side by side, and every audit of a workspace in a row.

Pure functions over stored scorecards (`dashboard.document` documents), so they work
the same on a just-computed scorecard and on one read back from the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.criteria import registry

if TYPE_CHECKING:
    from dashboard.store.records import AuditInfo

COMPARE_COLUMNS = [
    "level",  # overall, criterion or metric
    "id",  # "overall", a criterion id or a metric id: unique, the key to titles
    "criterion",  # the criterion a row belongs to (empty for the overall row)
    "value_a",
    "value_b",
    "value_delta",
    "score_a",
    "score_b",
    "delta",  # score_b − score_a, in points of the 0–100 scale
    "target_a",
    "target_b",
    "change",
]
TREND_COLUMNS = [
    "audit_id",
    "name",
    "period_start",
    "period_end",
    "saved_at",
    "is_current",
    "overall",
    "level",
    "measured",
]
SAME = 0.005  # scores are stored to two decimals: anything smaller is rounding


def compare(a: dict[str, Any], b: dict[str, Any]) -> pd.DataFrame:
    """Audit `a` (before) against audit `b` (after): the overall index, then each criterion
    followed by its metrics, with values, scores, their differences and a one-word change.

    `delta` is on scores, so it reads the same way for lower-is-better metrics (a
    shorter silence is a positive delta); `value_delta` is the raw difference. A metric
    measured on one side only has no delta and says so in `change`. A target that moved
    between the two audits shows in `target_a`/`target_b`: the score moved for that reason.
    """
    rows = [_row("overall", "overall", None, a["overall"], b["overall"])]
    criteria_a = {c["id"]: c for c in a["criteria"]}
    criteria_b = {c["id"]: c for c in b["criteria"]}
    for cid in _union(criteria_b, criteria_a):
        ca, cb = criteria_a.get(cid, {}), criteria_b.get(cid, {})
        rows.append(_row("criterion", cid, cid, ca, cb))
        metrics_a = {m["id"]: m for m in ca.get("metrics", [])}
        metrics_b = {m["id"]: m for m in cb.get("metrics", [])}
        for mid in _union(metrics_b, metrics_a):
            rows.append(_row("metric", mid, cid, metrics_a.get(mid, {}), metrics_b.get(mid, {})))
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def _union(first: dict[str, Any], then: dict[str, Any]) -> list[str]:
    """Ids in the newer audit's order, then any only the older one had."""
    return [*first, *(k for k in then if k not in first)]


def _row(
    level: str, row_id: str, criterion: str | None, a: dict[str, Any], b: dict[str, Any]
) -> dict[str, Any]:
    """One line of the comparison from the two sides' documents (overall, criterion or metric;
    a side that lacks the item is an empty dict)."""
    value_a, value_b = a.get("value"), b.get("value")
    score_a, score_b = a.get("score"), b.get("score")
    delta = score_b - score_a if score_a is not None and score_b is not None else None
    return {
        "level": level,
        "id": row_id,
        "criterion": criterion,
        "value_a": value_a,
        "value_b": value_b,
        "value_delta": value_b - value_a if value_a is not None and value_b is not None else None,
        "score_a": score_a,
        "score_b": score_b,
        "delta": delta,
        "target_a": a.get("target"),
        "target_b": b.get("target"),
        "change": _change(score_a, score_b, delta),
    }


def _change(score_a: float | None, score_b: float | None, delta: float | None) -> str:
    if delta is not None:
        return "same" if abs(delta) < SAME else ("better" if delta > 0 else "worse")
    if score_b is not None:
        return "newly measured"
    return "no longer measured" if score_a is not None else "not measured"


def trend_table(audits: Sequence[tuple[AuditInfo, dict[str, Any]]]) -> pd.DataFrame:
    """One row per audit, in the order given: the overall index and each criterion's score.

    A column per criterion of today's registry (so an empty workspace still has the
    table's shape), plus any criterion only older audits have.
    """
    columns = [*TREND_COLUMNS, *(c.id for c in registry.criteria())]
    rows = []
    for info, scorecard in audits:
        row: dict[str, Any] = {
            "audit_id": info.id,
            "name": info.name,
            "period_start": info.period_start,
            "period_end": info.period_end,
            "saved_at": info.saved_at,
            "is_current": info.is_current,
            "overall": info.overall_score,
            "level": info.level,
            "measured": info.measured,
        }
        row.update({c["id"]: c["score"] for c in scorecard["criteria"]})
        columns += [k for k in row if k not in columns]
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)

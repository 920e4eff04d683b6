"""Saved audits as tables a reader takes in at a glance: the list, and how two compare.

`dashboard.store` lists the audits and `dashboard.report.compare` computes the
differences; here they become tables in one language: each item named, values in
their units (31%, 2,4×, 36 days), changes signed (+4,2 points, -3 pp), the one-word
verdict translated, dates as each language writes them. Nothing here touches Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.criteria import registry
from dashboard.i18n import Lang, date_text, format_value, number, t
from dashboard.report.compare import CHANGES, Change
from dashboard.report.tables import period_text

if TYPE_CHECKING:
    from dashboard.store.records import AuditInfo

COLUMNS = [
    "level",  # overall, criterion or metric (kept for styling)
    "item",
    "before",
    "after",
    "value_change",
    "score_before",
    "score_after",
    "score_change",
    "change",
    "note",
    "delta",  # the score difference as a number (None when one side is not measured)
]
SAME = 0.05  # a difference that rounds to 0,0 points reads as no change


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def signed(value: float | None, lang: Lang, decimals: int = 1) -> str:
    """+4.2 / −3.0 as each language writes it; '0' when it rounds to nothing; '—' if unknown.

    The minus is ASCII, so `st.metric` reads the sign of a text delta."""
    if value is None or _missing(value):
        return "—"
    if abs(value) < 0.5 * 10**-decimals:
        return "0"
    text = number(abs(value), lang, decimals)
    return f"+{text}" if value > 0 else f"-{text}"


def value_change_text(delta: float | None, unit: str, lang: Lang) -> str:
    """A metric's raw difference in its unit: rates in percentage points."""
    if delta is None or _missing(delta):
        return ""
    if unit == "rate":
        return f"{signed(delta * 100, lang)} {t('compare.points_pp', lang)}"
    if unit == "ratio":
        return f"{signed(delta, lang)}×"
    if unit == "days":
        return f"{signed(delta, lang, 0)} {t('audit.days', lang)}"
    if unit == "hours":
        return f"{signed(delta, lang)} {t('audit.hours', lang)}"
    return signed(delta, lang, 2)


def change_text(change: str, lang: Lang) -> str:
    """The store's one-word verdict ("better", "newly measured"…) in the reader's language."""
    key = f"compare.change.{change.replace(' ', '_')}"
    return t(key, lang) if change in CHANGES else change


def item_title(level: str, item_id: str, lang: Lang) -> str:
    """The overall index, a criterion or a metric, by its title (an id no longer in the
    registry keeps its id)."""
    if level == "overall":
        return t("audit.overall", lang)
    if level == "criterion":
        spec = next((c for c in registry.criteria() if c.id == item_id), None)
        return spec.title[lang] if spec else item_id
    metric = registry.metrics().get(item_id)
    return f"· {metric.title[lang] if metric else item_id}"


def _score(value: Any, lang: Lang) -> str:
    return "—" if _missing(value) else number(value, lang, 1)


def compare_table(changes: Sequence[Change], lang: Lang, *, metrics: bool = True) -> pd.DataFrame:
    """A comparison (`report.compare.compare`) as the rows a reader sees: the overall index,
    each criterion and, when `metrics`, its metrics, the changes signed and the targets
    that moved noted."""
    specs = registry.metrics()
    rows = []
    for change in changes:
        if change.level == "metric" and not metrics:
            continue
        spec = specs.get(change.id) if change.level == "metric" else None
        unit = spec.unit if spec else "number"
        before = after = value_change = note = ""
        if change.level == "metric":
            before = "" if change.value_a is None else format_value(change.value_a, unit, lang)
            after = "" if change.value_b is None else format_value(change.value_b, unit, lang)
            value_change = value_change_text(change.value_delta, unit, lang)
            if change.target_moved:
                note = t(
                    "compare.target_moved",
                    lang,
                    before=format_value(change.target_a, unit, lang),
                    after=format_value(change.target_b, unit, lang),
                )
        delta = change.delta
        rows.append(
            {
                "level": change.level,
                "item": item_title(change.level, change.id, lang),
                "before": before,
                "after": after,
                "value_change": value_change,
                "score_before": _score(change.score_a, lang),
                "score_after": _score(change.score_b, lang),
                "score_change": "" if delta is None else signed(delta, lang),
                "change": change_text(change.change, lang),
                "note": note,
                "delta": delta,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


AUDIT_COLUMNS = ["number", "name", "period", "score", "level", "current", "saved_by", "saved_at"]


def audits_frame(audits: Sequence[AuditInfo], lang: Lang) -> pd.DataFrame:
    """The workspace's audits as listed (newest saved first): number, name, period, overall
    index and level, the current one starred, who saved it and when (local time)."""
    rows = [
        {
            "number": a.number,
            "name": a.name,
            "period": period_text(a.period, lang),
            "score": None if a.overall_score is None else number(a.overall_score, lang, 1),
            "level": a.level_name(lang) or t("audit.not_measured", lang),
            "current": "★" if a.is_current else "",
            "saved_by": a.saved_by,
            "saved_at": f"{date_text(a.saved_at.astimezone(), lang)} "
            f"{a.saved_at.astimezone():%H:%M}",
        }
        for a in audits
    ]
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def audit_label(audit: AuditInfo, lang: Lang) -> str:
    """One audit in a picker: "#12 · June close · 01/01/2026 – 30/06/2026 ★"."""
    star = " ★" if audit.is_current else ""
    period = period_text(audit.period, lang)
    if audit.name == audit.period.label():  # named by default after its period
        return f"#{audit.number} · {period}{star}"
    return f"#{audit.number} · {audit.name} · {period}{star}"

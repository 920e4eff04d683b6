"""Saved audits as tables a reader takes in at a glance: the list, and how two compare.

`dashboard.store` lists the audits and `dashboard.store.compare` computes the
differences; here they become tables in one language: each item named, values in
their units (31 %, 2,4×, 36 days), changes signed (+4,2 points, -3 pp), the one-word
verdict translated, dates as each language writes them. Nothing here touches Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.criteria import registry
from dashboard.i18n import Lang, date_text, format_value, number, t
from dashboard.report.tables import period_text

if TYPE_CHECKING:
    from dashboard.store.records import AuditInfo

CHANGES = ("better", "worse", "same", "newly measured", "no longer measured", "not measured")
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
    if _missing(value):
        return "—"
    if abs(value) < 0.5 * 10**-decimals:
        return "0"
    text = number(abs(value), lang, decimals)
    return f"+{text}" if value > 0 else f"-{text}"


def value_change_text(delta: float | None, unit: str, lang: Lang) -> str:
    """A metric's raw difference in its unit: rates in percentage points."""
    if _missing(delta):
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
    spec = registry.metrics().get(item_id)
    return f"· {spec.title[lang] if spec else item_id}"


def _score(value: Any, lang: Lang) -> str:
    return "—" if _missing(value) else number(value, lang, 1)


def compare_table(frame: pd.DataFrame, lang: Lang, *, metrics: bool = True) -> pd.DataFrame:
    """`store.compare(a, b)` as the rows a reader sees: the overall index, each criterion and,
    when `metrics`, its metrics, with the changes signed and the targets that moved noted."""
    specs = registry.metrics()
    rows = []
    for r in frame.to_dict("records"):
        level = r["level"]
        if level == "metric" and not metrics:
            continue
        spec = specs.get(r["id"]) if level == "metric" else None
        unit = spec.unit if spec else "number"
        before = after = value_change = note = ""
        if level == "metric":
            before = "" if _missing(r["value_a"]) else format_value(r["value_a"], unit, lang)
            after = "" if _missing(r["value_b"]) else format_value(r["value_b"], unit, lang)
            value_change = value_change_text(r["value_delta"], unit, lang)
            target_a, target_b = r["target_a"], r["target_b"]
            if not _missing(target_a) and not _missing(target_b) and target_a != target_b:
                note = t(
                    "compare.target_moved",
                    lang,
                    before=format_value(target_a, unit, lang),
                    after=format_value(target_b, unit, lang),
                )
        delta = None if _missing(r["delta"]) else float(r["delta"])
        rows.append(
            {
                "level": level,
                "item": item_title(level, r["id"], lang),
                "before": before,
                "after": after,
                "value_change": value_change,
                "score_before": _score(r["score_a"], lang),
                "score_after": _score(r["score_b"], lang),
                "score_change": "" if delta is None else signed(delta, lang),
                "change": change_text(r["change"], lang),
                "note": note,
                "delta": delta,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def counts(frame: pd.DataFrame, level: str = "criterion") -> dict[str, int]:
    """How many criteria (or metrics) got better, worse or stayed the same: `store.compare`
    rows of one level, counted by their verdict."""
    rows = frame[frame["level"] == level]
    return {change: int((rows["change"] == change).sum()) for change in CHANGES}


AUDIT_COLUMNS = ["id", "name", "period", "score", "level", "current", "saved_by", "saved_at"]


def audits_frame(audits: Sequence[AuditInfo], lang: Lang) -> pd.DataFrame:
    """The workspace's audits as listed (newest saved first): number, name, period, overall
    index and level, the current one starred, who saved it and when (local time)."""
    rows = [
        {
            "id": a.id,
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
        return f"#{audit.id} · {period}{star}"
    return f"#{audit.id} · {audit.name} · {period}{star}"

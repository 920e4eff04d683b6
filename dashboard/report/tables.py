"""The scorecard as tables in one language: criteria, metrics and the prioritised gaps.

The app shows these tables and the downloads write them, so what a consultant sees on
screen and what the client receives are the same rows. Values are written as people
read them (31 %, 2,4×, 36 hours); nothing here computes a score.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

from dashboard.criteria.advice import recommendation
from dashboard.criteria.page import NO_AUTHOR
from dashboard.gaps import gap_list
from dashboard.i18n import Lang, date_text, format_value, has, number, t
from dashboard.labels import platform_label
from dashboard.period import Period
from dashboard.questionnaire import GOVERNANCE_KEYS
from dashboard.report.citations import seed_titles
from dashboard.scoring import Scorecard

CHECKLIST_ITEMS = (*GOVERNANCE_KEYS, "policy_updated_12_months")


def period_text(period: Period, lang: Lang) -> str:
    return f"{date_text(period.start, lang)} – {date_text(period.end, lang)}"


def label(key: str, lang: Lang) -> str:
    """A column or evidence key as a reader sees it: its text when there is one, else tidied."""
    for area in ("col", "evidence"):
        if has(f"{area}.{key}", lang):
            return t(f"{area}.{key}", lang)
    if key in CHECKLIST_ITEMS:
        return t(f"questionnaire.question.{key}", lang)
    return key.replace("_", " ").capitalize()


PLATFORM_KEYS = {"platform", "platforms", "active_platforms", "silent_platforms"}
# Evidence values the engine writes as words, not data: the source a metric read
# ("active departments", "labels"), each `evidence.value.<words>` in the catalogs.
WORD_KEYS = {"source"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


def format_cell(key: str, value: Any, lang: Lang) -> str:
    """One evidence value as text: shares in %, counts with separators, ids named for people."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("word.yes" if value else "word.no", lang)
    if isinstance(value, list):
        return ", ".join(format_cell(key, v, lang) for v in value)
    if isinstance(value, float) and (key == "rate" or key.endswith(("_rate", "_share"))):
        return format_value(value, "rate", lang)
    if isinstance(value, int | float):
        return number(value, lang, 0 if float(value).is_integer() else 2)
    text = str(value)
    if key in WORD_KEYS:
        return t(f"evidence.value.{text.replace(' ', '_')}", lang)
    if key == "author" and text == NO_AUTHOR:
        return t("evidence.value.no_author", lang)
    if key in PLATFORM_KEYS:
        return platform_label(text, lang)
    if key in ("function", "author_type") and has(f"{key}.{text}", lang):
        return t(f"{key}.{text}", lang)
    if text in CHECKLIST_ITEMS:
        return label(text, lang)
    if _ISO_DAY.match(text):
        return date_text(date.fromisoformat(text), lang)
    if _ISO_TIME.match(text):
        moment = datetime.fromisoformat(text)
        return f"{date_text(moment, lang)} {moment:%H:%M}"
    return text


# In a one-line summary of a record: what it is about, then the one number that matters.
_NAMING = ("department", "from", "to", "author", "platform", "function", "employee_id", "week")
_COUNTING = ("rate", "unanswered", "n", "posts", "actions", "days", "reach", "employees", "active")


def _record_text(row: Mapping[str, Any], lang: Lang) -> str:
    names = [format_cell(k, row[k], lang) for k in _NAMING if row.get(k) not in (None, "")]
    about = " → ".join(names[:2]) if "from" in row else " ".join(names[:2])
    count = next((k for k in _COUNTING if isinstance(row.get(k), int | float)), None)
    if count is None:
        return about
    return f"{about} ({label(count, lang).lower()} {format_cell(count, row[count], lang)})"


def evidence_text(evidence: Mapping[str, Any], lang: Lang, limit: int = 3) -> str:
    """A metric's evidence in one line, for the gap table and the downloads."""
    parts = []
    for key, value in evidence.items():
        title = label(key, lang)
        if isinstance(value, list):
            if not value:
                continue
            if all(isinstance(v, Mapping) for v in value):
                items = [_record_text(row, lang) for row in value[:limit]]
            else:
                items = [format_cell(key, v, lang) for v in value[:limit]]
            more = f" (+{len(value) - limit})" if len(value) > limit else ""
            parts.append(f"{title}: {'; '.join(items)}{more}")
        elif not isinstance(value, Mapping):
            parts.append(f"{title}: {format_cell(key, value, lang)}")
    return " · ".join(parts)


GAP_COLUMNS = [
    "rank",
    "priority",
    "criterion",
    "metric",
    "value",
    "target",
    "score",
    "evidence",
    "recommendation",
    "seed",
    "reference",
    "metric_id",
    "criterion_id",
]


def gaps_table(scorecard: Scorecard, lang: Lang) -> pd.DataFrame:
    """The prioritised gap list in one language: values in their units, evidence in words."""
    rows = []
    for rank, gap in enumerate(gap_list(scorecard), start=1):
        spec, metric = gap.metric.spec, gap.metric
        rows.append(
            {
                "rank": rank,
                "priority": round(gap.priority, 1),
                "criterion": gap.criterion.spec.title[lang],
                "metric": spec.title[lang],
                "value": format_value(metric.value, spec.unit, lang),
                "target": format_value(metric.target, spec.unit, lang),
                "score": None if metric.score is None else round(metric.score, 1),
                "evidence": evidence_text(metric.measure.evidence, lang),
                "recommendation": recommendation(metric, lang),
                "seed": seed_titles(gap.criterion.spec.seed, lang),
                "reference": spec.reference[lang],
                "metric_id": spec.id,
                "criterion_id": gap.criterion.id,
            }
        )
    return pd.DataFrame(rows, columns=GAP_COLUMNS)

"""Engine results → the pandas tables the pages show: labelled, localised, names only on request.

Nothing here computes a number: it renames, formats, filters and joins the roster's
names onto pseudonymous ids when the user asked for names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pandas as pd
import polars as pl

from dashboard.criteria import registry
from dashboard.criteria.matching import Strangers
from dashboard.i18n import Lang, date_text, number, render, t
from dashboard.ingest import Dataset, Loaded
from dashboard.labels import format_label, kind_label
from dashboard.report.tables import format_cell, gaps_table, label
from dashboard.settings import Settings

__all__ = ["gaps_table", "label"]


def with_names(frame: pd.DataFrame, names: Mapping[str, str] | None) -> pd.DataFrame:
    """Add the name beside the employee id, only when names are given."""
    if not names or "employee_id" not in frame.columns:
        return frame
    out = frame.copy()
    out.insert(list(out.columns).index("employee_id") + 1, "name", out["employee_id"].map(names))
    return out


PEOPLE_COLUMNS = (
    "employee_id",
    "department",
    "is_manager",
    "actions",
    "posts",
    "shares",
    "comments",
    "reactions",
)


def most_active_table(
    per_employee: pl.DataFrame, lang: Lang, names: Mapping[str, str] | None, n: int
) -> pd.DataFrame:
    """The `n` employees with most company-related actions, with their counts, labelled in
    `lang`; the roster's names beside the ids only when `names` are given."""
    people = (
        per_employee.filter(pl.col("actions") > 0)
        .sort("actions", descending=True)
        .head(n)
        .select(PEOPLE_COLUMNS)
        .to_pandas()
    )
    people = with_names(people, names)
    people.columns = [label(str(c), lang) for c in people.columns]
    return people


# --- evidence -------------------------------------------------------------------------


def evidence_tables(
    evidence: Mapping[str, Any], lang: Lang, names: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, list[tuple[str, pd.DataFrame]]]:
    """A metric's evidence as (a table of single facts, [(title, table) for each listing]).

    Facts are the scalar entries (`employees: 120`); listings are lists of records or of
    values, and mappings. Everything stays data: the pages show these as tables, so no
    name or label from an upload is ever rendered as markup.
    """
    facts: list[dict[str, Any]] = []
    listings: list[tuple[str, pd.DataFrame]] = []
    for key, value in evidence.items():
        title = label(key, lang)
        if isinstance(value, list):
            if not value:
                facts.append({"what": title, "value": "—"})
            elif all(isinstance(v, Mapping) for v in value):
                frame = pd.DataFrame(value)
                frame = with_names(frame, names)
                for column in frame.columns:
                    frame[column] = pd.Series(
                        [format_cell(str(column), v, lang) for v in frame[column]],
                        dtype="string",
                        index=frame.index,
                    )
                frame.columns = [label(str(c), lang) for c in frame.columns]
                listings.append((title, frame))
            else:
                facts.append(
                    {
                        "what": title,
                        "value": ", ".join(format_cell(key, v, lang) for v in value),
                    }
                )
        elif isinstance(value, Mapping):
            if all(not isinstance(v, list | Mapping) for v in value.values()):
                frame = pd.DataFrame(
                    {
                        label("item", lang): [label(str(k), lang) for k in value],
                        label("value", lang): [
                            format_cell(str(k), v, lang) for k, v in value.items()
                        ],
                    }
                )
            else:
                frame = pd.DataFrame(
                    {
                        label("item", lang): [str(k) for k in value],
                        label("value", lang): [str(v) for v in value.values()],
                    }
                )
            listings.append((title, frame))
        else:
            facts.append({"what": title, "value": format_cell(key, value, lang)})
    fact_frame = pd.DataFrame(facts, columns=["what", "value"]).astype({"value": "string"})
    fact_frame.columns = [t("col.what", lang), t("col.value", lang)]
    return fact_frame, listings


# --- gaps -------------------------------------------------------------------------------


def filter_gaps(
    frame: pd.DataFrame,
    criteria: Iterable[str] | None = None,
    min_priority: float = 0.0,
    search: str = "",
) -> pd.DataFrame:
    """The gaps of the chosen criteria (ids), at or above a priority, matching a search text."""
    out = frame
    chosen = list(criteria or [])
    if chosen:
        out = out[out["criterion_id"].isin(chosen)]
    if min_priority:
        out = out[out["priority"] >= min_priority]
    needle = search.strip().lower()
    if needle:
        haystack = (
            out["criterion"]
            + " "
            + out["metric"]
            + " "
            + out["recommendation"]
            + " "
            + out["evidence"]
        ).str.lower()
        out = out[haystack.str.contains(needle, regex=False)]
    return out


# --- the load report ------------------------------------------------------------------


def files_table(dataset: Dataset, loads: list[Loaded], lang: Lang) -> pd.DataFrame:
    """What was read: the files in the dataset, then those that failed, one row each."""
    rows = []
    in_dataset = {f.digest for f in dataset.files}
    failed = [f for f in loads if not f.ok and f.digest not in in_dataset]
    for loaded in [*dataset.files, *failed]:
        summary = loaded.summary()
        period = summary["period"]
        rows.append(
            {
                t("col.file", lang): loaded.file,
                t("col.kind", lang): kind_label(summary["table"], lang)
                if summary["table"]
                else "—",
                t("col.format", lang): format_label(
                    loaded.format if loaded.ok or loaded.table else "unknown", lang
                ),
                t("col.period", lang): f"{date_text(date.fromisoformat(period[0]), lang)} – "
                f"{date_text(date.fromisoformat(period[1]), lang)}"
                if period
                else "",
                t("col.rows_loaded", lang): number(summary["rows_loaded"], lang)
                if loaded.frame is not None
                else "—",
                t("col.rows_rejected", lang): number(summary["rows_rejected"], lang)
                if loaded.frame is not None
                else "—",
                t("col.status", lang): t("status.loaded", lang)
                if loaded.ok
                else t("status.failed", lang),
            }
        )
    return pd.DataFrame(rows)


def unmatched_table(
    dataset: Dataset, strangers: Mapping[str, Strangers], lang: Lang
) -> pd.DataFrame:
    """People in the activity log or the advocacy summary who match nobody in the roster,
    as warnings of the load report: how many rows, a few of the ids, what to do."""
    rows = []
    for table, found in strangers.items():
        if not found.rows:
            continue
        files = [f.file for f in dataset.files if f.table == table]
        rows.append(
            {
                t("col.file", lang): ", ".join(files),
                t("col.severity", lang): t("severity.warning", lang),
                t("col.row", lang): None,
                t("col.column", lang): t(f"column.{table}.employee_id", lang),
                t("col.value", lang): ", ".join(found.examples),
                t("col.expected", lang): t("ui.unmatched.expected", lang),
                t("col.what_to_do", lang): t("ui.unmatched.what_to_do", lang),
                t("col.detail", lang): t(
                    "ui.unmatched.detail", lang, n=found.rows, total=found.total
                ),
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame[t("col.row", lang)] = frame[t("col.row", lang)].astype("Int64")
    return frame


def problems_table(
    loads: list[Loaded], lang: Lang, extra: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every problem of the files tried, in the user's language: where, the value, what was
    expected, what to do, and the detail. A column is the file's own header (data: kept
    as written) or the loader's label for a value the export implies (said in `lang`).
    `extra`: rows found after loading (people who match nobody in the roster), first."""
    problems = [p for loaded in loads for p in loaded.problems]
    if not problems:
        return extra if extra is not None else pd.DataFrame()
    frame = pd.DataFrame(
        {
            t("col.file", lang): [p.file for p in problems],
            t("col.severity", lang): [t(f"severity.{p.severity}", lang) for p in problems],
            t("col.row", lang): pd.array([p.row for p in problems], dtype="Int64"),
            t("col.column", lang): [render(p.column, lang) for p in problems],
            t("col.value", lang): [render(p.value, lang) for p in problems],
            t("col.expected", lang): [render(p.expected, lang) for p in problems],
            t("col.what_to_do", lang): [p.advice(lang) for p in problems],
            t("col.detail", lang): [render(p.message, lang) for p in problems],
        }
    )
    if extra is not None and not extra.empty:
        frame = pd.concat([extra, frame], ignore_index=True)
    return frame


# --- settings ---------------------------------------------------------------------------

# Rates are stored as fractions and edited as percentages.
UNIT_SCALE = {"rate": 100.0}


def unit_label(unit: str, lang: Lang) -> str:
    return {
        "rate": "%",
        "ratio": "×",
        "days": t("audit.days", lang),
        "hours": t("audit.hours", lang),
    }.get(unit, "")


def metric_settings_frame(settings: Settings, lang: Lang) -> pd.DataFrame:
    """Every metric's floor, target and weight as the Settings page edits them (rates in %)."""
    rows = []
    for c in registry.criteria():
        for m in c.metrics:
            scale = UNIT_SCALE.get(m.unit, 1.0)
            rows.append(
                {
                    "metric_id": m.id,
                    "criterion": c.title[lang],
                    "metric": m.title[lang],
                    "unit": unit_label(m.unit, lang),
                    "floor": settings.floor(m.id) * scale,
                    "target": settings.target(m.id) * scale,
                    "weight": settings.weight(m.id),
                }
            )
    return pd.DataFrame(rows)


def apply_metric_edits(settings: Settings, edits: Mapping[int, Mapping[str, Any]]) -> Settings:
    """Settings with the editor's changed cells applied: {row: {column: new value}}."""
    ids = list(registry.metrics())
    for row, changes in edits.items():
        metric_id = ids[int(row)]
        scale = UNIT_SCALE.get(registry.metrics()[metric_id].unit, 1.0)
        values = {
            column: float(value) / (1.0 if column == "weight" else scale)
            for column, value in changes.items()
            if column in ("floor", "target", "weight") and value is not None
        }
        if values:
            settings = settings.with_metric(metric_id, **values)
    return settings

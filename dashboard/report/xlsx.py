"""The scorecard and its gaps as an XLSX workbook, and the gaps as CSV, in one language.

Text from the uploads (author names, departments) can reach these files through the
evidence, so every cell is written as a plain string or number: a value such as
`=HYPERLINK(...)` stays text, never a formula (CSV cells that start like a formula are
prefixed with an apostrophe, the usual guard against spreadsheet formula injection).
"""

from __future__ import annotations

import io
import math
from typing import Any

import pandas as pd
import xlsxwriter

from dashboard.i18n import Lang, csv_dialect, number, t
from dashboard.report.tables import (
    GAP_COLUMNS,
    criteria_table,
    gaps_table,
    label,
    metrics_table,
    period_text,
)
from dashboard.scoring import Scorecard

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The gap list as the app shows it, less the internal criterion id.
GAP_EXPORT = [c for c in GAP_COLUMNS if c != "criterion_id"]


def _headers(frame: pd.DataFrame, lang: Lang) -> list[str]:
    return [label(str(c), lang) if c != "rank" else "#" for c in frame.columns]


def _safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def gaps_csv(scorecard: Scorecard, lang: Lang) -> bytes:
    """The gap list as CSV (UTF-8 with BOM so spreadsheet programs read the accents)."""
    frame = gaps_table(scorecard, lang)[GAP_EXPORT].copy()
    frame.columns = _headers(frame, lang)
    return frame_csv(frame, lang)


def frame_csv(frame: pd.DataFrame, lang: Lang) -> bytes:
    """Any table the app shows as CSV a spreadsheet opens safely: every text cell (headers
    included) that starts like a formula gets an apostrophe; UTF-8 with BOM, and the
    language's separator and decimal mark."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(lambda v: _safe_text(v) if isinstance(v, str) else v)
    frame.columns = [_safe_text(str(c)) for c in frame.columns]
    separator, decimal = csv_dialect(lang)
    # CRLF rows (RFC 4180): a carriage return inside a cell is then quoted, not a new row.
    text = frame.to_csv(index=False, sep=separator, decimal=decimal, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    return value


def _write_sheet(
    book: xlsxwriter.Workbook, name: str, frame: pd.DataFrame, lang: Lang, widths: dict[str, int]
) -> None:
    sheet = book.add_worksheet(name[:31])
    bold = book.add_format(
        {"bold": True, "bg_color": "#E8F1F8", "border": 1, "text_wrap": True, "valign": "top"}
    )
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for col, header in enumerate(_headers(frame, lang)):
        sheet.write_string(0, col, header, bold)
    for row, values in enumerate(frame.itertuples(index=False), start=1):
        for col, value in enumerate(values):
            value = _cell(value)
            if isinstance(value, int | float):
                sheet.write_number(row, col, value)
            else:
                sheet.write_string(row, col, str(value), wrap)
    for col, name_ in enumerate(frame.columns):
        sheet.set_column(col, col, widths.get(str(name_), 14))
    sheet.freeze_panes(1, 0)
    if len(frame):
        sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)


def to_xlsx(scorecard: Scorecard, lang: Lang) -> bytes:
    """A workbook: summary, criteria, metrics and the prioritised gaps, headers in `lang`."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    summary = pd.DataFrame(
        {
            "item": [
                t("audit.period", lang),
                t("audit.overall", lang),
                t("audit.level", lang),
                t("audit.criteria", lang),
            ],
            "value": [
                period_text(scorecard.period, lang),
                "—" if scorecard.score is None else f"{number(scorecard.score, lang, 1)}/100",
                scorecard.level_name(lang) or "—",
                t("audit.measured", lang, measured=scorecard.measured, total=scorecard.total),
            ],
        }
    )
    _write_sheet(book, t("report.sheet.summary", lang), summary, lang, {"item": 28, "value": 48})
    _write_sheet(
        book,
        t("report.sheet.criteria", lang),
        criteria_table(scorecard, lang),
        lang,
        {"criterion": 34, "criterion_id": 16, "missing": 50, "seed": 30},
    )
    _write_sheet(
        book,
        t("report.sheet.metrics", lang),
        metrics_table(scorecard, lang),
        lang,
        {"criterion": 30, "metric": 34, "metric_id": 36, "missing": 40, "note": 30},
    )
    _write_sheet(
        book,
        t("report.sheet.gaps", lang),
        gaps_table(scorecard, lang)[GAP_EXPORT],
        lang,
        {
            "rank": 5,
            "criterion": 28,
            "metric": 30,
            "evidence": 60,
            "recommendation": 80,
            "seed": 24,
            "reference": 50,
            "metric_id": 36,
        },
    )
    book.close()
    return buffer.getvalue()

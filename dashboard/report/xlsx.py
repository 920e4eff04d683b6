"""The gaps as CSV and the scorecard as the analysts' workbook, in one language.

Text from the uploads (author names, departments) can reach these files through the
evidence, so a value such as `=HYPERLINK(...)` must stay text, never a formula: the CSV
gives such a cell an apostrophe, the usual guard against spreadsheet formula injection
(`report.formulas`).
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import Lang, csv_dialect
from dashboard.report.formulas import formula_like
from dashboard.report.tables import (
    GAP_COLUMNS,
    gaps_table,
    label,
)
from dashboard.scoring import Scorecard

# The gap list as the app shows it, less the internal criterion id.
GAP_EXPORT = [c for c in GAP_COLUMNS if c != "criterion_id"]


def _headers(frame: pd.DataFrame, lang: Lang) -> list[str]:
    return [label(str(c), lang) if c != "rank" else "#" for c in frame.columns]


def _safe_text(value: str) -> str:
    return "'" + value if formula_like(value) else value


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


def to_xlsx(scorecard: Scorecard, lang: Lang) -> bytes:
    """The scorecard as the analysts' workbook (the Gaps page's download: no brand, no
    breakdowns, no file list; the Report control adds them)."""
    from dashboard.report.build import build_report
    from dashboard.report.workbook import to_workbook

    return to_workbook(build_report(scorecard, lang))

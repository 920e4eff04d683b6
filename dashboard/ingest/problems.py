"""The load report: every problem found while reading a file, as rows of a table.

A problem says where (file, row, column), what (the value), what was expected and a
stable reason code, so the CLI can print it as a line and the dashboard as a table.
Severity says what happened to the data: `error` (the file was not loaded),
`rejected` (that row was left out), `warning` (loaded, but look), `info` (a reading
the loader chose, e.g. day-first dates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd


from dashboard.i18n import english, render, t
from dashboard.messages import Msg, Ref

Severity = Literal["error", "rejected", "warning", "info"]
Text = Msg | Ref | str  # a message, or words kept as written (a header, a library's detail)

# Stable reason codes; what the user can do about each is `load.reason.<code>` in the catalogs.
REASON_CODES = (
    "empty_file",
    "header_only",
    "binary_file",
    "encoding",
    "bad_excel",
    "malformed_csv",
    "unknown_layout",
    "missing_column",
    "duplicate_column",
    "missing_value",
    "bad_number",
    "negative",
    "bad_date",
    "bad_boolean",
    "bad_choice",
    "duplicate_row",
    "date_order",
    "ragged_row",
    "bad_questionnaire",
    "inferred",
    "short_row",
    "same_name",
    "sheet_ignored",
    "no_header",
    "mapping_applied",
    "unsafe_workbook",
    "file_too_big",
    "too_many_columns",
    "field_too_long",
    "line_too_long",
    "too_slow",
    "unreadable",
    "truncated",
)

REPORT_COLUMNS = ["file", "row", "column", "value", "expected", "code", "severity", "message"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about one file."""

    file: str
    code: str
    severity: Severity
    expected: Text = ""
    row: int | None = None
    column: Text | None = None  # the file's own header, or a label for a value the export implies
    value: Text | None = None
    message: Text | None = None

    def advice(self, lang: str) -> str:
        """What the user can do about this kind of problem."""
        return t(f"load.reason.{self.code}", lang)

    def line(self) -> str:
        """One line for a terminal: `file:row [column] code: value — expected (message)`."""
        where = self.file + (f":{self.row}" if self.row is not None else "")
        if self.column:
            where += f" [{english(self.column)}]"
        parts = [f"{where}: {self.severity} {self.code}"]
        if self.value is not None:
            value = self.value if isinstance(self.value, str) else english(self.value)
            parts.append(f"value {value!r}")
        if self.expected:
            parts.append(f"expected {english(self.expected)}")
        parts.append(english(self.message) or self.advice("en"))
        return " — ".join(p for p in parts if p)


def report_frame(problems: list[Problem], lang: str = "en") -> pd.DataFrame:
    """The load report as a table, in the column order users read it, its words in `lang`."""
    import pandas as pd  # here: the terminal's audit never needs pandas

    rows = [
        {
            "file": p.file,
            "row": p.row,
            "column": render(p.column, lang) if p.column is not None else None,
            "value": render(p.value, lang) if p.value is not None else None,
            "expected": render(p.expected, lang),
            "code": p.code,
            "severity": p.severity,
            "message": render(p.message, lang) or p.advice(lang),
        }
        for p in problems
    ]
    frame = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return frame.astype({"row": "Int64"})


def blocking(problems: list[Problem]) -> list[Problem]:
    """The problems that stopped a file from loading."""
    return [p for p in problems if p.severity == "error"]

"""The load report: every problem found while reading a file, as rows of a table.

A problem says where (file, row, column), what (the value), what was expected and a
stable reason code, so the CLI can print it as a line and the dashboard as a table.
Severity says what happened to the data: `error` (the file was not loaded),
`rejected` (that row was left out), `warning` (loaded, but look), `info` (a reading
the loader chose, e.g. day-first dates).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd


Severity = Literal["error", "rejected", "warning", "info"]

# Stable reason codes and what the user can do about each.
REASONS: dict[str, str] = {
    "empty_file": "The file is empty: export it again.",
    "header_only": "The file has a header but no data rows: export a period with activity.",
    "binary_file": "This is not a table (CSV, Excel, TOML or JSON): check you picked the right file.",
    "encoding": "The text encoding could not be read: save the file as UTF-8 CSV.",
    "bad_excel": "The workbook could not be opened: save it again from Excel as .xlsx.",
    "malformed_csv": "The CSV rows could not be split into columns: check quotes and delimiters.",
    "unknown_layout": "The columns do not match any known table: rename the columns or map them.",
    "missing_column": "A required column is missing: add it, or rename the column that holds it.",
    "duplicate_column": "Two columns mean the same thing: keep one.",
    "missing_value": "A required value is blank: fill it in.",
    "bad_number": "Not a number: write digits only, e.g. 1234 or 1234,5.",
    "negative": "Counts cannot be negative.",
    "bad_date": "Not a date: use 2026-03-31, 31/03/2026 or 03/31/2026.",
    "bad_boolean": "Not a yes/no value: use true/false, sì/no, yes/no, 1/0 or x.",
    "bad_choice": "Not one of the accepted values.",
    "duplicate_row": "The same row appears more than once: the copy was ignored.",
    "date_order": "Dates could be read day-first or month-first: the reading shown was taken.",
    "ragged_row": "The row has a different number of fields from the header.",
    "bad_questionnaire": "The questionnaire could not be read: check the TOML/JSON syntax and keys.",
    "inferred": "A value the file did not give was inferred.",
    "short_row": "The row has fewer fields than the header: the missing cells were left blank.",
    "same_name": "Another file with this name was already loaded: both are kept.",
    "sheet_ignored": "A sheet holds another kind of table and was not read: upload it on its own.",
    "no_header": "The first row holds values, not column names: every row was read as data, and the mapping was not saved.",
    "mapping_applied": "The columns were matched with the mapping saved for this header.",
    "unsafe_workbook": "The workbook was refused: opening it would take more memory or time than allowed. Save it again from Excel or export it as CSV.",
    "file_too_big": "The file is larger than the server accepts: export a shorter period.",
    "too_many_columns": "The file has more columns than a table can have: check the delimiter.",
    "field_too_long": "A cell is longer than any real value: check for a missing closing quote.",
    "line_too_long": "A row is longer than any real row: check for a missing closing quote.",
    "too_slow": "Reading the file took longer than allowed: export a shorter period.",
    "unreadable": "The file could not be read: check it opens in a spreadsheet and try again.",
    "truncated": "More problems of this kind were found than are listed.",
}

REPORT_COLUMNS = ["file", "row", "column", "value", "expected", "code", "severity", "message"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about one file."""

    file: str
    code: str
    severity: Severity
    expected: str = ""
    row: int | None = None
    column: str | None = None
    value: str | None = None
    message: str = ""

    def line(self) -> str:
        """One line for a terminal: `file:row [column] code: value — expected (message)`."""
        where = self.file + (f":{self.row}" if self.row is not None else "")
        if self.column:
            where += f" [{self.column}]"
        parts = [f"{where}: {self.severity} {self.code}"]
        if self.value is not None:
            parts.append(f"value {self.value!r}")
        if self.expected:
            parts.append(f"expected {self.expected}")
        parts.append(self.message or REASONS.get(self.code, ""))
        return " — ".join(p for p in parts if p)


def report_frame(problems: list[Problem]) -> pd.DataFrame:
    """The load report as a table, in the column order users read it."""
    import pandas as pd  # here: the terminal's audit never needs pandas

    rows = []
    for p in problems:
        row = asdict(p)
        row["message"] = p.message or REASONS.get(p.code, "")
        rows.append(row)
    frame = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return frame.astype({"row": "Int64"})


def blocking(problems: list[Problem]) -> list[Problem]:
    """The problems that stopped a file from loading."""
    return [p for p in problems if p.severity == "error"]

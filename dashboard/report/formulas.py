"""Text a spreadsheet would run: a cell that starts like a formula (or a command).

Uploaded text (author names, departments) reaches the CSV and the workbooks through the
evidence; `formula_like` says which cells must be written as inert text, so both files
guard alike (the CSV with an apostrophe, the workbook with the cell's quote prefix).
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula (or a command): it starts
    with =, +, -, @, a tab or a carriage return."""
    return text.startswith(FORMULA_START)

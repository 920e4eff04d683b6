"""What every block of records is checked for, from its bytes and the frame polars read:
cells over the size limit, records shorter than the header, and whether any cell can
have white space around it (so text needs no stripping).
"""

from __future__ import annotations

import csv
import io

import polars as pl

from dashboard.ingest.blocks import count_byte
from dashboard.ingest.errors import ReadError
from dashboard.ingest.limits import Limits, at_most, megabytes


def unpadded(block: bytes, rows: int, eol: str, quoted: bool) -> bool:
    """True when no cell of the block can start or end with white space: ASCII with no
    space, tab, vertical tab or form feed, no carriage return but in CRLF line ends, and
    no line break inside a quoted cell. A few byte searches instead of stripping every
    text cell of a 10 M-row log."""
    if not block.isascii() or any(c in block for c in (b" ", b"\t", b"\x0b", b"\x0c")):
        return False
    if eol == "\n" and b"\r" in block and count_byte(block, b"\r") != block.count(b"\r\n"):
        return False
    if eol == "\r" and b"\n" in block:
        return False
    return not quoted or count_byte(block, eol.encode()) == rows


def check_fields(frame: pl.DataFrame, first_row: int, limits: Limits) -> None:
    """A text cell over the field limit is an error naming its row and column (a cell read
    natively is a number, a yes/no or a choice: short by construction)."""
    if frame.is_empty():
        return
    longest = frame.select(pl.col(pl.String).str.len_bytes().max()).row(0, named=True)
    for name, size in longest.items():
        if size is not None and size > limits.field_bytes:
            at = frame[name].str.len_bytes().arg_max() or 0
            raise ReadError(
                "field_too_long",
                row=first_row + at,
                column=f"#{int(name[1:]) + 1}",
                value=megabytes(size),
                expected=at_most(megabytes(limits.field_bytes), "PRESENZA_LIMIT_FIELD_BYTES"),
            )


def short_records(
    frame: pl.DataFrame, block: bytes, delimiter: str, width: int, eol: str, quoted: bool
) -> list[int]:
    """Indices of the block's records with fewer fields than the header (padded by polars).

    Every whole record has width − 1 delimiters outside its quoted cells, and polars
    has already read what is inside them: when the block's delimiters, less those in
    the cells, come to exactly that per non-blank row, no row is short (one count over
    the bytes and one over the cells, no second parse). Else only rows whose last cell
    is blank can be short; their fields are counted from the lines themselves (quoted
    sections taken out) when no record spans two lines, else by Python's csv module.
    """
    n = width
    if n == 1:
        return []
    blank = frame.select(pl.all_horizontal(pl.all().is_null())).to_series()
    separator = delimiter
    delimiters = count_byte(block, separator.encode())
    text = pl.col(pl.String)
    # Only text cells can hold a delimiter; most hold none, which one search tells.
    if (
        quoted
        and frame.select(pl.any_horizontal(text.str.contains(separator, literal=True).any())).item()
    ):
        inside = frame.select(
            pl.sum_horizontal(text.str.count_matches(separator, literal=True).sum())
        )
        delimiters -= inside.item() or 0
    if delimiters == (n - 1) * (frame.height - blank.sum()):
        return []
    candidates = (frame[f"c{n - 1}"].is_null() & ~blank).arg_true()
    if candidates.is_empty():
        return []
    lines = pl.read_csv(
        block,
        has_header=False,
        separator="\x1f" if delimiter != "\x1f" else "\x1e",
        quote_char=None,
        eol_char=eol,
        infer_schema=False,
        new_columns=["line"],
        truncate_ragged_lines=True,
        raise_if_empty=False,
    )["line"]
    if lines.len() == frame.height:  # no record spans two lines
        cells = lines.gather(candidates)
        if b'"' in block:  # delimiters inside quotes do not split fields
            cells = cells.str.replace_all('"[^"]*"', "")
        fields = cells.str.count_matches(delimiter, literal=True) + 1
        return candidates.filter(fields < n).to_list()
    counts = [
        len(r)
        for r in csv.reader(
            io.StringIO(block.decode("utf-8", "replace"), newline=""), delimiter=delimiter
        )
    ]
    return [i for i in candidates.to_list() if i < len(counts) and 0 < counts[i] < n]
